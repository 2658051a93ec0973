package dev.frontier.run.execute;

import dev.frontier.invoke.ResponseCache;
import dev.frontier.model.CallResult;
import dev.frontier.model.ModelRequest;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;

/**
 * The response cache as a run uses it, for candidates and judges alike: a request's key names the endpoint (so
 * sandbox answers never serve Bedrock runs), an answer older than the time to live is not used, and without a cache
 * nothing is found or kept (the key still names the request in the store's record of a call's intent).
 */
public final class CachedResponses {

    private final Optional<ResponseCache> cache;
    private final Duration ttl;
    private final String endpointKey;
    private final InstantSource clock;

    /**
     * @param cache       the response cache, empty when disabled
     * @param ttl         how old a cached answer may be
     * @param endpointKey what identifies the endpoint in cache keys
     */
    public CachedResponses(Optional<ResponseCache> cache, Duration ttl, String endpointKey, InstantSource clock) {
        this.cache = Objects.requireNonNull(cache, "cache");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.endpointKey = Objects.requireNonNull(endpointKey, "endpointKey");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Whether a cache is in use. */
    public boolean enabled() {
        return cache.isPresent();
    }

    /** The cache key of {@code request}. */
    public String key(ModelRequest request) {
        return ResponseCache.key(endpointKey, request);
    }

    /** The answer stored under {@code key} within the time to live; empty on a miss or without a cache. */
    public Optional<CallResult.Completion> find(String key) {
        return cache.flatMap(c -> c.get(key, clock.instant().minus(ttl)));
    }

    /** Whether the cache holds an answer to {@code request} within the time to live. */
    public boolean answers(ModelRequest request) {
        return cache.isPresent() && find(key(request)).isPresent();
    }

    /** Keeps {@code completion} under {@code key}, when a cache is in use. */
    public void keep(String key, CallResult.Completion completion) {
        cache.ifPresent(c -> c.put(key, completion, clock.instant()));
    }
}
