package dev.frontier.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.model.BedrockException;
import software.amazon.awssdk.services.bedrock.model.CreateModelCustomizationJobRequest;
import software.amazon.awssdk.services.bedrock.model.CustomizationConfig;
import software.amazon.awssdk.services.bedrock.model.DistillationConfig;
import software.amazon.awssdk.services.bedrock.model.GetModelCustomizationJobResponse;
import software.amazon.awssdk.services.bedrock.model.InvocationLogsConfig;
import software.amazon.awssdk.services.bedrock.model.RequestMetadataBaseFilters;
import software.amazon.awssdk.services.bedrock.model.RequestMetadataFilters;
import software.amazon.awssdk.services.bedrock.model.TeacherModelConfig;

/**
 * Distillation with invocation logs as training data, through the real SDK client, on the generated week of logs:
 * the configuration's unions and lengths are validated, filters select records, and too few records fail the job.
 */
@Tag("e2e")
class CustomizationFromLogsTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-01T10:00:00Z"));

    private static CreateModelCustomizationJobRequest job(String name, InvocationLogsConfig logs) {
        return CreateModelCustomizationJobRequest.builder().jobName(name).customModelName(name + "-model")
                .roleArn("arn:aws:iam::123456789012:role/Customization").clientRequestToken(name)
                .baseModelIdentifier("amazon.nova-lite-v1:0:300k").customizationType("DISTILLATION")
                .trainingDataConfig(t -> t.invocationLogsConfig(logs))
                .outputDataConfig(o -> o.s3Uri("s3://sandbox-invocation-logs/out/"))
                .customizationConfig(CustomizationConfig.fromDistillationConfig(DistillationConfig.builder()
                        .teacherModelConfig(TeacherModelConfig.builder().teacherModelIdentifier("amazon.nova-pro-v1:0")
                                .maxResponseLengthForInference(1000).build()).build()))
                .build();
    }

    private static InvocationLogsConfig logs(String uri, RequestMetadataFilters filters) {
        return InvocationLogsConfig.builder().invocationLogSource(s -> s.s3Uri(uri)).usePromptResponse(true)
                .requestMetadataFilters(filters).build();
    }

    private static RequestMetadataBaseFilters team(String value) {
        return RequestMetadataBaseFilters.builder().equalsValue(Map.of("team", value)).build();
    }

    @Test
    void jobsFromTheGeneratedLogsAreValidatedFilteredAndCounted() {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.forTests().withClock(clock).withS3(null)
                .withJobTime(Duration.ofSeconds(10)));
             BedrockClient bedrock = InvocationLoggingTest.bedrock(sandbox)) {
            String uri = sandbox.writeDemoLogs();

            List<RequestMetadataFilters> refused = new ArrayList<>();
            refused.add(RequestMetadataFilters.builder().equalsValue(Map.of("team", "mobile"))
                    .notEquals(Map.of("team", "support")).build());                         // two members
            refused.add(RequestMetadataFilters.fromEqualsValue(Map.of("team", "mobile", "feature", "x"))); // two pairs
            refused.add(RequestMetadataFilters.fromAndAll(List.of()));                      // empty list
            List<RequestMetadataBaseFilters> seventeen = new ArrayList<>();
            for (int i = 0; i < 17; i++) {
                seventeen.add(team("t" + i));
            }
            refused.add(RequestMetadataFilters.fromOrAll(seventeen));                       // above 16
            for (RequestMetadataFilters filters : refused) {
                assertThatThrownBy(() -> bedrock.createModelCustomizationJob(job("refused", logs(uri, filters))))
                        .isInstanceOfSatisfying(BedrockException.class, e -> {
                            assertThat(e.statusCode()).isEqualTo(400);
                            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                            assertThat(e.awsErrorDetails().errorMessage()).contains("requestMetadataFilters");
                        });
            }

            String mobile = bedrock.createModelCustomizationJob(job("mobile-triage", logs(uri,
                    RequestMetadataFilters.fromAndAll(List.of(team("mobile"),
                            RequestMetadataBaseFilters.builder().notEquals(Map.of("feature", "routing")).build())))))
                    .jobArn();
            String nobody = bedrock.createModelCustomizationJob(job("nobody", logs(uri,
                    RequestMetadataFilters.fromEqualsValue(Map.of("team", "nobody"))))).jobArn();
            String missing = bedrock.createModelCustomizationJob(job("missing", logs(
                    "s3://sandbox-invocation-logs/elsewhere/", null))).jobArn();

            clock.advance(Duration.ofSeconds(11));
            GetModelCustomizationJobResponse done = bedrock.getModelCustomizationJob(r -> r.jobIdentifier(mobile));
            assertThat(done.statusAsString()).isEqualTo("Completed");
            assertThat(done.trainingDataConfig().invocationLogsConfig().invocationLogSource().s3Uri()).isEqualTo(uri);
            GetModelCustomizationJobResponse few = bedrock.getModelCustomizationJob(r -> r.jobIdentifier(nobody));
            assertThat(few.statusAsString()).isEqualTo("Failed");
            assertThat(few.failureMessage()).contains("0 usable records").contains("at least 100");
            assertThat(bedrock.getModelCustomizationJob(r -> r.jobIdentifier(missing)).failureMessage())
                    .contains("no invocation logs under s3://sandbox-invocation-logs/elsewhere/");
        }
    }
}
