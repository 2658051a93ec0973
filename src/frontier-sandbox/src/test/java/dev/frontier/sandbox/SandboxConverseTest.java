package dev.frontier.sandbox;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.CountTokensResponse;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The wire protocol, through the real AWS SDK client (and raw HTTP where the SDK would refuse to send). */
class SandboxConverseTest {

    private static final String SUMMARIZE = "Summarize this ticket:\n"
            + "Hi team,\n"
            + "Our nightly export job has failed three nights in a row. "
            + "The export job stops with a timeout error when it writes the export file to the shared drive. "
            + "We changed nothing on our side. "
            + "The export file is needed by finance every morning, so the failed export blocks their reports.\n"
            + "Thanks,\nDana";

    private static Sandbox sandbox;
    private static BedrockRuntimeClient client;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(SandboxOptions.forTests());
        client = Bedrock.client(sandbox);
    }

    @AfterAll
    static void stop() {
        client.close();
        sandbox.close();
    }

    @Test
    void endpointIsLoopback() {
        assertThat(sandbox.endpoint().getScheme()).isEqualTo("http");
        assertThat(sandbox.endpoint().getHost()).isEqualTo("127.0.0.1");
        assertThat(sandbox.endpoint().getPort()).isPositive();
    }

    @Test
    void converseRoundTripWithSystemAndUser() {
        ConverseResponse response = client.converse(Bedrock.request(Bedrock.SONNET,
                "You are a support analyst. Answer in two sentences.", false, SUMMARIZE, 300));

        assertThat(response.output().message().role()).isEqualTo(ConversationRole.ASSISTANT);
        String text = Bedrock.text(response);
        assertThat(text).isNotBlank().doesNotContain("Hi team").doesNotContain("Dana");
        assertThat(response.stopReason()).isEqualTo(StopReason.END_TURN);
        assertThat(response.usage().inputTokens()).isPositive();
        assertThat(response.usage().outputTokens()).isEqualTo((text.length() + 3) / 4);
        assertThat(response.usage().totalTokens())
                .isEqualTo(response.usage().inputTokens() + response.usage().outputTokens());
        assertThat(response.metrics().latencyMs()).isPositive();
        assertThat(response.responseMetadata().requestId()).isNotBlank().isNotEqualTo("UNKNOWN");
    }

    @Test
    void inputTokensFollowTheDocumentedEstimate() {
        String system = "abcdefgh"; // 2 tokens
        String user = "abcdefghi"; // 3 tokens, plus 3 for the message
        ConverseResponse response = client.converse(Bedrock.request(Bedrock.NOVA_MICRO, system, false, user, 50));
        assertThat(response.usage().inputTokens()).isEqualTo(2 + 3 + 3);
    }

    @Test
    void sameRequestGetsTheSameAnswer() {
        ConverseRequest request = Bedrock.request(Bedrock.LLAMA_8B, "Answer in two sentences.", false, SUMMARIZE, 300);
        ConverseResponse first = client.converse(request);
        ConverseResponse second = client.converse(request);

        assertThat(Bedrock.text(second)).isEqualTo(Bedrock.text(first));
        assertThat(second.usage()).isEqualTo(first.usage());
        assertThat(second.metrics().latencyMs()).isEqualTo(first.metrics().latencyMs());
    }

    @Test
    void inferenceProfileIdsActLikeTheBaseModel() {
        ConverseResponse base = client.converse(Bedrock.request(Bedrock.NOVA_LITE, "", false, SUMMARIZE, 300));
        // us-east-1 offers Nova Lite's us. profile; eu. and apac. profiles belong to other Regions
        for (String prefix : List.of("us.")) {
            ConverseResponse viaProfile = client.converse(
                    Bedrock.request(prefix + Bedrock.NOVA_LITE, "", false, SUMMARIZE, 300));
            assertThat(Bedrock.text(viaProfile)).as(prefix).isEqualTo(Bedrock.text(base));
        }
    }

    @Test
    void additionalModelRequestFieldsAreIgnored() {
        ConverseRequest plain = Bedrock.request(Bedrock.SONNET, "", false, SUMMARIZE, 300);
        ConverseRequest extra = plain.toBuilder()
                .additionalModelRequestFields(Document.mapBuilder().putNumber("top_k", 50).build())
                .build();
        assertThat(Bedrock.text(client.converse(extra))).isEqualTo(Bedrock.text(client.converse(plain)));
    }

    @Test
    void longAnswerIsCutAtMaxTokens() {
        ConverseResponse response = client.converse(Bedrock.request(Bedrock.SONNET, "", false, SUMMARIZE, 5));
        assertThat(response.stopReason()).isEqualTo(StopReason.MAX_TOKENS);
        assertThat(response.usage().outputTokens()).isLessThanOrEqualTo(5);
        assertThat(Bedrock.text(response).length()).isLessThanOrEqualTo(20);
    }

    @Test
    void stopSequenceEndsTheAnswer() {
        ConverseRequest full = Bedrock.request(Bedrock.SONNET, "", false, SUMMARIZE, 300);
        String text = Bedrock.text(client.converse(full));
        String stop = text.substring(10, 14);
        ConverseResponse stopped = client.converse(full.toBuilder()
                .inferenceConfig(c -> c.maxTokens(300).temperature(0f).stopSequences(stop)).build());

        assertThat(stopped.stopReason()).isEqualTo(StopReason.STOP_SEQUENCE);
        assertThat(Bedrock.text(stopped)).isEqualTo(text.substring(0, text.indexOf(stop)));
    }

    @Test
    void multiTurnAnswersTheLastUserTurn() {
        ConverseRequest request = ConverseRequest.builder()
                .modelId(Bedrock.SONNET)
                .messages(
                        Message.builder().role(ConversationRole.USER).content(ContentBlock.fromText("Hello")).build(),
                        Message.builder().role(ConversationRole.ASSISTANT).content(ContentBlock.fromText("Hi!")).build(),
                        Message.builder().role(ConversationRole.USER).content(ContentBlock.fromText(SUMMARIZE)).build())
                .build();
        assertThat(Bedrock.text(client.converse(request))).contains("export");
    }

    @Test
    void unknownModelIsAValidationException() {
        assertThatThrownBy(() -> client.converse(Bedrock.request("acme.unknown-model-v1:0", "", false, "Hello", 10)))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The provided model identifier is invalid.");
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                });
    }

    @Test
    void countTokensMatchesConverseInput() {
        ConverseRequest request = Bedrock.request(Bedrock.SONNET, "Be brief.", false, SUMMARIZE, 300);
        CountTokensResponse counted = client.countTokens(b -> b.modelId(Bedrock.SONNET)
                .input(i -> i.converse(c -> c.system(request.system()).messages(request.messages()))));
        assertThat(counted.inputTokens()).isEqualTo(client.converse(request).usage().inputTokens());
    }

    @Test
    void malformedJsonIsAValidationException() throws Exception {
        HttpResponse<String> response = post("/model/amazon.nova-lite-v1%3A0/converse", "{\"messages\": [");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValueSatisfying(
                v -> assertThat(v).startsWith("ValidationException:"));
        assertThat(response.body()).contains("\"message\"").contains("Malformed input request");
    }

    @Test
    void invalidFieldsAreValidationExceptions() throws Exception {
        String user = "{\"role\":\"user\",\"content\":[{\"text\":\"Hello\"}]}";
        List<String> bodies = List.of(
                "{}",
                "{\"messages\":[]}",
                "{\"messages\":[" + user + "],\"inferenceConfig\":{\"maxTokens\":0}}",
                "{\"messages\":[" + user + "],\"inferenceConfig\":{\"temperature\":1.5}}",
                "{\"messages\":[" + user + "],\"inferenceConfig\":{\"temperature\":-0.1}}",
                "{\"messages\":[{\"role\":\"assistant\",\"content\":[{\"text\":\"Hi\"}]}]}",
                "{\"messages\":[{\"role\":\"robot\",\"content\":[{\"text\":\"Hi\"}]}]}",
                "[1, 2]");
        for (String body : bodies) {
            HttpResponse<String> response = post("/model/amazon.nova-lite-v1%3A0/converse", body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(response.headers().firstValue("x-amzn-ErrorType").orElseThrow()).as(body)
                    .isEqualTo("ValidationException:http://internal.amazon.com/coral/com.amazon.bedrock/");
        }
        assertThat(post("/model/amazon.nova-lite-v1%3A0/converse",
                "{\"messages\":[" + user + "],\"inferenceConfig\":{\"maxTokens\":0}}").body())
                .contains("inferenceConfig.maxTokens").contains("greater than or equal to 1");
    }

    @Test
    void otherPathsAreUnknownOperations() throws Exception {
        for (String path : List.of("/", "/model/amazon.nova-lite-v1%3A0/invoke-something", "/foundation-models")) {
            HttpResponse<String> response = post(path, "{}");
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("x-amzn-ErrorType").orElseThrow()).as(path)
                    .startsWith("UnknownOperationException:");
        }
    }

    @Test
    void concurrentCallsAllSucceedAndStayDeterministic() throws Exception {
        int threads = 8;
        int callsPerThread = 20;
        List<String> models = List.of(Bedrock.SONNET, Bedrock.NOVA_LITE, Bedrock.LLAMA_8B, Bedrock.HAIKU_45);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<String>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    List<String> answers = new ArrayList<>();
                    for (int i = 0; i < callsPerThread; i++) {
                        String model = models.get((thread + i) % models.size());
                        answers.add(Bedrock.text(client.converse(Bedrock.request(model, "", false,
                                SUMMARIZE + "\nTicket number " + (i % 5) + ".", 300))));
                    }
                    return answers;
                }));
            }
            for (int t = 0; t < threads; t++) {
                List<String> answers = futures.get(t).get();
                assertThat(answers).hasSize(callsPerThread);
                for (int i = 0; i < callsPerThread; i++) {
                    String model = models.get((t + i) % models.size());
                    String expected = Bedrock.text(client.converse(Bedrock.request(model, "", false,
                            SUMMARIZE + "\nTicket number " + (i % 5) + ".", 300)));
                    assertThat(answers.get(i)).isEqualTo(expected);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.endpoint() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
