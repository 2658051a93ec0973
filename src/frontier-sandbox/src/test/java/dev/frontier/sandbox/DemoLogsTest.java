package dev.frontier.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The generated week of invocation logs, read back through the real S3 client: its size, layout, malformed share,
 * traffic shape, repeats, token counts and determinism.
 */
@Tag("e2e")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoLogsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LAYOUT = "demo/AWSLogs/111122223333/BedrockModelInvocationLogs/us-east-1/"
            + "2026/11/(2[3-9])/([01][0-9]|2[0-3])/\\d{8}T\\d{9}Z_[0-9a-f]{16}\\.json\\.gz";

    private List<String> lines;
    private List<S3Object> objects;
    private Map<String, byte[]> bytes;

    @BeforeAll
    void generate() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.forTests().withS3(null));
             S3Client s3 = InvocationLoggingTest.s3(sandbox)) {
            assertThat(sandbox.writeDemoLogs()).isEqualTo("s3://sandbox-invocation-logs/demo/");
            objects = s3.listObjectsV2Paginator(r -> r.bucket(DemoLogs.BUCKET)).contents().stream().toList();
            // a second call finds them there and writes nothing
            assertThat(sandbox.writeDemoLogs()).isEqualTo("s3://sandbox-invocation-logs/demo/");
            assertThat(s3.listObjectsV2Paginator(r -> r.bucket(DemoLogs.BUCKET)).contents().stream().toList())
                    .isEqualTo(objects);
            lines = InvocationLoggingTest.lines(s3, DemoLogs.BUCKET, "demo/AWSLogs/");
            bytes = read(s3, objects);
        }
    }

    private static Map<String, byte[]> read(S3Client s3, List<S3Object> objects) {
        Map<String, byte[]> out = new TreeMap<>();
        for (S3Object o : objects) {
            out.put(o.key(), s3.getObject(r -> r.bucket(DemoLogs.BUCKET).key(o.key()), ResponseTransformer.toBytes())
                    .asByteArray());
        }
        return out;
    }

    @Test
    void aWeekOfAtLeastFiftyThousandRecordsInBedrocksLayout() {
        assertThat(lines.size()).isGreaterThanOrEqualTo(50_000);
        List<String> keys = objects.stream().map(S3Object::key).toList();
        assertThat(keys).contains("demo/AWSLogs/111122223333/BedrockModelInvocationLogs/"
                + "amazon-bedrock-logs-permission-check");
        List<String> logs = keys.stream().filter(k -> k.endsWith(".json.gz")).toList();
        assertThat(logs).hasSize(7 * 24).allMatch(k -> k.matches(LAYOUT));
    }

    @Test
    void onlyTheDesignedShareOfLinesIsMalformed() {
        int truncated = 0;
        int noModel = 0;
        int unknownBody = 0;
        for (String line : lines) {
            JsonNode record;
            try {
                record = JSON.readTree(line);
            } catch (IOException e) {
                truncated++;
                continue;
            }
            if (!record.hasNonNull("modelId")) {
                noModel++;
            } else if (!record.path("input").path("inputBodyJson").has("messages")) {
                unknownBody++;
            }
        }
        int malformed = (lines.size() + DemoLogs.MALFORMED_EVERY / 2) / DemoLogs.MALFORMED_EVERY;
        assertThat(truncated + noModel + unknownBody).isEqualTo(malformed);
        assertThat(List.of(truncated, noModel, unknownBody)).allMatch(n -> Math.abs(n - malformed / 3.0) <= 1);
    }

    @Test
    void recordsCarryTheDocumentedFieldsAndConsistentTokenCounts() throws Exception {
        Map<String, Integer> operations = new HashMap<>();
        Set<String> models = new HashSet<>();
        Set<String> systems = new HashSet<>();
        Set<String> teams = new HashSet<>();
        int checked = 0;
        for (String line : lines.subList(0, 5000)) {
            JsonNode r;
            try {
                r = JSON.readTree(line);
            } catch (IOException e) {
                continue;
            }
            JsonNode body = r.path("input").path("inputBodyJson");
            if (!r.hasNonNull("modelId") || !body.has("messages")) {
                continue;
            }
            assertThat(r.path("schemaType").asText()).isEqualTo("ModelInvocationLog");
            assertThat(r.path("accountId").asText()).isEqualTo("111122223333");
            assertThat(r.path("requestId").asText()).hasSize(36);
            operations.merge(r.path("operation").asText(), 1, Integer::sum);
            models.add(r.path("modelId").asText());
            String user;
            String system;
            if (r.path("operation").asText().equals("InvokeModel")) {
                system = body.path("system").asText();
                user = body.path("messages").get(0).path("content").get(0).path("text").asText();
                assertThat(r.path("output").path("outputBodyJson").path("usage").path("output_tokens").asLong())
                        .isEqualTo(r.path("output").path("outputTokenCount").asLong());
            } else {
                system = body.path("system").get(0).path("text").asText();
                user = body.path("messages").get(0).path("content").get(0).path("text").asText();
                teams.add(r.path("requestMetadata").path("team").asText());
                assertThat(r.path("output").path("outputBodyJson").path("usage").path("outputTokens").asLong())
                        .isEqualTo(r.path("output").path("outputTokenCount").asLong());
            }
            systems.add(system);
            // the sandbox's tokenizer: ceil(chars / 4) per text, plus 3 per message
            long expected = PromptTokens.of(system) + PromptTokens.MESSAGE_OVERHEAD + PromptTokens.of(user);
            assertThat(r.path("input").path("inputTokenCount").asLong()).isEqualTo(expected);
            checked++;
        }
        assertThat(checked).isGreaterThan(4900);
        assertThat(operations.keySet()).containsExactlyInAnyOrder("Converse", "InvokeModel");
        assertThat(models).containsExactlyInAnyOrder("us.amazon.nova-pro-v1:0",
                "us.anthropic.claude-3-haiku-20240307-v1:0");
        assertThat(systems).hasSize(3);
        assertThat(teams).containsExactlyInAnyOrder("support", "mobile");
    }

    @Test
    void trafficHasAPeakWellAboveTheAverageAndExactRepeatsNearAndFar() throws Exception {
        Map<Instant, Integer> perMinute = new HashMap<>();
        Map<String, Instant> lastSeen = new HashMap<>();
        int quickRepeats = 0;
        int farRepeats = 0;
        for (String line : lines) {
            JsonNode r;
            try {
                r = JSON.readTree(line);
            } catch (IOException e) {
                continue;
            }
            Instant time = Instant.parse(r.path("timestamp").asText());
            perMinute.merge(time.truncatedTo(ChronoUnit.MINUTES), 1, Integer::sum);
            String prompt = r.path("input").path("inputBodyJson").path("messages").toString();
            Instant before = lastSeen.put(prompt, time);
            if (before != null) {
                if (before.isAfter(time.minusSeconds(300))) {
                    quickRepeats++;
                } else if (before.isBefore(time.minusSeconds(3600))) {
                    farRepeats++;
                }
            }
        }
        double average = lines.size() / (7 * 24 * 60.0);
        int peak = perMinute.values().stream().max(Integer::compare).orElseThrow();
        assertThat(peak).isGreaterThan((int) (5 * average));
        assertThat(quickRepeats).isGreaterThan(lines.size() / 50);
        assertThat(farRepeats).isGreaterThan(lines.size() / 50);
    }

    @Test
    void twoSandboxesWriteIdenticalObjects() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.forTests().withS3(null));
             S3Client s3 = InvocationLoggingTest.s3(sandbox)) {
            sandbox.writeDemoLogs();
            List<S3Object> again = s3.listObjectsV2Paginator(r -> r.bucket(DemoLogs.BUCKET)).contents().stream()
                    .toList();
            Map<String, byte[]> other = read(s3, again);
            assertThat(other.keySet()).isEqualTo(bytes.keySet());
            other.forEach((key, content) -> assertThat(content).as(key).isEqualTo(bytes.get(key)));
        }
    }
}
