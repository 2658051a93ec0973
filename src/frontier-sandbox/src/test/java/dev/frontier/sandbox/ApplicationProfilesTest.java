package dev.frontier.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.model.BedrockException;
import software.amazon.awssdk.services.bedrock.model.CreateInferenceProfileResponse;
import software.amazon.awssdk.services.bedrock.model.GetInferenceProfileResponse;
import software.amazon.awssdk.services.bedrock.model.InferenceProfileSummary;
import software.amazon.awssdk.services.bedrock.model.InferenceProfileType;
import software.amazon.awssdk.services.bedrock.model.Tag;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.BedrockRuntimeException;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.s3.S3Client;

/** Application inference profiles through the real SDK clients: lifecycle, idempotency, tags and serving. */
@org.junit.jupiter.api.Tag("e2e")
class ApplicationProfilesTest {

    private static final String NOVA_PRO_PROFILE_ARN =
            "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.amazon.nova-pro-v1:0";
    private static final String NOVA_LITE_ARN = "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path state;

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-27T10:00:00Z"));

    private Sandbox start() {
        return Sandbox.start(SandboxOptions.forTests().withClock(clock).withS3(state));
    }

    private static CreateInferenceProfileResponse create(BedrockClient bedrock, String name, String token,
                                                         String copyFrom) {
        return bedrock.createInferenceProfile(r -> r.inferenceProfileName(name).description("support summaries")
                .clientRequestToken(token).modelSource(s -> s.copyFrom(copyFrom))
                .tags(Tag.builder().key("team").value("support").build()));
    }

    @Test
    void aProfileIsCreatedListedTaggedServedAndDeletedAndSurvivesARestart() throws Exception {
        String arn;
        try (Sandbox sandbox = start(); BedrockClient bedrock = InvocationLoggingTest.bedrock(sandbox);
             BedrockRuntimeClient runtime = Bedrock.client(sandbox);
             S3Client s3 = InvocationLoggingTest.s3(sandbox)) {
            CreateInferenceProfileResponse created = create(bedrock, "support-pro", "token-1", NOVA_PRO_PROFILE_ARN);
            arn = created.inferenceProfileArn();
            assertThat(arn).matches("arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/[a-z0-9]{12}");
            assertThat(created.statusAsString()).isEqualTo("ACTIVE");
            // the same request again is the same profile; another token with the same name is a conflict
            assertThat(create(bedrock, "support-pro", "token-1", NOVA_PRO_PROFILE_ARN).inferenceProfileArn())
                    .isEqualTo(arn);
            assertThatThrownBy(() -> create(bedrock, "support-pro", "token-2", NOVA_PRO_PROFILE_ARN))
                    .isInstanceOfSatisfying(BedrockException.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ConflictException"));

            GetInferenceProfileResponse got = bedrock.getInferenceProfile(r -> r.inferenceProfileIdentifier(arn));
            assertThat(got.type()).isEqualTo(InferenceProfileType.APPLICATION);
            assertThat(got.inferenceProfileName()).isEqualTo("support-pro");
            assertThat(got.description()).isEqualTo("support summaries");
            assertThat(got.models()).isNotEmpty();
            assertThat(got.models().get(0).modelArn())
                    .isEqualTo("arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-pro-v1:0");
            List<InferenceProfileSummary> apps = bedrock.listInferenceProfiles(r -> r.typeEquals(
                    InferenceProfileType.APPLICATION)).inferenceProfileSummaries();
            assertThat(apps).extracting(InferenceProfileSummary::inferenceProfileArn).containsExactly(arn);
            assertThat(bedrock.listInferenceProfiles(r -> r.typeEquals(InferenceProfileType.SYSTEM_DEFINED))
                    .inferenceProfileSummaries()).extracting(InferenceProfileSummary::inferenceProfileArn)
                    .doesNotContain(arn);
            assertThat(bedrock.listTagsForResource(r -> r.resourceARN(arn)).tags())
                    .containsExactly(Tag.builder().key("team").value("support").build());

            // served as the model it copies, and the invocation log names the profile's ARN
            sandbox.createBucket("logs");
            bedrock.putModelInvocationLoggingConfiguration(r -> r.loggingConfig(c -> c
                    .s3Config(s -> s.bucketName("logs")).textDataDeliveryEnabled(true)));
            ConverseRequest request = Bedrock.request(arn, "Answer in one sentence.", false,
                    "Summarize this.\nThe export failed twice. Finance needs the file.", 100);
            ConverseResponse through = runtime.converse(request);
            ConverseResponse direct = runtime.converse(request.toBuilder().modelId("us.amazon.nova-pro-v1:0").build());
            assertThat(Bedrock.text(through)).isEqualTo(Bedrock.text(direct));
            List<String> lines = List.of();
            long deadline = System.currentTimeMillis() + 10_000;
            while (lines.size() < 2 && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
                lines = InvocationLoggingTest.lines(s3, "logs", "AWSLogs/");
            }
            List<String> modelIds = lines.stream().map(l -> readTree(l).path("modelId").asText()).toList();
            assertThat(modelIds).containsExactlyInAnyOrder(arn, "us.amazon.nova-pro-v1:0");
        }
        try (Sandbox sandbox = start(); BedrockClient bedrock = InvocationLoggingTest.bedrock(sandbox);
             BedrockRuntimeClient runtime = Bedrock.client(sandbox)) {
            assertThat(bedrock.getInferenceProfile(r -> r.inferenceProfileIdentifier(arn)).inferenceProfileName())
                    .isEqualTo("support-pro");
            bedrock.deleteInferenceProfile(r -> r.inferenceProfileIdentifier(arn));
            assertThatThrownBy(() -> bedrock.getInferenceProfile(r -> r.inferenceProfileIdentifier(arn)))
                    .isInstanceOfSatisfying(BedrockException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
            assertThatThrownBy(() -> runtime.converse(Bedrock.request(arn, "", false, "Hello.", 50)))
                    .isInstanceOfSatisfying(BedrockRuntimeException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    });
        }
    }

    @Test
    void aProfileOfAFoundationModelCoversItsRegionOnlyAndBadRequestsAreRefused() {
        try (Sandbox sandbox = start(); BedrockClient bedrock = InvocationLoggingTest.bedrock(sandbox);
             BedrockRuntimeClient runtime = Bedrock.client(sandbox)) {
            String arn = create(bedrock, "lite-costs", "t1", NOVA_LITE_ARN).inferenceProfileArn();
            assertThat(bedrock.getInferenceProfile(r -> r.inferenceProfileIdentifier(arn)).models()).hasSize(1);
            assertThat(runtime.converse(Bedrock.request(arn, "", false, "Hello there.", 50)).output()).isNotNull();
            for (String bad : List.of("arn:aws:bedrock:us-east-1::foundation-model/no.such-model-v1:0",
                    "arn:aws:bedrock:eu-west-1::foundation-model/amazon.nova-lite-v1:0")) {
                assertThatThrownBy(() -> create(bedrock, "other", "t2", bad))
                        .isInstanceOfSatisfying(BedrockException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
            }
            assertThatThrownBy(() -> create(bedrock, "bad name!", "t3", NOVA_LITE_ARN))
                    .isInstanceOfSatisfying(BedrockException.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
            assertThatThrownBy(() -> create(bedrock, "other", "t4", "amazon.nova-lite-v1:0"))
                    .isInstanceOfSatisfying(BedrockException.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
        }
    }

    private static JsonNode readTree(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError(line, e);
        }
    }
}
