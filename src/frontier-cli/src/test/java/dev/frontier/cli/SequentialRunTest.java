package dev.frontier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontier.results.ResultsJson;
import dev.frontier.results.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sequential demo on the sandbox against the same suite run on every item: the same recommendation for at most
 * 60 % of the calls, the looks in results.json, the report and summary.md; a recheck keeps the decision; a run
 * stopped by its budget and resumed pays for no answer twice and decides as an uninterrupted one.
 */
@Tag("e2e")
class SequentialRunTest {

    @TempDir
    static Path dir;

    private static RunResult full;
    private static RunResult sequential;
    private static String out;
    private static Path report;

    private static Path suite(String name) throws IOException {
        String yaml = Files.readString(Path.of("eval-configs/" + name))
                .replace("path: ../datasets/support-tickets.jsonl", "path: "
                        + Path.of("datasets/support-tickets.jsonl").toAbsolutePath());
        Path suite = dir.resolve(name);
        Files.writeString(suite, yaml);
        return suite;
    }

    private static MainTest.Outcome frontier(String... args) {
        return MainTest.frontierIn(dir, args);
    }

    private static Path reportOf(String output) {
        Matcher m = Pattern.compile("report: (.*/report\\.html)").matcher(output);
        assertThat(m.find()).as(output).isTrue();
        return Path.of(m.group(1));
    }

    @BeforeAll
    static void run() throws IOException {
        MainTest.Outcome f = frontier("run", suite("support-summaries.yaml").toString(), "--sandbox",
                "--sandbox-time-scale", "0", "--no-cache");
        assertThat(f.code()).as(f.out() + f.err()).isZero();
        full = ResultsJson.read(reportOf(f.out()).resolveSibling("results.json"));
        MainTest.Outcome s = frontier("run", suite("support-summaries-sequential.yaml").toString(), "--sandbox",
                "--sandbox-time-scale", "0", "--no-cache");
        out = s.out() + s.err();
        assertThat(s.code()).as(out).isZero();
        report = reportOf(s.out());
        sequential = ResultsJson.read(report.resolveSibling("results.json"));
    }

    @Test
    void theSequentialRunRecommendsWhatTheFullRunDoesForAtMostSixtyPercentOfTheCalls() {
        assertThat(sequential.decision().orElseThrow().recommendation())
                .isEqualTo(full.decision().orElseThrow().recommendation()).isEqualTo("nova-pro");
        RunResult.SequentialRun looks = sequential.sequential().orElseThrow();
        assertThat(looks.fullRunCalls()).isEqualTo(full.calls().answers()).isEqualTo(7 * 72);
        assertThat(looks.calls()).isEqualTo(sequential.calls().answers()).isLessThanOrEqualTo(7 * 72 * 60 / 100);
        assertThat(looks.callsSaved()).isEqualTo(looks.fullRunCalls() - looks.calls());
        assertThat(sequential.calls().notRun()).isEqualTo(looks.callsSaved());
        assertThat(looks.itemsByLook()).containsExactly(18, 36, 54, 72);
        assertThat(looks.history()).isNotEmpty();
        // every candidate but the incumbent was decided, the recommendation by being accepted
        assertThat(looks.candidates()).filteredOn(c -> !c.id().equals("sonnet"))
                .allSatisfy(c -> assertThat(c.outcome()).isIn("accepted", "futile", "moot", "not-shown",
                        "not-cheaper"));
        assertThat(looks.candidates()).filteredOn(c -> c.id().equals("nova-pro")).singleElement()
                .satisfies(c -> assertThat(c.outcome()).isEqualTo("accepted"));
        assertThat(sequential.decision().orElseThrow().reason()).contains("look ");
        assertThat(out).contains("sequential: " + looks.calls() + " of 504 calls made (" + looks.callsSaved()
                + " saved) in 4 looks, obrien-fleming spending");
    }

