package dev.frontier.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.frontier.catalog.Conformance;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.CachePointBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.TokenUsage;

/**
 * The cost dials through the real SDK client: service tiers, latency-optimized inference, reasoning and the cache
 * TTL — their refusals (from the conformance table), echoes, latency, quota, tokens, quality and cache lifetimes.
 */
class CostDialsTest {

    private static final String NOVA_PRO_US = "us.amazon.nova-pro-v1:0";
    private static final String NOVA_2_LITE = "us.amazon.nova-2-lite-v1:0";
    /** Latency-optimized in us-east-2 and us-west-2 only. */
    private static final String LLAMA_70B = "us.meta.llama3-1-70b-instruct-v1:0";
    /** Prompt caching with the 5-minute TTL only. */
    private static final String SONNET_4 = "us.anthropic.claude-sonnet-4-20250514-v1:0";
    private static final String NOTE = "Summarize in one sentence:\nThe export failed again. The export job times out "
            + "after ten minutes. Support restarted the worker twice.";

    private Sandbox sandbox;
    private BedrockRuntimeClient client;

    private void start(SandboxOptions options) {
        sandbox = Sandbox.start(options);
        client = Bedrock.client(sandbox);
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private static ConverseRequest request(String model, String system, String user, Integer maxTokens,
                                           Consumer<ConverseRequest.Builder> dials) {
        ConverseRequest.Builder b = ConverseRequest.builder().modelId(model)
                .messages(Message.builder().role(ConversationRole.USER).content(ContentBlock.fromText(user)).build());
        if (!system.isEmpty()) {
            b.system(SystemContentBlock.fromText(system));
        }
        if (maxTokens != null) {
            b.inferenceConfig(c -> c.maxTokens(maxTokens));
        }
        dials.accept(b);
        return b.build();
    }

    private static Consumer<ConverseRequest.Builder> tier(String tier) {
        return b -> b.serviceTier(t -> t.type(tier));
    }

    private static Consumer<ConverseRequest.Builder> optimized() {
        return b -> b.performanceConfig(p -> p.latency("optimized"));
    }

    private static Consumer<ConverseRequest.Builder> thinking(int budget) {
        return b -> b.additionalModelRequestFields(Document.fromMap(Map.of("thinking", Document.fromMap(Map.of(
                "type", Document.fromString("enabled"), "budget_tokens", Document.fromNumber(budget))))));
    }

    private static Consumer<ConverseRequest.Builder> effort(String level) {
        return b -> b.additionalModelRequestFields(Document.fromMap(Map.of("reasoningConfig", Document.fromMap(Map.of(
                "type", Document.fromString("enabled"), "maxReasoningEffort", Document.fromString(level))))));
    }

    private static Consumer<ConverseRequest.Builder> cachedSystem(String system, String ttl) {
        return b -> b.system(SystemContentBlock.fromText(system),
                SystemContentBlock.fromCachePoint(CachePointBlock.builder().type("default").ttl(ttl).build()));
    }

    private static Consumer<ConverseRequest.Builder> none() {
        return b -> { };
    }

    /** The request is refused exactly as the conformance table's rule says. */
    private void assertRefused(ConverseRequest request, String ruleName, String... messageParts) {
        Conformance.Rule rule = Conformance.bundled().rule(ruleName);
        AwsServiceException e = catchThrowableOfType(() -> client.converse(request), AwsServiceException.class);
        assertThat(e).as("refused by %s", ruleName).isNotNull();
        assertThat(e.statusCode()).isEqualTo(rule.status());
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(rule.type());
        assertThat(e.awsErrorDetails().errorMessage()).contains(rule.fragment());
        for (String part : messageParts) {
            assertThat(e.awsErrorDetails().errorMessage()).contains(part);
        }
    }

    @Test
    void eachDialRefusalIsTheConformanceRule() {
        // before the end of life of the older Claude models the refusals use
        start(SandboxOptions.forTests().withClock(new ManualClock(Instant.parse("2025-10-01T00:00:00Z"))));
        assertRefused(request(Bedrock.NOVA_PRO, "", NOTE, 100, tier("cheapest")), "service-tier-invalid");
        assertThat(Conformance.bundled().rule("service-tier-invalid").message())
                .isEqualTo("service tier provided is invalid");
        assertRefused(request(Bedrock.SONNET, "", NOTE, 100, tier("reserved")), "service-tier-reservation-not-found");
        assertRefused(request(Bedrock.SONNET, "", NOTE, 100, tier("flex")), "service-tier-unsupported", "flex",
                "us-east-1");
        assertRefused(request(Bedrock.NOVA_MICRO, "", NOTE, 100, tier("priority")), "service-tier-unsupported",
                "priority");
        // Llama 3.1 70B is latency-optimized outside us-east-1 only; Nova Pro only through its profile
        assertRefused(request(LLAMA_70B, "", NOTE, 100, optimized()), "latency-optimized-unsupported");
        assertRefused(request(Bedrock.NOVA_PRO, "", NOTE, 100, optimized()), "latency-optimized-unsupported");
        assertRefused(request(NOVA_PRO_US, "", NOTE, 100, optimized().andThen(cachedSystem("Be brief.", "5m"))),
                "latency-optimized-with-cache");
        assertRefused(request(Bedrock.NOVA_PRO, "", NOTE, 100, effort("low")), "reasoning-config-invalid");
        assertRefused(request(NOVA_2_LITE, "", NOTE, 100, effort("extreme")), "reasoning-config-invalid");
        assertRefused(request(Bedrock.LLAMA_8B, "", NOTE, 4000, thinking(2048)), "thinking-unsupported");
        assertRefused(request(NOVA_2_LITE, "", NOTE, 4000, thinking(2048)), "thinking-unsupported");
        assertRefused(request(Bedrock.SONNET, "", NOTE, 4000, thinking(512)), "thinking-budget-below-minimum",
                "1024");
        assertRefused(request(Bedrock.SONNET, "", NOTE, 2048, thinking(2048)), "thinking-budget-not-below-max-tokens");
        assertRefused(request(Bedrock.SONNET, "", NOTE, null, thinking(4096)), "thinking-budget-not-below-max-tokens");
        assertRefused(request(Bedrock.SONNET, "", NOTE, 4000, thinking(2048).andThen(
                b -> b.inferenceConfig(c -> c.maxTokens(4000).temperature(0.2f)))), "thinking-temperature");
        assertRefused(request(NOVA_2_LITE, "", NOTE, 1000, effort("high")), "reasoning-sampling", "maxTokens",
                "effort:high");
        assertRefused(request(Bedrock.NOVA_LITE, "", NOTE, 100, cachedSystem("Be brief.", "1h")),
                "cache-ttl-anthropic-only");
        assertRefused(request(SONNET_4, "", NOTE, 100, cachedSystem("Be brief.", "1h")), "cache-ttl-extra-inputs");

        // what the catalog allows passes
        assertThat(client.converse(request(Bedrock.SONNET, "", NOTE, 4000, thinking(2048).andThen(
                b -> b.inferenceConfig(c -> c.maxTokens(4000).temperature(1f))))).stopReasonAsString())
                .isEqualTo("end_turn");
        assertThat(client.converse(request(NOVA_2_LITE, "", NOTE, 1000, effort("medium"))).output()).isNotNull();
        assertThat(client.converse(request(NOVA_2_LITE, "", NOTE, null, effort("high"))).output()).isNotNull();
        assertThat(client.converse(request(Bedrock.SONNET, "", NOTE, 100, cachedSystem("Be brief.", "1h")))
                .output()).isNotNull();
        assertThat(client.converse(request(Bedrock.SONNET, "", NOTE, 100, tier("default"))).serviceTier()
                .typeAsString()).isEqualTo("default");
    }

    @Test
    void theAnswerEchoesTheTierAndLatencyThatServedIt() {
        start(SandboxOptions.forTests());
        ConverseResponse plain = client.converse(request(Bedrock.NOVA_PRO, "", NOTE, 100, none()));
        assertThat(plain.serviceTier().typeAsString()).isEqualTo("default");
        assertThat(plain.performanceConfig().latencyAsString()).isEqualTo("standard");
        assertThat(client.converse(request(Bedrock.NOVA_PRO, "", NOTE, 100, tier("flex"))).serviceTier()
                .typeAsString()).isEqualTo("flex");
        assertThat(client.converse(request(Bedrock.NOVA_PRO, "", NOTE, 100, tier("priority"))).serviceTier()
                .typeAsString()).isEqualTo("priority");
        ConverseResponse fast = client.converse(request(NOVA_PRO_US, "", NOTE, 100, optimized().andThen(tier("flex"))));
        assertThat(fast.performanceConfig().latencyAsString()).isEqualTo("optimized");
        assertThat(fast.serviceTier().typeAsString()).isEqualTo("flex");
    }

    private List<Long> latencies(String model, Consumer<ConverseRequest.Builder> dials) {
        List<Long> out = new ArrayList<>();
        for (SupportData.Labelled item : SupportData.MESSAGES) {
            out.add(client.converse(request(model, "", "Summarize in one sentence:\n" + item.text()
                    + " I wrote to support about it twice and nobody has answered yet, which is frustrating.", 300,
                    dials)).metrics().latencyMs());
        }
        return out;
    }

    private static double median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    @Test
    void flexIsSlowerAndPriorityAndLatencyOptimizedFasterThanStandard() {
        start(SandboxOptions.forTests());
        double standard = median(latencies(Bedrock.NOVA_PRO, none()));
        double flex = median(latencies(Bedrock.NOVA_PRO, tier("flex")));
        double priority = median(latencies(Bedrock.NOVA_PRO, tier("priority")));
        double optimized = median(latencies(NOVA_PRO_US, optimized()));
        assertThat(flex).isGreaterThan(standard);
        assertThat(priority).isLessThan(standard);
        assertThat(optimized).isLessThan(priority);
    }

    @Test
    void flexIsThrottledFirstOnTheSharedQuota() {
        start(SandboxOptions.forTests().withQuota(Bedrock.NOVA_PRO, 10, 0));
        assertThat(client.converse(request(Bedrock.NOVA_PRO, "", NOTE, 50, tier("flex"))).serviceTier()
                .typeAsString()).isEqualTo("flex");
        for (int i = 0; i < 6; i++) {
            client.converse(request(Bedrock.NOVA_PRO, "", NOTE + i, 50, none()));
        }
        // 7 of 10 used: an eighth request would pass 70 %, so Flex waits while Standard and Priority go on
        AwsServiceException flex = catchThrowableOfType(
                () -> client.converse(request(Bedrock.NOVA_PRO, "", NOTE, 50, tier("flex"))), AwsServiceException.class);
        assertThat(flex.statusCode()).isEqualTo(429);
        assertThat(flex.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
        client.converse(request(Bedrock.NOVA_PRO, "", NOTE, 50, none()));
        client.converse(request(Bedrock.NOVA_PRO, "", NOTE, 50, tier("priority")));
        client.converse(request(Bedrock.NOVA_PRO, "", NOTE, 50, tier("priority")));
        // the quota is shared: at 10 of 10 Priority is throttled too
        AwsServiceException priority = catchThrowableOfType(() -> client.converse(
                request(Bedrock.NOVA_PRO, "", NOTE, 50, tier("priority"))), AwsServiceException.class);
        assertThat(priority.statusCode()).isEqualTo(429);
    }

    @Test
    void thinkingSpendsOutputTokensWithinTheBudgetBeforeTheAnswer() {
        start(SandboxOptions.forTests());
        ConverseResponse plain = client.converse(request(Bedrock.SONNET, "", NOTE, 8000, none()));
        ConverseResponse thought = client.converse(request(Bedrock.SONNET, "", NOTE, 8000, thinking(4000)));
        List<ContentBlock> content = thought.output().message().content();
        assertThat(content).hasSize(2);
        assertThat(content.get(0).reasoningContent().reasoningText().text()).isNotBlank();
        assertThat(content.get(0).reasoningContent().reasoningText().signature()).isNotBlank();
        String text = content.get(1).text();
        long thinkingTokens = thought.usage().outputTokens() - PromptTokens.of(text);
        assertThat(thinkingTokens).isBetween((long) (0.2 * 4000), (long) (0.9 * 4000));
        assertThat(plain.output().message().content()).hasSize(1);
        assertThat(thought.usage().totalTokens())
                .isEqualTo(thought.usage().inputTokens() + thought.usage().outputTokens());
        // thinking is generation time too
        assertThat(thought.metrics().latencyMs()).isGreaterThan(plain.metrics().latencyMs());

        ConverseResponse nova = client.converse(request(NOVA_2_LITE, "", NOTE, null, effort("high")));
        assertThat(nova.output().message().content().get(0).reasoningContent().reasoningText().text())
                .isEqualTo("[REDACTED]");
        long novaThinking = nova.usage().outputTokens() - PromptTokens.of(nova.output().message().content().get(1).text());
        assertThat(novaThinking).isBetween(Thinking.HIGH_TOKENS / 2L, Thinking.HIGH_TOKENS * 3L / 2);
    }

    @Test
    void reasoningMakesFewerMistakesOnHardItems() {
        start(SandboxOptions.forTests());
        int hardWithout = 0;
        int hardWith = 0;
        int hard = 0;
        for (SupportData.Labelled item : SupportData.MESSAGES) {
            for (int variant = 0; variant < 40; variant++) {
                String user = item.text() + " (ticket " + variant + ")";
                String system = SupportData.CLASSIFY_SYSTEM;
                ConverseCall call = new ConverseCall(List.of(new ConverseCall.Text(system)), List.of(
                        new ConverseCall.Message("user", List.of(new ConverseCall.Text(user)))),
                        new ConverseCall.Inference(java.util.OptionalInt.empty(), java.util.OptionalDouble.empty(),
                                java.util.OptionalDouble.empty(), List.of()), false);
                ClassificationTask task = ClassificationTask.detect(call).orElseThrow();
                // hard: a close runner-up behind the right label (a message with no label word at all is a guess,
                // and one whose words point elsewhere is misleading: reasoning fixes neither)
                if (task.ambiguity() < 0.5 || task.rank().get(0).score() <= 0
                        || !task.rank().get(0).label().equals(item.label())) {
                    continue;
                }
                hard++;
                String without = client.converse(request(NOVA_2_LITE, system, user, null, none())).output().message()
                        .content().get(0).text();
                String with = client.converse(request(NOVA_2_LITE, system, user, null, effort("high"))).output()
                        .message().content().get(1).text();
                hardWithout += without.contains(item.label()) ? 0 : 1;
                hardWith += with.contains(item.label()) ? 0 : 1;
                // the same draws with a smaller chance of a mistake: reasoning never turns a right answer wrong
                assertThat(!without.contains(item.label()) || with.contains(item.label())).as(user).isTrue();
            }
        }
        assertThat(hard).isGreaterThanOrEqualTo(50);
        assertThat(hardWith).isLessThan(hardWithout);
    }

    @Test
    void aOneHourEntryOutlivesAFiveMinuteOneAndReportsItsTtl() {
        ManualClock clock = new ManualClock(Instant.parse("2025-06-01T10:00:00Z"));
        start(SandboxOptions.forTests().withClock(clock));
        String longLived = "Policy A. " + "Rule: answer politely, cite the ticket, never promise refunds. ".repeat(300);
        String shortLived = "Policy B. " + "Rule: answer politely, cite the ticket, never promise refunds. ".repeat(300);
        TokenUsage first = client.converse(request(Bedrock.SONNET, "", NOTE, 100, cachedSystem(longLived, "1h")))
                .usage();
        TokenUsage other = client.converse(request(Bedrock.SONNET, "", NOTE, 100, cachedSystem(shortLived, "5m")))
                .usage();
        assertThat(first.cacheWriteInputTokens()).isPositive();
        assertThat(first.cacheDetails()).singleElement().satisfies(d -> {
            assertThat(d.ttlAsString()).isEqualTo("1h");
            assertThat(d.inputTokens()).isEqualTo(first.cacheWriteInputTokens());
        });
        assertThat(other.cacheDetails()).singleElement().satisfies(d -> assertThat(d.ttlAsString()).isEqualTo("5m"));

        clock.advance(Duration.ofMinutes(6));
        TokenUsage hit = client.converse(request(Bedrock.SONNET, "", NOTE, 100, cachedSystem(longLived, "1h")))
                .usage();
        TokenUsage miss = client.converse(request(Bedrock.SONNET, "", NOTE, 100, cachedSystem(shortLived, "5m")))
                .usage();
        assertThat(hit.cacheReadInputTokens()).isEqualTo(first.cacheWriteInputTokens());
        assertThat(hit.cacheDetails()).isEmpty();
        assertThat(miss.cacheReadInputTokens()).isZero();
        assertThat(miss.cacheWriteInputTokens()).isEqualTo(other.cacheWriteInputTokens());

        // a hit resets the hour: 100 minutes after the write, 54 after the last hit, the entry is still there
        clock.advance(Duration.ofMinutes(54));
        assertThat(client.converse(request(Bedrock.SONNET, "", NOTE, 100, cachedSystem(longLived, "1h"))).usage()
                .cacheReadInputTokens()).isEqualTo(first.cacheWriteInputTokens());
        clock.advance(Duration.ofMinutes(61));
        assertThat(client.converse(request(Bedrock.SONNET, "", NOTE, 100, cachedSystem(longLived, "1h"))).usage()
                .cacheReadInputTokens()).isZero();
    }

    @Test
    void theRequestLogRecordsTheDialsOnTheWire() {
        start(SandboxOptions.forTests());
        client.converse(request(Bedrock.NOVA_PRO, "", NOTE, 100, none()));
        client.converse(request(NOVA_PRO_US, "", NOTE, 100, tier("flex").andThen(optimized())));
        client.converse(request(Bedrock.SONNET, "", NOTE, 4000, thinking(2048).andThen(cachedSystem("Be brief.",
                "1h"))));
        client.converse(request(NOVA_2_LITE, "", NOTE, 500, effort("low")));
        catchThrowableOfType(() -> client.converse(request(Bedrock.SONNET, "", NOTE, 100, tier("reserved"))),
                AwsServiceException.class);
        List<RequestRecord> log = sandbox.requestLog();
        assertThat(log).hasSize(5);
        assertThat(log.get(0)).extracting(RequestRecord::serviceTier, RequestRecord::latency, RequestRecord::reasoning,
                RequestRecord::cacheTtl).containsExactly(null, null, null, null);
        assertThat(log.get(1)).extracting(RequestRecord::serviceTier, RequestRecord::latency)
                .containsExactly("flex", "optimized");
        assertThat(log.get(2)).extracting(RequestRecord::reasoning, RequestRecord::cacheTtl)
                .containsExactly("budget:2048", "1h");
        assertThat(log.get(3).reasoning()).isEqualTo("effort:low");
        assertThat(log.get(4)).extracting(RequestRecord::serviceTier, RequestRecord::status, RequestRecord::billed)
                .containsExactly("reserved", 400, false);
        // requests that differ only by a dial are different requests
        assertThat(log.get(1).requestHash()).isNotEqualTo(
                ConverseService.requestHash(NOVA_PRO_US, new ConverseService(ModelCatalog.builtIn(),
                        new PromptCache(java.time.InstantSource.system())).parseConverse(
                        "{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"x\"}]}]}".getBytes())));
    }

    /** Text, usage and latency recorded before the dials were read: a call without dials answers the same. */
    @Test
    void aCallWithoutDialsAnswersExactlyAsBefore() {
        start(SandboxOptions.forTests());
        assertGolden(request(Bedrock.NOVA_PRO, SupportData.CLASSIFY_SYSTEM, SupportData.MESSAGES.get(3).text(), 300,
                b -> b.inferenceConfig(c -> c.maxTokens(300).temperature(0f))), "billing_refund", 202, 4, 206, 702);
        assertGolden(request(Bedrock.SONNET, "", NOTE, 300, b -> b.inferenceConfig(c -> c.maxTokens(300)
                .temperature(0f))), "The export job times out after ten minutes.", 36, 11, 47, 759);
        assertGolden(request(Bedrock.NOVA_LITE, SupportData.CLASSIFY_SYSTEM, SupportData.MESSAGES.get(12).text(), 300,
                b -> b.inferenceConfig(c -> c.maxTokens(300).temperature(0f))), "password_reset", 205, 4, 209, 497);
    }

    private void assertGolden(ConverseRequest request, String text, int input, int output, int total, long latencyMs) {
        ConverseResponse r = client.converse(request);
        assertThat(r.output().message().content()).singleElement().satisfies(b -> assertThat(b.text()).isEqualTo(text));
        assertThat(r.usage().inputTokens()).isEqualTo(input);
        assertThat(r.usage().outputTokens()).isEqualTo(output);
        assertThat(r.usage().totalTokens()).isEqualTo(total);
        assertThat(r.usage().cacheDetails()).isEmpty();
        assertThat(r.metrics().latencyMs()).isEqualTo(latencyMs);
        assertThat(r.stopReasonAsString()).isEqualTo("end_turn");
    }
}
