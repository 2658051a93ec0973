package dev.frontier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontier.bedrock.BedrockSettings;
import dev.frontier.bedrock.CloudClients;
import dev.frontier.bedrock.SdkS3Objects;
import dev.frontier.model.S3Uri;
import dev.frontier.results.AnswerSource;
import dev.frontier.sandbox.RequestRecord;
import dev.frontier.sandbox.Sandbox;
import dev.frontier.sandbox.SandboxOptions;
import dev.frontier.results.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code frontier run} without {@code --sandbox}, the way it runs against AWS, with each service's endpoint given
 * apart: a sandbox started here stands in for Bedrock Runtime, the control plane and S3.
 */
@Tag("e2e")
class EndpointsEndToEndTest {

    private static final String ROLE = "arn:aws:iam::123456789012:role/BatchJobs";

    @TempDir
    Path dir;

    private Path suite(String mode, String endpoints, String staging) throws IOException {
        String smoke = Files.readString(Path.of("eval-configs/smoke.yaml"))
                .replace("suite: smoke", "suite: smoke-endpoints")
                .replace("execution:\n  concurrency: 4", "execution:\n  concurrency: 4\n  region: us-east-1\n  mode: "
                        + mode + "\n  maxErrorRate: 0.2\n  responseCache: false\n" + endpoints);
        smoke = smoke.replace("../datasets/intents-smoke.csv", Path.of(mode.equals("batch")
                ? "datasets/intents.csv" : "datasets/intents-smoke.csv").toAbsolutePath().toString()) + staging;
        Path f = dir.resolve(mode + ".yaml");
        Files.writeString(f, smoke);
        return f;
    }

    private String output;

    private RunResult run(Path suite, Map<String, String> env) throws Exception {
        Path log = dir.resolve(suite.getFileName() + ".log");
        Process child = ChildRun.start(log, env, List.of(suite.toString(), "--progress", "plain", "--store",
                dir.resolve("store.db").toString(), "--reports", dir.resolve("reports").toString()));
        output = ChildRun.succeeded(child, log);
        return ChildRun.results(output);
    }

    @Test
    void aBatchRunSendsEachServiceToTheEndpointTheSuiteGivesIt() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.forTests().withS3(dir.resolve("s3"))
                .withJobTime(Duration.ZERO))) {
            sandbox.createBucket("frontier-e2e");
            String endpoints = "  endpoints:\n    runtime: " + sandbox.endpoint() + "\n    controlPlane: "
                    + sandbox.endpoint() + "\n    s3: " + sandbox.s3Endpoint().orElseThrow() + "\n";
            Path suite = suite("batch", endpoints, "staging:\n  s3: s3://frontier-e2e/runs/\n  roleArn: " + ROLE
                    + "\n");
            // the suite's endpoints win over the environment's: this global one leads nowhere
            RunResult result = run(suite, Map.of("AWS_ACCESS_KEY_ID", "sandbox", "AWS_SECRET_ACCESS_KEY", "sandbox",
                    "AWS_REGION", "us-east-1", "AWS_ENDPOINT_URL", "http://127.0.0.1:9"));

            assertThat(output).contains("on Amazon Bedrock in us-east-1 at " + sandbox.endpoint());
            // with a budget, a model without a batch price stays on demand: those calls go to the runtime endpoint
            long batched = result.candidates().stream().filter(c -> c.mode() == AnswerSource.BATCH).count();
            assertThat(batched).isPositive();
            assertThat(result.items()).hasSize(122);
            List<RequestRecord> log = sandbox.requestLog();
            // job submissions and status reads reached the control plane at the sandbox's address
            assertThat(log).filteredOn(r -> r.operation().equals("CreateModelInvocationJob") && r.ok())
                    .hasSize((int) batched);
            assertThat(log).filteredOn(r -> r.operation().equals("GetModelInvocationJob") && r.ok())
                    .hasSizeGreaterThanOrEqualTo((int) batched);
            assertThat(log).filteredOn(r -> r.operation().equals(RequestRecord.CONVERSE) && r.ok()).isNotEmpty();
            assertThat(log).allSatisfy(r -> assertThat(r.userAgent()).contains("app/frontier#"));
            // the records went to the S3 the suite named
            try (var client = CloudClients.s3(new BedrockSettings(Optional.of("us-east-1"),
                    BedrockSettings.Endpoints.local(sandbox.endpoint(), sandbox.s3Endpoint()),
                    new BedrockSettings.Static("sandbox", "sandbox"), 1, Duration.ofSeconds(30), "frontier#test"))) {
                List<S3Uri> staged = new SdkS3Objects(client, Optional.empty(), Optional.empty())
                        .list(S3Uri.parse("s3://frontier-e2e/runs/"));
                assertThat(staged).anyMatch(u -> u.key().endsWith(".jsonl"))
                        .anyMatch(u -> u.key().endsWith(".jsonl.out"));
            }
        }
    }

    @Test
    void theServiceVariablesOfTheEnvironmentApplyWhenTheSuiteGivesNone() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.forTests())) {
            Path suite = suite("on-demand", "", "");
            RunResult result = run(suite, Map.of("AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test",
                    "AWS_REGION", "us-east-1", "AWS_ENDPOINT_URL_BEDROCK_RUNTIME", sandbox.endpoint().toString(),
                    "AWS_ENDPOINT_URL", "http://127.0.0.1:9"));
            assertThat(output).contains("on Amazon Bedrock in us-east-1 at " + sandbox.endpoint());
            assertThat(result.calls().failed()).isZero();
            assertThat(sandbox.paidCalls()).isEqualTo(result.calls().answers());
        }
    }
}
