package dev.frontier.sandbox;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.CachePointBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.TokenUsage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Prompt caching as Bedrock reports it, through the real SDK client, with a clock the test moves. */
class PromptCachingTest {

    /** 1,250 tokens: above the Nova and Sonnet minimums, below Claude 3.5 Haiku's 2,048. */
    private static final String LONG_SYSTEM = policy(5_000);
    private static final long LONG_SYSTEM_TOKENS = 1_250;
    private static final String USER = "Summarize this ticket:\nThe export failed again. The export job times out.";
    private static final long USER_TOKENS = (USER.length() + 3) / 4 + 3;

    private ManualClock clock;
    private Sandbox sandbox;
    private BedrockRuntimeClient client;

    @BeforeEach
    void start() {
        clock = new ManualClock(Instant.parse("2025-06-01T10:00:00Z"));
        sandbox = Sandbox.start(SandboxOptions.forTests().withClock(clock));
        client = Bedrock.client(sandbox);
    }

    @AfterEach
    void stop() {
        client.close();
        sandbox.close();
    }

    /** A made-up policy text of exactly {@code chars} characters. */
    private static String policy(int chars) {
        StringBuilder text = new StringBuilder();
        int rule = 1;
        while (text.length() < chars) {
            text.append("Rule ").append(rule++).append(": answer politely, cite the ticket, never promise refunds. ");
        }
        return text.substring(0, chars);
    }

    private TokenUsage call(String model, String system) {
        return client.converse(Bedrock.request(model, system, true, USER, 300)).usage();
    }

    @Test
    void firstCallWritesTheCacheAndTheNextReadsIt() {
        TokenUsage first = call(Bedrock.NOVA_LITE, LONG_SYSTEM);
        TokenUsage second = call(Bedrock.NOVA_LITE, LONG_SYSTEM);

        assertThat(first.cacheWriteInputTokens()).isEqualTo((int) LONG_SYSTEM_TOKENS);
        assertThat(first.cacheReadInputTokens()).isZero();
        assertThat(first.inputTokens()).isEqualTo((int) USER_TOKENS);
        assertThat(first.totalTokens()).isEqualTo(first.inputTokens() + first.outputTokens()
                + first.cacheWriteInputTokens());

        assertThat(second.cacheReadInputTokens()).isEqualTo((int) LONG_SYSTEM_TOKENS);
        assertThat(second.cacheWriteInputTokens()).isZero();
        assertThat(second.inputTokens()).isEqualTo((int) USER_TOKENS);
        assertThat(second.totalTokens()).isEqualTo(second.inputTokens() + second.outputTokens()
                + second.cacheReadInputTokens());
    }

    @Test
    void cachedPrefixIsFasterToRead() {
        ConverseRequest request = Bedrock.request("amazon.nova-pro-v1:0", policy(40_000), true, USER, 300);
        long written = client.converse(request).metrics().latencyMs();
        long read = client.converse(request).metrics().latencyMs();
        assertThat(read).isLessThan(written);
    }

