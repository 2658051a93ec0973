package dev.frontier.sandbox;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Bedrock prompt caching as the usage fields report it. A checkpoint whose prefix reaches the model's minimum is
 * cacheable; the longest live cached prefix is read, the rest up to the last cacheable checkpoint is written. An
 * entry lives for its checkpoint's TTL (5 minutes by default, 1 hour with {@code ttl: 1h}) after its last use, measured with the injected clock. Entries are
 * per model; requests through an inference-profile id share the base model's entries. Thread-safe.
 */
final class PromptCache {

    /**
     * What caching did to one request.
     *
     * @param readTokens         input tokens served from the cache
     * @param writeTokens        input tokens written to the cache
     * @param longLivedWrites    of those, the tokens written behind 1-hour checkpoints (the rest live 5 minutes):
     *                           each written segment counts under the TTL of the checkpoint that ends it
     */
    record Outcome(long readTokens, long writeTokens, long longLivedWrites) {
        static final Outcome NONE = new Outcome(0, 0, 0);

        Outcome(long readTokens, long writeTokens) {
            this(readTokens, writeTokens, 0);
        }
    }

    private static final java.time.Duration FIVE_MINUTES = java.time.Duration.ofMinutes(5);

    private final InstantSource clock;
    /** Cache key (model id + prefix digest) to the instant the entry expires. Guarded by {@code this}. */
    private final Map<String, Instant> expiries = new HashMap<>();

    PromptCache(InstantSource clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Applies one request's checkpoints; models without caching and prefixes below the minimum are ignored. */
    synchronized Outcome apply(ModelProfile model, List<PromptTokens.Checkpoint> checkpoints) {
        if (!model.supportsCaching()) {
            return Outcome.NONE;
        }
        List<PromptTokens.Checkpoint> cacheable = new ArrayList<>();
        for (PromptTokens.Checkpoint checkpoint : checkpoints) {
            if (checkpoint.prefixTokens() >= model.cacheMinTokens()) {
                cacheable.add(checkpoint);
            }
        }
        if (cacheable.isEmpty()) {
            return Outcome.NONE;
        }
        Instant now = clock.instant();
        expiries.values().removeIf(expiry -> !now.isBefore(expiry));

        int hit = -1;
        for (int i = cacheable.size() - 1; i >= 0 && hit < 0; i--) {
            if (expiries.containsKey(key(model, cacheable.get(i)))) {
                hit = i;
            }
        }
        long read = hit >= 0 ? cacheable.get(hit).prefixTokens() : 0;
        long longLived = 0;
        long before = read;
        // a hit resets the TTL of the entries it covers; later checkpoints are written fresh
        for (int i = 0; i < cacheable.size(); i++) {
            PromptTokens.Checkpoint checkpoint = cacheable.get(i);
            String key = key(model, checkpoint);
            if (i > hit || expiries.containsKey(key)) {
                expiries.put(key, now.plus(checkpoint.ttl()));
            }
            if (i > hit) {
                if (checkpoint.ttl().compareTo(FIVE_MINUTES) > 0) {
                    longLived += checkpoint.prefixTokens() - before;
                }
                before = checkpoint.prefixTokens();
            }
        }
        long written = cacheable.get(cacheable.size() - 1).prefixTokens() - read;
        return new Outcome(read, written, longLived);
    }

    private static String key(ModelProfile model, PromptTokens.Checkpoint checkpoint) {
        return model.id() + '\u0000' + checkpoint.digest();
    }
}
