package dev.frontier.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON artefact of each kind of policy reads back as the same policy. */
class PolicyExportTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void everyKindRoundTrips() {
        List<Policy> policies = List.of(
                new Policy.Single("nova-lite"),
                new Policy.Oracle(List.of("nova-micro", "nova-pro"), 0.03),
                new Policy.Cascade("nova-lite", "nova-pro", "json-valid", 0.5, true),
                new Policy.Cascade("nova-lite", "nova-pro", "output-tokens", Double.POSITIVE_INFINITY, false),
                new Policy.Cascade("nova-lite", "nova-pro", "judge", Double.NEGATIVE_INFINITY, true),
                new Policy.Learned("nova-lite", "nova-pro", List.of("prompt-tokens", "has-code"),
                        new double[] {312.5, 0.3}, new double[] {101.2, 0.458}, new double[] {-1.25, -0.8},
                        0.4, 0.6180339887));
        for (Policy p : policies) {
            String json = PolicyExport.json(p);
            assertThat(PolicyExport.read(json)).isEqualTo(p);
            assertThat(PolicyExport.json(PolicyExport.read(json))).isEqualTo(json);
        }
    }

    @Test
    void theArtefactSaysWhatAServingPathNeeds() throws Exception {
        RoutingData data = PolicyArithmeticTest.table();
        JsonNode cascade = MAPPER.readTree(PolicyExport.json(new Policy.Cascade("cheap", "dear", "check", 0.45,
                true), data));
        assertThat(cascade.get("format").asText()).isEqualTo(PolicyExport.FORMAT);
        assertThat(cascade.get("kind").asText()).isEqualTo("CASCADE");
        assertThat(cascade.get("models").get("cheap").asText()).isEqualTo("model-cheap");
        assertThat(cascade.get("escalateWhen").asText()).isEqualTo("below");
        assertThat(cascade.get("threshold").asDouble()).isEqualTo(0.45);
        assertThat(cascade.has("weights")).isFalse();

        JsonNode learned = MAPPER.readTree(PolicyExport.json(new Policy.Learned("cheap", "dear", List.of("x"),
                new double[] {1}, new double[] {2}, new double[] {0.5}, -0.25, 0.5)));
        assertThat(learned.get("features").get(0).asText()).isEqualTo("x");
        assertThat(learned.get("weights").get(0).asDouble()).isEqualTo(0.5);
        assertThat(learned.get("intercept").asDouble()).isEqualTo(-0.25);
        assertThat(learned.has("models")).isFalse();
    }

    @Test
    void somethingElseIsRefused() {
        assertThatThrownBy(() -> PolicyExport.read("{\"format\":\"other\",\"kind\":\"SINGLE\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("frontier.route/v1");
        assertThatThrownBy(() -> PolicyExport.read("{\"format\":\"frontier.route/v1\",\"kind\":\"CASCADE\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("incomplete CASCADE");
    }
}
