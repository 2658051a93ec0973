package dev.frontier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** `frontier gate` on a good run and on a deliberately worse one. */
@Tag("e2e")
class GateTest {

    @TempDir
    Path dir;

    private static final String LABELS = """
                Labels:
                - billing_refund: money back, a refund, charged twice, overcharged
                - billing_invoice: an invoice, receipt, VAT or PO number, billing email or address
                - account_login: cannot sign in, password reset, locked out, two-factor, SSO error
                - account_delete: delete my account, erase my data, GDPR erasure
                - data_export: export, download or back up data, CSV or JSON export
                - api_limits: API rate limit, 429 Too Many Requests, throttling, quota
                - integration_setup: connect or configure Slack, Salesforce, Jira, Zapier, webhooks
                - bug_report: something is broken: crash, error, wrong result, stopped working
                - feature_request: a suggestion or a request for something new
                - cancel_subscription: cancel the plan, end the subscription, do not renew
            """;

    /** The same suite name with a good or a degraded prompt (labels without their descriptions). */
    private Path suite(boolean degraded) throws IOException {
        String labels = degraded ? LABELS.replaceAll(":[^\\n]*\\n", ":\n").replace("Labels:\n", "Labels:\n") : LABELS;
        String yaml = """
                suite: routing
                dataset: { path: %s, id: id }
                prompt:
                  system: |
                    Choose the single label that best describes what the customer wants.
                %s
                    Answer with the label only.
                  user: "Classify this message.\\nMessage:\\n{{text}}"
                inference: { maxTokens: 20, temperature: 0 }
                candidates:
                  - { id: lite, model: amazon.nova-lite-v1:0, role: incumbent }
                scorers:
                  - { type: exact-match, expected: "{{intent}}" }
                gates:
                  - { metric: quality, min: 0.5 }
                  - { metric: costPer1kRequests, max: 1.0 }
                  - { regression: quality, maxDrop: 0.02 }
                  - { regression: costPer1kRequests, maxIncrease: 0.5 }
                """.formatted(Path.of("datasets/intents.csv").toAbsolutePath(), labels.indent(2).stripTrailing());
        Path f = dir.resolve(degraded ? "worse.yaml" : "good.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    private String[] args(String... a) {
        String[] all = new String[a.length + 4];
        System.arraycopy(a, 0, all, 0, a.length);
        all[a.length] = "--store";
        all[a.length + 1] = dir.resolve("store.db").toString();
        all[a.length + 2] = "--reports";
        all[a.length + 3] = dir.resolve("reports").toString();
        return all;
    }

    private String runId(MainTest.Outcome o) {
        Matcher m = Pattern.compile("report: .*/([0-9]{8}-[0-9]{6}-[0-9a-f]{4})/report\\.html").matcher(o.out());
        assertThat(m.find()).as(o.out() + o.err()).isTrue();
        return m.group(1);
    }

    @Test
    void aWorseRunFailsTheGateWithReadableJunitAndTheSameRunPasses() throws Exception {
        MainTest.Outcome good = MainTest.frontier(args("run", suite(false).toString(), "--sandbox",
                "--sandbox-time-scale", "0"));
        assertThat(good.code()).as(good.err()).isZero();
        String baseline = runId(good);

        MainTest.Outcome self = MainTest.frontier(args("gate", baseline, "--baseline", baseline));
        assertThat(self.code()).as(self.out() + self.err()).isZero();
        assertThat(self.out()).contains("gates passed: 4 passed, 0 failed");

        MainTest.Outcome worse = MainTest.frontier(args("run", suite(true).toString(), "--sandbox",
                "--sandbox-time-scale", "0"));
        assertThat(worse.code()).as(worse.err()).isZero();
        String head = runId(worse);
        MainTest.Outcome gate = MainTest.frontier(args("gate", head, "--baseline", baseline));
        assertThat(gate.code()).as(gate.out() + gate.err()).isEqualTo(1);
        assertThat(gate.out()).contains("failed   quality drops at most 0.02 vs baseline (lite)", "gates FAILED");

        Path folder = dir.resolve("reports/routing").resolve(head);
        Document junit = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(folder.resolve("junit.xml").toFile());
        Element suite = junit.getDocumentElement();
        assertThat(suite.getAttribute("tests")).isEqualTo("4");
        assertThat(Integer.parseInt(suite.getAttribute("failures"))).isPositive();
        NodeList failures = junit.getElementsByTagName("failure");
        java.util.List<String> messages = new java.util.ArrayList<>();
        for (int i = 0; i < failures.getLength(); i++) {
            messages.add(((Element) failures.item(i)).getAttribute("message"));
        }
        assertThat(messages).anySatisfy(m -> assertThat(m).contains("common items", "CI", "significant drop"));
        assertThat(messages).anySatisfy(m -> assertThat(m).contains("quality of lite is", "< minimum 0.5"));
        assertThat(Files.readString(folder.resolve("summary.md"))).contains("#### Gates: FAILED", "❌ failed");

        // run and gate in one step: the exit code is the gate's
        MainTest.Outcome oneStep = MainTest.frontier(args("run", suite(true).toString(), "--sandbox",
                "--sandbox-time-scale", "0", "--gate", "--baseline", baseline));
        assertThat(oneStep.code()).as(oneStep.out() + oneStep.err()).isEqualTo(1);
        assertThat(oneStep.out()).contains("gates FAILED");

        // without a baseline the regression gates are skipped, not failed
        MainTest.Outcome alone = MainTest.frontier(args("gate", baseline));
        assertThat(alone.code()).isZero();
        assertThat(alone.out()).contains("2 skipped");
    }

    @Test
    void badGateInputExitsTwo() throws IOException {
        assertThat(MainTest.frontier(args("gate", "20261127-000000-0000")).code()).isEqualTo(2);
        Path bogus = dir.resolve("results.json");
        Files.writeString(bogus, "{\"schema\":\"something else\"}");
        assertThat(MainTest.frontier(args("gate", bogus.toString())).code()).isEqualTo(2);
    }
}
