package dev.frontier.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.frontier.model.CallResult;
import dev.frontier.model.ModelRequest;
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

/** A request's metadata goes out as Converse's {@code requestMetadata} member, and none when there is none. */
class RequestMetadataWireTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ANSWER = """
            {"output":{"message":{"role":"assistant","content":[{"text":"PARIS"}]}},"stopReason":"end_turn",
             "usage":{"inputTokens":9,"outputTokens":2,"totalTokens":11},"metrics":{"latencyMs":12}}
            """;

    private final List<JsonNode> bodies = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private BedrockConverseClient client;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
        URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        client = BedrockConverseClient.create(new BedrockSettings(Optional.of("us-east-1"),
                new BedrockSettings.Endpoints(Optional.of(endpoint), Optional.empty(), Optional.empty()),
                new BedrockSettings.Static("k", "s"), 1, Duration.ofSeconds(10), "frontier#test"));
    }

    @AfterEach
    void stop() {
        client.close();
        server.stop(0);
    }

    private void handle(HttpExchange x) throws IOException {
        bodies.add(JSON.readTree(x.getRequestBody().readAllBytes()));
        byte[] bytes = ANSWER.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(200, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }

    @Test
    void theMetadataIsSentAsRequestMetadata() {
        ModelRequest plain = new ModelRequest("amazon.nova-lite-v1:0", "sys", "capital of France?", false,
                new ModelRequest.InferenceParams(10, 0.0, null, List.of()));
        CallResult tagged = client.call(plain.withRequestMetadata(Map.of("frontier-suite", "tiny",
                "frontier-run", "20261203-120000-0001", "frontier-candidate", "judge:quality")));
        client.call(plain);
        assertThat(tagged).isInstanceOf(CallResult.Completion.class);
        assertThat(JSON.convertValue(bodies.get(0).get("requestMetadata"), Map.class)).isEqualTo(Map.of(
                "frontier-suite", "tiny", "frontier-run", "20261203-120000-0001", "frontier-candidate",
                "judge:quality"));
        assertThat(bodies.get(1).has("requestMetadata")).isFalse();
    }
}
