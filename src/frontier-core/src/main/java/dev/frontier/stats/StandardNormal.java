package dev.frontier.stats;

import org.apache.commons.math3.distribution.NormalDistribution;

/** The standard normal distribution's cdf and quantile function. */
final class StandardNormal {
    // No generator: the distribution is only evaluated, never sampled, and the default one is seeded from the clock.
    private static final NormalDistribution N = new NormalDistribution(null, 0, 1);

    private StandardNormal() {
    }

    /** P(Z ≤ z). */
    static double cdf(double z) {
        return N.cumulativeProbability(z);
    }

    /** P(Z ≥ z), computed as cdf(-z) so that small tails keep their precision. */
    static double upperTail(double z) {
        return N.cumulativeProbability(-z);
    }

    /** The z with P(Z ≤ z) = p; infinite at 0 and 1. */
    static double quantile(double p) {
        return N.inverseCumulativeProbability(p);
    }
}
