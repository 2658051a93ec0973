package dev.frontier.stats;

import org.apache.commons.math3.stat.correlation.KendallsCorrelation;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;

/**
 * Agreement between two raters (or a scorer and a human) on the same items: Cohen's kappa, plain or weighted, for
 * categories, and Pearson, Spearman and Kendall's τ-b correlations for scores. A value that is undefined for the
 * data (a constant side, fewer than two items, chance agreement of 1) is {@code NaN}, documented per method.
 */
public final class Agreement {
    private Agreement() {
    }

    /**
     * Cohen's kappa of two raters over categories {@code 0 .. categories − 1}, with disagreements weighted by
     * {@code weights}: κ = 1 − Σ wᵢⱼ oᵢⱼ / Σ wᵢⱼ eᵢⱼ, where o are the observed joint counts and eᵢⱼ = rowᵢ · colⱼ / n
     * the counts expected by chance. With {@link KappaWeights#NONE} this is (pₒ − pₑ) / (1 − pₑ).
     *
     * @return κ, or {@code NaN} when there are no items or chance disagreement is 0 (both raters always use one
     *         and the same category)
     * @throws IllegalArgumentException when the arrays differ in length, {@code categories < 1} or a value lies
     *                                  outside the categories
     */
    public static double cohenKappa(int[] a, int[] b, int categories, KappaWeights weights) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("raters must rate the same items, got " + a.length + " and "
                    + b.length + " ratings");
        }
        if (categories < 1) {
            throw new IllegalArgumentException("categories must be at least 1, got " + categories);
        }
        long[][] joint = new long[categories][categories];
        long[] rows = new long[categories];
        long[] cols = new long[categories];
        for (int i = 0; i < a.length; i++) {
            checkCategory(a[i], categories);
            checkCategory(b[i], categories);
            joint[a[i]][b[i]]++;
            rows[a[i]]++;
            cols[b[i]]++;
        }
        double n = a.length;
        double observed = 0;
        double expected = 0;
        for (int i = 0; i < categories; i++) {
            for (int j = 0; j < categories; j++) {
                double w = weights.weight(i, j);
                observed += w * joint[i][j];
                expected += w * rows[i] * (cols[j] / n);
            }
        }
        return expected == 0 ? Double.NaN : 1 - observed / expected;
    }

    private static void checkCategory(int value, int categories) {
        if (value < 0 || value >= categories) {
            throw new IllegalArgumentException("category " + value + " is outside 0.." + (categories - 1));
        }
    }

    /**
     * Pearson's product-moment correlation.
     *
     * @return r in [−1, 1], or {@code NaN} when n &lt; 2 or either side is constant
     * @throws IllegalArgumentException when the arrays differ in length or hold a value that is not finite
     */
    public static double pearson(double[] x, double[] y) {
        return undefined(x, y) ? Double.NaN : new PearsonsCorrelation().correlation(x, y);
    }

    /**
     * Spearman's rank correlation: Pearson's r of the ranks, tied values sharing their average rank.
     *
     * @return ρ in [−1, 1], or {@code NaN} when n &lt; 2 or either side is constant
     * @throws IllegalArgumentException when the arrays differ in length or hold a value that is not finite
     */
    public static double spearman(double[] x, double[] y) {
        // commons-math3 ranks with NaturalRanking's default tie strategy, AVERAGE
        return undefined(x, y) ? Double.NaN : new SpearmansCorrelation().correlation(x, y);
    }

    /**
     * Kendall's τ-b: (C − D) / √((n₀ − n₁)(n₀ − n₂)), with C and D the concordant and discordant pairs, n₀ all
     * pairs and n₁, n₂ the pairs tied in x and in y. Unlike τ-a it still reaches ±1 when there are ties, which
     * scores on a short scale always have.
     *
     * @return τ-b in [−1, 1], or {@code NaN} when n &lt; 2 or either side is constant
     * @throws IllegalArgumentException when the arrays differ in length or hold a value that is not finite
     */
    public static double kendallTauB(double[] x, double[] y) {
        // commons-math3's KendallsCorrelation is Knight's O(n log n) algorithm for τ-b (ties in x, in y and in
        // both are counted and taken out of the denominator); AgreementTest checks it against a hand count.
        return undefined(x, y) ? Double.NaN : new KendallsCorrelation().correlation(x, y);
    }

    /** Whether a correlation of x and y is undefined; rejects unequal lengths and values that are not finite. */
    private static boolean undefined(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("need paired values, got " + x.length + " and " + y.length);
        }
        checkFinite(x);
        checkFinite(y);
        return x.length < 2 || constant(x) || constant(y);
    }

    private static void checkFinite(double[] values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("values must be finite, got " + v);
            }
        }
    }

    private static boolean constant(double[] values) {
        for (double v : values) {
            if (v != values[0]) {
                return false;
            }
        }
        return true;
    }
}
