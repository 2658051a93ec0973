package dev.frontier.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontier.invoke.ResponseCache;
import dev.frontier.model.CallResult;
import dev.frontier.model.CallSettings;
import dev.frontier.model.ModelRequest;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseOutput;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.PerformanceConfigLatency;
import software.amazon.awssdk.services.bedrockruntime.model.PerformanceConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.ReasoningContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ReasoningTextBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceTier;
import software.amazon.awssdk.services.bedrockruntime.model.TokenUsage;

/** Request settings are sent in Bedrock's shapes, and the tier and latency that served come back. */
class RequestSettingsTest {

    private static final ModelRequest.InferenceParams PARAMS = new ModelRequest.InferenceParams(4000, null, null,
            List.of());

    private static ModelRequest request(CallSettings s, boolean cache) {
        return new ModelRequest("us.anthropic.claude-haiku-4-5-20251001-v1:0", "sys", "user", cache, PARAMS,
                Optional.empty(), s);
    }

    @Test
    void defaultsSendNothingNew() {
        ConverseRequest r = BedrockConverseClient.toConverse(request(CallSettings.NONE, true));
        assertThat(r.serviceTier()).isNull();
        assertThat(r.performanceConfig()).isNull();
        assertThat(r.additionalModelRequestFields()).isNull();
        assertThat(r.system().get(1).cachePoint().ttlAsString()).isNull();
        assertThat(r.inferenceConfig().maxTokens()).isEqualTo(4000);
    }

    @Test
    void tierLatencyThinkingAndTtlAreSentAsBedrockDocumentsThem() {
        CallSettings s = CallSettings.NONE.withServiceTier(CallSettings.ServiceTier.FLEX).withLatencyOptimized(true)
                .withReasoning(Optional.of(new CallSettings.Reasoning.Budget(2048))).withCacheTtl(Optional.of("1h"));
        ConverseRequest r = BedrockConverseClient.toConverse(request(s, true));
        assertThat(r.serviceTier().typeAsString()).isEqualTo("flex");
        assertThat(r.performanceConfig().latency()).isEqualTo(PerformanceConfigLatency.OPTIMIZED);
        assertThat(r.additionalModelRequestFields().asMap().get("thinking").asMap())
                .containsEntry("type", software.amazon.awssdk.core.document.Document.fromString("enabled"))
                .containsEntry("budget_tokens", software.amazon.awssdk.core.document.Document.fromNumber(2048));
        assertThat(r.system().get(1).cachePoint().ttlAsString()).isEqualTo("1h");
        assertThat(r.inferenceConfig().maxTokens()).isEqualTo(4000);
    }

    @Test
    void aNovaEffortGoesInReasoningConfigAndHighSendsNoMaxTokens() {
        ConverseRequest low = BedrockConverseClient.toConverse(request(
                CallSettings.NONE.withReasoning(Optional.of(new CallSettings.Reasoning.Effort("low"))), false));
        assertThat(low.additionalModelRequestFields().asMap().get("reasoningConfig").asMap().get("maxReasoningEffort")
                .asString()).isEqualTo("low");
        assertThat(low.inferenceConfig().maxTokens()).isEqualTo(4000);
        ConverseRequest high = BedrockConverseClient.toConverse(request(
                CallSettings.NONE.withReasoning(Optional.of(new CallSettings.Reasoning.Effort("high"))), false));
        assertThat(high.inferenceConfig().maxTokens()).isNull();
    }

    @Test
    void theServedTierAndLatencyAreReadAndReasoningBlocksAreNotPartOfTheAnswer() {
        ConverseResponse response = ConverseResponse.builder()
                .output(ConverseOutput.fromMessage(Message.builder().role(ConversationRole.ASSISTANT).content(
                        ContentBlock.fromReasoningContent(ReasoningContentBlock.fromReasoningText(
                                ReasoningTextBlock.builder().text("let me think").signature("sig").build())),
                        ContentBlock.fromText("billing_refund")).build()))
                .stopReason("end_turn")
                .usage(TokenUsage.builder().inputTokens(10).outputTokens(300).totalTokens(310).build())
                .serviceTier(ServiceTier.builder().type("flex").build())
                .performanceConfig(PerformanceConfiguration.builder().latency("standard").build())
                .build();
        CallResult.Completion c = BedrockConverseClient.toCompletion(response, 5);
        assertThat(c.text()).isEqualTo("billing_refund");
        assertThat(c.serviceTier()).isEqualTo("flex");
        assertThat(c.performance()).isEqualTo("standard");
        assertThat(c.usage().outputTokens()).isEqualTo(300);
    }

    @Test
    void settingsChangeTheCacheKeyOnlyWhenSet() {
        ModelRequest plain = request(CallSettings.NONE, false);
        assertThat(ResponseCache.key("e", plain)).isEqualTo(ResponseCache.key("e", new ModelRequest(plain.modelId(),
                "sys", "user", false, PARAMS)));
        assertThat(ResponseCache.key("e", plain.withSettings(CallSettings.NONE
                .withServiceTier(CallSettings.ServiceTier.FLEX)))).isNotEqualTo(ResponseCache.key("e", plain));
        assertThat(ResponseCache.key("e", plain.withSettings(CallSettings.NONE
                .withServiceTier(CallSettings.ServiceTier.FLEX)))).isNotEqualTo(ResponseCache.key("e",
                plain.withSettings(CallSettings.NONE.withServiceTier(CallSettings.ServiceTier.PRIORITY))));
    }
}
