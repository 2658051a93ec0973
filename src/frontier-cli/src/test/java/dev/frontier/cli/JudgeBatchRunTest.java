package dev.frontier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontier.results.AnswerSource;
import dev.frontier.results.ResultsJson;
import dev.frontier.results.RunResult;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 122-item batch suite with a pointwise jury (Nova Pro and Nova Micro) and a pairwise judge (Nova Pro), all with
 * batch prices: in batch mode the judges' first asks go to one batch job per judge scorer and judge model, and every
 * judge score equals the
 * on-demand run's at exactly half the price of each call a job answered; a resume submits nothing.
 */
@Tag("e2e")
class JudgeBatchRunTest {

    @TempDir
    Path dir;

    private String lastOut;
    private String lastErr;
    private String lastReport;

    static Path suite(Path dir, String mode) throws IOException {
        String text = Files.readString(BatchRunTest.suite(dir, mode))
                .replace("suite: smoke-batch", "suite: judged-batch")
                .replace("  - { type: exact-match, expected: \"{{intent}}\", weight: 1 }",
                        """
                          - { type: exact-match, expected: "{{intent}}", weight: 1 }
                          - id: judge
                            type: llm-judge
                            models: [amazon.nova-pro-v1:0, amazon.nova-micro-v1:0]
                            scale: [1, 5]
                            reference: "{{intent}}"
                            rubric: The answer is the one label that fits the message.
                            weight: 0
                          - id: vs-incumbent
                            type: llm-judge
                            mode: pairwise
                            model: amazon.nova-pro-v1:0
                            rubric: The better answer is the label that fits the message.
                            weight: 0""")
                .replace("maxUsd: 1.00", "maxUsd: 5.00");
        Path f = dir.resolve("judged-" + mode + ".yaml");
        Files.writeString(f, text);
        return f;
    }

    private RunResult run(Path suite, String store, String... more) throws IOException {
        String[] base = {"run", suite.toString(), "--sandbox", "--sandbox-time-scale", "0", "--sandbox-job-time",
                "1.5", "--store", dir.resolve(store).toString(), "--reports", dir.resolve("reports").toString(),
                "--progress", "plain"};
        String[] args = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        MainTest.Outcome o = MainTest.frontier(args);
        assertThat(o.code()).as(o.out() + o.err()).isZero();
        Matcher m = Pattern.compile("report: (.*)report\\.html").matcher(o.out());
        assertThat(m.find()).as(o.out() + o.err()).isTrue();
        lastOut = o.out();
        lastErr = o.err();
        lastReport = Files.readString(Path.of(m.group(1)).resolve("report.html"));
        return ResultsJson.read(Path.of(m.group(1)).resolve("results.json"));
    }

