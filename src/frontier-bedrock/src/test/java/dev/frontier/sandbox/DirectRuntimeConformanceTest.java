package dev.frontier.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.frontier.bedrock.BedrockConverseClient;
import dev.frontier.bedrock.BedrockSettings;
import dev.frontier.invoke.ModelClient;
import dev.frontier.model.CallResult;
import dev.frontier.model.CallSettings;
import dev.frontier.model.ModelRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrock.BedrockClient;

/**
 * The in-process client against frontier's SDK client (here, where both are on the class path; in the sandbox's
 * package, to read the body the direct client builds), on two sandboxes started alike: for every request the body
 * the SDK sends over HTTP and the body {@link DirectRuntimeClient} builds are the same JSON, and both paths return
 * the same {@link CallResult} (but for the client's own wall time) and leave the same request log, refusals and
 * faults included.
 */
class DirectRuntimeConformanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SONNET = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";
    private static final String HAIKU_45 = "us.anthropic.claude-haiku-4-5-20251001-v1:0";
    private static final String NOVA_PRO = "amazon.nova-pro-v1:0";
    private static final String NOVA_LITE = "amazon.nova-lite-v1:0";
    private static final String NOVA_MICRO = "amazon.nova-micro-v1:0";
    private static final String NOVA_ROUTER = "arn:aws:bedrock:us-east-1:123456789012:default-prompt-router/amazon.nova:1";
    private static final String NOVA_PRO_US = "us.amazon.nova-pro-v1:0";
    private static final String NOVA_2_LITE = "us.amazon.nova-2-lite-v1:0";
    private static final String NOVA_PRO_PROFILE_ARN =
            "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.amazon.nova-pro-v1:0";
    private static final String NOTE = "Summarize in one sentence:\nThe export failed again. The export job times "
            + "out after ten minutes. Support restarted the worker twice.";
    private static final String LONG_SYSTEM = "You are a support analyst at Tallyhive. ".repeat(800);
    private static final String SCHEMA = "{\"type\":\"object\",\"properties\":{\"intent\":{\"type\":\"string\"}},"
            + "\"required\":[\"intent\"],\"additionalProperties\":false}";

    @TempDir
    Path dir;

    private final InstantSource clock = InstantSource.fixed(Instant.parse("2026-11-27T10:00:00Z"));

    private static ModelRequest request(String model, String system, boolean cache, int maxTokens, Double temperature,
                                        Double topP, List<String> stops, CallSettings settings) {
        return new ModelRequest(model, system, NOTE, cache, new ModelRequest.InferenceParams(maxTokens, temperature,
                topP, stops), Optional.empty(), settings);
    }

    @Test
    void everyFieldIsSentAlikeAndEveryAnswerAndRefusalComesBackAlike() throws Exception {
        List<ModelRequest> requests = new ArrayList<>();
        // system prompt with a one-hour cache point, a thinking budget, stop sequences and request metadata; twice,
        // so the second reads what the first wrote
        ModelRequest thinking = request(SONNET, LONG_SYSTEM, true, 4000, null, null, List.of("\n\nEND", "###"),
                CallSettings.NONE.withReasoning(Optional.of(new CallSettings.Reasoning.Budget(2048)))
                        .withCacheTtl(Optional.of("1h")))
                .withRequestMetadata(Map.of("team", "support", "suite", "support-summaries"));
        requests.add(thinking);
        requests.add(thinking);
        // sampling parameters as floats and the Flex tier
        requests.add(request(NOVA_PRO, "Answer briefly.", false, 300, 0.3, 0.9, List.of(),
                CallSettings.NONE.withServiceTier(CallSettings.ServiceTier.FLEX)));
        // latency-optimized with the Priority tier, through the us. profile
        requests.add(request(NOVA_PRO_US, "Be brief.", false, 200, 0.0, null, List.of(),
                CallSettings.NONE.withLatencyOptimized(true).withServiceTier(CallSettings.ServiceTier.PRIORITY)));
        // Nova 2 reasoning efforts: low sends maxTokens, high sends none
        requests.add(request(NOVA_2_LITE, "", false, 1000, null, null, List.of(),
                CallSettings.NONE.withReasoning(Optional.of(new CallSettings.Reasoning.Effort("low")))));
        requests.add(request(NOVA_2_LITE, "", false, 1000, null, null, List.of(),
                CallSettings.NONE.withReasoning(Optional.of(new CallSettings.Reasoning.Effort("high")))));
        // a default prompt router, whose answer names the model it chose
        requests.add(request(NOVA_ROUTER, "Answer briefly.", false, 100, null, null, List.of(),
                CallSettings.NONE));
        // a Bedrock refusal: the one-hour TTL is Anthropic's only (ValidationException)
        requests.add(request(NOVA_LITE, "Be brief.", true, 100, null, null, List.of(),
                CallSettings.NONE.withCacheTtl(Optional.of("1h"))));
        // Nova Micro's quota admits one request a minute: the second is throttled
        requests.add(request(NOVA_MICRO, "", false, 50, null, null, List.of(), CallSettings.NONE));
        requests.add(request(NOVA_MICRO, "Again.", false, 50, null, null, List.of(), CallSettings.NONE));
        // a structured-output schema
        requests.add(new ModelRequest(HAIKU_45, "Answer in JSON.", NOTE, false,
                new ModelRequest.InferenceParams(300, 0.7, null, List.of()), Optional.of(SCHEMA), CallSettings.NONE));
        // an unknown model
        requests.add(request("amazon.nova-giant-v9:0", "", false, 50, null, null, List.of(), CallSettings.NONE));

        List<Call> calls = compare(SandboxOptions.forTests().withQuota(NOVA_MICRO, 1, 0), requests,
                sandbox -> {
                    try (BedrockClient bedrock = controlPlane(sandbox)) {
                        String arn = bedrock.createInferenceProfile(r -> r.inferenceProfileName("support-pro")
                                .clientRequestToken("token-1").modelSource(s -> s.copyFrom(NOVA_PRO_PROFILE_ARN)))
                                .inferenceProfileArn();
                        requests.add(request(arn, "", false, 100, null, null, List.of(), CallSettings.NONE));
                    }
                });

        // the cases the requests were chosen for did happen, on both paths alike
        assertThat(calls).hasSize(13);
        CallResult.Completion first = completion(calls.get(0));
        CallResult.Completion second = completion(calls.get(1));
        assertThat(first.usage().cacheWriteInputTokens()).isPositive();
        assertThat(second.usage().cacheReadInputTokens()).isPositive();
        assertThat(completion(calls.get(2)).serviceTier()).isEqualTo("flex");
        assertThat(completion(calls.get(3)).performance()).isEqualTo("optimized");
        assertThat(completion(calls.get(4)).usage().outputTokens()).isPositive();
        assertThat(completion(calls.get(5)).usage().outputTokens()).isPositive();
        assertThat(completion(calls.get(6)).invokedModelId()).contains("nova");
        assertThat(calls.get(7).direct()).isInstanceOfSatisfying(CallResult.Failure.class, f -> {
            assertThat(f.errorCode()).isEqualTo("ValidationException");
            assertThat(f.retryable()).isFalse();
        });
        assertThat(calls.get(8).direct()).isInstanceOf(CallResult.Completion.class);
        assertThat(calls.get(9).direct()).isInstanceOfSatisfying(CallResult.Failure.class, f -> {
            assertThat(f.errorCode()).isEqualTo("ThrottlingException");
            assertThat(f.retryable()).isTrue();
        });
        assertThat(completion(calls.get(10)).stopReason()).isEqualTo("end_turn");
        assertThat(calls.get(11).direct()).isInstanceOfSatisfying(CallResult.Failure.class,
                f -> assertThat(f.errorCode()).isEqualTo("ValidationException"));
        assertThat(completion(calls.get(12)).usage().inputTokens()).isPositive();
    }

    private static CallResult.Completion completion(Call call) {
        assertThat(call.direct()).isInstanceOf(CallResult.Completion.class);
        return (CallResult.Completion) call.direct();
    }

    @Test
    void injectedFaultsComeBackAlikeWithTheirRetryableClassification() throws Exception {
        List<ModelRequest> requests = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            requests.add(request(NOVA_LITE, "Item " + i + ".", false, 50, null, null, List.of(),
                    CallSettings.NONE));
        }
        List<Call> calls = compare(SandboxOptions.forTests().withFaults(FaultRates.none().withModelError(0.3)
                .withServiceUnavailable(0.3), 7), requests, sandbox -> {
        });
        List<String> codes = calls.stream().map(c -> c.direct() instanceof CallResult.Failure f ? f.errorCode() : "ok")
                .toList();
        assertThat(codes).contains("ok", "ModelErrorException", "ServiceUnavailableException");
        assertThat(calls).allSatisfy(c -> assertThat(c.direct() instanceof CallResult.Failure f ? f.retryable() : true)
                .isTrue());
    }

    private static BedrockClient controlPlane(Sandbox sandbox) {
        return BedrockClient.builder().endpointOverride(sandbox.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("sandbox", "sandbox")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    /** One request's result through the SDK over HTTP and through the direct client. */
    private record Call(CallResult sdk, CallResult direct) {
    }

    /**
     * Starts two sandboxes with {@code options} (and their own S3), runs {@code setup} on each, then sends each
     * request (those {@code setup} added too) through the SDK to one and directly to the other, and checks the
     * bodies, the results and the two request logs.
     */
    private List<Call> compare(SandboxOptions options, List<ModelRequest> requests, Consumer<Sandbox> setup)
            throws Exception {
        List<Call> calls = new ArrayList<>();
        try (Sandbox overHttp = Sandbox.start(options.withClock(clock).withS3(Files.createDirectory(dir.resolve("a"))));
             Sandbox inProcess = Sandbox.start(options.withClock(clock).withS3(Files.createDirectory(dir.resolve("b"))));
             CapturingProxy proxy = new CapturingProxy(overHttp.endpoint())) {
            int before = requests.size();
            setup.accept(overHttp);
            List<ModelRequest> added = new ArrayList<>(requests.subList(before, requests.size()));
            requests.subList(before, requests.size()).clear();
            setup.accept(inProcess);
            assertThat(requests.subList(before, requests.size())).isEqualTo(added);
            try (ModelClient sdk = BedrockConverseClient.create(new BedrockSettings(Optional.of("us-east-1"),
                    BedrockSettings.Endpoints.local(proxy.endpoint(), Optional.empty()),
                    new BedrockSettings.Static("sandbox", "sandbox"), 1, Duration.ofSeconds(60), "frontier#test"));
                 ModelClient direct = inProcess.runtimeClient("us-east-1", "frontier#test")) {
                DirectRuntimeClient client = (DirectRuntimeClient) direct;
                for (ModelRequest request : requests) {
                    CallResult overSdk = sdk.call(request);
                    JsonNode sent = JSON.readTree(proxy.lastBody());
                    assertThat(JSON.readTree(client.body(request))).as(request.modelId()).isEqualTo(sent);
                    CallResult overDirect = direct.call(request);
                    assertThat(withoutWallTime(overDirect)).as(request.modelId()).isEqualTo(withoutWallTime(overSdk));
                    calls.add(new Call(overSdk, overDirect));
                }
            }
            assertThat(inProcess.requestLog()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("userAgent")
                    .isEqualTo(overHttp.requestLog());
            assertThat(inProcess.requestLog()).last().extracting(RequestRecord::userAgent).isEqualTo("frontier#test");
        }
        return calls;
    }

    private static CallResult withoutWallTime(CallResult r) {
        if (r instanceof CallResult.Completion c) {
            return new CallResult.Completion(c.text(), c.stopReason(), c.usage(), c.latencyMs(), 0, c.requestId(),
                    c.invokedModelId(), c.serviceTier(), c.performance());
        }
        CallResult.Failure f = (CallResult.Failure) r;
        return new CallResult.Failure(f.errorCode(), f.message(), f.retryable(), 0);
    }

    /** Forwards every request to the sandbox as the SDK sent it, and keeps the last request body. */
    private static final class CapturingProxy implements AutoCloseable {
        private final HttpServer server;
        private final HttpClient http = HttpClient.newHttpClient();
        private final List<byte[]> bodies = Collections.synchronizedList(new ArrayList<>());

        CapturingProxy(URI target) throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                try (exchange) {
                    byte[] body = exchange.getRequestBody().readAllBytes();
                    bodies.add(body);
                    HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create(target
                                    + exchange.getRequestURI().getRawPath()))
                            .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
                    for (String name : List.of("Authorization", "User-Agent", "Content-Type")) {
                        String value = exchange.getRequestHeaders().getFirst(name);
                        if (value != null) {
                            forward.header(name, value);
                        }
                    }
                    HttpResponse<byte[]> answer = http.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
                    for (String name : List.of("Content-Type", "x-amzn-ErrorType", "x-amzn-RequestId")) {
                        answer.headers().firstValue(name).ifPresent(v -> exchange.getResponseHeaders().add(name, v));
                    }
                    exchange.sendResponseHeaders(answer.statusCode(), answer.body().length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(answer.body());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            server.start();
        }

        URI endpoint() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        }

        byte[] lastBody() {
            return bodies.get(bodies.size() - 1);
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
