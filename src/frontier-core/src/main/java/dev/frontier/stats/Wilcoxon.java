package dev.frontier.stats;

import java.util.Arrays;

/**
 * The Wilcoxon signed-rank test on paired differences (written here because commons-math3 3.6.1 keeps zero
 * differences as ranked values, enumerates 2ⁿ subsets for its exact p-value, ignores ties in the exact
 * distribution and has no tie correction in its normal approximation).
 *
 * <ul>
 *   <li><b>Zeros</b>: Wilcoxon's method: zero differences are dropped and n counts the rest.</li>
 *   <li><b>Exact</b> when 1 ≤ n ≤ {@value #EXACT_MAX_N} and no two |d| tie: the null distribution of W+ is counted
 *   exactly (all 2ⁿ sign patterns, by dynamic programming over rank sums).</li>
 *   <li><b>Normal approximation</b> otherwise: mean n(n+1)/4, variance n(n+1)(2n+1)/24 − Σ(t³ − t)/48 over tie
 *   groups of size t, with a continuity correction of ½ towards the mean. Ties get mid-ranks.</li>
 * </ul>
 * |d| values closer than 1e-9 (relative to max(1, |d|)) are treated as ties, and |d| ≤ 1e-12 · max(1, max|d|) as
 * zero, so that sums of scores that should be equal but differ in the last bit are not told apart.
 */
public final class Wilcoxon {

    /** The largest number of nonzero differences for which the exact distribution is used. */
    public static final int EXACT_MAX_N = 25;

    private static final double TIE = 1e-9;
    private static final double ZERO = 1e-12;

    private Wilcoxon() {
    }

    /**
     * A signed-rank test result.
     *
     * @param wPlus       sum of the ranks of the positive differences
     * @param wMinus      sum of the ranks of the negative differences
     * @param n           number of nonzero differences (the ones ranked)
     * @param zeros       number of zero differences dropped
     * @param pValue      p-value for {@code alternative}
     * @param alternative the alternative hypothesis, about the location of the differences against 0
     * @param method      how the p-value was computed, e.g. {@code exact, n=9}
     */
    public record Result(double wPlus, double wMinus, int n, int zeros, double pValue, Alternative alternative,
                         String method) {
    }

    /** The two-sided test that the differences are symmetric about 0. */
    public static Result signedRank(double[] differences) {
        return signedRank(differences, Alternative.TWO_SIDED);
    }

    /**
     * The test for {@code alternative}: {@link Alternative#GREATER} means the differences tend to be positive.
     * With no nonzero difference the p-value is 1.
     */
    public static Result signedRank(double[] differences, Alternative alternative) {
        double largest = 1;
        for (double d : differences) {
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("differences must be finite, got " + d);
            }
            largest = Math.max(largest, Math.abs(d));
        }
        double zero = ZERO * largest;
        double[] nonzero = Arrays.stream(differences).filter(d -> Math.abs(d) > zero).toArray();
        int n = nonzero.length;
        int zeros = differences.length - n;
        String dropped = zeros == 0 ? "" : ", " + zeros + (zeros == 1 ? " zero" : " zeros") + " dropped (Wilcoxon)";
        if (n == 0) {
            return new Result(0, 0, 0, zeros, 1, alternative, "no nonzero differences" + dropped);
        }

        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (i, j) -> Double.compare(Math.abs(nonzero[i]), Math.abs(nonzero[j])));
        double[] ranks = new double[n];
        double tieTerm = 0;
        int groups = 0;
        for (int start = 0; start < n; ) {
            double first = Math.abs(nonzero[order[start]]);
            int end = start + 1;
            while (end < n && Math.abs(nonzero[order[end]]) - first <= TIE * Math.max(1, first)) {
                end++;
            }
            int t = end - start;
            double midRank = (start + 1 + end) / 2.0;
            for (int k = start; k < end; k++) {
                ranks[order[k]] = midRank;
            }
            if (t > 1) {
                tieTerm += (double) t * t * t - t;
                groups++;
            }
            start = end;
        }
        double wPlus = 0;
        for (int i = 0; i < n; i++) {
            if (nonzero[i] > 0) {
                wPlus += ranks[i];
            }
        }
        double total = n * (n + 1) / 2.0;
        double wMinus = total - wPlus;

        if (groups == 0 && n <= EXACT_MAX_N) {
            double p = exactP(n, (int) Math.round(wPlus), alternative);
            return new Result(wPlus, wMinus, n, zeros, p, alternative, "exact, n=" + n + dropped);
        }
        double mean = total / 2;
        double variance = n * (n + 1.0) * (2 * n + 1) / 24 - tieTerm / 48;
        double sd = Math.sqrt(variance);
        double p;
        switch (alternative) {
            case GREATER -> p = StandardNormal.upperTail((wPlus - mean - 0.5) / sd);
            case LESS -> p = StandardNormal.cdf((wPlus - mean + 0.5) / sd);
            default -> {
                double z = (wPlus - mean - 0.5 * Math.signum(wPlus - mean)) / sd;
                p = Math.min(1, 2 * Math.min(StandardNormal.cdf(z), StandardNormal.upperTail(z)));
            }
        }
        String corrections = groups > 0 ? "tie and continuity corrected" : "continuity corrected";
        return new Result(wPlus, wMinus, n, zeros, p, alternative,
                "normal approximation, " + corrections + ", n=" + n + (groups > 0 ? ", " + groups
                        + (groups == 1 ? " tie group" : " tie groups") : "") + dropped);
    }

    /** The exact p-value from the null distribution of W+ for ranks 1..n, counted by rank-sum subsets. */
    private static double exactP(int n, int wPlus, Alternative alternative) {
        int max = n * (n + 1) / 2;
        long[] ways = new long[max + 1];
        ways[0] = 1;
        for (int rank = 1; rank <= n; rank++) {
            for (int s = max; s >= rank; s--) {
                ways[s] += ways[s - rank];
            }
        }
        double all = Math.pow(2, n);
        long atMost = 0;
        for (int s = 0; s <= wPlus; s++) {
            atMost += ways[s];
        }
        long atLeast = 0;
        for (int s = wPlus; s <= max; s++) {
            atLeast += ways[s];
        }
        return switch (alternative) {
            case GREATER -> atLeast / all;
            case LESS -> atMost / all;
            case TWO_SIDED -> Math.min(1, 2 * Math.min(atMost, atLeast) / all);
        };
    }
}
