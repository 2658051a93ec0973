package dev.frontier.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.model.BedrockException;
import software.amazon.awssdk.services.bedrock.model.CreateModelCustomizationJobRequest;
import software.amazon.awssdk.services.bedrock.model.CustomizationConfig;
import software.amazon.awssdk.services.bedrock.model.DistillationConfig;
import software.amazon.awssdk.services.bedrock.model.GetModelCustomizationJobResponse;
import software.amazon.awssdk.services.bedrock.model.TeacherModelConfig;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.BedrockRuntimeException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The sandbox's customization and serving control plane through the real SDK clients, on a clock the test moves:
 * statuses move with time, training data is read from S3 and outputs written there, state survives a restart, and
 * the custom model is served through Provisioned Throughput and deployments.
 */
@Tag("e2e")
class CustomizationControlPlaneTest {

    private static final String BUCKET = "training-bucket";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path state;

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-27T10:00:00Z"));

    private Sandbox start() {
        return start(Duration.ofSeconds(10));
    }

    private Sandbox start(Duration jobTime) {
        return Sandbox.start(SandboxOptions.forTests().withClock(clock).withS3(state).withJobTime(jobTime));
    }

    private static BedrockClient bedrock(Sandbox sandbox) {
        return BedrockClient.builder().endpointOverride(sandbox.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("sandbox", "sandbox")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    private static S3Client s3(Sandbox sandbox) {
        return S3Client.builder().endpointOverride(sandbox.s3Endpoint().orElseThrow()).region(Region.US_EAST_1)
                .forcePathStyle(true).requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("sandbox", "sandbox")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    private static String trainingFile(int prompts) throws Exception {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < prompts; i++) {
            ObjectNode r = JSON.createObjectNode().put("schemaVersion", "bedrock-conversation-2024");
            r.putArray("messages").addObject().put("role", "user").putArray("content").addObject()
                    .put("text", "Summarize ticket " + i);
            b.append(JSON.writeValueAsString(r)).append('\n');
        }
        return b.toString();
    }

    private static CreateModelCustomizationJobRequest distillation(String name, String token, String trainingKey) {
        return CreateModelCustomizationJobRequest.builder().jobName(name).customModelName(name + "-model")
                .roleArn("arn:aws:iam::123456789012:role/Customization").clientRequestToken(token)
                .baseModelIdentifier("amazon.nova-lite-v1:0:300k").customizationType("DISTILLATION")
                .trainingDataConfig(t -> t.s3Uri("s3://" + BUCKET + "/" + trainingKey))
                .outputDataConfig(o -> o.s3Uri("s3://" + BUCKET + "/out/"))
                .customizationConfig(CustomizationConfig.fromDistillationConfig(DistillationConfig.builder()
                        .teacherModelConfig(TeacherModelConfig.builder().teacherModelIdentifier("amazon.nova-pro-v1:0")
                                .maxResponseLengthForInference(200).build()).build()))
                .build();
    }

    @Test
    void aJobMovesThroughItsPhasesSurvivesARestartAndIsServed() throws Exception {
        String jobArn;
        try (Sandbox sandbox = start(); BedrockClient bedrock = bedrock(sandbox); S3Client s3 = s3(sandbox)) {
            sandbox.createBucket(BUCKET);
            s3.putObject(b -> b.bucket(BUCKET).key("train.jsonl"), RequestBody.fromString(trainingFile(120)));
            jobArn = bedrock.createModelCustomizationJob(distillation("job-1", "token-1", "train.jsonl")).jobArn();
            assertThat(jobArn).startsWith("arn:aws:bedrock:us-east-1:123456789012:model-customization-job/");
            // the same token is the same job
            assertThat(bedrock.createModelCustomizationJob(distillation("job-1", "token-1", "train.jsonl")).jobArn())
                    .isEqualTo(jobArn);
            GetModelCustomizationJobResponse j = bedrock.getModelCustomizationJob(b -> b.jobIdentifier(jobArn));
            assertThat(j.statusAsString()).isEqualTo("InProgress");
            assertThat(j.statusDetails().validationDetails().statusAsString()).isEqualTo("InProgress");
            assertThat(j.statusDetails().trainingDetails().statusAsString()).isEqualTo("NotStarted");
            clock.advance(Duration.ofSeconds(5));
            j = bedrock.getModelCustomizationJob(b -> b.jobIdentifier(jobArn));
            assertThat(j.statusDetails().dataProcessingDetails().statusAsString()).isEqualTo("Completed");
            assertThat(j.statusDetails().trainingDetails().statusAsString()).isEqualTo("InProgress");
            assertThat(j.outputModelArn()).isNull();
        }
        // a new sandbox on the same state directory knows the job and finishes it on the job's own schedule,
        // whatever job time the new sandbox has for new resources
        clock.advance(Duration.ofSeconds(5));
        try (Sandbox sandbox = start(Duration.ofHours(1)); BedrockClient bedrock = bedrock(sandbox); S3Client s3 = s3(sandbox);
             BedrockRuntimeClient runtime = Bedrock.client(sandbox)) {
            GetModelCustomizationJobResponse j = bedrock.getModelCustomizationJob(b -> b.jobIdentifier(jobArn));
            assertThat(j.statusAsString()).isEqualTo("Completed");
            assertThat(j.trainingMetrics().trainingLoss()).isEqualTo((float) (Math.round(
                    CustomModels.trainingLoss(120) * 10_000) / 10_000.0));
            assertThat(j.validationMetrics()).hasSize(1);
            String modelArn = j.outputModelArn();
            assertThat(modelArn).contains(":custom-model/amazon.nova-lite-v1:0:300k/");
            assertThat(bedrock.getCustomModel(b -> b.modelIdentifier(modelArn)).modelStatusAsString())
                    .isEqualTo("Active");
            List<String> outputs = s3.listObjectsV2(b -> b.bucket(BUCKET).prefix("out/")).contents().stream()
                    .map(o -> o.key()).toList();
            assertThat(outputs).anyMatch(k -> k.endsWith("training_artifacts/step_wise_training_metrics.csv"));

            String pt = bedrock.createProvisionedModelThroughput(b -> b.provisionedModelName("pt-1").modelId(modelArn)
                    .modelUnits(1).clientRequestToken("pt-token")).provisionedModelArn();
            assertThat(bedrock.getProvisionedModelThroughput(b -> b.provisionedModelId(pt)).statusAsString())
                    .isEqualTo("Creating");
            assertThatThrownBy(() -> runtime.converse(Bedrock.request(pt, "", false, "Summarize:\nA. B. C.", 50)))
                    .isInstanceOf(BedrockRuntimeException.class).hasMessageContaining("not ready");
            String deployment = bedrock.createCustomModelDeployment(b -> b.modelDeploymentName("od-1")
                    .modelArn(modelArn).clientRequestToken("od-token")).customModelDeploymentArn();
            clock.advance(Duration.ofMinutes(59));
            assertThat(bedrock.getProvisionedModelThroughput(b -> b.provisionedModelId(pt)).statusAsString())
                    .isEqualTo("Creating");
            clock.advance(Duration.ofMinutes(1));
            assertThat(bedrock.getProvisionedModelThroughput(b -> b.provisionedModelId(pt)).statusAsString())
                    .isEqualTo("InService");
            assertThat(bedrock.getCustomModelDeployment(b -> b.customModelDeploymentIdentifier(deployment))
                    .statusAsString()).isEqualTo("Active");
            String viaPt = Bedrock.text(runtime.converse(Bedrock.request(pt, "", false,
                    "Summarize this ticket:\nThe export stops at ten thousand rows. We need all rows for an audit.",
                    80)));
            String viaDeployment = Bedrock.text(runtime.converse(Bedrock.request(deployment, "", false,
                    "Summarize this ticket:\nThe export stops at ten thousand rows. We need all rows for an audit.",
                    80)));
            assertThat(viaPt).isNotBlank().isEqualTo(viaDeployment);
            // a custom model is invoked through its serving resource, not by its own ARN
            assertThatThrownBy(() -> runtime.converse(Bedrock.request(modelArn, "", false, "Summarize:\nA.", 20)))
                    .isInstanceOf(BedrockRuntimeException.class);
            bedrock.deleteProvisionedModelThroughput(b -> b.provisionedModelId(pt));
            assertThatThrownBy(() -> bedrock.getProvisionedModelThroughput(b -> b.provisionedModelId(pt)))
                    .isInstanceOf(BedrockException.class).hasMessageContaining("Could not find");
        }
    }

    @Test
    void missingOrTooSmallTrainingDataFailsTheJobAfterValidation() throws Exception {
        try (Sandbox sandbox = start(); BedrockClient bedrock = bedrock(sandbox); S3Client s3 = s3(sandbox)) {
            sandbox.createBucket(BUCKET);
            s3.putObject(b -> b.bucket(BUCKET).key("small.jsonl"), RequestBody.fromString(trainingFile(40)));
            s3.putObject(b -> b.bucket(BUCKET).key("bad.jsonl"), RequestBody.fromBytes(
                    "{not json\n".getBytes(StandardCharsets.UTF_8)));
            String missing = bedrock.createModelCustomizationJob(distillation("missing", "t1", "nothing.jsonl"))
                    .jobArn();
            String small = bedrock.createModelCustomizationJob(distillation("small", "t2", "small.jsonl")).jobArn();
            String bad = bedrock.createModelCustomizationJob(distillation("bad", "t3", "bad.jsonl")).jobArn();
            assertThat(bedrock.getModelCustomizationJob(b -> b.jobIdentifier(missing)).statusAsString())
                    .isEqualTo("InProgress");
            clock.advance(Duration.ofSeconds(2));
            GetModelCustomizationJobResponse m = bedrock.getModelCustomizationJob(b -> b.jobIdentifier(missing));
            assertThat(m.statusAsString()).isEqualTo("Failed");
            assertThat(m.failureMessage()).contains("Training data not found", "s3://training-bucket/nothing.jsonl");
            assertThat(m.statusDetails().validationDetails().statusAsString()).isEqualTo("Failed");
            assertThat(bedrock.getModelCustomizationJob(b -> b.jobIdentifier(small)).failureMessage())
                    .contains("40 prompts", "100 to 15000");
            assertThat(bedrock.getModelCustomizationJob(b -> b.jobIdentifier(bad)).failureMessage())
                    .contains("line 1 is not valid JSON");
        }
    }

    @Test
    void requestsBedrockWouldRefuseAreValidationErrorsAndJobsCanBeStopped() throws Exception {
        try (Sandbox sandbox = start(); BedrockClient bedrock = bedrock(sandbox); S3Client s3 = s3(sandbox)) {
            sandbox.createBucket(BUCKET);
            s3.putObject(b -> b.bucket(BUCKET).key("train.jsonl"), RequestBody.fromString(trainingFile(120)));
            assertThatThrownBy(() -> bedrock.createModelCustomizationJob(distillation("pair", "t1", "train.jsonl")
                    .toBuilder().baseModelIdentifier("anthropic.claude-3-haiku-20240307-v1:0:200k").build()))
                    .isInstanceOf(BedrockException.class).hasMessageContaining("is not supported")
                    .satisfies(e -> assertThat(((BedrockException) e).statusCode()).isEqualTo(400));
            assertThatThrownBy(() -> bedrock.createModelCustomizationJob(distillation("role", "t2", "train.jsonl")
                    .toBuilder().roleArn("arn:aws:iam::123456789012:user/alice").build()))
                    .hasMessageContaining("roleArn");
            assertThatThrownBy(() -> bedrock.createModelCustomizationJob(distillation("window", "t3", "train.jsonl")
                    .toBuilder().baseModelIdentifier("amazon.nova-lite-v1:0").build()))
                    .hasMessageContaining("context window");
            String arn = bedrock.createModelCustomizationJob(distillation("stop-me", "t4", "train.jsonl")).jobArn();
            assertThatThrownBy(() -> bedrock.createModelCustomizationJob(distillation("stop-me", "t5",
                    "train.jsonl"))).hasMessageContaining("already exists");
            clock.advance(Duration.ofSeconds(5));
            bedrock.stopModelCustomizationJob(b -> b.jobIdentifier(arn));
            assertThat(bedrock.getModelCustomizationJob(b -> b.jobIdentifier(arn)).statusAsString())
                    .isEqualTo("Stopping");
            clock.advance(Duration.ofSeconds(2));
            assertThat(bedrock.getModelCustomizationJob(b -> b.jobIdentifier(arn)).statusAsString())
                    .isEqualTo("Stopped");
            assertThat(bedrock.listModelCustomizationJobs(b -> { }).modelCustomizationJobSummaries())
                    .extracting(s -> s.statusAsString()).containsExactly("Stopped");
            assertThatThrownBy(() -> bedrock.stopModelCustomizationJob(b -> b.jobIdentifier(arn)))
                    .hasMessageContaining("cannot be stopped");
        }
    }

    @Test
    void aDistilledModelSitsBetweenItsStudentAndTeacherAndGainsWithData() {
        CustomModels custom = new CustomModels(ModelCatalog.builtIn());
        ObjectNode model = JSON.createObjectNode().put("modelArn", "arn:aws:bedrock:us-east-1:123456789012:"
                + "custom-model/amazon.nova-lite-v1:0:300k/abc").put("student", "amazon.nova-lite-v1:0")
                .put("teacher", "amazon.nova-pro-v1:0").put("records", 100);
        ModelProfile student = ModelCatalog.builtIn().resolve("amazon.nova-lite-v1:0").orElseThrow();
        ModelProfile teacher = ModelCatalog.builtIn().resolve("amazon.nova-pro-v1:0").orElseThrow();
        ModelProfile small = custom.profile(model);
        ModelProfile large = custom.profile(model.deepCopy().put("records", 15_000));
        assertThat(small.tier()).isGreaterThan(student.tier()).isLessThan(teacher.tier());
        assertThat(large.tier()).isGreaterThan(small.tier()).isLessThan(teacher.tier());
        assertThat(small.tier()).isCloseTo(student.tier() + 0.55 * (teacher.tier() - student.tier()),
                org.assertj.core.api.Assertions.within(1e-12));
        assertThat(small.verbosity()).isEqualTo(student.verbosity());
        assertThat(small.id()).isNotEqualTo(student.id());
        assertThat(URI.create(small.id()).getScheme()).isEqualTo("arn");
    }
}
