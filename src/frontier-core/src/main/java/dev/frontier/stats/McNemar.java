package dev.frontier.stats;

import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * McNemar's exact test for paired binary outcomes. Only the discordant pairs carry information: {@code b} items
 * where the first is right and the second wrong, {@code c} the other way round. Under H0 (equal success rates)
 * b is Binomial(b + c, 1/2) given b + c, so the p-value is an exact binomial tail; no χ² approximation and no
 * continuity correction are involved.
 */
public final class McNemar {
    private McNemar() {
    }

    /**
     * The two-sided exact p-value: 2 · P(X ≤ min(b, c)) with X ~ Binomial(b + c, 1/2), at most 1; 1 when there
     * are no discordant pairs. Example: b = 10, c = 2 gives 2 · 79/4096 = 0.0386.
     */
    public static double exact(int b, int c) {
        return exact(b, c, Alternative.TWO_SIDED);
    }

    /**
     * The exact p-value for {@code alternative}, where {@link Alternative#GREATER} means the first is right more
     * often (b &gt; c): P(X ≥ b); {@link Alternative#LESS}: P(X ≤ b).
     */
    public static double exact(int b, int c, Alternative alternative) {
        if (b < 0 || c < 0) {
            throw new IllegalArgumentException("discordant counts must not be negative");
        }
        int n = b + c;
        if (n == 0) {
            return 1;
        }
        // with p = 1/2, P(X ≥ k) = P(X ≤ n − k)
        return switch (alternative) {
            case TWO_SIDED -> Math.min(1, 2 * atMost(n, Math.min(b, c)));
            case GREATER -> atMost(n, n - b);
            case LESS -> atMost(n, b);
        };
    }

    /**
     * P(X ≤ k) for X ~ Binomial(n, 1/2), summed over the smaller tail from point probabilities (commons-math3's
     * cumulativeProbability is 1 − I(…) and returns 0 for lower tails below about 1e-16).
     */
    private static double atMost(int n, int k) {
        if (k >= n) {
            return 1;
        }
        // sampled never, so no generator (the default one is seeded from the clock)
        BinomialDistribution x = new BinomialDistribution(null, n, 0.5);
        boolean lower = 2L * k < n;
        int last = lower ? k : n - k - 1;
        double tail = 0;
        for (int i = 0; i <= last; i++) {
            tail += x.probability(i);
        }
        return lower ? tail : 1 - tail;
    }
}
