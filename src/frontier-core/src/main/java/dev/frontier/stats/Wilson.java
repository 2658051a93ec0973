package dev.frontier.stats;

import java.util.Optional;

/**
 * The Wilson score interval for a binomial proportion: the set of p whose score test at the given confidence does
 * not reject. Unlike the Wald interval it stays inside [0, 1] and keeps its coverage near 0 and 1, which matters
 * for pass rates of good models.
 */
public final class Wilson {
    private Wilson() {
    }

    /**
     * The observed share {@code successes / trials} with its two-sided Wilson interval; empty when there are no
     * trials.
     *
     * <p>With z = Φ⁻¹((1 + confidence) / 2) and p̂ = successes / trials:
     * centre = (p̂ + z²/2n) / (1 + z²/n), half-width = z √(p̂(1 − p̂)/n + z²/4n²) / (1 + z²/n).
     *
     * @throws IllegalArgumentException when counts are negative, successes exceed trials or trials exceed
     *                                  {@link Integer#MAX_VALUE}
     */
    public static Optional<Interval> interval(long successes, long trials, double confidence) {
        if (successes < 0 || trials < 0 || successes > trials) {
            throw new IllegalArgumentException("need 0 <= successes <= trials, got " + successes + " of " + trials);
        }
        if (trials > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("too many trials: " + trials);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1)");
        }
        if (trials == 0) {
            return Optional.empty();
        }
        double n = trials;
        double p = successes / n;
        double z = StandardNormal.quantile((1 + confidence) / 2);
        double z2 = z * z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denominator;
        double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
        // at p̂ = 0 or 1 one bound is 0 or 1 exactly; keep rounding from leaving [0, 1]
        double lower = successes == 0 ? 0 : Math.max(0, centre - half);
        double upper = successes == trials ? 1 : Math.min(1, centre + half);
        return Optional.of(new Interval(p, lower, upper, confidence, (int) trials, "wilson"));
    }
}
