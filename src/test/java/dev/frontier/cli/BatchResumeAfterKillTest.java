package dev.frontier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontier.store.ResultsJson;
import dev.frontier.store.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch run killed with SIGKILL while its jobs run, then resumed: the resumed CLI (with a new sandbox on the same
 * state folder) polls the same jobs and completes the run; no second job is submitted.
 */
class BatchResumeAfterKillTest {

    @TempDir
    Path dir;

    private static int count(Path db, String sql) {
        if (!Files.exists(db)) {
            return 0;
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getInt(1) : 0;
        } catch (SQLException e) {
            return 0; // not created yet
        }
    }

    private static String firstRun(Path db) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT run_id FROM runs")) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    private Process child(Path suite, Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), "dev.frontier.cli.Main", "run",
                suite.toString(), "--sandbox", "--sandbox-time-scale", "0", "--sandbox-job-time", "6",
                "--progress", "plain", "--store", dir.resolve("state/store.db").toString(), "--reports",
                dir.resolve("reports").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_"));
        return pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static long sandboxJobs(Path state) throws IOException {
        Path jobs = state.resolve("sandbox/s3/frontier-sandbox-control/model-invocation-jobs/jobs");
        if (!Files.isDirectory(jobs)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(jobs)) {
            return files.filter(f -> f.toString().endsWith(".json")).count();
        }
    }

    @Test
    void aKilledBatchRunResumesPollingTheSameJobs() throws Exception {
        Path suite = BatchRunTest.suite(dir, "batch");
        Path db = dir.resolve("state/store.db");
        Path firstLog = dir.resolve("child.log");
        Process first = child(suite, firstLog);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (count(db, "SELECT COUNT(*) FROM jobs") < 3 && first.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(first.isAlive()).as(Files.readString(firstLog)).isTrue();
        first.destroyForcibly(); // SIGKILL while the jobs run: no shutdown hook, no cleanup
        first.waitFor(30, TimeUnit.SECONDS);
        assertThat(count(db, "SELECT COUNT(*) FROM jobs")).isEqualTo(3);
        assertThat(count(db, "SELECT COUNT(*) FROM calls")).as("killed before any job ended").isZero();
        assertThat(sandboxJobs(dir.resolve("state"))).isEqualTo(3);
        String runId = firstRun(db);

        Path log = dir.resolve("resume.log");
        Process resumed = child(suite, log, "--resume", runId);
        assertThat(resumed.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String out = Files.readString(log);
        assertThat(resumed.exitValue()).as(out).isZero();
        assertThat(out).contains("resuming 1 job(s) of this run").doesNotContain("submitted arn:");
        Matcher m = Pattern.compile("report: (.*)report\\.html").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        RunResult done = ResultsJson.read(Path.of(m.group(1)).resolve("results.json"));

        assertThat(done.runId()).isEqualTo(runId);
        assertThat(done.status()).isEqualTo("completed");
        assertThat(done.calls().answers()).isEqualTo(3 * 122);
        assertThat(done.candidates()).allSatisfy(c -> assertThat(c.mode()).isEqualTo("batch"));
        // no second job: neither in the run store nor in the sandbox
        assertThat(count(db, "SELECT COUNT(*) FROM jobs")).isEqualTo(3);
        assertThat(count(db, "SELECT COUNT(*) FROM jobs WHERE status = 'Completed'")).isEqualTo(3);
        assertThat(sandboxJobs(dir.resolve("state"))).isEqualTo(3);
    }
}