    @Test
    void theReportAndTheSummaryShowEachCandidatesLookAndTheCallsSaved() throws IOException {
        String html = Files.readString(report);
        RunResult.SequentialRun looks = sequential.sequential().orElseThrow();
        assertThat(html).contains("<table id=\"sequential\"").contains(looks.calls() + " of 504 calls</b>");
        for (RunResult.SequentialCandidate c : looks.candidates()) {
            assertThat(html).contains("<tr data-candidate=\"" + c.id() + "\" data-outcome=\"" + c.outcome() + "\"");
        }
        String summary = Files.readString(report.resolveSibling("summary.md"));
        assertThat(summary).contains("**Sequential run** (4 looks, obrien-fleming spending): " + looks.calls()
                + " of 504 calls made");
    }

    @Test
    void aRecheckKeepsWhatTheLooksDecided() {
        MainTest.Outcome r = frontier("recheck", sequential.runId());
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("nova-pro");
    }

    @Test
    void aRunStoppedByItsBudgetAndResumedPaysOnceAndDecidesTheSame() throws IOException {
        Path suite = suite("support-summaries-sequential.yaml");
        MainTest.Outcome cut = frontier("run", suite.toString(), "--sandbox", "--sandbox-time-scale", "0",
                "--no-cache", "--budget", "0.04");
        String runId = reportOf(cut.out()).getParent().getFileName().toString();
        RunResult first = ResultsJson.read(reportOf(cut.out()).resolveSibling("results.json"));
        assertThat(first.status().label()).as(cut.out() + cut.err()).isEqualTo("budget-exhausted");
        MainTest.Outcome resumed = frontier("run", suite.toString(), "--sandbox", "--sandbox-time-scale", "0",
                "--no-cache", "--resume", runId);
        assertThat(resumed.code()).as(resumed.out() + resumed.err()).isZero();
        RunResult after = ResultsJson.read(reportOf(resumed.out()).resolveSibling("results.json"));
        assertThat(after.decision().orElseThrow().recommendation()).isEqualTo("nova-pro");
        assertThat(after.sequential().orElseThrow().calls()).isEqualTo(sequential.sequential().orElseThrow().calls());
        // what the first process paid for is reused, not asked again
        assertThat(after.calls().resumed()).isEqualTo(first.calls().paid());
        assertThat(after.evalSpend().calls()).isEqualTo(sequential.evalSpend().calls());
    }

    @Test
    void aSampleSmallerThanTheLooksIsBadInput() throws IOException {
        MainTest.Outcome r = frontier("run", suite("support-summaries-sequential.yaml").toString(), "--sandbox",
                "--sample", "3");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--sample 3 is fewer items than the 4 looks of the suite's sequential run")
                .doesNotContain("internal error");
    }

    @Test
    void aWeightedJudgeIsBadInputInASequentialRunAtItsWeight() throws IOException {
        String yaml = Files.readString(Path.of("eval-configs/support-judged.yaml"))
                .replace("../datasets/", Path.of("datasets").toAbsolutePath() + "/")
                .replace("execution:\n  concurrency: 4\n", "execution:\n  concurrency: 4\n  sequential: {}\n");
        Path bad = dir.resolve("judged-sequential.yaml");
        Files.writeString(bad, yaml);
        MainTest.Outcome v = MainTest.frontier("validate", bad.toString());
        assertThat(v.code()).isEqualTo(2);
        assertThat(v.err() + v.out()).contains("judged-sequential.yaml:62:5 scorers[1]: 'judge' counts toward "
                + "quality but scores only once every answer is in, and a sequential run decides from each answer's "
                + "quality as it arrives (give it 'weight: 0' (it is still reported), or remove 'sequential:')")
                .doesNotContain("Exception");
    }

    @Test
    void aSequentialSuiteWithoutAnIncumbentIsBadInputAtItsLine() throws IOException {
        Path suite = suite("support-summaries-sequential.yaml");
        String yaml = Files.readString(suite).replace(", role: incumbent }", " }");
        yaml = yaml.substring(0, yaml.indexOf("gates:"));   // the gates need an incumbent too
        Path bad = dir.resolve("no-incumbent.yaml");
        Files.writeString(bad, yaml);
        MainTest.Outcome v = MainTest.frontier("validate", bad.toString());
        assertThat(v.code()).isEqualTo(2);
        assertThat(v.err() + v.out()).contains("no-incumbent.yaml:76:3 execution.sequential: a sequential run tests "
                + "the cheaper candidates against the incumbent, and no candidate is the incumbent (mark one "
                + "candidate 'role: incumbent', or remove 'sequential:')");
    }
}
