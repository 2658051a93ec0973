package dev.frontier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.frontier.results.ResultsJson;
import dev.frontier.results.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A thinking budget and a 1-hour cache checkpoint on Claude Haiku 4.5 round-trip on the sandbox: sent as Bedrock
 * takes them, thinking billed as output tokens, cache writes at the 1-hour price; and the same settings on a model
 * without them stop at validate with exit 2.
 */
@Tag("e2e")
class ThinkingAndCacheTtlTest {

    @TempDir
    Path dir;

    private Path suite(String candidates) throws IOException {
        StringBuilder data = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            data.append("{\"id\": \"m").append(i).append("\", \"text\": \"please refund invoice ").append(i)
                    .append("\", \"intent\": \"billing_refund\"}\n");
        }
        Files.writeString(dir.resolve("data.jsonl"), data);
        // a system prompt above Claude Haiku 4.5's minimum of 4,096 tokens per checkpoint
        String rule = "Label each customer message with the single intent that best describes what the customer "
                + "wants the support team to do, and answer with the label only. ";
        String system = rule.repeat(260);
        Path suite = dir.resolve("suite.yaml");
        Files.writeString(suite, """
                suite: thinking-ttl
                dataset: { path: data.jsonl, id: id }
                prompt:
                  system: "%s"
                  user: "{{text}}"
                  cache: system
                  cacheTtl: 1h
                inference: { maxTokens: 3000 }
                candidates:
                %s
                scorers:
                  - { type: icontains, value: "{{intent}}" }
                """.formatted(system, candidates.indent(2)));
        return suite;
    }

    @Test
    void aThinkingBudgetAndAOneHourCheckpointRoundTrip() throws IOException {
        Path suite = suite("""
                - id: haiku
                  model: us.anthropic.claude-haiku-4-5-20251001-v1:0
                  role: incumbent
                  inference: { reasoning: 2048 }
                """);
        Path log = dir.resolve("requests.jsonl");
        MainTest.Outcome run = MainTest.frontier("run", suite.toString(), "--sandbox", "--sandbox-time-scale", "0",
                "--sandbox-request-log", log.toString(), "--store", dir.resolve("store.db").toString(), "--reports",
                dir.resolve("reports").toString(), "--no-cache");
        String out = run.out() + run.err();
        assertThat(run.code()).as(out).isZero();
        List<JsonNode> wire = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(log)) {
            wire.add(json.readTree(line));
        }
        assertThat(wire).filteredOn(r -> r.path("operation").asText().equals("converse")).hasSize(6)
                .allSatisfy(r -> {
                    assertThat(r.path("reasoning").asText()).isEqualTo("budget:2048");
                    assertThat(r.path("cacheTtl").asText()).isEqualTo("1h");
                });
        Matcher m = Pattern.compile("report: (.*/report\\.html)").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        RunResult r = ResultsJson.read(Path.of(m.group(1)).resolveSibling("results.json"));
        RunResult.CandidateResult haiku = r.candidates().get(0);
        assertThat(haiku.settings().orElseThrow().label()).isEqualTo("thinking 2048 tokens, cache 1h");
        assertThat(haiku.usage().cacheWriteInputTokens()).isPositive();
        assertThat(haiku.usage().cacheReadInputTokens()).isPositive();
        assertThat(haiku.meanOutputTokens()).isGreaterThan(200);
        // the first call writes the cache at the 1-hour price ($0.0022 per 1k for Haiku 4.5 in the us. profile:
        // 2x its input price), the answer's tokens (thinking included) at the output price
        RunResult.ItemOutput first = r.items().get(0).outputs().get("haiku");
        assertThat(first).isNotNull();
        assertThat(Files.readString(Path.of(m.group(1)))).contains("thinking 2048 tokens, cache 1h");
    }

    @Test
    void settingsTheModelLacksStopAtValidateWithTheLine() throws IOException {
        Path suite = suite("""
                - id: pro
                  model: amazon.nova-pro-v1:0
                  inference: { reasoning: 2048, latency: optimized }
                """);
        MainTest.Outcome v = MainTest.frontier("validate", suite.toString());
        assertThat(v.code()).isEqualTo(2);
        String err = v.out() + v.err();
        assertThat(err).contains("suite.yaml:11:", "Amazon Nova Pro takes no reasoning setting")
                .contains("latency-optimized inference is served only through the us. cross-Region inference "
                        + "profile")
                .contains("caches prompts for 5m, not 1h").doesNotContain("\tat ").doesNotContain("claude-3-7-sonnet");
    }
}
