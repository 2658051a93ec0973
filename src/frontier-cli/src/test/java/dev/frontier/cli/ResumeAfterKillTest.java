package dev.frontier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontier.sandbox.Sandbox;
import dev.frontier.sandbox.SandboxOptions;
import dev.frontier.results.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run killed with SIGKILL in a child JVM, then resumed: same results, nothing completed paid twice. */
@Tag("e2e")
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

    /** `frontier run SUITE ARGS` in a child JVM with the credentials the sandbox accepts. */
    private static Process child(Path suite, Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(suite.toString(), "--progress", "plain"));
        command.addAll(List.of(args));
        return ChildRun.start(log, Map.of("AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test",
                "AWS_REGION", "us-east-1"), command);
    }

    /** Runs to the end and returns the results it reported. */
    private RunResult finish(Path suite, String logName, String... args) throws Exception {
        Path log = dir.resolve(logName);
        return ChildRun.results(ChildRun.succeeded(child(suite, log, args), log));
    }

    @Test
    void aKilledRunResumesWithoutLosingOrRepayingCompletedItems() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.forTests().withTimeScale(0.4))) {
            Path suite = suite(sandbox);
            Path db = dir.resolve("store.db");
            Process child = child(suite, dir.resolve("child.log"), "--store", db.toString(), "--reports",
                    dir.resolve("reports").toString());
            ChildRun.killOnce(child, dir.resolve("child.log"), db, "SELECT COUNT(*) FROM calls", 8);
            int committed = ChildRun.count(db, "SELECT COUNT(*) FROM calls WHERE error_code IS NULL");
            assertThat(committed).isBetween(8, 35);
            String runId = ChildRun.firstRun(db);
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
