package dev.frontier.stats;

/**
 * How much a disagreement between two ordered categories i and j counts in a weighted Cohen's kappa: not by
 * distance ({@link #NONE}), by |i − j| ({@link #LINEAR}) or by (i − j)² ({@link #QUADRATIC}). Quadratic weights
 * make kappa close to the intraclass correlation; linear ones punish near misses less.
 */
public enum KappaWeights {
    /** Every disagreement counts 1: the unweighted kappa, for nominal categories. */
    NONE,
    /** A disagreement counts |i − j|. */
    LINEAR,
    /** A disagreement counts (i − j)². */
    QUADRATIC;

    /** The disagreement weight of categories i and j, up to a constant factor (which cancels in kappa). */
    double weight(int i, int j) {
        return switch (this) {
            case NONE -> i == j ? 0 : 1;
            case LINEAR -> Math.abs(i - j);
            case QUADRATIC -> (double) (i - j) * (i - j);
        };
    }
}
