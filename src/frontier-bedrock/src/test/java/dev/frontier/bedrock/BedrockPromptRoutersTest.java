package dev.frontier.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.frontier.invoke.CloudException;
import dev.frontier.invoke.PromptRouters;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
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
 * The prompt-router adapter through the real SDK client against a tiny local stub of the control plane: the
 * request shapes Bedrock documents ({@code CreatePromptRouter}: models, a single fallbackModel, routingCriteria,
 * clientRequestToken) and the answers read back.
 */
class BedrockPromptRoutersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ARN = "arn:aws:bedrock:us-east-1:123456789012:prompt-router/abc123def456";
    private static final String LITE = "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0";
    private static final String PRO = "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-pro-v1:0";
    private static final String ROUTER = """
            {"promptRouterName":"demo-nova","promptRouterArn":"%s","models":[{"modelArn":"%s"},{"modelArn":"%s"}],
             "fallbackModel":{"modelArn":"%s"},"routingCriteria":{"responseQualityDifference":10.0},
             "status":"AVAILABLE","type":"custom","createdAt":"2026-12-03T10:00:00Z","updatedAt":"2026-12-03T10:00:00Z"}
            """.formatted(ARN, LITE, PRO, LITE);

    private record Seen(String method, String path, String query, String body) {
    }

    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private PromptRouters routers;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
        URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        BedrockSettings settings = new BedrockSettings(Optional.of("us-east-1"),
                new BedrockSettings.Endpoints(Optional.of(endpoint), Optional.of(endpoint), Optional.empty()),
                new BedrockSettings.Static("k", "s"), 1, Duration.ofSeconds(10), "frontier#test");
        routers = new BedrockPromptRouters(CloudClients.bedrock(settings));
    }

    @AfterEach
    void stop() {
        routers.close();
        server.stop(0);
    }

    private void handle(HttpExchange x) throws IOException {
        String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = URLDecoder.decode(x.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
        seen.add(new Seen(x.getRequestMethod(), path, x.getRequestURI().getQuery(), body));
        String answer;
        int status = 200;
        if (x.getRequestMethod().equals("POST") && path.equals("/prompt-routers")) {
            answer = "{\"promptRouterArn\":\"" + ARN + "\"}";
        } else if (x.getRequestMethod().equals("GET") && path.equals("/prompt-routers")) {
            answer = "{\"promptRouterSummaries\":[" + ROUTER + "]}";
        } else if (path.endsWith("/gone")) {
            status = 404;
            x.getResponseHeaders().add("x-amzn-ErrorType", "ResourceNotFoundException");
            answer = "{\"message\":\"not found\"}";
        } else if (x.getRequestMethod().equals("GET")) {
            answer = ROUTER;
        } else if (x.getRequestMethod().equals("DELETE")) {
            answer = "{}";
        } else {
            status = 400;
            x.getResponseHeaders().add("x-amzn-ErrorType", "ValidationException");
            answer = "{\"message\":\"unexpected\"}";
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }

    @Test
    void createSendsTheDocumentedShape() throws IOException {
        String arn = routers.create(new PromptRouters.RouterRequest("demo-nova", List.of(LITE, PRO), LITE, 10,
                Optional.of("Lite unless Pro is better"), Map.of("team", "support"), "a1b2c3"));
        assertThat(arn).isEqualTo(ARN);
        Seen post = seen.get(0);
        assertThat(post.method()).isEqualTo("POST");
        assertThat(post.path()).isEqualTo("/prompt-routers");
        JsonNode body = JSON.readTree(post.body());
        assertThat(body.path("promptRouterName").asText()).isEqualTo("demo-nova");
        assertThat(body.path("models").get(0).path("modelArn").asText()).isEqualTo(LITE);
        assertThat(body.path("models").get(1).path("modelArn").asText()).isEqualTo(PRO);
        // a single object, as in the API model (the guide's CLI example wraps it in a list)
        assertThat(body.path("fallbackModel").isObject()).isTrue();
        assertThat(body.path("fallbackModel").path("modelArn").asText()).isEqualTo(LITE);
        assertThat(body.path("routingCriteria").path("responseQualityDifference").asDouble()).isEqualTo(10.0);
        assertThat(body.path("clientRequestToken").asText()).isEqualTo("a1b2c3");
        assertThat(body.path("description").asText()).isEqualTo("Lite unless Pro is better");
        assertThat(body.path("tags").get(0).path("key").asText()).isEqualTo("team");
    }

    @Test
    void getListAndDeleteReadBedrocksAnswers() {
        PromptRouters.Router r = routers.get(ARN).orElseThrow();
        assertThat(r).isEqualTo(new PromptRouters.Router(ARN, "demo-nova", List.of(LITE, PRO), LITE, 10.0,
                "AVAILABLE", "custom"));
        assertThat(seen.get(0).path()).isEqualTo("/prompt-routers/" + ARN);
        assertThat(routers.listCustom()).containsExactly(r);
        assertThat(seen.get(1).query()).contains("type=custom");
        routers.listDefault();
        assertThat(seen.get(2).query()).contains("type=default");
        routers.delete(ARN);
        assertThat(seen.get(3).method()).isEqualTo("DELETE");
        // a router already gone is what a stop asks for, and a get of it is empty
        routers.delete("arn:aws:bedrock:us-east-1:123456789012:prompt-router/gone");
        assertThat(routers.get("arn:aws:bedrock:us-east-1:123456789012:prompt-router/gone")).isEmpty();
    }

    @Test
    void aRefusalIsACloudExceptionWithWhatToDo() {
        server.removeContext("/");
        server.createContext("/", x -> {
            byte[] b = "{\"message\":\"quota\"}".getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().add("x-amzn-ErrorType", "ServiceQuotaExceededException");
            x.sendResponseHeaders(400, b.length);
            x.getResponseBody().write(b);
            x.close();
        });
        assertThatThrownBy(() -> routers.create(new PromptRouters.RouterRequest("demo-nova", List.of(LITE, PRO), LITE,
                10, Optional.empty(), Map.of(), "t"))).isInstanceOf(CloudException.class)
                .hasMessageContaining("cannot create the prompt router demo-nova: ServiceQuotaExceededException")
                .hasMessageContaining("delete unused prompt routers");
    }
}
