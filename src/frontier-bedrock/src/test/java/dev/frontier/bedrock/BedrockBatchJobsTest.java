package dev.frontier.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.frontier.batch.BatchOutput;
import dev.frontier.batch.BatchRecords;
import dev.frontier.batch.Manifest;
import dev.frontier.invoke.BatchJobClient;
import dev.frontier.invoke.CloudException;
import dev.frontier.invoke.S3Objects;
import dev.frontier.model.CallResult;
import dev.frontier.model.ModelRequest;
import dev.frontier.model.S3Uri;
import dev.frontier.sandbox.Sandbox;
import dev.frontier.sandbox.SandboxOptions;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/** Batch inference jobs through the SDK's control-plane client against the sandbox: shapes, statuses, outputs. */
@Tag("e2e")
class BedrockBatchJobsTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-27T10:00:00Z"));
    private final InstantSource clock = now::get;
    private static final S3Uri PREFIX = S3Uri.parse("s3://frontier-staging/t/");
    private static final String ROLE = "arn:aws:iam::123456789012:role/BatchJobs";

    private static BedrockSettings settings(Sandbox sandbox) {
        return new BedrockSettings(Optional.of("us-east-1"),
                BedrockSettings.Endpoints.local(sandbox.endpoint(), sandbox.s3Endpoint()),
                new BedrockSettings.Static("sandbox", "sandbox"), 1, Duration.ofSeconds(30), "frontier#test");
    }

    /** Reads the status until the job ends (the sandbox answers records in the background). */
    private static BatchJobClient.Status awaitEnd(BatchJobClient jobs, String arn) throws InterruptedException {
        for (int i = 0; i < 400; i++) {
            BatchJobClient.Status s = jobs.status(arn);
            if (dev.frontier.batch.JobStatus.isTerminal(s.status())) {
                return s;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("the job did not end: " + jobs.status(arn));
    }

    private void advance(Duration d) {
        now.updateAndGet(t -> t.plus(d));
    }

    private static String records(int n, List<String> extra) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            ModelRequest r = new ModelRequest("amazon.nova-lite-v1:0", "Answer with one word.",
                    "Summarize: ticket number " + i + " says the export is slow.", false,
                    new ModelRequest.InferenceParams(50, 0.0, null, List.of()));
            b.append(BatchRecords.line(BatchRecords.recordId(i), r)).append('\n');
        }
        extra.forEach(l -> b.append(l).append('\n'));
        return b.toString();
    }

    private static BatchJobClient.Submission submission(String token, String folder) {
        return new BatchJobClient.Submission("frontier-test-1", token, "amazon.nova-lite-v1:0", ROLE,
                PREFIX.resolve(folder + "/input/"), PREFIX.resolve(folder + "/output/"), Optional.empty(),
                Optional.empty(), Map.of("team", "ml"));
    }

    @Test
    void aJobMovesThroughItsStatusesAndWritesShuffledOutputsErrorRecordsAndAManifest() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.forTests().withClock(clock).withS3(null)
                .withJobTime(Duration.ofSeconds(100)));
             S3Client client = CloudClients.s3(settings(sandbox));
             BatchJobClient jobs = new BedrockBatchJobs(CloudClients.bedrock(settings(sandbox)))) {
            sandbox.createBucket("frontier-staging");
            S3Objects s3 = new SdkS3Objects(client, Optional.empty(), Optional.empty());
            String malformed = "{\"recordId\": \"bad-json\", \"modelInput\": ";
            String noInput = "{\"recordId\": \"no-input\"}";
            String noMessages = "{\"recordId\": \"no-messages\", \"modelInput\": {\"inferenceConfig\": {}}}";
            s3.put(PREFIX.resolve("a/input/records-00001.jsonl"),
                    records(300, List.of(malformed, noInput, noMessages)).getBytes(StandardCharsets.UTF_8));

            String arn = jobs.submit(submission("token-1", "a"));
            assertThat(arn).matches("arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/[a-z0-9]{12}");
            assertThat(jobs.submit(submission("token-1", "a"))).as("same token, same job").isEqualTo(arn);

            List<String> seen = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                BatchJobClient.Status s = jobs.status(arn);
                if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(s.status())) {
                    seen.add(s.status());
                }
                advance(Duration.ofSeconds(10));
            }
            BatchJobClient.Status done = awaitEnd(jobs, arn);
            if (!seen.get(seen.size() - 1).equals(done.status())) {
                seen.add(done.status());
            }
            assertThat(seen).containsExactly("Submitted", "Validating", "Scheduled", "InProgress", "Completed");
            assertThat(done.total()).isEqualTo(303);
            assertThat(done.success() + done.errors()).isEqualTo(303);
            assertThat(done.errors()).isGreaterThanOrEqualTo(3);

            S3Uri out = PREFIX.resolve("a/output/" + done.jobId() + "/");
            assertThat(s3.list(out)).extracting(S3Uri::key).containsExactlyInAnyOrder(
                    out.key() + "records-00001.jsonl.out", out.key() + "manifest.json.out");
            List<BatchOutput.Record> records = new ArrayList<>();
            try (InputStream in = s3.open(out.resolve("records-00001.jsonl.out")).orElseThrow()) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    records.add(BatchOutput.parse(line));
                }
            }
            List<String> ids = records.stream().map(BatchOutput.Record::recordId).toList();
            assertThat(ids).hasSize(303).doesNotHaveDuplicates().contains("no-input", "no-messages");
            assertThat(ids).as("output order is not the input order").isNotEqualTo(ids.stream().sorted().toList());
            for (BatchOutput.Record r : records) {
                if (r.recordId().equals("no-input") || r.recordId().equals("no-messages")) {
                    assertThat(r.result()).isInstanceOf(CallResult.Failure.class);
                    assertThat(((CallResult.Failure) r.result()).errorCode()).isEqualTo("BatchRecordError-400");
                }
            }
            long seeded = records.stream().filter(r -> r.result() instanceof CallResult.Failure f
                    && f.errorCode().equals("BatchRecordError-500")).count();
            assertThat(seeded).as("a few seeded error records").isBetween(1L, 20L);

            long in = 0;
            long outTokens = 0;
            long ok = 0;
            for (BatchOutput.Record r : records) {
                if (r.result() instanceof CallResult.Completion c) {
                    ok++;
                    in += c.usage().totalInputTokens();
                    outTokens += c.usage().outputTokens();
                }
            }
            try (InputStream m = s3.open(out.resolve("manifest.json.out")).orElseThrow()) {
                Manifest manifest = Manifest.parse(m.readAllBytes());
                assertThat(manifest.totalRecordCount()).isEqualTo(303);
                assertThat(manifest.disagreements(ok, 303 - ok, in, outTokens)).isEmpty();
                assertThat(manifest.disagreements(ok, 303 - ok, in + 1, outTokens)).hasSize(1);
            }
        }
    }

    @Test
    void fewerThanTheMinimumFailsValidationAndAJobCanBeStopped() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.forTests().withClock(clock).withS3(null)
                .withJobTime(Duration.ofSeconds(100)));
             S3Client client = CloudClients.s3(settings(sandbox));
             BatchJobClient jobs = new BedrockBatchJobs(CloudClients.bedrock(settings(sandbox)))) {
            sandbox.createBucket("frontier-staging");
            S3Objects s3 = new SdkS3Objects(client, Optional.empty(), Optional.empty());
            s3.put(PREFIX.resolve("small/input/r.jsonl"), records(99, List.of()).getBytes(StandardCharsets.UTF_8));
            s3.put(PREFIX.resolve("big/input/r.jsonl"), records(100, List.of()).getBytes(StandardCharsets.UTF_8));
            String small = jobs.submit(submission("small", "small"));
            String big = jobs.submit(submission("big", "big"));
            assertThat(big).isNotEqualTo(small);
            advance(Duration.ofSeconds(50));
            BatchJobClient.Status failed = jobs.status(small);
            assertThat(failed.status()).isEqualTo("Failed");
            assertThat(failed.message()).contains("99 records", "at least 100");
            assertThat(jobs.status(big).status()).isEqualTo("InProgress");
            jobs.stop(big);
            advance(Duration.ofSeconds(100));
            assertThat(jobs.status(big).status()).isEqualTo("Stopped");
            assertThatThrownBy(() -> jobs.status(big.replaceAll("/[a-z0-9]+$", "/aaaaaaaaaaaa")))
                    .isInstanceOf(CloudException.class).hasMessageContaining("ResourceNotFoundException");
        }
    }

    @Test
    void aRestartedSandboxCarriesOnWithItsJobs(@TempDir Path state) throws Exception {
        String arn;
        SandboxOptions options = SandboxOptions.forTests().withClock(clock).withS3(state)
                .withJobTime(Duration.ofSeconds(100));
        try (Sandbox sandbox = Sandbox.start(options);
             S3Client client = CloudClients.s3(settings(sandbox));
             BatchJobClient jobs = new BedrockBatchJobs(CloudClients.bedrock(settings(sandbox)))) {
            sandbox.createBucket("frontier-staging");
            new SdkS3Objects(client, Optional.empty(), Optional.empty()).put(PREFIX.resolve("r/input/r.jsonl"),
                    records(120, List.of()).getBytes(StandardCharsets.UTF_8));
            arn = jobs.submit(submission("restart", "r"));
            advance(Duration.ofSeconds(40));
            assertThat(jobs.status(arn).status()).isEqualTo("InProgress");
        }
        advance(Duration.ofSeconds(70));
        try (Sandbox sandbox = Sandbox.start(options);
             BatchJobClient jobs = new BedrockBatchJobs(CloudClients.bedrock(settings(sandbox)))) {
            BatchJobClient.Status s = awaitEnd(jobs, arn);
            assertThat(s.status()).isEqualTo("Completed");
            assertThat(s.total()).isEqualTo(120);
            assertThat(jobs.submit(submission("restart", "r"))).isEqualTo(arn);
        }
    }

    @Test
    void recordsAreConverseBodiesWithoutCacheCheckpoints() throws Exception {
        ModelRequest r = new ModelRequest("m", "sys", "hello", true,
                new ModelRequest.InferenceParams(20, 0.7, null, List.of("END")));
        JsonNode line = new ObjectMapper().readTree(BatchRecords.line("00000000007", r));
        assertThat(line.path("recordId").asText()).isEqualTo("00000000007");
        assertThat(line.path("modelInput").toString()).isEqualTo("{\"messages\":[{\"role\":\"user\",\"content\":"
                + "[{\"text\":\"hello\"}]}],\"system\":[{\"text\":\"sys\"}],\"inferenceConfig\":{\"maxTokens\":20,"
                + "\"temperature\":0.7,\"stopSequences\":[\"END\"]}}");
    }
}
