package dev.frontier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.frontier.results.ResultsJson;
import dev.frontier.results.RunResult;
import dev.frontier.store.RunStore;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Judges, human labels, imported batch output and rescoring, end to end on the sandbox: a suite with a pointwise
 * judge, a pairwise judge, a labels file and a candidate imported from a Bedrock batch output file.
 */
@Tag("e2e")
class JudgedRunTest {

    private static final String JUDGE = "amazon.nova-pro-v1:0";
    private static final String PAIRWISE_JUDGE = "amazon.nova-lite-v1:0";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    Path suite;

    @BeforeEach
    void writeSuite() throws IOException {
        Path dataset = Path.of("datasets/support-tickets.jsonl").toAbsolutePath();
        // batch output for the imported candidate: out of order, one error record, T-1010 missing
        List<String> records = new ArrayList<>();
        for (int i = 9; i >= 1; i--) {
            String id = String.format("T-%04d", 1000 + i);
            records.add(i == 4
                    ? "{\"recordId\": \"" + id + "\", \"modelInput\": {}, \"error\": {\"errorCode\": 400, "
                            + "\"errorMessage\": \"Malformed input request\"}}"
                    : "{\"recordId\": \"" + id + "\", \"modelInput\": {}, \"modelOutput\": {\"output\": {\"message\": "
                            + "{\"role\": \"assistant\", \"content\": [{\"text\": \"Summary of ticket " + id
                            + ": the customer reports a problem and asks for help.\"}]}}, \"stopReason\": \"end_turn\", "
                            + "\"usage\": {\"inputTokens\": 200, \"outputTokens\": 20}, \"metrics\": {\"latencyMs\": 700}}}");
        }
        Files.write(dir.resolve("batch.jsonl.out"), records);
        StringBuilder labels = new StringBuilder("ticket_id,candidate,annotator,grade\n");
        String[] candidates = {"sonnet", "micro", "batch"};
        for (int i = 1; i <= 10; i++) {
            for (int c = 0; c < 3; c++) {
                int grade = Math.max(1, Math.min(5, 5 - c - (i % 3 == 0 ? 1 : 0)));
                labels.append(String.format("T-%04d,%s,ana,%d%n", 1000 + i, candidates[c], grade));
                labels.append(String.format("T-%04d,%s,ben,%d%n", 1000 + i, candidates[c],
                        Math.max(1, grade - (i % 2))));
            }
        }
        Files.writeString(dir.resolve("labels.csv"), labels);
        // preferences against the incumbent, one annotator: micro wins 3, ties 2, loses 5
        StringBuilder prefs = new StringBuilder("item_id,candidate_id,annotator,value\n");
        String[] verdicts = {"win", "win", "win", "tie", "tie", "loss", "loss", "loss", "loss", "loss"};
        for (int i = 1; i <= 10; i++) {
            prefs.append(String.format("T-%04d,micro,ana,%s%n", 1000 + i, verdicts[i - 1]));
        }
        Files.writeString(dir.resolve("prefs.csv"), prefs);
        suite = Files.writeString(dir.resolve("judged.yaml"), """
                suite: judged
                dataset: { path: %s, id: ticket_id, limit: 10, holdout: 0 }
                prompt:
                  system: "You are a support analyst."
                  user: "Summarize this support ticket in two sentences:\\n{{ticket}}"
                inference: { maxTokens: 200, temperature: 0 }
                candidates:
                  - { id: sonnet, model: us.anthropic.claude-sonnet-4-5-20250929-v1:0, role: incumbent }
                  - { id: micro, model: amazon.nova-micro-v1:0 }
                  - { id: batch, outputs: batch.jsonl.out, priceAs: amazon.nova-lite-v1:0 }
                scorers:
                  - { id: rouge-l, type: rouge-l, reference: "{{summary}}", weight: 0.5 }
                  - { id: judge, type: llm-judge, model: %s, reference: "{{summary}}", rubric: "Complete and faithful.", weight: 0.5 }
                  - { id: pair, type: llm-judge, mode: pairwise, model: %s, rubric: "More complete.", weight: 0 }
                  - id: people
                    type: human-labels
                    file: labels.csv
                    columns: { item: ticket_id, candidate: candidate, annotator: annotator, value: grade }
                    calibrate: [judge, rouge-l]
                    weight: 0
                  - { id: prefs, type: human-labels, file: prefs.csv, kind: preference, weight: 0 }
                execution: { concurrency: 4, maxErrorRate: 0.2 }
                budget: { maxUsd: 2 }
                """.formatted(dataset, JUDGE, PAIRWISE_JUDGE));
    }

