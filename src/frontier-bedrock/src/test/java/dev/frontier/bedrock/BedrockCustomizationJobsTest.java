package dev.frontier.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.frontier.invoke.CustomizationJobs;
import dev.frontier.model.RequestMetadataFilter;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The customization adapter through the real SDK client against a local stub that records what goes on the wire:
 * {@code trainingDataConfig} is a union with exactly one member, a training file or {@code invocationLogsConfig}
 * shaped as the API reference says ({@code invocationLogSource.s3Uri}, {@code requestMetadataFilters} with one
 * member, {@code usePromptResponse}).
 */
class BedrockCustomizationJobsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JOB = "arn:aws:bedrock:us-east-1:123456789012:model-customization-job/abc";

    private final List<JsonNode> bodies = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private CustomizationJobs jobs;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
        URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        BedrockSettings settings = new BedrockSettings(Optional.of("us-east-1"),
                new BedrockSettings.Endpoints(Optional.of(endpoint), Optional.of(endpoint), Optional.empty()),
                new BedrockSettings.Static("k", "s"), 1, Duration.ofSeconds(10), "frontier#test");
        jobs = new BedrockCustomizationJobs(CloudClients.bedrock(settings));
    }

    @AfterEach
    void stop() {
        jobs.close();
        server.stop(0);
    }

    private void handle(HttpExchange x) throws IOException {
        bodies.add(JSON.readTree(x.getRequestBody().readAllBytes()));
        byte[] bytes = ("{\"jobArn\":\"" + JOB + "\"}").getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(201, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }

    private static CustomizationJobs.JobRequest request(CustomizationJobs.TrainingSource source) {
        return new CustomizationJobs.JobRequest("support-distill-0123456789", "support-distill-0123456789",
                "arn:aws:iam::123456789012:role/BedrockCustomization", "0123456789abcdef0123456789abcdef",
                "amazon.nova-lite-v1:0:300k", "DISTILLATION", source, "s3://staging/support/output/",
                Optional.empty(), Map.of(), Optional.of("amazon.nova-pro-v1:0"), 1000,
                Map.of("frontier:suite", "support"));
    }

    @Test
    void invocationLogsGoOutAsTheOneMemberOfTrainingDataConfig() throws IOException {
        RequestMetadataFilter filter = new RequestMetadataFilter.AndAll(List.of(
                new RequestMetadataFilter.Equals("team", "support"),
                new RequestMetadataFilter.NotEquals("feature", "load test")));
        String arn = jobs.create(request(new CustomizationJobs.InvocationLogs(
                "s3://staging/support/distill-0123456789/invocation-logs/", Optional.of(filter), true)));
        assertThat(arn).isEqualTo(JOB);
        JsonNode training = bodies.get(0).get("trainingDataConfig");
        assertThat(training.has("s3Uri")).isFalse();
        assertThat(JSON.writeValueAsString(training)).isEqualTo("{\"invocationLogsConfig\":"
                + "{\"usePromptResponse\":true,"
                + "\"invocationLogSource\":{\"s3Uri\":\"s3://staging/support/distill-0123456789/invocation-logs/\"},"
                + "\"requestMetadataFilters\":{\"andAll\":[{\"equals\":{\"team\":\"support\"}},"
                + "{\"notEquals\":{\"feature\":\"load test\"}}]}}}");
        assertThat(bodies.get(0).get("customizationType").asText()).isEqualTo("DISTILLATION");
    }

    @Test
    void eachFilterMemberIsSentAloneAndNoFiltersSendsNone() throws IOException {
        jobs.create(request(new CustomizationJobs.InvocationLogs("s3://logs/", Optional.of(
                new RequestMetadataFilter.NotEquals("team", "qa")), false)));
        jobs.create(request(new CustomizationJobs.InvocationLogs("s3://logs/", Optional.of(
                new RequestMetadataFilter.OrAll(List.of(new RequestMetadataFilter.Equals("a", "1")))), false)));
        jobs.create(request(new CustomizationJobs.InvocationLogs("s3://logs/", Optional.empty(), false)));
        assertThat(bodies.get(0).at("/trainingDataConfig/invocationLogsConfig/requestMetadataFilters").toString())
                .isEqualTo("{\"notEquals\":{\"team\":\"qa\"}}");
        assertThat(bodies.get(1).at("/trainingDataConfig/invocationLogsConfig/requestMetadataFilters").toString())
                .isEqualTo("{\"orAll\":[{\"equals\":{\"a\":\"1\"}}]}");
        JsonNode none = bodies.get(2).at("/trainingDataConfig/invocationLogsConfig");
        assertThat(none.has("requestMetadataFilters")).isFalse();
        assertThat(none.get("usePromptResponse").asBoolean()).isFalse();
    }

    @Test
    void aTrainingFileIsTheS3UriMemberOnly() throws IOException {
        jobs.create(request(new CustomizationJobs.TrainingFile("s3://staging/support/train.jsonl")));
        assertThat(bodies.get(0).get("trainingDataConfig").toString())
                .isEqualTo("{\"s3Uri\":\"s3://staging/support/train.jsonl\"}");
    }
}
