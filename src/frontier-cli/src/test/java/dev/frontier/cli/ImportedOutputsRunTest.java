package dev.frontier.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.frontier.results.AnswerSource;
import dev.frontier.results.ResultsJson;
import dev.frontier.results.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Suites whose candidates are all imported outputs: they call nothing, so they run without an endpoint or
 * credentials and are never simulated; and preferences imported into such a run give win rates against its
 * incumbent, continuous ones (AlpacaEval's weighted annotator, values in [1, 2]) as a weighted win rate.
 */
@Tag("e2e")
class ImportedOutputsRunTest {

    @TempDir
    Path dir;
    Path suite;

    @BeforeEach
    void writeSuite() throws IOException {
        List<String> items = new ArrayList<>();
        List<String> reference = new ArrayList<>();
        List<String> vendor = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            items.add("{\"id\": \"q" + i + "\", \"question\": \"Question " + i + "?\", \"answer\": \"answer " + i
                    + " is yes\"}");
            reference.add("{\"id\": \"q" + i + "\", \"output\": \"answer " + i + " is yes\", "
                    + "\"usage\": {\"inputTokens\": 10, \"outputTokens\": 4}, \"latencyMs\": 300}");
            vendor.add("{\"id\": \"q" + i + "\", \"output\": \"answer " + i + (i % 2 == 0 ? " is no" : " is yes")
                    + "\", \"usage\": {\"inputTokens\": 10, \"outputTokens\": 4}, \"latencyMs\": 200}");
        }
        Files.write(dir.resolve("items.jsonl"), items);
        Files.write(dir.resolve("reference.jsonl"), reference);
        Files.write(dir.resolve("vendor.jsonl"), vendor);
        suite = Files.writeString(dir.resolve("imported.yaml"), """
                suite: imported
                dataset: { path: items.jsonl, id: id }
                prompt: { user: "{{question}}" }
                candidates:
                  - { id: reference, outputs: reference.jsonl, priceAs: amazon.nova-pro-v1:0, role: incumbent }
                  - { id: vendor, outputs: vendor.jsonl, priceAs: amazon.nova-lite-v1:0 }
                scorers:
                  - { id: f1, type: token-f1, reference: "{{answer}}" }
                """);
    }

    private MainTest.Outcome frontier(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--store", dir.resolve("store.db").toString(), "--reports",
                dir.resolve("reports").toString()));
        return MainTest.frontier(all.toArray(String[]::new));
    }

    private static Path reportDir(MainTest.Outcome o) {
        Matcher m = Pattern.compile("report: (.*)report\\.html").matcher(o.out());
        assertThat(m.find()).as(o.out() + o.err()).isTrue();
        return Path.of(m.group(1));
    }

    private RunResult run(String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("run", suite.toString()));
        args.addAll(List.of(extra));
        MainTest.Outcome run = frontier(args.toArray(String[]::new));
        assertThat(run.code()).as(run.out() + run.err()).isZero();
        assertThat(run.err()).contains("on no endpoint (every candidate's outputs are imported, no judge)");
        assertThat(run.out()).doesNotContain("SIMULATED");
        Path report = reportDir(run);
        assertThat(Files.readString(report.resolve("report.html"))).doesNotContain("simulated-banner");
        assertThat(Files.readString(report.resolve("summary.md"))).doesNotContainIgnoringCase("simulated");
        return ResultsJson.read(report.resolve("results.json"));
    }

    @Test
    void aSuiteOfImportedOutputsCallsNothingAndIsNeverSimulated() throws IOException {
        // no --sandbox and no credentials needed: there is nothing to call
        RunResult plain = run();
        assertThat(plain.simulated()).isFalse();
        assertThat(plain.provenance().endpoint()).isEqualTo("none");
        assertThat(plain.calls().paid()).isZero();
        assertThat(plain.candidates()).extracting(RunResult.CandidateResult::mode)
                .containsExactly(AnswerSource.IMPORTED, AnswerSource.IMPORTED);
        assertThat(plain.candidates().get(1).quality().orElseThrow().mean()).isCloseTo(0.875, within(1e-12));

        // --sandbox changes nothing: third-party outputs are not the sandbox's simulations
        RunResult sandbox = run("--sandbox");
        assertThat(sandbox.simulated()).isFalse();
        assertThat(sandbox.provenance().endpoint()).isEqualTo("none");

        // a rescore without judges calls nothing either
        MainTest.Outcome rescore = frontier("rescore", plain.runId(), "--config", suite.toString());
        assertThat(rescore.code()).as(rescore.out() + rescore.err()).isZero();
        RunResult re = ResultsJson.read(reportDir(rescore).resolve("results.json"));
        assertThat(re.simulated()).isFalse();
        assertThat(re.provenance().endpoint()).isEqualTo("none");
    }

    @Test
    void onTheSandboxOnlyTheSandboxAnswersAreSimulated() throws IOException {
        Files.writeString(suite, Files.readString(suite).replace("  - { id: vendor,",
                "  - { id: lite, model: amazon.nova-lite-v1:0 }\n  - { id: vendor,"));
        MainTest.Outcome run = frontier("run", suite.toString(), "--sandbox", "--sandbox-time-scale", "0");
        assertThat(run.code()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("SIMULATED MODELS", "imported from files, not simulated: reference, vendor");
        Path report = reportDir(run);
        RunResult r = ResultsJson.read(report.resolve("results.json"));
        assertThat(r.simulated()).isTrue();
        assertThat(r.provenance().endpoint()).isEqualTo("sandbox");
        assertThat(r.candidates()).extracting(RunResult.CandidateResult::mode)
                .containsExactly(AnswerSource.IMPORTED, AnswerSource.ON_DEMAND, AnswerSource.IMPORTED);
        assertThat(Files.readString(report.resolve("report.html"))).contains("simulated-banner",
                "<span id=\"imported-note\">The outputs of reference, vendor were imported from files and are not "
                        + "simulated.</span>");
        assertThat(Files.readString(report.resolve("summary.md"))).contains("The outputs of reference, vendor were "
                + "imported from files and are not simulated.");
    }

    @Test
    void continuousPreferencesImportedIntoARunGiveTheWeightedWinRate() throws IOException {
        RunResult r = run();
        // AlpacaEval-style weighted preferences: 1 = the reference (the incumbent) preferred, 2 = the vendor
        Files.writeString(dir.resolve("weighted.csv"), """
                item_id,candidate_id,annotator,value
                q1,vendor,gpt4,1.9
                q2,vendor,gpt4,1.7
                q3,vendor,gpt4,1.5
                q4,vendor,gpt4,1.2
                q9,vendor,gpt4,2
                """);
        MainTest.Outcome imported = frontier("labels", "import", dir.resolve("weighted.csv").toString(), "--kind",
                "preference", "--scale", "1,2", "--run", r.runId(), "--name", "alpaca");
        assertThat(imported.code()).as(imported.out() + imported.err()).isZero();
        // outcomes 0.9, 0.7, 0.5, 0.2 (q9 is not in the run): rate 0.575, SE √(0.2675/12) = 0.1493
        assertThat(imported.out()).contains("win rate vendor vs reference: 0.5750 (SE 0.1493, 95% CI "
                + "0.2824..0.8676); 2 wins, 1 ties, 1 losses");
        RunResult updated = ResultsJson.read(reportDir(imported).resolve("results.json"));
        assertThat(updated.pairwise()).hasSize(1);
        RunResult.Pairwise p = updated.pairwise().get(0);
        assertThat(p.scorer()).isEqualTo("alpaca");
        assertThat(p.source()).isEqualTo("human");
        assertThat(p.baseline()).isEqualTo("reference");
        assertThat(p.candidate()).isEqualTo("vendor");
        assertThat(p.rate()).isCloseTo(0.575, within(1e-12));
        assertThat(p.standardError()).isCloseTo(0.1493039406, within(1e-9));
        assertThat(List.of(p.wins(), p.ties(), p.losses())).containsExactly(2, 1, 1);
        assertThat(updated.humanLabels()).singleElement().satisfies(h -> {
            assertThat(h.kind()).isEqualTo("preference");
            assertThat(h.scale()).isEqualTo("1 (baseline preferred)..2 (candidate preferred)");
        });
        String html = Files.readString(reportDir(imported).resolve("report.html"));
        assertThat(html).contains("id=\"pairwise-section\"", "id=\"continuous-note\"");
        assertThat(html.substring(html.indexOf("id=\"pairwise\""))).contains("alpaca", "vendor");

        // imported again under the same name it replaces the earlier figures; a value off the scale names its line
        Files.writeString(dir.resolve("weighted.csv"), "item_id,candidate_id,annotator,value\nq1,vendor,gpt4,2.5\n");
        MainTest.Outcome bad = frontier("labels", "import", dir.resolve("weighted.csv").toString(), "--kind",
                "preference", "--scale", "1,2", "--run", r.runId(), "--name", "alpaca");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains(dir.resolve("weighted.csv") + ":2 '2.5' is not a valid value (expected a "
                + "number from 1 (baseline preferred) to 2 (candidate preferred))");
        MainTest.Outcome badScale = frontier("labels", "import", dir.resolve("weighted.csv").toString(), "--kind",
                "preference", "--scale", "1,1");
        assertThat(badScale.code()).isEqualTo(2);
        assertThat(badScale.err()).contains("--scale with --kind preference takes two different numbers");
    }

    @Test
    void continuousPreferencesAsAScorerOfTheSuiteGiveTheSameWinRate() throws IOException {
        Files.writeString(dir.resolve("weighted.jsonl"), """
                {"item_id": "q1", "candidate_id": "vendor", "annotator": "gpt4", "value": 1.9}
                {"item_id": "q2", "candidate_id": "vendor", "annotator": "gpt4", "value": 1.7}
                {"item_id": "q3", "candidate_id": "vendor", "annotator": "gpt4", "value": 1.5}
                {"item_id": "q4", "candidate_id": "vendor", "annotator": "gpt4", "value": 1.2}
                """);
        Files.writeString(suite, Files.readString(suite) + "  - { id: alpaca, type: human-labels, file: weighted.jsonl, "
                + "kind: preference, scale: [1, 2], weight: 0 }\n");
        RunResult r = run();
        RunResult.Pairwise p = r.pairwise().get(0);
        assertThat(List.of(p.scorer(), p.source(), p.baseline(), p.candidate()))
                .containsExactly("alpaca", "human", "reference", "vendor");
        assertThat(p.rate()).isCloseTo(0.575, within(1e-12));
        assertThat(p.standardError()).isCloseTo(0.1493039406, within(1e-9));
        assertThat(List.of(p.wins(), p.ties(), p.losses())).containsExactly(2, 1, 1);
        // the vendor's mean score on the scorer is its win probability
        assertThat(r.candidates().get(1).scores().get("alpaca").mean()).isCloseTo(0.575, within(1e-12));
    }

    @Test
    void anEvenSplitOfAnnotatorsIsATieInTheWinRate() throws IOException {
        RunResult r = run();
        // q1: one win, one loss (a tie); q2: two wins; q3: two losses; q4: win, tie, loss (a tie)
        Files.writeString(dir.resolve("prefs.csv"), """
                item_id,candidate_id,annotator,value
                q1,vendor,ana,win
                q1,vendor,ben,loss
                q2,vendor,ana,win
                q2,vendor,ben,win
                q3,vendor,ana,loss
                q3,vendor,ben,loss
                q4,vendor,ana,win
                q4,vendor,ben,tie
                q4,vendor,chen,loss
                """);
        MainTest.Outcome imported = frontier("labels", "import", dir.resolve("prefs.csv").toString(), "--kind",
                "preference", "--run", r.runId());
        assertThat(imported.code()).as(imported.out() + imported.err()).isZero();
        RunResult.Pairwise p = ResultsJson.read(reportDir(imported).resolve("results.json")).pairwise().get(0);
        assertThat(List.of(p.wins(), p.ties(), p.losses())).containsExactly(1, 2, 1);
        assertThat(p.rate()).isCloseTo(0.5, within(1e-12));
        assertThat(imported.out()).contains("win rate vendor vs reference: 0.5000");
        assertThat(Files.readString(reportDir(imported).resolve("report.html"))).contains("id=\"pairwise-section\"")
                .doesNotContain("continuous-note");
    }
}