    private MainTest.Outcome frontier(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--store", dir.resolve("store.db").toString(), "--reports", dir.resolve("reports").toString()));
        return MainTest.frontier(all.toArray(String[]::new));
    }

    private static Path reportDir(MainTest.Outcome o) {
        Matcher m = Pattern.compile("report: (.*)report\\.html").matcher(o.out());
        assertThat(m.find()).as(o.out() + o.err()).isTrue();
        return Path.of(m.group(1));
    }

    @Test
    void judgesLabelsAndImportedOutputsThenARescoreThatCallsNoCandidate() throws IOException {
        MainTest.Outcome run = frontier("run", suite.toString(), "--sandbox", "--sandbox-time-scale", "0");
        assertThat(run.code()).as(run.err()).isZero();
        RunResult r = ResultsJson.read(reportDir(run).resolve("results.json"));

        // judge calls are priced and part of the eval spend, and shown apart
        RunResult.Judging j = r.judging().orElseThrow();
        // pointwise: every answered output (8 of the batch candidate); pairwise: the two non-incumbents, both orders
        assertThat(j.calls()).isEqualTo((10 + 10 + 8) + 2 * (10 + 8) + j.repaired() + j.malformed());
        assertThat(j.spendUsd()).isPositive();
        assertThat(j.spendByModel()).containsOnlyKeys(JUDGE, PAIRWISE_JUDGE);
        BigDecimal candidates = r.candidates().stream().map(c -> c.evalSpend().orElseThrow())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(r.evalSpend().usd()).isEqualByComparingTo(candidates.add(j.spendUsd()));

        // the imported candidate: joined on recordId in any order; an error record and a missing record fail
        RunResult.CandidateResult batch = r.candidates().stream().filter(c -> c.id().equals("batch")).findFirst()
                .orElseThrow();
        assertThat(batch.failedCalls()).isEqualTo(2);
        assertThat(batch.usage().inputTokens()).isEqualTo(8 * 200);
        assertThat(batch.evalSpend().orElseThrow()).isEqualByComparingTo("0");
        assertThat(batch.costPer1k().orElseThrow()).isPositive();
        RunResult.ItemResult t4 = r.items().stream().filter(i -> i.id().equals("T-1004")).findFirst().orElseThrow();
        assertThat(t4.outputs().get("batch").error()).contains("BatchRecordError 400");
        RunResult.ItemResult t1 = r.items().get(0);
        assertThat(t1.outputs().get("batch").text()).startsWith("Summary of ticket T-1001");
        // the judge's reason is kept per item
        assertThat(t1.outputs().get("micro").notes().get("judge")).startsWith("nova-pro-v1:0: ");

        // calibration at three levels for both named scorers, and the inter-annotator agreement
        assertThat(r.humanLabels()).extracting(RunResult.HumanLabelSet::scorer).containsExactly("people", "prefs");
        assertThat(r.humanLabels()).first().satisfies(h -> {
            assertThat(h.annotators()).isEqualTo(2);
            assertThat(h.agreement()).isNotNull();
        });
        assertThat(r.calibration()).extracting(RunResult.Calibration::scorer).containsExactly("rouge-l", "judge");
        RunResult.Calibration judge = r.calibration().get(1);
        assertThat(judge.itemLevel().n()).isEqualTo(10 * 3 - 2);
        assertThat(judge.systemLevel().n()).isEqualTo(3);
        assertThat(judge.summaryItemsUsed() + judge.summaryItemsSkipped()).isEqualTo(10);
        assertThat(judge.confusion()).hasSize(5);

        // win rates of the two non-incumbent candidates against the incumbent
        assertThat(r.pairwise()).extracting(p -> p.candidate() + "/" + p.source())
                .containsExactly("micro/judge", "batch/judge", "micro/human");
        RunResult.Pairwise human = r.pairwise().get(2);
        assertThat(List.of(human.wins(), human.ties(), human.losses())).containsExactly(3, 2, 5);
        assertThat(human.rate()).isEqualTo(0.4);
        assertThat(human.standardError()).isPositive();
        assertThat(r.pairwise()).allSatisfy(p -> {
            assertThat(p.baseline()).isEqualTo("sonnet");
            assertThat(p.rate()).isEqualTo((p.wins() + p.ties() / 2.0) / (p.wins() + p.ties() + p.losses()));
        });
        assertThat(r.pairwise().get(1).wins() + r.pairwise().get(1).ties() + r.pairwise().get(1).losses())
                .isEqualTo(8);

        String html = Files.readString(reportDir(run).resolve("report.html"));
        assertThat(html).contains("id=\"calibration-section\"", "id=\"pairwise-section\"",
                "id=\"judges-section\"", "data-level=\"summary\"", "id=\"spend-judges\"",
                "agreement (Landis and Koch)");
        assertThat(run.err()).contains("scoring 30 outputs with 4 judge and label scorers");

        // rescore with no response cache: the sandbox sees judge calls only
        Path log = dir.resolve("requests.jsonl");
        MainTest.Outcome again = frontier("rescore", r.runId(), "--config", suite.toString(), "--sandbox",
                "--sandbox-time-scale", "0", "--no-cache", "--sandbox-request-log", log.toString());
        assertThat(again.code()).as(again.err()).isZero();
        RunResult re = ResultsJson.read(reportDir(again).resolve("results.json"));
        assertThat(re.parentRunId()).contains(r.runId());
        assertThat(re.calls().paid()).isZero();
        assertThat(re.judging().orElseThrow().paid()).isPositive();
        Set<String> models = new HashSet<>();
        int converse = 0;
        for (String line : Files.readAllLines(log)) {
            JsonNode rec = JSON.readTree(line);
            models.add(rec.get("modelId").asText());
            converse += rec.get("operation").asText().equals("converse") ? 1 : 0;
        }
        assertThat(models).containsExactlyInAnyOrder(JUDGE, PAIRWISE_JUDGE);
        assertThat(converse).isEqualTo(re.judging().orElseThrow().paid() + re.judging().orElseThrow().failed());
        assertThat(re.calibration()).hasSize(2);
        assertThat(re.pairwise()).hasSize(3);
        // the same outputs get the same heuristic scores
        assertThat(re.candidates().get(1).scores().get("rouge-l")).isEqualTo(r.candidates().get(1).scores()
                .get("rouge-l"));
        // a suite whose candidates were not in the run cannot be rescored: that would need candidate calls
        MainTest.Outcome other = frontier("rescore", r.runId(), "--config", "eval-configs/smoke.yaml", "--sandbox");
        assertThat(other.code()).isEqualTo(2);
        assertThat(other.err()).contains("candidate 'haiku' has no stored outputs in run " + r.runId());
        assertThat(frontier("rescore", "20200101-000000-0000", "--config", suite.toString()).code()).isEqualTo(2);
        try (RunStore store = RunStore.open(dir.resolve("store.db"))) {
            assertThat(store.parent(new dev.frontier.model.RunId(re.runId()))).hasValue(r.runId());
            assertThat(store.judgeCallCount(new dev.frontier.model.RunId(r.runId()))).isEqualTo(j.calls());
        }
    }

