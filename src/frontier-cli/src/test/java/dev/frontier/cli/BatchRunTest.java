package dev.frontier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontier.results.AnswerSource;
import dev.frontier.results.ResultsJson;
import dev.frontier.results.RunResult;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 122-item suite in batch mode on the sandbox (shuffled outputs, seeded error records) against the same suite on
 * demand: the same answers and scores on every item a job answered, each at exactly half the on-demand price.
 */
@Tag("e2e")
class BatchRunTest {

    @TempDir
    Path dir;

    static Path suite(Path dir, String mode) throws IOException {
        String smoke = Files.readString(Path.of("eval-configs/smoke.yaml"))
                .replace("suite: smoke", "suite: smoke-batch")
                // models with a batch price in the catalog, so that batch spend can be compared with on demand
                .replace("model: us.anthropic.claude-sonnet-4-5-20250929-v1:0", "model: amazon.nova-pro-v1:0")
                .replace("model: us.anthropic.claude-haiku-4-5-20251001-v1:0", "model: amazon.nova-lite-v1:0")
                .replace("../datasets/intents-smoke.csv", Path.of("datasets/intents.csv").toAbsolutePath().toString())
                .replace("execution:\n  concurrency: 4", "execution:\n  concurrency: 4\n  mode: " + mode
                        + "\n  maxErrorRate: 0.2\n  responseCache: false");
        Path f = dir.resolve(mode + ".yaml");
        Files.writeString(f, smoke);
        return f;
    }

    private RunResult run(Path suite, String store) throws IOException {
        MainTest.Outcome o = MainTest.frontier("run", suite.toString(), "--sandbox", "--sandbox-time-scale", "0",
                "--sandbox-job-time", "1.5", "--store", dir.resolve(store).toString(), "--reports",
                dir.resolve("reports").toString(), "--progress", "plain");
        assertThat(o.code()).as(o.out() + o.err()).isZero();
        Matcher m = Pattern.compile("report: (.*)report\\.html").matcher(o.out());
        assertThat(m.find()).as(o.out() + o.err()).isTrue();
        lastReport = Files.readString(Path.of(m.group(1)).resolve("report.html"));
        lastOut = o.out();
        return ResultsJson.read(Path.of(m.group(1)).resolve("results.json"));
    }

    private String lastReport;
    private String lastOut;

    @Test
    void batchGivesTheOnDemandScoresAtHalfThePrice() throws IOException {
        RunResult batch = run(suite(dir, "batch"), "batch.db");
        String batchReport = lastReport;
        String batchOut = lastOut;
        RunResult onDemand = run(suite(dir, "on-demand"), "on-demand.db");
        assertThat(batchReport).contains("data-mode=\"batch\"", "id=\"batch-note\"", "batch price $0.00003 in");
        assertThat(lastReport).contains("data-mode=\"on-demand\"").doesNotContain("id=\"batch-note\"");
        assertThat(batchOut).containsPattern("haiku +amazon\\.nova-lite-v1:0 .* – frontier.* batch");

        assertThat(batch.items()).hasSize(122);
        for (RunResult.CandidateResult c : batch.candidates()) {
            assertThat(c.mode()).isEqualTo(AnswerSource.BATCH);
            assertThat(c.modeReason()).contains("execution.mode is batch", "batch price");
            assertThat(c.latencyP95Ms()).as("batch answers have no latency").isEmpty();
        }
        assertThat(onDemand.candidates()).allSatisfy(c -> assertThat(c.mode()).isEqualTo(AnswerSource.ON_DEMAND));
        // a few seeded error records, kept as item errors
        int errors = batch.candidates().stream().mapToInt(RunResult.CandidateResult::failedCalls).sum();
        assertThat(errors).isBetween(1, 20);
        assertThat(onDemand.calls().failed()).isZero();

        BigDecimal batchSpend = BigDecimal.ZERO;
        BigDecimal onDemandSpend = BigDecimal.ZERO;
        int compared = 0;
        for (int i = 0; i < batch.items().size(); i++) {
            RunResult.ItemResult b = batch.items().get(i);
            RunResult.ItemResult d = onDemand.items().get(i);
            assertThat(b.id()).isEqualTo(d.id());
            for (var e : b.outputs().entrySet()) {
                RunResult.ItemOutput bo = e.getValue();
                RunResult.ItemOutput od = d.outputs().get(e.getKey());
                if (!bo.error().isEmpty()) {
                    assertThat(bo.error()).startsWith("BatchRecordError");
                    continue;
                }
                compared++;
                assertThat(bo.text()).isEqualTo(od.text());
                assertThat(bo.scores()).isEqualTo(od.scores());
                assertThat(bo.usage()).isEqualTo(od.usage());
                assertThat(bo.costUsd().multiply(BigDecimal.valueOf(2))).isEqualByComparingTo(od.costUsd());
                batchSpend = batchSpend.add(bo.costUsd());
                onDemandSpend = onDemandSpend.add(od.costUsd());
            }
        }
        assertThat(compared).isEqualTo(3 * 122 - errors);
        assertThat(batchSpend.signum()).isPositive();
        assertThat(batchSpend.multiply(BigDecimal.valueOf(2))).isEqualByComparingTo(onDemandSpend);
        assertThat(batch.evalSpend().usd()).isEqualByComparingTo(batchSpend);
        // production cost per 1k stays the on-demand figure: the choice of model must not depend on how it was run
        for (int i = 0; i < 3; i++) {
            assertThat(batch.candidates().get(i).costPer1k()).isPresent();
        }
    }

