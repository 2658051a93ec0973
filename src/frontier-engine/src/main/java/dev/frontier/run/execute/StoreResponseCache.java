package dev.frontier.run.execute;

import dev.frontier.invoke.ResponseCache;
import dev.frontier.model.CallResult;
import dev.frontier.store.RunStore;
import java.time.Instant;
import java.util.Optional;

/** The response cache kept in the run store. */
public record StoreResponseCache(RunStore store) implements ResponseCache {
    @Override
    public Optional<CallResult.Completion> get(String key, Instant notBefore) {
        return store.cachedResponse(key, notBefore.toEpochMilli());
    }

    @Override
    public void put(String key, CallResult.Completion completion, Instant at) {
        store.cacheResponse(key, completion, at.toEpochMilli());
    }
}
