package dev.frontier.cli;

import dev.frontier.bedrock.SdkS3Objects;
import dev.frontier.bedrock.BedrockBatchJobs;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.frontier.batch.BatchRecords;
import dev.frontier.invoke.BatchJobClient;
import dev.frontier.bedrock.BedrockSettings;
import dev.frontier.bedrock.CloudClients;
import dev.frontier.model.ModelRequest;
import dev.frontier.model.S3Uri;
import dev.frontier.sandbox.Sandbox;
import dev.frontier.sandbox.SandboxOptions;
import dev.frontier.store.JobKind;
import dev.frontier.store.RunStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/** {@code frontier jobs show|stop} on a batch inference job (model invocation job) ARN, against the sandbox. */
class JobsBatchTest {

    private static final S3Uri PREFIX = S3Uri.parse("s3://frontier-staging/jobs/");

    @TempDir
    Path dir;

    private MainTest.Outcome frontier(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--store";
        all[args.length + 1] = dir.resolve("store.db").toString();
        return MainTest.frontier(all);
    }

    /** A job submitted to the sandbox whose state the {@code jobs} command's sandbox reads next to the store. */
    private String submitBatchJob() {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.forTests()
                .withS3(ControlPlaneAccess.sandboxState(dir.resolve("store.db"))));
             S3Client s3client = CloudClients.s3(settings(sandbox));
             BatchJobClient jobs = new BedrockBatchJobs(CloudClients.bedrock(settings(sandbox)))) {
            sandbox.createBucket(PREFIX.bucket());
            StringBuilder records = new StringBuilder();
            for (int i = 0; i < 100; i++) {
                records.append(BatchRecords.line(BatchRecords.recordId(i), new ModelRequest("amazon.nova-micro-v1:0",
                        "Answer with one word.", "Ticket " + i, false,
                        new ModelRequest.InferenceParams(20, 0.0, null, List.of())))).append('\n');
            }
            new SdkS3Objects(s3client, Optional.empty(), Optional.empty()).put(PREFIX.resolve("input/records.jsonl"),
                    records.toString().getBytes(StandardCharsets.UTF_8));
            return jobs.submit(new BatchJobClient.Submission("frontier-jobs-test", "jobs-test-token",
                    "amazon.nova-micro-v1:0", "arn:aws:iam::123456789012:role/BatchJobs", PREFIX.resolve("input/"),
                    PREFIX.resolve("output/"), Optional.empty(), Optional.empty(), Map.of()));
        }
    }

    private static BedrockSettings settings(Sandbox sandbox) {
        return new BedrockSettings(Optional.of("us-east-1"),
                BedrockSettings.Endpoints.local(sandbox.endpoint(), sandbox.s3Endpoint()),
                new BedrockSettings.Static("sandbox", "sandbox"), 1, Duration.ofSeconds(30), "frontier#test");
    }

    @Test
    void showAndStopABatchJobByItsArnKeepingWhatTheRunRecorded() throws Exception {
        String arn = submitBatchJob();
        assertThat(arn).matches("arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/[a-z0-9]{12}");
        try (RunStore store = RunStore.open(dir.resolve("store.db"))) {
            store.recordJob(new RunStore.JobRow(arn, JobKind.BATCH_INFERENCE, "frontier-jobs-test", "smoke", "run-1", "nova",
                    "jobs-test-token", "Submitted", "{}", "{\"status\":\"Submitted\",\"collected\":false}",
                    "2026-12-01T10:00:00Z", "2026-12-01T10:00:00Z"));
        }

        // a long job time keeps the job running while it is shown and stopped
        MainTest.Outcome shown = frontier("jobs", "show", arn, "--sandbox", "--sandbox-job-time", "3600");
        assertThat(shown.code()).as(shown.err()).isZero();
        assertThat(shown.out()).startsWith(arn + ": Submitted");

        MainTest.Outcome stopped = frontier("jobs", "stop", arn, "--sandbox", "--sandbox-job-time", "3600");
        assertThat(stopped.code()).as(stopped.err()).isZero();
        assertThat(stopped.out()).startsWith(arn + ": Stopped").contains("Stopped by request.");

        MainTest.Outcome again = frontier("jobs", "show", arn, "--sandbox", "--sandbox-job-time", "3600");
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).startsWith(arn + ": Stopped");
        assertThat(frontier("jobs", "list").out()).contains("batch", "Stopped", arn);
        try (RunStore store = RunStore.open(dir.resolve("store.db"))) {
            JsonNode details = new ObjectMapper().readTree(store.job(arn).orElseThrow().detailsJson());
            assertThat(details.path("status").asText()).isEqualTo("Stopped");
            assertThat(details.has("collected")).as("a run's collected flag is kept").isTrue();
            assertThat(details.path("collected").asBoolean()).isFalse();
        }

        // a stopped job cannot be stopped again: Bedrock's ValidationException is a provider error
        MainTest.Outcome twice = frontier("jobs", "stop", arn, "--sandbox", "--sandbox-job-time", "3600");
        assertThat(twice.code()).isEqualTo(3);
        assertThat(twice.err()).contains("ValidationException", "cannot be stopped");
    }

    @Test
    void anArnOfNoJobKindIsInvalidInputNamingTheExpectedForms() {
        MainTest.Outcome wrong = frontier("jobs", "show",
                "arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/NOT-AN-ID");
        assertThat(wrong.code()).isEqualTo(2);
        assertThat(wrong.err()).contains("is not the ARN of a Bedrock job or serving resource",
                "arn:aws:bedrock:REGION:ACCOUNT:model-invocation-job/ID (batch inference job)",
                "arn:aws:bedrock:REGION:ACCOUNT:model-customization-job/ID (customization job)",
                "arn:aws:bedrock:REGION:ACCOUNT:provisioned-model/ID (Provisioned Throughput)",
                "arn:aws:bedrock:REGION:ACCOUNT:custom-model-deployment/ID (custom model deployment)");

        MainTest.Outcome bareId = frontier("jobs", "stop", "abcdef123456");
        assertThat(bareId.code()).isEqualTo(2);
        assertThat(bareId.err()).contains("give the job's full ARN, not its id");
    }
}