    @Test
    void aLabelsFileWithBadRowsStopsTheRunWithFileAndLine() throws IOException {
        Files.writeString(dir.resolve("labels.csv"), "ticket_id,candidate,annotator,grade\n"
                + "T-1001,sonnet,ana,5\nT-1001,micro,ana,6\nT-1002,micro,,3\n");
        MainTest.Outcome run = frontier("run", suite.toString(), "--sandbox", "--sandbox-time-scale", "0");
        assertThat(run.code()).isEqualTo(2);
        String labels = dir.resolve("labels.csv").toString();
        assertThat(run.err()).contains(labels + ":3 '6' is not a valid grade (expected a whole number from 1 "
                + "(worst) to 5 (best))", labels + ":4 no value for annotator");
        assertThat(run.err()).doesNotContain("Exception", "\tat ");
        assertThat(Files.exists(dir.resolve("store.db"))).isFalse();

        MainTest.Outcome imported = frontier("labels", "import", labels, "--columns",
                "item=ticket_id,candidate=candidate,value=grade");
        assertThat(imported.code()).isEqualTo(2);
        assertThat(imported.err()).contains(labels + ":3 '6' is not a valid grade", labels + ":4 no value for "
                + "annotator", "nothing was imported");
    }

    @Test
    void onMissingErrorRejectsASuiteWhoseLabelsDoNotCoverEveryOutput() throws IOException {
        Files.writeString(suite, Files.readString(suite).replace("kind: preference,", "kind: preference, "
                + "onMissing: error,"));
        MainTest.Outcome run = frontier("run", suite.toString(), "--sandbox", "--sandbox-time-scale", "0");
        assertThat(run.code()).isEqualTo(2);
        // the incumbent needs no preference against itself; the batch candidate has none
        assertThat(run.err()).contains(dir.resolve("prefs.csv") + " 10 outputs have no label, e.g. item 'T-1001' "
                + "of candidate 'batch' (scorers[4].onMissing is error)");
    }

