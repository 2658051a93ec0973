package dev.frontier.sandbox;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PromptCacheTest {

    private static final ModelProfile NOVA = new ModelProfile("nova", 0.8, 0.5, 100, 1, 1, 1000);
    private static final ModelProfile NO_CACHE = new ModelProfile("plain", 0.8, 0.5, 100, 1, 1, 0);
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    private final ManualClock clock = new ManualClock(Instant.parse("2025-01-01T00:00:00Z"));
    private final PromptCache cache = new PromptCache(clock);

    private static PromptTokens.Checkpoint at(long tokens, String digest) {
        return new PromptTokens.Checkpoint(tokens, digest, FIVE_MINUTES);
    }

    @Test
    void theLongestLivePrefixIsReadAndTheRestWritten() {
        assertThat(cache.apply(NOVA, List.of(at(1200, "a")))).isEqualTo(new PromptCache.Outcome(0, 1200));
        // a longer prompt that extends the cached one: read 1,200, write the 800 after it
        assertThat(cache.apply(NOVA, List.of(at(1200, "a"), at(2000, "b"))))
                .isEqualTo(new PromptCache.Outcome(1200, 800));
        assertThat(cache.apply(NOVA, List.of(at(1200, "a"), at(2000, "b"))))
                .isEqualTo(new PromptCache.Outcome(2000, 0));
    }

    @Test
    void checkpointsBelowTheMinimumDoNotCount() {
        assertThat(cache.apply(NOVA, List.of(at(999, "a")))).isEqualTo(PromptCache.Outcome.NONE);
        assertThat(cache.apply(NOVA, List.of(at(999, "a"), at(1000, "b"))))
                .isEqualTo(new PromptCache.Outcome(0, 1000));
        assertThat(cache.apply(NO_CACHE, List.of(at(5000, "c")))).isEqualTo(PromptCache.Outcome.NONE);
        assertThat(cache.apply(NOVA, List.of())).isEqualTo(PromptCache.Outcome.NONE);
    }

    @Test
    void anEntryExpiresExactlyOneTtlAfterItsLastUse() {
        cache.apply(NOVA, List.of(at(1200, "a")));
        clock.advance(FIVE_MINUTES.minusMillis(1));
        assertThat(cache.apply(NOVA, List.of(at(1200, "a"))).readTokens()).isEqualTo(1200);
        clock.advance(FIVE_MINUTES);
        assertThat(cache.apply(NOVA, List.of(at(1200, "a"))).readTokens()).isZero();
    }

    @Test
    void aOneHourCheckpointOutlivesFiveMinutes() {
        cache.apply(NOVA, List.of(new PromptTokens.Checkpoint(1200, "a", Duration.ofHours(1))));
        clock.advance(Duration.ofMinutes(59));
        assertThat(cache.apply(NOVA, List.of(at(1200, "a"))).readTokens()).isEqualTo(1200);
    }
}
