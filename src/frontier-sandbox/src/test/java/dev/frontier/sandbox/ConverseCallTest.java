package dev.frontier.sandbox;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConverseCallTest {

    @Test
    void readsSystemMessagesAndInference() {
        ConverseCall call = Json.call("""
                {"system":[{"text":"Be brief."},{"cachePoint":{"type":"default"}}],
                 "messages":[{"role":"user","content":[{"text":"Hi"},{"image":{"format":"png"}}]}],
                 "inferenceConfig":{"maxTokens":50,"temperature":0.2,"topP":0.9,"stopSequences":["END"]},
                 "additionalModelRequestFields":{"top_k":5}}""");
        assertThat(call.systemText()).isEqualTo("Be brief.");
        assertThat(call.system()).hasSize(2);
        assertThat(call.messages()).hasSize(1);
        assertThat(call.messages().get(0).content()).hasSize(1); // the image block is not simulated
        assertThat(call.inference().maxTokens()).hasValue(50);
        assertThat(call.inference().temperature()).hasValue(0.2);
        assertThat(call.inference().stopSequences()).isEqualTo(List.of("END"));
        assertThat(call.lastUserMessage().orElseThrow().text()).isEqualTo("Hi");
    }

    @Test
    void canonicalFormIgnoresJsonLayout() {
        ConverseCall a = Json.call("{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"Hi\"}]}],"
                + "\"inferenceConfig\":{\"maxTokens\":5,\"temperature\":0}}");
        ConverseCall b = Json.call("{ \"inferenceConfig\" : { \"temperature\" : 0.0, \"maxTokens\" : 5 },\n"
                + "  \"messages\" : [ { \"content\" : [ { \"text\" : \"Hi\" } ], \"role\" : \"user\" } ] }");
        assertThat(a.canonical()).isEqualTo(b.canonical());
        assertThat(a.canonical()).isNotEqualTo(Json.call("", "Hi!").canonical());
    }

    @Test
    void validationMessagesNameTheField() {
        String user = "{\"role\":\"user\",\"content\":[{\"text\":\"Hi\"}]}";
        assertRejected("{\"messages\":[" + user + "],\"inferenceConfig\":{\"maxTokens\":0}}",
                "Value '0' at 'inferenceConfig.maxTokens' failed to satisfy constraint: "
                        + "Member must have value greater than or equal to 1");
        assertRejected("{\"messages\":[" + user + "],\"inferenceConfig\":{\"temperature\":2}}",
                "at 'inferenceConfig.temperature' failed to satisfy constraint: "
                        + "Member must have value less than or equal to 1");
        assertRejected("{\"messages\":[" + user + "],\"inferenceConfig\":{\"topP\":-1}}",
                "at 'inferenceConfig.topP'");
        assertRejected("{\"messages\":[" + user + "],\"inferenceConfig\":{\"maxTokens\":\"10\"}}",
                "Member must be an integer");
        assertRejected("{}", "A conversation must start with a user message.");
        assertRejected("{\"messages\":[" + user + "," + user + "]}", "must alternate between user and assistant");
        assertRejected("{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"  \"}]}]}", "is blank");
        assertRejected("{\"messages\":[{\"role\":\"user\",\"content\":[{\"cachePoint\":{\"type\":\"forever\"}}]}]}",
                "Member must satisfy enum value set: [default]");
        assertRejected("{\"system\":\"Be brief\",\"messages\":[" + user + "]}", "at 'system'");
    }

    private static void assertRejected(String json, String messagePart) {
        assertThatThrownBy(() -> Json.call(json)).as(json)
                .isInstanceOfSatisfying(BedrockError.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo("ValidationException");
                })
                .hasMessageContaining(messagePart);
    }
}