    @Test
    void hitsResetTheTtlAndIdleEntriesExpire() {
        call(Bedrock.NOVA_LITE, LONG_SYSTEM);
        clock.advance(Duration.ofMinutes(4));
        assertThat(call(Bedrock.NOVA_LITE, LONG_SYSTEM).cacheReadInputTokens()).isEqualTo((int) LONG_SYSTEM_TOKENS);
        clock.advance(Duration.ofMinutes(4)); // 8 minutes after the write, 4 after the last hit
        assertThat(call(Bedrock.NOVA_LITE, LONG_SYSTEM).cacheReadInputTokens()).isEqualTo((int) LONG_SYSTEM_TOKENS);
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));

        TokenUsage expired = call(Bedrock.NOVA_LITE, LONG_SYSTEM);
        assertThat(expired.cacheReadInputTokens()).isZero();
        assertThat(expired.cacheWriteInputTokens()).isEqualTo((int) LONG_SYSTEM_TOKENS);
    }

    @Test
    void modelsWithoutCachingRefuseTheCheckpointAndReportNoCacheFields() {
        // Bedrock answers a cachePoint sent to a model without prompt caching with AccessDeniedException
        software.amazon.awssdk.services.bedrockruntime.model.AccessDeniedException refused =
                org.assertj.core.api.Assertions.catchThrowableOfType(() -> call(Bedrock.LLAMA_8B, LONG_SYSTEM),
                        software.amazon.awssdk.services.bedrockruntime.model.AccessDeniedException.class);
        assertThat(refused).isNotNull();
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.awsErrorDetails().errorMessage()).contains("did not allow prompt caching");
        TokenUsage usage = client.converse(Bedrock.request(Bedrock.LLAMA_8B, LONG_SYSTEM, false, USER, 300)).usage();
        assertThat(usage.cacheReadInputTokens()).isNull();
        assertThat(usage.cacheWriteInputTokens()).isNull();
        assertThat(usage.inputTokens()).isEqualTo((int) (LONG_SYSTEM_TOKENS + USER_TOKENS));
    }

    @Test
    void prefixesBelowTheMinimumAreIgnored() {
        String shortSystem = policy(3_000); // 750 tokens
        TokenUsage nova = call(Bedrock.NOVA_LITE, shortSystem);
        TokenUsage again = call(Bedrock.NOVA_LITE, shortSystem);
        assertThat(again.cacheReadInputTokens()).isZero();
        assertThat(again.cacheWriteInputTokens()).isZero();
        assertThat(nova.inputTokens()).isEqualTo(again.inputTokens()).isEqualTo((int) (750 + USER_TOKENS));

        // 1,250 tokens is enough for Nova Pro (1,000) but not for Claude Haiku 4.5 (4,096)
        assertThat(call(Bedrock.NOVA_PRO, LONG_SYSTEM).cacheWriteInputTokens()).isEqualTo((int) LONG_SYSTEM_TOKENS);
        assertThat(call(Bedrock.HAIKU_45, LONG_SYSTEM).cacheWriteInputTokens()).isZero();
        assertThat(call(Bedrock.HAIKU_45, policy(16_800)).cacheWriteInputTokens()).isEqualTo(4_200);
    }

    @Test
    void entriesArePerModelAndSharedWithInferenceProfiles() {
        call(Bedrock.NOVA_LITE, LONG_SYSTEM);
        assertThat(call(Bedrock.NOVA_MICRO, LONG_SYSTEM).cacheWriteInputTokens()).isEqualTo((int) LONG_SYSTEM_TOKENS);
        assertThat(call("us." + Bedrock.NOVA_LITE, LONG_SYSTEM).cacheReadInputTokens())
                .isEqualTo((int) LONG_SYSTEM_TOKENS);
    }

    @Test
    void aChangedPrefixIsANewEntry() {
        call(Bedrock.NOVA_LITE, LONG_SYSTEM);
        TokenUsage changed = call(Bedrock.NOVA_LITE, "X" + LONG_SYSTEM.substring(1));
        assertThat(changed.cacheReadInputTokens()).isZero();
        assertThat(changed.cacheWriteInputTokens()).isEqualTo((int) LONG_SYSTEM_TOKENS);
    }

    @Test
    void checkpointInsideAMessageCachesSystemAndMessageText() {
        String document = policy(4_200); // 1,050 tokens
        ConverseRequest request = ConverseRequest.builder()
                .modelId(Bedrock.NOVA_PRO)
                .system(b -> b.text("Be brief.")) // 3 tokens
                .messages(Message.builder().role(ConversationRole.USER).content(
                        ContentBlock.fromText(document),
                        ContentBlock.fromCachePoint(CachePointBlock.builder().type("default").build()),
                        ContentBlock.fromText("Summarize the rules above.")).build()) // 7 tokens
                .build();
        TokenUsage first = client.converse(request).usage();
        TokenUsage second = client.converse(request).usage();

        long prefix = 3 + 3 + 1_050; // system, message framing, document: above Sonnet's 1,024
        assertThat(first.cacheWriteInputTokens()).isEqualTo((int) prefix);
        assertThat(first.inputTokens()).isEqualTo(7);
        assertThat(second.cacheReadInputTokens()).isEqualTo((int) prefix);
    }

    @Test
    void concurrentCallsWriteOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<TokenUsage>> calls = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                calls.add(pool.submit(() -> call(Bedrock.NOVA_LITE, LONG_SYSTEM)));
            }
            int writes = 0;
            int reads = 0;
            for (Future<TokenUsage> future : calls) {
                TokenUsage usage = future.get();
                writes += usage.cacheWriteInputTokens() > 0 ? 1 : 0;
                reads += usage.cacheReadInputTokens() > 0 ? 1 : 0;
            }
            assertThat(writes).isEqualTo(1);
            assertThat(reads).isEqualTo(39);
        } finally {
            pool.shutdownNow();
        }
    }
}