    @Test
    void judgesInBatchGiveTheOnDemandScoresAtHalfTheJudgeSpend() throws Exception {
        RunResult batch = run(suite(dir, "batch"), "batch.db");
        String batchReport = lastReport;
        RunResult onDemand = run(suite(dir, "on-demand"), "on-demand.db");

        assertThat(batch.judging().orElseThrow().modes()).hasSize(3).allSatisfy(m -> {
            assertThat(m.mode()).isEqualTo(AnswerSource.BATCH);
            assertThat(m.reason()).contains("execution.mode is batch", "judge requests (>= 100)", "batch price $");
        });
        assertThat(batch.judging().orElseThrow().modes().get(0).reason()).contains("batch price $0.0004 in");
        assertThat(onDemand.judging().orElseThrow().modes()).hasSize(3)
                .allSatisfy(m -> assertThat(m.reason()).isEqualTo("execution.mode is on-demand"));
        assertThat(onDemand.judging().orElseThrow().batch()).isZero();
        assertThat(batch.judging().orElseThrow().batch()).isPositive();
        assertThat(batchReport).contains("id=\"judge-modes\"", "id=\"judge-batch-note\"");

        // every judge score of an output both runs had (not a candidate's batch error record) is the same
        int compared = 0;
        for (int i = 0; i < batch.items().size(); i++) {
            RunResult.ItemResult b = batch.items().get(i);
            RunResult.ItemResult d = onDemand.items().get(i);
            if (!b.outputs().get("sonnet").error().isEmpty()) {
                continue;   // no incumbent output: the pairwise judge has nothing to compare with
            }
            for (var e : b.outputs().entrySet()) {
                if (!e.getValue().error().isEmpty()) {
                    continue;
                }
                compared++;
                assertThat(e.getValue().scores()).as(b.id() + " " + e.getKey())
                        .isEqualTo(d.outputs().get(e.getKey()).scores()).containsKeys("judge", "vs-incumbent");
            }
        }
        assertThat(compared).isGreaterThan(300);

        // each call a job answered costs exactly half of the same call on demand
        Map<String, BigDecimal> onDemandCost = judgeCosts("on-demand.db", "");
        Map<String, BigDecimal> batchCost = judgeCosts("batch.db", " AND source = 'batch'");
        assertThat(batchCost.size()).isEqualTo(batch.judging().orElseThrow().batch());
        BigDecimal half = BigDecimal.ZERO;
        BigDecimal full = BigDecimal.ZERO;
        for (var e : batchCost.entrySet()) {
            BigDecimal od = onDemandCost.get(e.getKey());
            assertThat(od).as(e.getKey()).isNotNull();
            assertThat(e.getValue().multiply(BigDecimal.valueOf(2))).as(e.getKey()).isEqualByComparingTo(od);
            half = half.add(e.getValue());
            full = full.add(od);
        }
        assertThat(half.signum()).isPositive();
        assertThat(half.multiply(BigDecimal.valueOf(2))).isEqualByComparingTo(full);
        assertThat(batch.judging().orElseThrow().spendUsd()).isLessThan(onDemand.judging().orElseThrow().spendUsd());

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("batch.db"));
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT candidate_id, COUNT(*) FROM jobs WHERE kind = 'judge-batch' "
                     + "GROUP BY candidate_id ORDER BY candidate_id")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("judge");
            assertThat(rs.getInt(2)).as("one job per judge model of the jury").isEqualTo(2);
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("vs-incumbent");
            assertThat(rs.getInt(2)).isEqualTo(1);
            assertThat(rs.next()).isFalse();
        }
        // both orders of every pairwise comparison went to the job (all but its seeded error records answered)
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("batch.db"));
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT slot, COUNT(*) FROM judge_calls WHERE source = 'batch' "
                     + "AND scorer_id = 'vs-incumbent' GROUP BY slot ORDER BY slot")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("ab");
            int ab = rs.getInt(2);
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("ba");
            assertThat(Math.abs(ab - rs.getInt(2))).isLessThan(10);
            assertThat(ab).isGreaterThan(200);
        }
    }

    @Test
    void aRescoreInBatchModeSendsItsJudgesToJobsAndGivesTheSameScores() throws Exception {
        Path suite = suite(dir, "on-demand");
        RunResult first = run(suite, "rescore.db");
        MainTest.Outcome o = MainTest.frontier("rescore", first.runId(), "--config", suite.toString(), "--mode",
                "batch", "--no-cache", "--sandbox", "--sandbox-time-scale", "0", "--sandbox-job-time", "1.5",
                "--store", dir.resolve("rescore.db").toString(), "--reports", dir.resolve("reports").toString());
        assertThat(o.code()).as(o.out() + o.err()).isZero();
        Matcher m = Pattern.compile("report: (.*)report\\.html").matcher(o.out());
        assertThat(m.find()).isTrue();
        RunResult rescored = ResultsJson.read(Path.of(m.group(1)).resolve("results.json"));

        assertThat(rescored.parentRunId()).contains(first.runId());
        assertThat(rescored.judging().orElseThrow().batch()).isPositive();
        assertThat(rescored.judging().orElseThrow().modes())
                .allSatisfy(j -> assertThat(j.mode()).isEqualTo(AnswerSource.BATCH));
        assertThat(jobCount("rescore.db")).as("one judge job per judge scorer and model, no candidate job")
                .isEqualTo(3);
        for (int i = 0; i < first.items().size(); i++) {
            for (var e : first.items().get(i).outputs().entrySet()) {
                assertThat(rescored.items().get(i).outputs().get(e.getKey()).scores()).as(e.getKey())
                        .isEqualTo(e.getValue().scores());
            }
        }
    }

    @Test
    void aRunKilledWhileTheJudgeJobsRanPollsThemAgainAndSubmitsNothing() throws Exception {
        Path suite = suite(dir, "batch");
        RunResult first = run(suite, "kill.db");
        int batchAnswers = first.judging().orElseThrow().batch();
        // as if the process had died after submitting the judge jobs: no judge answer, the jobs not collected
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("kill.db"));
             Statement st = c.createStatement()) {
            st.executeUpdate("DELETE FROM judge_calls");
            st.executeUpdate("DELETE FROM scores WHERE scorer_id IN ('judge', 'vs-incumbent')");
            st.executeUpdate("UPDATE jobs SET details_json = NULL WHERE kind = 'judge-batch'");
            st.executeUpdate("UPDATE runs SET status = 'running'");
        }
        RunResult resumed = run(suite, "kill.db", "--resume", first.runId());
        assertThat(lastErr).contains("batch: judge judge (amazon.nova-pro-v1:0): resuming 1 job(s) of this run",
                "batch: judge judge (amazon.nova-micro-v1:0): resuming 1 job(s) of this run",
                "batch: judge vs-incumbent (amazon.nova-pro-v1:0): resuming 1 job(s)")
                .doesNotContain("submitted arn:");
        assertThat(resumed.judging().orElseThrow().batch()).isEqualTo(batchAnswers);
        assertThat(resumed.judging().orElseThrow().modes()).allSatisfy(m -> assertThat(m.reason())
                .endsWith("resumed the batch job submitted before the run was interrupted"));
        assertThat(jobCount("kill.db")).isEqualTo(6);

        // a further resume finds every judge answer in the store: nothing submitted, nothing paid again
        RunResult again = run(suite, "kill.db", "--resume", first.runId());
        assertThat(lastErr).doesNotContain("submitted arn:");
        assertThat(again.judging().orElseThrow().batch()).isZero();
        assertThat(again.judging().orElseThrow().paid()).isZero();
        assertThat(again.judging().orElseThrow().resumed()).isEqualTo(again.judging().orElseThrow().calls());
        assertThat(again.judging().orElseThrow().spendUsd())
                .isEqualByComparingTo(resumed.judging().orElseThrow().spendUsd());
        assertThat(jobCount("kill.db")).isEqualTo(6);
        for (int i = 0; i < first.items().size(); i++) {
            if (!first.items().get(i).outputs().get("sonnet").error().isEmpty()) {
                continue;   // the resume called the incumbent's error record: now there is something to compare
            }
            for (var e : first.items().get(i).outputs().entrySet()) {
                if (e.getValue().error().isEmpty()) {
                    assertThat(again.items().get(i).outputs().get(e.getKey()).scores())
                            .isEqualTo(e.getValue().scores());
                }
            }
        }
    }

    private int jobCount(String store) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(store));
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(DISTINCT name) - COUNT(*) FROM jobs")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).as("every job has a name of its own").isZero();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(store));
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM jobs")) {
            assertThat(rs.next()).isTrue();
            return rs.getInt(1);
        }
    }

    private Map<String, BigDecimal> judgeCosts(String store, String where) throws SQLException {
        Map<String, BigDecimal> out = new HashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(store));
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT scorer_id, candidate_id, item_id, judge_model, slot, attempt, cost_usd "
                     + "FROM judge_calls WHERE error_code IS NULL" + where)) {
            while (rs.next()) {
                out.put(rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getString(3) + "/" + rs.getString(4)
                        + "/" + rs.getString(5) + "/" + rs.getInt(6), new BigDecimal(rs.getString(7)));
            }
        }
        return out;
    }
}
