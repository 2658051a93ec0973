package dev.frontier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontier.results.AnswerSource;
import dev.frontier.results.RunResult;
import dev.frontier.results.RunStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch run killed with SIGKILL while its jobs run, then resumed: the resumed CLI (with a new sandbox on the same
 * state folder) polls the same jobs and completes the run; no second job is submitted.
 */
@Tag("e2e")
class BatchResumeAfterKillTest {

    @TempDir
    Path dir;

    private Process child(Path suite, Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(suite.toString(), "--sandbox", "--sandbox-time-scale", "0",
                "--sandbox-job-time", "6", "--progress", "plain", "--store", dir.resolve("state/store.db").toString(),
                "--reports", dir.resolve("reports").toString()));
        command.addAll(List.of(args));
        return ChildRun.start(log, Map.of(), command);
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
        // killed while the jobs run
        ChildRun.killOnce(first, firstLog, db, "SELECT COUNT(*) FROM jobs", 3);
        assertThat(ChildRun.count(db, "SELECT COUNT(*) FROM jobs")).isEqualTo(3);
        assertThat(ChildRun.count(db, "SELECT COUNT(*) FROM calls")).as("killed before any job ended").isZero();
        assertThat(sandboxJobs(dir.resolve("state"))).isEqualTo(3);
        String runId = ChildRun.firstRun(db);

        Path log = dir.resolve("resume.log");
        String out = ChildRun.succeeded(child(suite, log, "--resume", runId), log);
        assertThat(out).contains("resuming 1 job(s) of this run").doesNotContain("submitted arn:");
        RunResult done = ChildRun.results(out);

        assertThat(done.runId()).isEqualTo(runId);
        assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(done.calls().answers()).isEqualTo(3 * 122);
        assertThat(done.candidates()).allSatisfy(c -> assertThat(c.mode()).isEqualTo(AnswerSource.BATCH));
        // no second job: neither in the run store nor in the sandbox
        assertThat(ChildRun.count(db, "SELECT COUNT(*) FROM jobs")).isEqualTo(3);
        assertThat(ChildRun.count(db, "SELECT COUNT(*) FROM jobs WHERE status = 'Completed'")).isEqualTo(3);
        assertThat(sandboxJobs(dir.resolve("state"))).isEqualTo(3);
    }
}
