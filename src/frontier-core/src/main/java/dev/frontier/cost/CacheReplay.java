package dev.frontier.cost;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Cache hit rates replayed on measured arrivals: each request's time (epoch milliseconds, in arrival order) and the
 * key it is cached under (an index of a distinct prompt or system prompt). Pure: arrays in, figures out.
 *
 * <ul>
 *   <li>{@link #promptCache}: Bedrock's prompt cache. A request whose key has an entry that has not expired reads
 *   it (a hit) and moves its expiry to now + TTL; otherwise it writes the prefix (a miss) and the entry expires at
 *   now + TTL. An entry expires at its expiry instant: a request exactly one TTL after the last one misses. As every
 *   request, hit or miss, leaves its key's entry expiring one TTL after it, a request hits exactly when the previous
 *   request with its key came less than one TTL before. A prefix below the model's minimum tokens per checkpoint is
 *   not cached at all (no hit, no write), and a negative key (no system prompt) has nothing to cache.</li>
 *   <li>{@link #clientCache}: an exact-match answer cache in front of the model. An entry lives one TTL from when it
 *   was stored; a hit does not extend it (so a popular answer is refreshed once per TTL and never served older than
 *   the TTL). At most {@code maxEntries} entries are kept: storing one more evicts the least recently used.</li>
 * </ul>
 */
public final class CacheReplay {

    /** Five minutes, Bedrock's default cache checkpoint TTL. */
    public static final long FIVE_MINUTES_MS = 5 * 60_000L;

    /** One hour, the longer TTL some models offer. */
    public static final long ONE_HOUR_MS = 60 * 60_000L;

    private CacheReplay() {
    }

    /**
     * What a replay found.
     *
     * @param requests requests replayed
     * @param hits     requests served from the cache
     * @param writes   requests that stored an entry (prompt cache: wrote the prefix; client cache: stored the answer)
     */
    public record Rate(long requests, long hits, long writes) {
        public Rate {
            if (requests < 0 || hits < 0 || writes < 0 || hits + writes > requests) {
                throw new IllegalArgumentException("hits and writes must fit in the requests");
            }
        }

        /** Hits ÷ requests; 0 without requests. */
        public double hitRate() {
            return requests == 0 ? 0 : (double) hits / requests;
        }
    }

    /**
     * The prompt cache's hits and writes with entries living {@code ttlMs} after their last use.
     *
     * @param epochMs      each request's arrival, not decreasing
     * @param keys         each request's prefix key; negative for none
     * @param ttlMs        the checkpoint's TTL, &gt; 0
     * @param prefixTokens tokens before the checkpoint
     * @param minTokens    the model's minimum tokens per checkpoint (0 when it states none)
     */
    public static Rate promptCache(long[] epochMs, int[] keys, long ttlMs, long prefixTokens, long minTokens) {
        check(epochMs, keys, ttlMs);
        if (prefixTokens < minTokens || prefixTokens <= 0) {
            return new Rate(epochMs.length, 0, 0);
        }
        Map<Integer, Long> last = new HashMap<>();
        long hits = 0;
        long writes = 0;
        for (int i = 0; i < epochMs.length; i++) {
            if (keys[i] < 0) {
                continue;
            }
            Long previous = last.put(keys[i], epochMs[i]);
            if (previous != null && epochMs[i] < previous + ttlMs) {
                hits++;
            } else {
                writes++;
            }
        }
        return new Rate(epochMs.length, hits, writes);
    }

    /**
     * An exact-match client cache's hits: entries live {@code ttlMs} from when they were stored (a hit does not
     * extend them), at most {@code maxEntries} of them, the least recently used evicted first.
     *
     * @param epochMs    each request's arrival, not decreasing
     * @param keys       each request's prompt key (equal keys, equal requests)
     * @param ttlMs      how long an answer is reused, &gt; 0
     * @param maxEntries answers kept at most, &gt; 0
     */
    public static Rate clientCache(long[] epochMs, int[] keys, long ttlMs, int maxEntries) {
        check(epochMs, keys, ttlMs);
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive");
        }
        // access order: iteration starts at the least recently used entry; values are the expiry instants
        LinkedHashMap<Integer, Long> entries = new LinkedHashMap<>(16, 0.75f, true);
        long hits = 0;
        long writes = 0;
        for (int i = 0; i < epochMs.length; i++) {
            Long expiry = entries.get(keys[i]);
            if (expiry != null && epochMs[i] < expiry) {
                hits++;
                continue;
            }
            writes++;
            entries.put(keys[i], epochMs[i] + ttlMs);
            if (entries.size() > maxEntries) {
                Iterator<Integer> eldest = entries.keySet().iterator();
                eldest.next();
                eldest.remove();
            }
        }
        return new Rate(epochMs.length, hits, writes);
    }

    private static void check(long[] epochMs, int[] keys, long ttlMs) {
        if (epochMs.length != keys.length) {
            throw new IllegalArgumentException("one key per arrival");
        }
        if (ttlMs < 1) {
            throw new IllegalArgumentException("the TTL must be positive");
        }
        for (int i = 1; i < epochMs.length; i++) {
            if (epochMs[i] < epochMs[i - 1]) {
                throw new IllegalArgumentException("arrivals must be in time order (request " + i + ")");
            }
        }
    }
}
