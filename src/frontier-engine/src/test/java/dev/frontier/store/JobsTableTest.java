package dev.frontier.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontier.model.RunId;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobsTableTest {

    private static RunStore.JobRow job(String arn, String token, String runId, String at) {
        return new RunStore.JobRow(arn, JobKind.BATCH_INFERENCE, "frontier-x", "suite", runId, "nova-lite", token, "Submitted",
                "{}", null, at, at);
    }

    @Test
    void jobsAreFoundByArnTokenAndRunAndSurviveReopening(@TempDir Path dir) {
        Path file = dir.resolve("f.db");
        RunId run = new RunId("20261127-101010-abcd");
        try (RunStore store = RunStore.open(file)) {
            store.recordJob(job("arn:1", "tok-1", run.value(), "2026-11-27T10:10:11Z"));
            store.recordJob(job("arn:2", "tok-2", null, "2026-11-27T10:10:12Z"));
            store.recordJob(job("arn:1", "tok-other", null, "2026-11-27T10:10:13Z")); // ignored: same ARN
            store.updateJob("arn:1", "InProgress", "{\"status\":\"InProgress\"}", "2026-11-27T10:11:00Z");
        }
        try (RunStore store = RunStore.open(file)) {
            assertThat(store.job("arn:1")).hasValueSatisfying(j -> {
                assertThat(j.status()).isEqualTo("InProgress");
                assertThat(j.clientToken()).isEqualTo("tok-1");
                assertThat(j.detailsJson()).contains("InProgress");
            });
            assertThat(store.jobByToken("tok-2")).map(RunStore.JobRow::jobArn).hasValue("arn:2");
            assertThat(store.jobByToken("tok-other")).isEmpty();
            assertThat(store.jobsOfRun(run)).extracting(RunStore.JobRow::jobArn).containsExactly("arn:1");
            assertThat(store.jobs()).extracting(RunStore.JobRow::jobArn).containsExactly("arn:2", "arn:1");
        }
    }
}
