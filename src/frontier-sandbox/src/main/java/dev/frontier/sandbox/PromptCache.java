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
 * entry lives for its TTL (5 minutes by default) after its last use, measured with the injected clock. Entries are
 * per model; requests through an inference-profile id share the base model's entries. Thread-safe.
 */
final class PromptCache {

    /**
     * What caching did to one request.
     *
     * @param readTokens  input tokens served from the cache
     * @param writeTokens input tokens written to the cache
     */
    record Outcome(long readTokens, long writeTokens) {
        static final Outcome NONE = new Outcome(0, 0);
    }

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
        // a hit resets the TTL of the entries it covers; later checkpoints are written fresh
        for (int i = 0; i < cacheable.size(); i++) {
            PromptTokens.Checkpoint checkpoint = cacheable.get(i);
            String key = key(model, checkpoint);
            if (i > hit || expiries.containsKey(key)) {
                expiries.put(key, now.plus(checkpoint.ttl()));
            }
        }
        long written = cacheable.get(cacheable.size() - 1).prefixTokens() - read;
        return new Outcome(read, written);
    }

    private static String key(ModelProfile model, PromptTokens.Checkpoint checkpoint) {
        return model.id() + '\u0000' + checkpoint.digest();
    }
}