    @Test
    void labelsImportCalibratesAStoredRun() throws IOException {
        MainTest.Outcome run = frontier("run", suite.toString(), "--sandbox", "--sandbox-time-scale", "0");
        assertThat(run.code()).as(run.err()).isZero();
        RunResult r = ResultsJson.read(reportDir(run).resolve("results.json"));
        MainTest.Outcome imported = frontier("labels", "import", dir.resolve("labels.csv").toString(), "--columns",
                "item=ticket_id,candidate=candidate,value=grade", "--run", r.runId(), "--name", "second-look");
        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("60 labels by 2 annotators on 30 outputs", "calibration judge:");
        RunResult updated = ResultsJson.read(reportDir(imported).resolve("results.json"));
        assertThat(updated.humanLabels()).extracting(RunResult.HumanLabelSet::scorer)
                .containsExactly("people", "prefs", "second-look");
        assertThat(updated.calibration()).filteredOn(c -> c.labels().equals("second-look"))
                .extracting(RunResult.Calibration::scorer).contains("judge", "rouge-l");
    }

    @Test
    void theEstimateCountsJudgeCallsAndNoCallsForImportedOutputs() {
        MainTest.Outcome e = frontier("estimate", suite.toString());
        assertThat(e.code()).as(e.err()).isZero();
        assertThat(e.out()).containsPattern("batch\\s+0\\s+0\\s+0\\s+0\\s+imported \\(no calls\\)");
        // pointwise: 3 candidates x 10 items; pairwise: the 2 non-incumbents x 10 items x both orders
        assertThat(e.out()).containsPattern("judge\\s+" + Pattern.quote(JUDGE) + "\\s+30\\s");
        assertThat(e.out()).containsPattern("pair\\s+" + Pattern.quote(PAIRWISE_JUDGE) + "\\s+40\\s");
    }

