package dev.frontier.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class CacheReplayTest {

    private static final long MIN = 60_000;

    private static long at(int minutes, int seconds) {
        return minutes * MIN + seconds * 1000L;
    }

    @Test
    void aHitMovesThePromptCacheExpirySoOnlyTheSecondAndThirdArrivalsHit() {
        // 0:00 writes (expires 5:00); 4:59 hits (expires 9:59); 9:58 hits (expires 14:58); 15:00 writes again
        long[] t = {at(0, 0), at(4, 59), at(9, 58), at(15, 0)};
        var rate = CacheReplay.promptCache(t, new int[] {0, 0, 0, 0}, CacheReplay.FIVE_MINUTES_MS, 2048, 1024);
        assertThat(rate).isEqualTo(new CacheReplay.Rate(4, 2, 2));
        assertThat(rate.hitRate()).isEqualTo(0.5);
    }

    @Test
    void anEntryHasExpiredAtItsExpiryInstant() {
        long[] t = {at(0, 0), at(5, 0)};
        assertThat(CacheReplay.promptCache(t, new int[] {3, 3}, CacheReplay.FIVE_MINUTES_MS, 2048, 1024).hits())
                .isZero();
    }

    @Test
    void anHourLongTtlKeepsWhatFiveMinutesLoses() {
        long[] t = {at(0, 0), at(4, 59), at(9, 58), at(15, 0)};
        var rate = CacheReplay.promptCache(t, new int[] {0, 0, 0, 0}, CacheReplay.ONE_HOUR_MS, 2048, 1024);
        assertThat(rate).isEqualTo(new CacheReplay.Rate(4, 3, 1));
    }

    @Test
    void eachPrefixHasItsOwnEntryAndRequestsWithoutOneCacheNothing() {
        long[] t = {at(0, 0), at(1, 0), at(2, 0), at(3, 0), at(4, 0)};
        var rate = CacheReplay.promptCache(t, new int[] {0, 1, 0, -1, 1}, CacheReplay.FIVE_MINUTES_MS, 2048, 1024);
        // 0 writes, 1 writes, 0 hits, -1 nothing, 1 hits
        assertThat(rate).isEqualTo(new CacheReplay.Rate(5, 2, 2));
    }

    @Test
    void aPrefixBelowTheModelsMinimumIsNeverCached() {
        long[] t = {at(0, 0), at(1, 0), at(2, 0)};
        var rate = CacheReplay.promptCache(t, new int[] {0, 0, 0}, CacheReplay.FIVE_MINUTES_MS, 1023, 1024);
        assertThat(rate).isEqualTo(new CacheReplay.Rate(3, 0, 0));
        assertThat(rate.hitRate()).isZero();
        assertThat(CacheReplay.promptCache(t, new int[] {0, 0, 0}, CacheReplay.FIVE_MINUTES_MS, 1024, 1024))
                .isEqualTo(new CacheReplay.Rate(3, 2, 1));
    }

    @Test
    void noArrivalsNoRate() {
        var rate = CacheReplay.promptCache(new long[0], new int[0], CacheReplay.FIVE_MINUTES_MS, 2048, 1024);
        assertThat(rate.hitRate()).isZero();
        assertThat(CacheReplay.clientCache(new long[0], new int[0], MIN, 1).requests()).isZero();
    }

    @Test
    void aClientCacheHitDoesNotExtendTheEntry() {
        // stored at 0:00 for 5 minutes: 4:59 hits, 9:58 is past 5:00 and stores again (until 14:58), 15:00 stores
        long[] t = {at(0, 0), at(4, 59), at(9, 58), at(15, 0)};
        var rate = CacheReplay.clientCache(t, new int[] {7, 7, 7, 7}, CacheReplay.FIVE_MINUTES_MS, 10);
        assertThat(rate).isEqualTo(new CacheReplay.Rate(4, 1, 3));
    }

    @Test
    void theLeastRecentlyUsedEntryIsEvictedFirst() {
        // two entries: a, b stored; a used (b is now the least recently used); c evicts b; a hits, b misses
        long[] t = {0, 1000, 2000, 3000, 4000, 5000};
        int[] keys = {1, 2, 1, 3, 1, 2};
        var rate = CacheReplay.clientCache(t, keys, CacheReplay.ONE_HOUR_MS, 2);
        assertThat(rate).isEqualTo(new CacheReplay.Rate(6, 2, 4));
    }

    @Test
    void badInputIsRefused() {
        assertThatThrownBy(() -> CacheReplay.promptCache(new long[] {2, 1}, new int[] {0, 0}, MIN, 1, 0))
                .hasMessageContaining("time order");
        assertThatThrownBy(() -> CacheReplay.clientCache(new long[] {1}, new int[] {0}, MIN, 0))
                .hasMessageContaining("maxEntries");
        assertThatThrownBy(() -> CacheReplay.promptCache(new long[] {1}, new int[] {0, 1}, MIN, 1, 0))
                .hasMessageContaining("one key");
    }

    @Property(tries = 500)
    void thePromptCacheMatchesTheQuadraticReplay(@ForAll @Size(max = 60) List<@IntRange(max = 400) Integer> gaps,
                                                 @ForAll @Size(max = 60) List<@IntRange(min = -1, max = 4) Integer> ks,
                                                 @ForAll @IntRange(min = 1, max = 300) int ttl) {
        long[] t = times(gaps);
        int[] keys = keys(ks, t.length);
        assertThat(CacheReplay.promptCache(t, keys, ttl, 10, 5)).isEqualTo(bruteForcePrompt(t, keys, ttl));
    }

    @Property(tries = 500)
    void theClientCacheMatchesTheQuadraticReplay(@ForAll @Size(max = 60) List<@IntRange(max = 400) Integer> gaps,
                                                 @ForAll @Size(max = 60) List<@IntRange(max = 6) Integer> ks,
                                                 @ForAll @IntRange(min = 1, max = 600) int ttl,
                                                 @ForAll @IntRange(min = 1, max = 5) int max) {
        long[] t = times(gaps);
        int[] keys = keys(ks, t.length);
        assertThat(CacheReplay.clientCache(t, keys, ttl, max)).isEqualTo(bruteForceClient(t, keys, ttl, max));
    }

    private static long[] times(List<Integer> gaps) {
        long[] t = new long[gaps.size()];
        long now = 1_000_000;
        for (int i = 0; i < t.length; i++) {
            now += gaps.get(i);
            t[i] = now;
        }
        return t;
    }

    private static int[] keys(List<Integer> ks, int n) {
        int[] keys = new int[n];
        for (int i = 0; i < n; i++) {
            keys[i] = ks.isEmpty() ? 0 : ks.get(i % ks.size());
        }
        return keys;
    }

    /** The rule as stated: walk back over every earlier request, keeping the entry's expiry as it was then. */
    private static CacheReplay.Rate bruteForcePrompt(long[] t, int[] keys, long ttl) {
        long hits = 0;
        long writes = 0;
        for (int i = 0; i < t.length; i++) {
            if (keys[i] < 0) {
                continue;
            }
            long expiry = Long.MIN_VALUE;
            for (int j = 0; j < i; j++) {
                if (keys[j] == keys[i]) {
                    expiry = t[j] + ttl; // a hit and a write both leave the entry expiring one TTL later
                }
            }
            if (t[i] < expiry) {
                hits++;
            } else {
                writes++;
            }
        }
        return new CacheReplay.Rate(t.length, hits, writes);
    }

    /** A list of entries searched from end to end; eviction by the smallest last-use time. */
    private static CacheReplay.Rate bruteForceClient(long[] t, int[] keys, long ttl, int max) {
        record Entry(int key, long expiry, int lastUse) {
        }
        List<Entry> entries = new ArrayList<>();
        long hits = 0;
        long writes = 0;
        for (int i = 0; i < t.length; i++) {
            Entry found = null;
            for (Entry e : entries) {
                if (e.key() == keys[i]) {
                    found = e;
                }
            }
            if (found != null && t[i] < found.expiry()) {
                hits++;
                entries.set(entries.indexOf(found), new Entry(found.key(), found.expiry(), i));
                continue;
            }
            writes++;
            if (found != null) {
                entries.remove(found);
            }
            entries.add(new Entry(keys[i], t[i] + ttl, i));
            if (entries.size() > max) {
                Entry oldest = entries.get(0);
                for (Entry e : entries) {
                    if (e.lastUse() < oldest.lastUse()) {
                        oldest = e;
                    }
                }
                entries.remove(oldest);
            }
        }
        return new CacheReplay.Rate(t.length, hits, writes);
    }
}
