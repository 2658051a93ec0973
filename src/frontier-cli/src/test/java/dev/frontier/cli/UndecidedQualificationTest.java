package dev.frontier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontier.results.ResultsJson;
import dev.frontier.results.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the qualification cannot be made (here: 100 bootstrap resamples cannot test two cheaper candidates at 99 %
 * with Holm's correction), the run says so with the reason in results.json, the report, summary.md and the terminal,
 * instead of showing a heuristic verdict as if it were a decision.
 */
class UndecidedQualificationTest {

    @TempDir
    Path dir;

    @Test
    void aQualificationThatCannotBeMadeIsAnUndecidedVerdictWithItsReason() throws IOException {
        List<String> items = new ArrayList<>();
        List<List<String>> outputs = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int i = 1; i <= 6; i++) {
            items.add("{\"id\": \"q" + i + "\", \"question\": \"Q" + i + "?\", \"answer\": \"yes " + i + "\"}");
            for (List<String> o : outputs) {
                o.add("{\"id\": \"q" + i + "\", \"output\": \"yes " + i + "\", \"usage\": {\"inputTokens\": 10, "
                        + "\"outputTokens\": 3}}");
            }
        }
        Files.write(dir.resolve("items.jsonl"), items);
        for (int c = 0; c < 3; c++) {
            Files.write(dir.resolve("out" + c + ".jsonl"), outputs.get(c));
        }
        Path suite = Files.writeString(dir.resolve("suite.yaml"), """
                suite: undecided
                dataset: { path: items.jsonl, id: id }
                prompt: { user: "{{question}}" }
                candidates:
                  - { id: pro, outputs: out0.jsonl, priceAs: amazon.nova-pro-v1:0, role: incumbent }
                  - { id: lite, outputs: out1.jsonl, priceAs: amazon.nova-lite-v1:0 }
                  - { id: micro, outputs: out2.jsonl, priceAs: amazon.nova-micro-v1:0 }
                scorers:
                  - { type: exact-match, expected: "{{answer}}" }
                selection: { confidence: 0.99 }
                statistics: { resamples: 100 }
                """);
        MainTest.Outcome run = MainTest.frontier("run", suite.toString(), "--store", dir.resolve("s.db").toString(),
                "--reports", dir.resolve("reports").toString());
        assertThat(run.code()).as(run.out() + run.err()).isZero();
        String why = "too few bootstrap resamples (100) to test 2 candidates at 99 %: at least 199 are needed";
        assertThat(run.out()).contains("recommendation: none, undecided — " + why);

        Matcher m = Pattern.compile("report: (.*)report\\.html").matcher(run.out());
        assertThat(m.find()).isTrue();
        Path report = Path.of(m.group(1));
        RunResult r = ResultsJson.read(report.resolve("results.json"));
        assertThat(r.decision().orElseThrow().decided()).isFalse();
        assertThat(r.decision().orElseThrow().undecided()).isEqualTo(why);
        assertThat(r.decision().orElseThrow().recommendation()).isNull();
        assertThat(r.decision().orElseThrow().verdicts()).isEmpty();
        String summary = Files.readString(report.resolve("summary.md"));
        assertThat(summary).contains("No recommendation: the qualification could not be made",
                "The paired non-inferiority test could not decide: " + why);
        assertThat(summary).doesNotContain("Heuristic", "qualification pending");
        assertThat(Files.readString(report.resolve("report.html")))
                .contains("No recommendation: the qualification could not be made", "at least 199 are needed");
    }
}