    @Test
    void aBudgetThatRunsOutAmongTheJudgesResumesWithoutPayingAJudgeCallTwice() throws IOException {
        MainTest.Outcome full = MainTest.frontier("run", suite.toString(), "--sandbox", "--sandbox-time-scale", "0",
                "--no-cache", "--store", dir.resolve("measure.db").toString(), "--reports",
                dir.resolve("measure").toString());
        assertThat(full.code()).as(full.err()).isZero();
        RunResult measured = ResultsJson.read(reportDir(full).resolve("results.json"));
        BigDecimal candidates = measured.evalSpend().usd().subtract(measured.judging().orElseThrow().spendUsd());
        BigDecimal budget = candidates.add(measured.judging().orElseThrow().spendUsd().divide(BigDecimal.valueOf(2)));

        Path log = dir.resolve("requests.jsonl");
        MainTest.Outcome first = frontier("run", suite.toString(), "--sandbox", "--sandbox-time-scale", "0",
                "--no-cache", "--budget", budget.toPlainString(), "--sandbox-request-log", log.toString());
        assertThat(first.code()).as(first.out() + first.err()).isEqualTo(3);
        assertThat(first.err()).containsPattern("budget exhausted: .* and \\d+ of \\d+ judge calls were not made");
        RunResult partial = ResultsJson.read(reportDir(first).resolve("results.json"));
        assertThat(partial.judging().orElseThrow().notRun()).isPositive();
        assertThat(partial.evalSpend().usd()).isLessThanOrEqualTo(budget);

        MainTest.Outcome resumed = frontier("run", suite.toString(), "--sandbox", "--sandbox-time-scale", "0",
                "--no-cache", "--budget", "2", "--resume", partial.runId(), "--sandbox-request-log", log.toString());
        assertThat(resumed.code()).as(resumed.err()).isZero();
        RunResult done = ResultsJson.read(reportDir(resumed).resolve("results.json"));
        assertThat(done.judging().orElseThrow().resumed()).isPositive();
        assertThat(done.judging().orElseThrow().calls()).isEqualTo(measured.judging().orElseThrow().calls());
        assertThat(done.judging().orElseThrow().spendUsd())
                .isEqualByComparingTo(measured.judging().orElseThrow().spendUsd());
        assertThat(done.evalSpend().usd()).isEqualByComparingTo(measured.evalSpend().usd());
        // across both processes every judge call was billed exactly once
        long judgeBilled = Files.readAllLines(log).stream().map(l -> {
            try {
                return JSON.readTree(l);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).filter(n -> n.get("billed").asBoolean())
                .filter(n -> Set.of(JUDGE, PAIRWISE_JUDGE).contains(n.get("modelId").asText())).count();
        assertThat(judgeBilled).isEqualTo(done.judging().orElseThrow().calls());
    }

    @Test
    void aSuiteCanOverrideTheJudgePromptAndABadOverrideIsReportedAtItsKey() throws IOException {
        Files.writeString(dir.resolve("strict.txt"), "You grade support summaries harshly.\n---\n"
                + "Rubric: {{rubric}}\n{{reference_section}}[Answer]\n"
                + "{{output}}\n[End of answer]\nGrade the answer on this scale: {{scale}}.");
        String original = Files.readString(suite);
        Files.writeString(suite, original.replace("rubric: \"Complete and faithful.\",",
                "rubric: \"Complete and faithful.\", prompt: strict.txt,"));
        MainTest.Outcome ok = frontier("run", suite.toString(), "--sandbox", "--sandbox-time-scale", "0");
        assertThat(ok.code()).as(ok.err()).isZero();

        Files.writeString(dir.resolve("broken.txt"), "system\n---\nno answer placeholder here");
        Files.writeString(suite, original.replace("rubric: \"Complete and faithful.\",",
                "rubric: \"Complete and faithful.\", prompt: broken.txt,"));
        MainTest.Outcome bad = MainTest.frontier("validate", suite.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).containsPattern("judged\\.yaml:13:\\d+ scorers\\[1\\]\\.prompt: broken\\.txt: the prompt "
                + "has no \\{\\{output}} placeholder");
    }

    @Test
    void bringYourOwnInferenceRecordsAreJoinedOnThePrompt() throws IOException {
        List<String> records = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("datasets/support-tickets.jsonl")).subList(0, 5)) {
            JsonNode row = JSON.readTree(line);
            String prompt = "Summarize this support ticket in two sentences:\n" + row.get("ticket").asText();
            records.add(JSON.writeValueAsString(java.util.Map.of("prompt", prompt, "referenceResponse",
                    row.get("summary").asText(), "modelResponses", List.of(java.util.Map.of("response",
                            row.get("summary").asText(), "modelIdentifier", "my-model")))));
        }
        records.add("{\"prompt\": \"a prompt of no item\", \"modelResponses\": [{\"response\": \"x\", "
                + "\"modelIdentifier\": \"my-model\"}]}");
        Files.write(dir.resolve("byoi.jsonl"), records);
        Path byoi = Files.writeString(dir.resolve("byoi.yaml"), """
                suite: byoi
                dataset: { path: %s, id: ticket_id, limit: 6, holdout: 0 }
                prompt: { user: "Summarize this support ticket in two sentences:\\n{{ticket}}" }
                candidates:
                  - { id: sonnet, model: us.anthropic.claude-sonnet-4-5-20250929-v1:0, role: incumbent }
                  - { id: mine, outputs: byoi.jsonl, format: bedrock-eval, modelIdentifier: my-model }
                scorers:
                  - { type: rouge-l, reference: "{{summary}}" }
                execution: { maxErrorRate: 0.5 }
                """.formatted(Path.of("datasets/support-tickets.jsonl").toAbsolutePath()));
        MainTest.Outcome run = frontier("run", byoi.toString(), "--sandbox", "--sandbox-time-scale", "0");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.err()).contains("byoi.jsonl:6 warning: 1 outputs of 'mine' match no dataset item",
                "warning: candidates[1].outputs: the imported outputs of 'mine' are not priced");
        RunResult r = ResultsJson.read(reportDir(run).resolve("results.json"));
        RunResult.CandidateResult mine = r.candidates().get(1);
        // the five records are the reference summaries themselves; the sixth item has no record
        assertThat(mine.scores().get("rouge-l").mean()).isCloseTo(5.0 / 6, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(mine.failedCalls()).isEqualTo(1);
        assertThat(mine.costPer1k()).isEmpty();
        assertThat(mine.costUnknown()).contains("not priced");
    }
}
