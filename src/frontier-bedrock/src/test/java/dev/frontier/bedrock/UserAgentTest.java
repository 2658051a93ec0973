package dev.frontier.bedrock;

import dev.frontier.invoke.CloudException;
import dev.frontier.invoke.BatchJobClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frontier.model.CallResult;
import dev.frontier.model.ModelRequest;
import dev.frontier.sandbox.RequestRecord;
import dev.frontier.sandbox.Sandbox;
import dev.frontier.sandbox.SandboxOptions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

/** Every SDK client frontier builds names frontier in its User-Agent, as the sandbox receives it. */
class UserAgentTest {

    private static final String APP_ID = "frontier#1.2.3-test";

    @Test
    void theRuntimeTheControlPlaneAndS3ClientsCarryTheAppId() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.forTests().withS3(null))) {
            // S3 is pointed at the sandbox's Bedrock server, which records every request it receives with its
            // User-Agent (and refuses it: it is not S3); s3proxy keeps no such log
            BedrockSettings settings = new BedrockSettings(Optional.of("us-east-1"),
                    new BedrockSettings.Endpoints(Optional.of(sandbox.endpoint()), Optional.of(sandbox.endpoint()),
                            Optional.of(sandbox.endpoint())),
                    new BedrockSettings.Static("sandbox", "sandbox"), 1, Duration.ofSeconds(30), APP_ID);
            try (BedrockConverseClient runtime = BedrockConverseClient.create(settings)) {
                CallResult r = runtime.call(new ModelRequest("amazon.nova-micro-v1:0", "Be brief.", "Hello", false,
                        new ModelRequest.InferenceParams(20, 0.0, null, List.of())));
                assertThat(r).isInstanceOf(CallResult.Completion.class);
            }
            try (BatchJobClient jobs = new BedrockBatchJobs(CloudClients.bedrock(settings))) {
                assertThatThrownBy(() -> jobs.status("arn:aws:bedrock:us-east-1:123456789012:"
                        + "model-invocation-job/abcdefabcdef")).isInstanceOf(CloudException.class);
            }
            try (S3Client s3 = CloudClients.s3(settings)) {
                assertThatThrownBy(() -> s3.headBucket(b -> b.bucket("frontier-staging")))
                        .isInstanceOf(SdkException.class);
            }
            List<RequestRecord> log = sandbox.requestLog();
            assertThat(log).hasSizeGreaterThanOrEqualTo(3);
            assertThat(log).allSatisfy(rec -> assertThat(rec.userAgent()).contains("app/" + APP_ID));
            assertThat(log.get(0).operation()).isEqualTo(RequestRecord.CONVERSE);
        }
    }
}
