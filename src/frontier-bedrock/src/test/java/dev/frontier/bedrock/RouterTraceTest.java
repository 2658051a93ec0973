package dev.frontier.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontier.model.CallResult;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseMetrics;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseOutput;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseTrace;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.PromptRouterTrace;
import software.amazon.awssdk.services.bedrockruntime.model.TokenUsage;

/** The model a prompt router chose is read from {@code trace.promptRouter.invokedModelId}, and only from there. */
class RouterTraceTest {

    private static ConverseResponse.Builder answer() {
        return ConverseResponse.builder()
                .output(ConverseOutput.fromMessage(Message.builder().role(ConversationRole.ASSISTANT)
                        .content(ContentBlock.fromText("billing_refund")).build()))
                .stopReason("end_turn")
                .usage(TokenUsage.builder().inputTokens(120).outputTokens(4).totalTokens(124).build())
                .metrics(ConverseMetrics.builder().latencyMs(310L).build());
    }

    @Test
    void aRoutedAnswerNamesTheServedModel() {
        String lite = "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0";
        CallResult.Completion c = BedrockConverseClient.toCompletion(answer().trace(ConverseTrace.builder()
                .promptRouter(PromptRouterTrace.builder().invokedModelId(lite).build()).build()).build(), 400);
        assertThat(c.invokedModelId()).isEqualTo(lite);
        assertThat(c.routed()).isTrue();
        assertThat(c.text()).isEqualTo("billing_refund");
        assertThat(c.usage().inputTokens()).isEqualTo(120);
    }

    @Test
    void anAnswerWithoutARouterTraceIsNotRouted() {
        assertThat(BedrockConverseClient.toCompletion(answer().build(), 400).invokedModelId()).isEmpty();
        // a guardrail trace alone is not a router's
        assertThat(BedrockConverseClient.toCompletion(answer().trace(ConverseTrace.builder().build()).build(), 400)
                .routed()).isFalse();
    }
}
