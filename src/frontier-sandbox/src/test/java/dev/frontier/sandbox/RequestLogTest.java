package dev.frontier.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The request log: outcomes, usage, billing and request hashes, in memory and as JSON lines. */
class RequestLogTest {

    private static final String NOTE = "Summarize: the nightly export failed twice this week because the disk was full.";
    private static final String LONG_SYSTEM = "You are a careful operations analyst. ".repeat(120);

    @Test
    void outcomesUsageAndBillingAreRecorded() {
        ManualClock clock = new ManualClock(Instant.parse("2025-03-01T09:00:00Z"));
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.forTests().withClock(clock)
                .withQuota(Bedrock.NOVA_MICRO, 1, 0));
             BedrockRuntimeClient client = Bedrock.client(sandbox)) {
            ConverseResponse paid = client.converse(Bedrock.request(Bedrock.NOVA_PRO, LONG_SYSTEM, true, NOTE, 100));
            clock.advance(Duration.ofSeconds(5));
            ConverseResponse cached = client.converse(Bedrock.request(Bedrock.NOVA_PRO, LONG_SYSTEM, true, NOTE, 100));
            assertThatThrownBy(() -> client.converse(Bedrock.request("no.such-model-v1:0", "", false, NOTE, 100)))
                    .isInstanceOf(ValidationException.class);
            client.converse(Bedrock.request(Bedrock.NOVA_MICRO, "", false, NOTE, 100));
            assertThatThrownBy(() -> client.converse(Bedrock.request(Bedrock.NOVA_MICRO, "", false, NOTE, 100)))
                    .hasMessageContaining("Too many requests");
            client.countTokens(c -> c.modelId(Bedrock.NOVA_PRO).input(i -> i.converse(x -> x.messages(
                    Bedrock.request(Bedrock.NOVA_PRO, "", false, NOTE, 100).messages()))));

            List<RequestRecord> log = sandbox.requestLog();
            assertThat(log).extracting(RequestRecord::sequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
            assertThat(log).extracting(RequestRecord::status).containsExactly(200, 200, 400, 200, 429, 200);
            assertThat(log).extracting(RequestRecord::outcome).containsExactly("ok", "ok", "ValidationException",
                    "ok", "ThrottlingException", "ok");
            assertThat(log).extracting(RequestRecord::billed).containsExactly(true, true, false, true, false, false);
            assertThat(log).extracting(RequestRecord::operation).containsExactly("converse", "converse",
                    "converse", "converse", "converse", "count-tokens");
            assertThat(log).extracting(RequestRecord::modelId).containsExactly(Bedrock.NOVA_PRO, Bedrock.NOVA_PRO,
                    "no.such-model-v1:0", Bedrock.NOVA_MICRO, Bedrock.NOVA_MICRO, Bedrock.NOVA_PRO);
            assertThat(log.get(0).time()).isEqualTo(Instant.parse("2025-03-01T09:00:00Z"));
            assertThat(log.get(1).time()).isEqualTo(Instant.parse("2025-03-01T09:00:05Z"));
            assertThat(log.get(2).errorType()).isEqualTo("ValidationException");
            assertThat(log.get(0).errorType()).isNull();

            RequestRecord first = log.get(0);
            assertThat(first.inputTokens()).isEqualTo(paid.usage().inputTokens().longValue());
            assertThat(first.outputTokens()).isEqualTo(paid.usage().outputTokens().longValue());
            assertThat(first.cacheWriteInputTokens()).isEqualTo(paid.usage().cacheWriteInputTokens().longValue()).isPositive();
            assertThat(first.cacheReadInputTokens()).isZero();
            RequestRecord second = log.get(1);
            assertThat(second.cacheReadInputTokens()).isEqualTo(cached.usage().cacheReadInputTokens().longValue()).isPositive();
            assertThat(second.cacheWriteInputTokens()).isZero();
            assertThat(log.get(4).inputTokens() + log.get(4).outputTokens()).isZero();

            // the identical Sonnet request twice: one hash, paid twice; the Nova request: one hash, paid once
            assertThat(first.requestHash()).matches("[0-9a-f]{64}").isEqualTo(second.requestHash());
            assertThat(log.get(3).requestHash()).isEqualTo(log.get(4).requestHash())
                    .isNotEqualTo(first.requestHash());
            assertThat(sandbox.paidCallsByRequestHash()).containsOnly(
                    Map.entry(first.requestHash(), 2L), Map.entry(log.get(3).requestHash(), 1L));
            assertThat(sandbox.paidCalls()).isEqualTo(3);
            assertThatThrownBy(() -> log.add(first)).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Test
    void theHashIgnoresJsonLayoutButNotTheModelOrContent() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.forTests())) {
            String compact = "{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"Hello there.\"}]}],"
                    + "\"inferenceConfig\":{\"maxTokens\":50,\"temperature\":0.0}}";
            String reordered = "{ \"inferenceConfig\": { \"temperature\": 0.0, \"maxTokens\": 50 },\n"
                    + "  \"additionalModelRequestFields\": {\"top_k\": 5},\n"
                    + "  \"messages\": [ { \"content\": [ { \"text\": \"Hello there.\" } ], \"role\": \"user\" } ] }";
            String otherText = compact.replace("Hello there.", "Hello there!");
            post(sandbox, Bedrock.NOVA_MICRO, compact);
            post(sandbox, Bedrock.NOVA_MICRO, reordered);
            post(sandbox, Bedrock.NOVA_MICRO, otherText);
            post(sandbox, Bedrock.NOVA_LITE, compact);
            post(sandbox, Bedrock.NOVA_MICRO, "{not json");
            post(sandbox, Bedrock.NOVA_MICRO, "{not json");

            List<String> hashes = sandbox.requestLog().stream().map(RequestRecord::requestHash).toList();
            assertThat(hashes.get(1)).isEqualTo(hashes.get(0));
            assertThat(hashes.get(2)).isNotEqualTo(hashes.get(0));
            assertThat(hashes.get(3)).isNotEqualTo(hashes.get(0));
            assertThat(hashes.get(5)).isEqualTo(hashes.get(4)).isNotIn(hashes.subList(0, 4));
            assertThat(sandbox.requestLog().get(4).outcome()).isEqualTo("ValidationException");
        }
    }

    private static void post(Sandbox sandbox, String modelId, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.endpoint() + "/model/" + modelId + "/converse"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding());
    }

    @Test
    void recordsAreAppendedToTheFileAsJsonLines(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("requests.jsonl");
        Files.writeString(file, "{\"earlier\":true}\n");
        ConverseRequest request = Bedrock.request(Bedrock.NOVA_MICRO, "", false, NOTE, 100);
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.forTests().withRequestLog(file)
                .withFaults(FaultRates.none().withInternalServer(0.5), 11));
             BedrockRuntimeClient client = Bedrock.client(sandbox)) {
            for (int i = 0; i < 6; i++) {
                try {
                    client.converse(request);
                } catch (RuntimeException e) {
                    // the injected faults are the point
                }
            }
            List<String> lines = Files.readAllLines(file);
            assertThat(lines).hasSize(7);
            List<RequestRecord> log = sandbox.requestLog();
            for (int i = 0; i < log.size(); i++) {
                JsonNode line = Json.MAPPER.readTree(lines.get(i + 1));
                RequestRecord record = log.get(i);
                assertThat(line.get("sequence").asLong()).isEqualTo(record.sequence());
                assertThat(Instant.parse(line.get("time").asText())).isEqualTo(record.time());
                assertThat(line.get("operation").asText()).isEqualTo("converse");
                assertThat(line.get("modelId").asText()).isEqualTo(Bedrock.NOVA_MICRO);
                assertThat(line.get("requestHash").asText()).isEqualTo(record.requestHash());
                assertThat(line.get("status").asInt()).isEqualTo(record.status());
                assertThat(line.get("outcome").asText()).isEqualTo(record.outcome());
                assertThat(line.get("inputTokens").asLong()).isEqualTo(record.inputTokens());
                assertThat(line.get("outputTokens").asLong()).isEqualTo(record.outputTokens());
                assertThat(line.get("cacheReadInputTokens").asLong()).isZero();
                assertThat(line.get("cacheWriteInputTokens").asLong()).isZero();
                assertThat(line.get("billed").asBoolean()).isEqualTo(record.billed());
                // the AWS SDK's User-Agent as sent, e.g. "aws-sdk-java/2.x ua/2.1 ..."
                assertThat(line.get("userAgent").asText()).isEqualTo(record.userAgent()).startsWith("aws-sdk-java/");
            }
            assertThat(log).extracting(RequestRecord::outcome).contains("ok", "InternalServerException");
        }
    }

    @Test
    void anUnwritableLogFileStopsTheStart(@TempDir Path dir) {
        Path file = dir.resolve("missing-folder").resolve("requests.jsonl");
        assertThatThrownBy(() -> Sandbox.start(SandboxOptions.forTests().withRequestLog(file)))
                .isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessageStartingWith("cannot open the request log " + file);
    }
}