    @Test
    void aResumeCallsTheErrorRecordsOnDemandWithoutANewJob() throws Exception {
        Path suite = suite(dir, "batch");
        RunResult first = run(suite, "resume.db");
        int errors = first.calls().failed();
        assertThat(errors).isPositive();
        MainTest.Outcome o = MainTest.frontier("run", suite.toString(), "--sandbox", "--sandbox-time-scale", "0",
                "--sandbox-job-time", "1.5", "--store", dir.resolve("resume.db").toString(), "--reports",
                dir.resolve("reports").toString(), "--progress", "plain", "--resume", first.runId());
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.err()).contains("its batch job already ended; the rest is called on demand")
                .doesNotContain("submitted arn:");
        Matcher m = Pattern.compile("report: (.*)report\\.html").matcher(o.out());
        assertThat(m.find()).isTrue();
        RunResult done = ResultsJson.read(Path.of(m.group(1)).resolve("results.json"));
        assertThat(done.calls().failed()).isZero();
        assertThat(done.calls().answers()).isEqualTo(3 * 122);
        assertThat(done.calls().resumed()).isEqualTo(3 * 122 - errors);
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("resume.db"));
             var st = c.createStatement();
             var rs = st.executeQuery("SELECT (SELECT COUNT(*) FROM jobs), (SELECT COUNT(*) FROM calls WHERE "
                     + "source = 'called'), (SELECT COUNT(*) FROM calls WHERE source = 'batch')")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).as("no new job").isEqualTo(3);
            assertThat(rs.getInt(2)).as("error records called on demand").isEqualTo(errors);
            assertThat(rs.getInt(3)).isEqualTo(3 * 122 - errors);
        }
    }

    @Test
    void answersInTheResponseCacheAreNotSentToABatchJob() throws Exception {
        Path onDemand = Files.writeString(dir.resolve("cached-on-demand.yaml"),
                Files.readString(suite(dir, "on-demand")).replace("responseCache: false", "responseCache: true"));
        Path batch = Files.writeString(dir.resolve("cached-batch.yaml"),
                Files.readString(suite(dir, "batch")).replace("responseCache: false", "responseCache: true"));
        run(onDemand, "cache.db");
        RunResult r = run(batch, "cache.db");
        assertThat(r.calls().cacheHits()).isEqualTo(3 * 122);
        assertThat(r.evalSpend().usd()).isEqualByComparingTo(BigDecimal.ZERO);
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("cache.db"));
             var st = c.createStatement(); var rs = st.executeQuery("SELECT COUNT(*) FROM jobs")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).as("nothing left to submit").isZero();
        }
    }

    @Test
    void aJobTheBudgetCannotCoverIsNotSubmitted() throws Exception {
        MainTest.Outcome o = MainTest.frontier("run", suite(dir, "batch").toString(), "--sandbox",
                "--sandbox-time-scale", "0", "--sandbox-job-time", "1", "--store", dir.resolve("budget.db").toString(),
                "--reports", dir.resolve("reports").toString(), "--progress", "plain", "--budget", "0.002");
        assertThat(o.code()).as(o.err()).isEqualTo(3);
        assertThat(o.err()).contains("not submitted, the budget cannot cover its worst case", "budget exhausted");
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("budget.db"));
             var st = c.createStatement(); var rs = st.executeQuery("SELECT (SELECT COUNT(*) FROM jobs), "
                     + "(SELECT COALESCE(SUM(CAST(cost_usd AS REAL)), 0) FROM calls)")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).as("jobs that fit were submitted, the rest not").isLessThan(3);
            assertThat(rs.getDouble(2)).isLessThanOrEqualTo(0.002);
        }
    }

    @Test
    void batchAgainstBedrockWithoutStagingIsInvalidInputBeforeAnyCall() throws IOException {
        Path suite = suite(dir, "batch");
        MainTest.Outcome o = MainTest.frontier("run", suite.toString(), "--store", dir.resolve("s.db").toString(),
                "--reports", dir.resolve("reports").toString());
        assertThat(o.code()).as(o.err()).isEqualTo(2);
        assertThat(o.err()).containsPattern("batch\\.yaml:\\d+:\\d+ staging\\.s3: execution\\.mode batch needs "
                + "staging\\.s3").contains("(add staging: { s3: s3://").doesNotContain("Exception");
    }

    @Test
    void modeOnTheCommandLineOverridesTheSuite() throws IOException {
        Path suite = suite(dir, "on-demand");
        MainTest.Outcome o = MainTest.frontier("run", suite.toString(), "--sandbox", "--sandbox-time-scale", "0",
                "--sandbox-job-time", "1", "--mode", "batch", "--store", dir.resolve("m.db").toString(),
                "--reports", dir.resolve("reports").toString(), "--progress", "plain");
        assertThat(o.code()).as(o.out() + o.err()).isZero();
        Matcher m = Pattern.compile("report: (.*)report\\.html").matcher(o.out());
        assertThat(m.find()).isTrue();
        RunResult r = ResultsJson.read(Path.of(m.group(1)).resolve("results.json"));
        assertThat(r.candidates()).allSatisfy(c -> assertThat(c.mode()).isEqualTo(AnswerSource.BATCH));

        MainTest.Outcome bad = MainTest.frontier("run", suite.toString(), "--mode", "fast");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("'fast' is not a mode (on-demand, batch or auto)");
    }
}
