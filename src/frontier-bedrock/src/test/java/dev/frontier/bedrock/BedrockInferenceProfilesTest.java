package dev.frontier.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.frontier.invoke.InferenceProfiles;
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
 * The inference-profile adapter through the real SDK client against a local stub: {@code CreateInferenceProfile}
 * goes out as the API reference shapes it ({@code POST /inference-profiles} with inferenceProfileName,
 * modelSource.copyFrom, tags as key/value pairs, clientRequestToken) and {@code ListInferenceProfiles} filters by
 * {@code type} and follows {@code nextToken}.
 */
class BedrockInferenceProfilesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ARN = "arn:aws:bedrock:us-east-1:111122223333:application-inference-profile/a1b2c3";

    private record Seen(String method, String path, String query, String body) {
    }

    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private InferenceProfiles profiles;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
        URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        profiles = new BedrockInferenceProfiles(CloudClients.bedrock(new BedrockSettings(Optional.of("us-east-1"),
                new BedrockSettings.Endpoints(Optional.of(endpoint), Optional.of(endpoint), Optional.empty()),
                new BedrockSettings.Static("k", "s"), 1, Duration.ofSeconds(10), "frontier#test")));
    }

    @AfterEach
    void stop() {
        profiles.close();
        server.stop(0);
    }

    private static String summary(String arn, String id, String name, String type, String model) {
        return "{\"inferenceProfileArn\":\"" + arn + "\",\"inferenceProfileId\":\"" + id + "\",\"inferenceProfileName\":\""
                + name + "\",\"status\":\"ACTIVE\",\"type\":\"" + type + "\",\"models\":[{\"modelArn\":\"" + model
                + "\"}],\"createdAt\":\"2026-12-03T10:00:00Z\",\"updatedAt\":\"2026-12-03T10:00:00Z\"}";
    }

    private void handle(HttpExchange x) throws IOException {
        String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String query = x.getRequestURI().getQuery() == null ? "" : x.getRequestURI().getQuery();
        seen.add(new Seen(x.getRequestMethod(), x.getRequestURI().getPath(), query, body));
        String answer;
        int status = 200;
        if (x.getRequestMethod().equals("POST")) {
            status = 201;
            answer = "{\"inferenceProfileArn\":\"" + ARN + "\",\"status\":\"ACTIVE\"}";
        } else if (query.contains("type=APPLICATION") && !query.contains("nextToken")) {
            answer = "{\"inferenceProfileSummaries\":[" + summary(ARN, "a1b2c3", "support-amazon-nova-lite-v1-0",
                    "APPLICATION", "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0")
                    + "],\"nextToken\":\"page2\"}";
        } else if (query.contains("type=APPLICATION")) {
            answer = "{\"inferenceProfileSummaries\":[" + summary(ARN + "z", "a1b2c3z", "other", "APPLICATION",
                    "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-pro-v1:0") + "]}";
        } else {
            answer = "{\"inferenceProfileSummaries\":[" + summary(
                    "arn:aws:bedrock:us-east-1:111122223333:inference-profile/us.amazon.nova-lite-v1:0",
                    "us.amazon.nova-lite-v1:0", "US Nova Lite", "SYSTEM_DEFINED",
                    "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0") + "]}";
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }

    @Test
    void createSendsTheDocumentedShape() throws IOException {
        String arn = profiles.create(new InferenceProfiles.ProfileRequest("support-amazon-nova-lite-v1-0",
                "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0", "frontier suite support",
                Map.of("frontier-suite", "support", "team", "cx"), "0123456789abcdef"));
        assertThat(arn).isEqualTo(ARN);
        Seen post = seen.get(0);
        assertThat(post.method()).isEqualTo("POST");
        assertThat(post.path()).isEqualTo("/inference-profiles");
        JsonNode body = JSON.readTree(post.body());
        assertThat(body.get("inferenceProfileName").asText()).isEqualTo("support-amazon-nova-lite-v1-0");
        assertThat(body.get("modelSource").toString())
                .isEqualTo("{\"copyFrom\":\"arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0\"}");
        assertThat(body.get("tags").toString()).isEqualTo("[{\"key\":\"frontier-suite\",\"value\":\"support\"},"
                + "{\"key\":\"team\",\"value\":\"cx\"}]");
        assertThat(body.get("clientRequestToken").asText()).isEqualTo("0123456789abcdef");
        assertThat(body.get("description").asText()).isEqualTo("frontier suite support");
    }

    @Test
    void listingFiltersByTypeAndReadsEveryPage() {
        List<InferenceProfiles.Profile> app = profiles.listApplication();
        assertThat(app).extracting(InferenceProfiles.Profile::name)
                .containsExactly("support-amazon-nova-lite-v1-0", "other");
        assertThat(app.get(0).modelArns())
                .containsExactly("arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0");
        assertThat(seen).extracting(Seen::query).allSatisfy(q -> assertThat(q).contains("type=APPLICATION"));
        List<InferenceProfiles.Profile> system = profiles.listSystem();
        assertThat(system).singleElement().extracting(InferenceProfiles.Profile::id)
                .isEqualTo("us.amazon.nova-lite-v1:0");
        assertThat(seen.get(seen.size() - 1).query()).contains("type=SYSTEM_DEFINED");
    }
}
