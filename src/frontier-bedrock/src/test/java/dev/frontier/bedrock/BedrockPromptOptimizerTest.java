package dev.frontier.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.frontier.invoke.CloudException;
import dev.frontier.invoke.PromptOptimizer;
import dev.frontier.sandbox.RequestRecord;
import dev.frontier.sandbox.Sandbox;
import dev.frontier.sandbox.SandboxOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.eventstream.HeaderValue;
import software.amazon.awssdk.eventstream.Message;

/**
 * The prompt-optimization adapter through the real SDK async client (Netty): the request Bedrock documents
 * ({@code POST /optimize-prompt} with {@code input.textPrompt.text} and {@code targetModelId}) against a local stub
 * answering real event-stream frames, and the round trip to the sandbox, its refusals included.
 */
class BedrockPromptOptimizerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static BedrockSettings settings(URI endpoint) {
        return new BedrockSettings(Optional.of("us-east-1"), BedrockSettings.Endpoints.local(endpoint,
                Optional.empty()), new BedrockSettings.Static("sandbox", "sandbox"), 1, Duration.ofSeconds(20),
                "frontier#test");
    }

    private static byte[] event(String type, String json) {
        Map<String, HeaderValue> headers = new LinkedHashMap<>();
        headers.put(":message-type", HeaderValue.fromString("event"));
        headers.put(":event-type", HeaderValue.fromString(type));
        headers.put(":content-type", HeaderValue.fromString("application/json"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Message(headers, json.getBytes(StandardCharsets.UTF_8)).encode(out);
        return out.toByteArray();
    }

    @Test
    void sendsTheDocumentedRequestAndReadsBothEvents() throws IOException {
        List<String> paths = new CopyOnWriteArrayList<>();
        List<JsonNode> bodies = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", (HttpExchange x) -> {
            paths.add(x.getRequestMethod() + " " + x.getRequestURI().getPath());
            bodies.add(JSON.readTree(x.getRequestBody().readAllBytes()));
            ByteArrayOutputStream stream = new ByteArrayOutputStream();
            stream.write(event("analyzePromptEvent", "{\"message\":\"The prompt classifies messages.\"}"));
            stream.write(event("optimizedPromptEvent",
                    "{\"optimizedPrompt\":{\"textPrompt\":{\"text\":\"Classify: {{text}}\"}}}"));
            x.getResponseHeaders().add("Content-Type", "application/vnd.amazon.eventstream");
            x.sendResponseHeaders(200, stream.size());
            try (OutputStream out = x.getResponseBody()) {
                stream.writeTo(out);
            }
        });
        server.start();
        try (PromptOptimizer optimizer = BedrockPromptOptimizer.create(settings(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort())))) {
            PromptOptimizer.Optimized result = optimizer.optimize("Please classify this: {{text}}",
                    "amazon.nova-lite-v1:0");
            assertThat(result.text()).isEqualTo("Classify: {{text}}");
            assertThat(result.analysis()).containsExactly("The prompt classifies messages.");
        } finally {
            server.stop(0);
        }
        assertThat(paths).containsExactly("POST /optimize-prompt");
        assertThat(bodies.get(0).path("input").path("textPrompt").path("text").asText())
                .isEqualTo("Please classify this: {{text}}");
        assertThat(bodies.get(0).path("targetModelId").asText()).isEqualTo("amazon.nova-lite-v1:0");
    }

    @Test
    void theSandboxOptimizesAndRefusesAsBedrockDocuments() {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.forTests().withS3(null));
             PromptOptimizer optimizer = BedrockPromptOptimizer.create(settings(sandbox.endpoint()))) {
            String prompt = """
                    You label support messages.   Thank you for your help.

                    Labels:
                    - refund: money back
                    - login: cannot sign in
                    Example (refund): charged twice, please reverse one
                    Example (refund): I want my money back
                    Example (login): locked out again
                    Answer with the label only.
                    Answer with the label only.
                    Message: {{text}}""";
            PromptOptimizer.Optimized result = optimizer.optimize(prompt, "amazon.nova-lite-v1:0");
            assertThat(result.text()).isEqualTo("""
                    You label support messages.

                    Labels:
                    - refund: money back
                    - login: cannot sign in
                    Example (refund): charged twice, please reverse one
                    Example (login): locked out again
                    Answer with the label only.
                    Message: {{text}}""");
            assertThat(result.analysis()).singleElement().asString()
                    .contains("amazon.nova-lite-v1:0", "kept 2 of 3 examples", "removed 2 repeated or filler",
                            "{{text}}");
            assertThat(optimizer.optimize(prompt, "amazon.nova-lite-v1:0")).isEqualTo(result);

            assertThatThrownBy(() -> optimizer.optimize(prompt, "anthropic.claude-sonnet-4-5-20250929-v1:0"))
                    .isInstanceOf(CloudException.class)
                    .hasMessageContaining("ValidationException")
                    .hasMessageContaining("not supported for prompt optimization");
            assertThatThrownBy(() -> optimizer.optimize("", "amazon.nova-lite-v1:0"))
                    .isInstanceOf(CloudException.class)
                    .hasMessageContaining("input.textPrompt.text");
            assertThat(sandbox.requestLog()).extracting(RequestRecord::operation)
                    .containsOnly(RequestRecord.OPTIMIZE_PROMPT);
            assertThat(sandbox.requestLog()).extracting(RequestRecord::outcome)
                    .containsExactly("ok", "ok", "ValidationException", "ValidationException");
            assertThat(sandbox.requestLog()).noneMatch(RequestRecord::billed);
            assertThat(sandbox.requestLog().get(0).modelId()).isEqualTo("amazon.nova-lite-v1:0");
        }
    }
}
