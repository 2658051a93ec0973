package dev.frontier.sandbox;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;
import software.amazon.awssdk.services.bedrockruntime.model.TokenUsage;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** RPM and TPM quotas over a sliding minute of the injected clock, through the real SDK client. */
class QuotaTest {

    private static final String DOCUMENT = "Summarize this note:\n"
            + "The quarterly backup drill ran on Tuesday night. "
            + "The backup drill restored the billing database in forty minutes. "
            + "The restore of the billing database was slower than the target of thirty minutes.";
    /** Over 4,096 characters, so over 1,024 tokens: cacheable for Claude 3.5 Sonnet v2. */
    private static final String LONG_SYSTEM = "You are a careful operations analyst. ".repeat(120);

    private final ManualClock clock = new ManualClock(Instant.parse("2025-03-01T09:00:00Z"));
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
    }

    private Sandbox start(SandboxOptions options) {
        Sandbox sandbox = Sandbox.start(options.withClock(clock));
        open.add(sandbox);
        return sandbox;
    }

    private BedrockRuntimeClient client(Sandbox sandbox) {
        BedrockRuntimeClient client = Bedrock.client(sandbox);
        open.add(0, client);
        return client;
    }

    private static long quotaTokens(TokenUsage usage) {
        long cacheWrite = usage.cacheWriteInputTokens() == null ? 0 : usage.cacheWriteInputTokens();
        return usage.inputTokens() + cacheWrite + usage.outputTokens();
    }

    private static void assertThrottled(BedrockRuntimeClient client, ConverseRequest request) {
        assertThatThrownBy(() -> client.converse(request))
                .isInstanceOfSatisfying(ThrottlingException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(429);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("Too many requests, please wait before trying again.");
                });
    }

    @Test
    void requestsOverTheRpmQuotaAreThrottledUntilTheMinuteHasPassed() {
        Sandbox sandbox = start(SandboxOptions.forTests().withQuota(Bedrock.NOVA_MICRO, 3, 0));
        BedrockRuntimeClient client = client(sandbox);
        ConverseRequest request = Bedrock.request(Bedrock.NOVA_MICRO, "", false, DOCUMENT, 200);

        for (int i = 0; i < 3; i++) {
            client.converse(request);
            clock.advance(Duration.ofSeconds(1));
        }
        assertThrottled(client, request);
        clock.advance(Duration.ofSeconds(56)); // 59 s after the first call: it still counts
        assertThrottled(client, request);
        clock.advance(Duration.ofSeconds(1)); // the first call has left the window, the other two have not
        assertThatCode(() -> client.converse(request)).doesNotThrowAnyException();
        assertThrottled(client, request);

        List<RequestRecord> log = sandbox.requestLog();
        assertThat(log).extracting(RequestRecord::outcome).containsExactly(
                "ok", "ok", "ok", "ThrottlingException", "ThrottlingException", "ok", "ThrottlingException");
        assertThat(log).filteredOn(r -> !r.ok()).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(429);
            assertThat(r.billed()).isFalse();
        });
    }

    @Test
    void aThrottledAnswerHasBedrocksHeaderAndBody() throws Exception {
        Sandbox sandbox = start(SandboxOptions.forTests().withQuota("*", 1, 0));
        String body = Json.body("", "Hello there, how are you today?").toString();
        HttpRequest post = HttpRequest.newBuilder(URI.create(sandbox.endpoint() + "/model/" + Bedrock.NOVA_MICRO
                        + "/converse"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpClient http = HttpClient.newHttpClient();
        assertThat(http.send(post, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

        HttpResponse<String> throttled = http.send(post, HttpResponse.BodyHandlers.ofString());
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("x-amzn-ErrorType")).hasValue(
                "ThrottlingException:http://internal.amazon.com/coral/com.amazon.bedrock/");
        assertThat(Json.MAPPER.readTree(throttled.body())).isEqualTo(
                Json.MAPPER.readTree("{\"message\":\"Too many requests, please wait before trying again.\"}"));
    }

    @Test
    void tpmCountsSettledInputAndOutputAndReservesMaxTokensForTheNextCall() {
        ConverseRequest request = Bedrock.request(Bedrock.LLAMA_8B, "", false, DOCUMENT, 100);
        TokenUsage usage;
        try (Sandbox unlimited = Sandbox.start(SandboxOptions.forTests());
             BedrockRuntimeClient probe = Bedrock.client(unlimited)) {
            usage = probe.converse(request).usage();
        }
        long used = quotaTokens(usage);
        long reserved = usage.inputTokens() + 100;
        assertThat(reserved).isGreaterThan(used); // the answer is shorter than maxTokens
        // three settled calls plus the fourth call's reservation fill the quota exactly
        int tpm = Math.toIntExact(3 * used + reserved);

        Sandbox sandbox = start(SandboxOptions.forTests().withQuota(Bedrock.LLAMA_8B, 0, tpm));
        BedrockRuntimeClient client = client(sandbox);
        for (int i = 0; i < 4; i++) {
            assertThat(client.converse(request).usage()).isEqualTo(usage);
        }
        assertThrottled(client, request);

        clock.advance(Duration.ofMinutes(1));
        assertThatCode(() -> client.converse(request)).doesNotThrowAnyException();
    }

    @Test
    void aRequestWhoseMaxTokensAloneExceedsTheTpmQuotaIsThrottled() {
        Sandbox sandbox = start(SandboxOptions.forTests().withQuota(Bedrock.LLAMA_8B, 0, 1_000));
        BedrockRuntimeClient client = client(sandbox);

        assertThrottled(client, Bedrock.request(Bedrock.LLAMA_8B, "", false, DOCUMENT, 2_000));
        // the same words with a small maxTokens: reserved ~ input + 600, settled to what it used
        ConverseRequest modest = Bedrock.request(Bedrock.LLAMA_8B, "", false, DOCUMENT, 600);
        client.converse(modest);
        // a second reservation of input + 600 fits only because the first was settled below it
        assertThatCode(() -> client.converse(modest)).doesNotThrowAnyException();
    }

    @Test
    void cacheReadsDoNotCountAgainstTpm() {
        ConverseRequest request = Bedrock.request(Bedrock.NOVA_PRO, LONG_SYSTEM, true, DOCUMENT, 50);
        TokenUsage first;
        TokenUsage later;
        try (Sandbox unlimited = Sandbox.start(SandboxOptions.forTests());
             BedrockRuntimeClient probe = Bedrock.client(unlimited)) {
            first = probe.converse(request).usage();
            later = probe.converse(request).usage();
        }
        assertThat(first.cacheWriteInputTokens()).isGreaterThan(1_000);
        assertThat(later.cacheReadInputTokens()).isEqualTo(first.cacheWriteInputTokens());
        long reserved = first.inputTokens() + first.cacheWriteInputTokens() + 50;
        // room for calls 1-3 settled and call 4 reserved, only if the cache reads of calls 2 and 3 are free
        int tpm = Math.toIntExact(quotaTokens(first) + 2 * quotaTokens(later) + reserved);

        Sandbox sandbox = start(SandboxOptions.forTests().withQuota(Bedrock.NOVA_PRO, 0, tpm));
        BedrockRuntimeClient client = client(sandbox);
        assertThat(client.converse(request).usage()).isEqualTo(first);
        for (int i = 0; i < 3; i++) {
            assertThat(client.converse(request).usage()).isEqualTo(later);
        }
        assertThrottled(client, request);
    }

    @Test
    void theStarQuotaAppliesToEachModelSeparatelyAndAModelsOwnQuotaWins() {
        Sandbox sandbox = start(SandboxOptions.forTests()
                .withQuota("*", 2, 0)
                .withQuota(Bedrock.SONNET, 3, 0)
                .withQuota(Bedrock.NOVA_LITE, 0, 0));
        BedrockRuntimeClient client = client(sandbox);

        ConverseRequest micro = Bedrock.request(Bedrock.NOVA_MICRO, "", false, DOCUMENT, 100);
        client.converse(micro);
        client.converse(micro);
        assertThrottled(client, micro);
        // an inference profile shares its base model's quota
        assertThrottled(client, Bedrock.request("us." + Bedrock.NOVA_MICRO, "", false, DOCUMENT, 100));

        ConverseRequest llama = Bedrock.request(Bedrock.LLAMA_8B, "", false, DOCUMENT, 100);
        client.converse(llama);
        client.converse(llama);
        assertThrottled(client, llama);

        ConverseRequest sonnet = Bedrock.request(Bedrock.SONNET, "", false, DOCUMENT, 100);
        for (int i = 0; i < 3; i++) {
            client.converse(sonnet);
        }
        assertThrottled(client, sonnet);

        ConverseRequest lite = Bedrock.request(Bedrock.NOVA_LITE, "", false, DOCUMENT, 100);
        for (int i = 0; i < 5; i++) {
            assertThatCode(() -> client.converse(lite)).doesNotThrowAnyException();
        }
    }

    @Test
    void defaultsHaveNoQuota() {
        Sandbox sandbox = start(SandboxOptions.forTests());
        BedrockRuntimeClient client = client(sandbox);
        ConverseRequest request = Bedrock.request(Bedrock.NOVA_MICRO, "", false, DOCUMENT, 4_000);
        for (int i = 0; i < 30; i++) {
            client.converse(request);
        }
        assertThat(sandbox.requestLog()).hasSize(30).allMatch(RequestRecord::billed);
    }
}
