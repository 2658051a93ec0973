package dev.frontier.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frontier.invoke.ResponseCache;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A request's {@code requestMetadata}: checked against Bedrock's limits, and not part of the cache key. */
class ModelRequestMetadataTest {

    private static final ModelRequest PLAIN = new ModelRequest("amazon.nova-lite-v1:0", "sys", "user", false,
            new ModelRequest.InferenceParams(10, 0.0, null, List.of()));

    @Test
    void theCacheKeyIgnoresTheMetadata() {
        ModelRequest tagged = PLAIN.withRequestMetadata(Map.of("frontier-run", "20261203-120000-0001"));
        ModelRequest other = PLAIN.withRequestMetadata(Map.of("frontier-run", "20261203-130000-0002"));
        assertThat(tagged.requestMetadata()).containsEntry("frontier-run", "20261203-120000-0001");
        assertThat(ResponseCache.key("e", tagged)).isEqualTo(ResponseCache.key("e", PLAIN))
                .isEqualTo(ResponseCache.key("e", other));
        assertThat(PLAIN.requestMetadata()).isEmpty();
        assertThat(tagged.withSettings(CallSettings.NONE).requestMetadata()).isEqualTo(tagged.requestMetadata());
    }

    @Test
    void bedrocksLimitsAreChecked() {
        Map<String, String> seventeen = new HashMap<>();
        for (int i = 0; i < 17; i++) {
            seventeen.put("k" + i, "v");
        }
        assertThatThrownBy(() -> PLAIN.withRequestMetadata(seventeen)).hasMessageContaining("at most 16 pairs");
        assertThatThrownBy(() -> PLAIN.withRequestMetadata(Map.of("", "v"))).hasMessageContaining("must not be empty");
        assertThatThrownBy(() -> PLAIN.withRequestMetadata(Map.of("k", "x".repeat(257))))
                .hasMessageContaining("at most 256");
        assertThatThrownBy(() -> PLAIN.withRequestMetadata(Map.of("k", "a<b")))
                .hasMessageContaining("may only use");
        assertThat(PLAIN.withRequestMetadata(Map.of("k", "")).requestMetadata()).containsEntry("k", "");
        // Converse takes # and , in requestMetadata (a filter could not match them)
        assertThat(PLAIN.withRequestMetadata(Map.of("k", "a#b,c")).requestMetadata()).containsEntry("k", "a#b,c");
    }
}
