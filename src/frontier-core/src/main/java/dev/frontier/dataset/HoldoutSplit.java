package dev.frontier.dataset;

import dev.frontier.model.Item;
import java.nio.charset.StandardCharsets;

/**
 * A seeded, stable holdout split: an item is held out when a hash of (seed, id) falls below the share.
 * Adding or removing other items never moves an item between the two sides.
 *
 * @param share the expected share of held-out items, in [0, 1)
 * @param seed  the split's seed
 */
public record HoldoutSplit(double share, long seed) {
    public HoldoutSplit {
        if (!(share >= 0 && share < 1)) {
            throw new IllegalArgumentException("holdout share must be in [0, 1), was " + share);
        }
    }

    /** Whether the item belongs to the holdout (evaluation-only) side. */
    public boolean isHoldout(Item item) {
        return share > 0 && unit(item.id()) < share;
    }

    /** A uniform value in [0, 1) determined by the seed and the id. */
    double unit(String id) {
        long h = seed ^ 0x9E3779B97F4A7C15L;
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            h = mix(h ^ (b & 0xFF));
        }
        return (mix(h) >>> 11) * 0x1.0p-53;
    }

    /** SplitMix64's finalizer: every input bit affects every output bit. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
