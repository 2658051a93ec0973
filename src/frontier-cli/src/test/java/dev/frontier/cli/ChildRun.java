package dev.frontier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontier.results.ResultsJson;
import dev.frontier.results.RunResult;
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

/** {@code frontier run} in a child JVM that a test can kill, and what it left in its run store. */
final class ChildRun {
    private ChildRun() {
    }

    /**
     * Starts {@code frontier run ARGS} with no AWS_ variable of this JVM, plus {@code env}; stdout and stderr go to
     * {@code log}.
     */
    static Process start(Path log, Map<String, String> env, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), "dev.frontier.cli.Main", "run"));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> environment = pb.environment();
        environment.keySet().removeIf(k -> k.startsWith("AWS_"));
        environment.putAll(env);
        return pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /**
     * Kills the child with SIGKILL (no shutdown hook, no cleanup) once {@code db} answers {@code sql} with at least
     * {@code atLeast}; fails when the child ended before.
     */
    static void killOnce(Process child, Path log, Path db, String sql, int atLeast) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (count(db, sql) < atLeast && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(child.isAlive()).as(Files.readString(log)).isTrue();
        child.destroyForcibly();
        child.waitFor(30, TimeUnit.SECONDS);
    }

    /** Waits for the child to end with exit 0 and returns its output. */
    static String succeeded(Process child, Path log) throws Exception {
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String out = Files.readString(log);
        assertThat(child.exitValue()).as(out).isZero();
        return out;
    }

    /** The results of the run whose output is {@code out}, read from the report it names. */
    static RunResult results(String out) throws IOException {
        Matcher m = Pattern.compile("report: (.*)report\\.html").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return ResultsJson.read(Path.of(m.group(1)).resolve("results.json"));
    }

    /** The first number {@code sql} answers in the store {@code db}; 0 while the store or its table is missing. */
    static int count(Path db, String sql) {
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

    /** The id of the first run in the store {@code db}. */
    static String firstRun(Path db) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT run_id FROM runs")) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }
}
