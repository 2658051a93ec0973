package dev.frontier.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.model.BedrockException;
import software.amazon.awssdk.services.bedrock.model.GetModelInvocationLoggingConfigurationResponse;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.BedrockRuntimeException;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Model invocation logging through the real SDK clients: the configuration round trip and the records in S3. */
@Tag("e2e")
class InvocationLoggingTest {

    private static final String BUCKET = "invocation-logs";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-27T10:15:30Z"));

    static BedrockClient bedrock(Sandbox sandbox) {
        return BedrockClient.builder().endpointOverride(sandbox.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("sandbox", "sandbox")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    static S3Client s3(Sandbox sandbox) {
        return S3Client.builder().endpointOverride(sandbox.s3Endpoint().orElseThrow()).region(Region.US_EAST_1)
                .forcePathStyle(true).requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("sandbox", "sandbox")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    /** Every line of every gzip JSON Lines object under the prefix, in key order. */
    static List<String> lines(S3Client s3, String bucket, String prefix) throws Exception {
        List<String> out = new ArrayList<>();
        List<S3Object> objects = s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents()
                .stream().filter(o -> o.key().endsWith(".json.gz")).toList();
        for (S3Object object : objects) {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                    s3.getObject(r -> r.bucket(bucket).key(object.key()))), StandardCharsets.UTF_8))) {
                in.lines().forEach(out::add);
            }
        }
        return out;
    }

    private static void enable(BedrockClient bedrock, String prefix) {
        bedrock.putModelInvocationLoggingConfiguration(r -> r.loggingConfig(c -> c
                .s3Config(s -> s.bucketName(BUCKET).keyPrefix(prefix)).textDataDeliveryEnabled(true)));
    }

    @Test
    void theConfigurationRoundTripsAndAMissingBucketIsRefused() {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.forTests().withClock(clock).withS3(null));
             BedrockClient bedrock = bedrock(sandbox); S3Client s3 = s3(sandbox)) {
            assertThat(bedrock.getModelInvocationLoggingConfiguration(r -> { }).loggingConfig()).isNull();
            assertThatThrownBy(() -> enable(bedrock, "logs"))
                    .isInstanceOfSatisfying(BedrockException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    });
            sandbox.createBucket(BUCKET);
            bedrock.putModelInvocationLoggingConfiguration(r -> r.loggingConfig(c -> c
                    .s3Config(s -> s.bucketName(BUCKET).keyPrefix("logs"))
                    .cloudWatchConfig(w -> w.logGroupName("bedrock").roleArn("arn:aws:iam::123456789012:role/Logs"))
                    .textDataDeliveryEnabled(true).imageDataDeliveryEnabled(false)));
            GetModelInvocationLoggingConfigurationResponse got =
                    bedrock.getModelInvocationLoggingConfiguration(r -> { });
            assertThat(got.loggingConfig().s3Config().bucketName()).isEqualTo(BUCKET);
            assertThat(got.loggingConfig().s3Config().keyPrefix()).isEqualTo("logs");
            assertThat(got.loggingConfig().cloudWatchConfig().logGroupName()).isEqualTo("bedrock");
            assertThat(got.loggingConfig().textDataDeliveryEnabled()).isTrue();
            assertThat(got.loggingConfig().imageDataDeliveryEnabled()).isFalse();
            assertThat(s3.listObjectsV2(r -> r.bucket(BUCKET)).contents()).extracting(S3Object::key)
                    .containsExactly("logs/AWSLogs/123456789012/BedrockModelInvocationLogs/"
                            + "amazon-bedrock-logs-permission-check");

            bedrock.deleteModelInvocationLoggingConfiguration(r -> { });
            assertThat(bedrock.getModelInvocationLoggingConfiguration(r -> { }).loggingConfig()).isNull();
        }
    }

    @Test
    void aConverseWithRequestMetadataIsLoggedInBedrocksLayoutAndSchema() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.forTests().withClock(clock).withS3(null));
             BedrockClient bedrock = bedrock(sandbox); S3Client s3 = s3(sandbox);
             BedrockRuntimeClient runtime = Bedrock.client(sandbox)) {
            sandbox.createBucket(BUCKET);
            enable(bedrock, "team/");
            ConverseRequest plain = Bedrock.request(Bedrock.NOVA_PRO, "Answer in two sentences.", false,
                    "Summarize this ticket.\nThe export job failed. Finance needs the file every morning.", 200);
            ConverseResponse answered = runtime.converse(plain.toBuilder()
                    .requestMetadata(Map.of("team", "support", "feature", "summaries")).build());
            runtime.converse(plain);

            String prefix = "team/AWSLogs/123456789012/BedrockModelInvocationLogs/us-east-1/2026/11/27/10/";
            List<String> lines = waitForLines(s3, prefix, 2);
            assertThat(lines).hasSize(2);
            Map<Boolean, JsonNode> byMetadata = new HashMap<>();
            for (String line : lines) {
                JsonNode record = JSON.readTree(line);
                byMetadata.put(record.has("requestMetadata"), record);
            }
            JsonNode record = byMetadata.get(true);
            assertThat(record.path("schemaType").asText()).isEqualTo("ModelInvocationLog");
            assertThat(record.path("schemaVersion").asText()).isEqualTo("1.0");
            assertThat(record.path("timestamp").asText()).isEqualTo("2026-11-27T10:15:30Z");
            assertThat(record.path("accountId").asText()).isEqualTo("123456789012");
            assertThat(record.path("region").asText()).isEqualTo("us-east-1");
            assertThat(record.path("operation").asText()).isEqualTo("Converse");
            assertThat(record.path("modelId").asText()).isEqualTo(Bedrock.NOVA_PRO);
            assertThat(record.path("requestId").asText()).isEqualTo(answered.responseMetadata().requestId());
            assertThat(record.path("requestMetadata").path("team").asText()).isEqualTo("support");
            assertThat(record.path("requestMetadata").path("feature").asText()).isEqualTo("summaries");
            JsonNode input = record.path("input");
            assertThat(input.path("inputContentType").asText()).isEqualTo("application/json");
            assertThat(input.path("inputBodyJson").path("messages").get(0).path("content").get(0).path("text")
                    .asText()).startsWith("Summarize this ticket.");
            assertThat(input.path("inputTokenCount").asInt()).isEqualTo(answered.usage().inputTokens());
            assertThat(input.path("cacheReadInputTokenCount").asLong()).isZero();
            assertThat(input.path("cacheWriteInputTokenCount").asLong()).isZero();
            JsonNode output = record.path("output");
            assertThat(output.path("outputBodyJson").path("output").path("message").path("content").get(0)
                    .path("text").asText()).isEqualTo(Bedrock.text(answered));
            assertThat(output.path("outputTokenCount").asInt()).isEqualTo(answered.usage().outputTokens());
            assertThat(byMetadata.get(false).path("modelId").asText()).isEqualTo(Bedrock.NOVA_PRO);
        }
    }

    @Test
    void requestMetadataBeyondTheDocumentedLimitsIsRefused() {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.forTests());
             BedrockRuntimeClient runtime = Bedrock.client(sandbox)) {
            ConverseRequest plain = Bedrock.request(Bedrock.NOVA_LITE, "", false, "Hello there.", 50);
            Map<String, String> seventeen = new HashMap<>();
            for (int i = 0; i < 17; i++) {
                seventeen.put("k" + i, "v");
            }
            for (Map<String, String> bad : List.of(seventeen, Map.of("team", "support!"), Map.of("", "x"),
                    Map.of("k", "v".repeat(257)), Map.of("k".repeat(257), "v"))) {
                assertThatThrownBy(() -> runtime.converse(plain.toBuilder().requestMetadata(bad).build()))
                        .isInstanceOfSatisfying(BedrockRuntimeException.class, e -> {
                            assertThat(e.statusCode()).isEqualTo(400);
                            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                            assertThat(e.awsErrorDetails().errorMessage()).contains("'requestMetadata'");
                        });
            }
            Map<String, String> sixteen = new HashMap<>(seventeen);
            sixteen.remove("k0");
            assertThat(runtime.converse(plain.toBuilder().requestMetadata(sixteen).build()).output()).isNotNull();
            assertThat(runtime.converse(plain.toBuilder()
                    .requestMetadata(Map.of("team id", "a:b_c@d$e#f=g/h+i,j-k.l", "empty", "")).build()).output())
                    .isNotNull();
        }
    }

    private static List<String> waitForLines(S3Client s3, String prefix, int count) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        List<String> lines = lines(s3, BUCKET, prefix);
        while (lines.size() < count && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
            lines = lines(s3, BUCKET, prefix);
        }
        return lines;
    }
}
