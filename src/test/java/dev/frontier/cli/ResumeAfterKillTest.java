package dev.frontier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontier.sandbox.Sandbox;
import dev.frontier.sandbox.SandboxOptions;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run killed with SIGKILL in a child JVM, then resumed: same results, nothing completed paid twice. */
class ResumeAfterKillTest {

    @TempDir
    Path dir;

    private Path suite(Sandbox sandbox) throws IOException {
        String smoke = Files.readString(Path.of("eval-configs/smoke.yaml"))
                .replace("../datasets/intents-smoke.csv", Path.of("datasets/intents-smoke.csv").toAbsolutePath().toString())
                .replace("execution:\n  concurrency: 4", "execution:\n  concurrency: 2\n  region: us-east-1\n"
                        + "  endpoint: " + sandbox.endpoint() + "\n  responseCache: false");
        Path f = dir.resolve("smoke.yaml");
        Files.writeString(f, smoke);
        return f;
    }

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

    /** `frontier run SUITE ARGS` in a child JVM with the credentials the sandbox accepts. */
    private static Process child(Path suite, Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), "dev.frontier.cli.Main", "run",
                suite.toString(), "--progress", "plain"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_"));
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.put("AWS_REGION", "us-east-1");
        return pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Runs to the end and returns the results it reported. */
    private RunResult finish(Path suite, String logName, String... args) throws Exception {
        Path log = dir.resolve(logName);
        Process p = child(suite, log, args);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String out = Files.readString(log);
        assertThat(p.exitValue()).as(out).isZero();
        Matcher m = Pattern.compile("report: (.*)report\\.html").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return ResultsJson.read(Path.of(m.group(1)).resolve("results.json"));
    }

    @Test
    void aKilledRunResumesWithoutLosingOrRepayingCompletedItems() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.forTests().withTimeScale(0.4))) {
            Path suite = suite(sandbox);
            Path db = dir.resolve("store.db");
            Process child = child(suite, dir.resolve("child.log"), "--store", db.toString(), "--reports",
                    dir.resolve("reports").toString());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (count(db, "SELECT COUNT(*) FROM calls") < 8 && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(child.isAlive()).as(Files.readString(dir.resolve("child.log"))).isTrue();
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup
            child.waitFor(30, TimeUnit.SECONDS);
            int committed = count(db, "SELECT COUNT(*) FROM calls WHERE error_code IS NULL");
            assertThat(committed).isBetween(8, 35);
            String runId = firstRun(db);
            long paidBefore = sandbox.paidCalls();

            RunResult done = finish(suite, "resume.log", "--resume", runId, "--store", db.toString(), "--reports",
                    dir.resolve("reports").toString());
            assertThat(done.calls().answers()).isEqualTo(36);
            assertThat(done.calls().failed()).isZero();
            assertThat(done.calls().resumed()).isEqualTo(committed);
            // the resume asked only for what was not committed
            assertThat(sandbox.paidCalls() - paidBefore).isEqualTo(36 - committed);
            // a request paid twice can only be one that was in flight at the kill (at most the concurrency)
            long repaid = sandbox.paidCallsByRequestHash().values().stream().filter(n -> n > 1).count();
            assertThat(repaid).isLessThanOrEqualTo(2);
            assertThat(sandbox.paidCalls()).isLessThanOrEqualTo(36 + 2);

            // the same figures as a run that was never interrupted
            RunResult uninterrupted = finish(suite, "fresh.log", "--store", dir.resolve("fresh.db").toString(),
                    "--reports", dir.resolve("fresh").toString());
            for (int i = 0; i < 3; i++) {
                assertThat(done.candidates().get(i).quality()).isEqualTo(uninterrupted.candidates().get(i).quality());
                assertThat(done.candidates().get(i).usage()).isEqualTo(uninterrupted.candidates().get(i).usage());
            }
            assertThat(done.items()).hasSameSizeAs(uninterrupted.items());
            for (int i = 0; i < done.items().size(); i++) {
                RunResult.ItemResult x = done.items().get(i);
                RunResult.ItemResult y = uninterrupted.items().get(i);
                assertThat(x.id()).isEqualTo(y.id());
                assertThat(x.outputs().keySet()).isEqualTo(y.outputs().keySet());
                x.outputs().forEach((k, v) -> assertThat(v.text()).isEqualTo(y.outputs().get(k).text()));
            }
        }
    }
}
