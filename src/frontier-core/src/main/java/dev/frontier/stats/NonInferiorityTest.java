package dev.frontier.stats;


/**
 * A one-sided paired non-inferiority test of a candidate against a baseline on common items:
 * H0: mean(candidate − baseline) ≤ −margin against H1: mean(candidate − baseline) &gt; −margin.
 *
 * <p><b>One-sided, by choice.</b> Non-inferiority at confidence 1 − α is shown when the one-sided (1 − α) lower
 * confidence bound of the difference is above −margin; this is the same as the lower end of a two-sided
 * (1 − 2α) interval, and it has type I error α at the boundary (difference exactly −margin). Each test has a
 * one-sided p-value that is dual to its bound: {@code pValue() ≤ α} exactly when {@code lowerBound(1 − α) >
 * −margin}, so corrections such as {@link Holm} can work on p-values and a report can still show the bound at
 * the corrected level.
 *
 * <p>Two kinds (a closed set):
 * <ul>
 *   <li>{@link Bootstrapped}: quality values in general, by the paired bootstrap (percentile or BCa).</li>
 *   <li>{@link PairedBinary}: 0/1 scores, by Tango's (1998) score test for the difference of paired proportions,
 *   which depends on the counts only, is well behaved with few discordant pairs (unlike a bootstrap, which calls
 *   a candidate that agrees with the baseline on 5 of 5 items "certainly non-inferior"), and reduces to
 *   McNemar's test at margin 0.</li>
 * </ul>
 */
public sealed interface NonInferiorityTest permits NonInferiorityTest.Bootstrapped, NonInferiorityTest.PairedBinary {

    /** Number of paired items. */
    int n();

    /** The margin δ &gt; 0. */
    double margin();

    /** The observed mean difference, candidate − baseline. */
    double difference();

    /** The sample standard deviation of the per-item differences (n − 1 denominator); 0 when n &lt; 2. */
    double sdDifference();

    /**
     * The per-item standard deviation of the difference under H0 (difference = −margin), for sample-size planning:
     * the observed one for the bootstrap (a shift model), the restricted-MLE one for Tango's test.
     */
    double sdUnderNull();

    /** The one-sided p-value of H0: difference ≤ −margin. */
    double pValue();

    /** The one-sided lower confidence bound of the difference at {@code confidence}. */
    double lowerBound(double confidence);

    /** The one-sided upper confidence bound of the difference at {@code confidence}. */
    double upperBound(double confidence);

    /** How the test was made, e.g. {@code paired-bca-bootstrap(2000, seed=42)}. */
    String method();

    /**
     * The two-sided interval of the difference at {@code confidence}; at 1 − 2α its lower end is the one-sided
     * (1 − α) bound that decides non-inferiority at level α.
     */
    default Interval interval(double confidence) {
        double oneSided = (1 + confidence) / 2;
        return new Interval(difference(), lowerBound(oneSided), upperBound(oneSided), confidence, n(), method());
    }

    /** Whether non-inferiority is shown at one-sided level {@code alpha} (no multiplicity correction). */
    default boolean shown(double alpha) {
        return pValue() <= alpha;
    }

    /**
     * The paired bootstrap test on {@code candidate[i] − baseline[i]}.
     *
     * @throws IllegalArgumentException when the arrays differ in length or are empty, or the margin is not positive
     */
    static Bootstrapped bootstrap(double[] candidate, double[] baseline, double margin, Bootstrap bootstrap,
                                  Bootstrap.Method method) {
        checkMargin(margin);
        double[] d = Bootstrap.differences(candidate, baseline);
        if (d.length == 0) {
            throw new IllegalArgumentException("no paired items");
        }
        return new Bootstrapped(bootstrap.pairedDistribution(candidate, baseline, method), margin, sd(d));
    }

    /**
     * Tango's score test on 0/1 values.
     *
     * @throws IllegalArgumentException when a value is not 0 or 1, the arrays differ in length or are empty, or
     *                                  the margin is not positive
     */
    static PairedBinary binary(double[] candidate, double[] baseline, double margin) {
        checkMargin(margin);
        if (candidate.length != baseline.length) {
            throw new IllegalArgumentException("paired samples differ in length: " + candidate.length + " vs "
                    + baseline.length);
        }
        if (candidate.length == 0) {
            throw new IllegalArgumentException("no paired items");
        }
        int both = 0;
        int candidateOnly = 0;
        int baselineOnly = 0;
        for (int i = 0; i < candidate.length; i++) {
            boolean c = bit(candidate[i]);
            boolean b = bit(baseline[i]);
            if (c && b) {
                both++;
            } else if (c) {
                candidateOnly++;
            } else if (b) {
                baselineOnly++;
            }
        }
        return new PairedBinary(candidate.length, both, candidateOnly, baselineOnly, margin);
    }

    private static boolean bit(double v) {
        if (v == 1) {
            return true;
        }
        if (v == 0) {
            return false;
        }
        throw new IllegalArgumentException("binary scores must be 0 or 1, got " + v);
    }

    private static void checkMargin(double margin) {
        if (!(margin > 0) || Double.isInfinite(margin)) {
            throw new IllegalArgumentException("margin must be positive, got " + margin);
        }
    }

    private static double sd(double[] d) {
        int n = d.length;
        if (n < 2) {
            return 0;
        }
        double mean = 0;
        for (double x : d) {
            mean += x;
        }
        mean /= n;
        double ss = 0;
        for (double x : d) {
            ss += (x - mean) * (x - mean);
        }
        return Math.sqrt(ss / (n - 1));
    }

    /**
     * The paired bootstrap test: the p-value is {@link BootstrapDistribution#pValueAtMost(double)} at −margin and
     * the bound is the distribution's lower bound, so both come from the same resampled differences.
     *
     * @param distribution the bootstrap distribution of the mean paired difference
     * @param margin       the margin δ
     * @param sdDifference sample standard deviation of the per-item differences
     */
    record Bootstrapped(BootstrapDistribution distribution, double margin, double sdDifference)
            implements NonInferiorityTest {

        @Override
        public int n() {
            return distribution.n();
        }

        @Override
        public double difference() {
            return distribution.estimate();
        }

        @Override
        public double sdUnderNull() {
            return sdDifference;
        }

        @Override
        public double pValue() {
            return distribution.pValueAtMost(-margin);
        }

        @Override
        public double lowerBound(double confidence) {
            return distribution.lowerBound(confidence);
        }

        @Override
        public double upperBound(double confidence) {
            return distribution.upperBound(confidence);
        }

        @Override
        public String method() {
            return distribution.description();
        }
    }

    /**
     * Tango's score test for paired proportions. With b = {@code candidateOnly}, c = {@code baselineOnly} and the
     * hypothesised difference θ0, the statistic is
     * <pre>
     *   Z(θ0) = (b − c − nθ0) / √(n (2 q̃ + θ0 (1 − θ0)))
     * </pre>
     * where q̃ is the maximum-likelihood estimate of P(candidate wrong, baseline right) under θ = θ0: the root
     * q̃ = (√(B² − 4AC) − B) / 2A of A q² + B q + C = 0 with A = 2n, B = −b − c + (2n − b + c) θ0,
     * C = −c θ0 (1 − θ0). The p-value is 1 − Φ(Z(−margin)); the lower bound at confidence 1 − α is the θ0 with
     * Z(θ0) = z_{1−α} (Z falls as θ0 rises), found by bisection.
     *
     * @param n             number of paired items
     * @param both          items both got right
     * @param candidateOnly items only the candidate got right (b)
     * @param baselineOnly  items only the baseline got right (c)
     * @param margin        the margin δ
     */
    record PairedBinary(int n, int both, int candidateOnly, int baselineOnly, double margin)
            implements NonInferiorityTest {

        public PairedBinary {
            if (n < 1 || both < 0 || candidateOnly < 0 || baselineOnly < 0
                    || both + candidateOnly + baselineOnly > n) {
                throw new IllegalArgumentException("inconsistent paired counts");
            }
        }

        @Override
        public double difference() {
            return (double) (candidateOnly - baselineOnly) / n;
        }

        @Override
        public double sdDifference() {
            if (n < 2) {
                return 0;
            }
            double mean = difference();
            double ss = (candidateOnly + baselineOnly) - n * mean * mean;
            return Math.sqrt(Math.max(0, ss) / (n - 1));
        }

        /** √(2q̃ + θ0(1 − θ0)) at θ0 = −margin: the denominator of Z per √n. */
        @Override
        public double sdUnderNull() {
            double theta0 = -margin;
            return Math.sqrt(Math.max(0, 2 * restrictedBaselineOnly(theta0) + theta0 * (1 - theta0)));
        }

        @Override
        public double pValue() {
            return StandardNormal.upperTail(score(-margin));
        }

        @Override
        public double lowerBound(double confidence) {
            if (!(confidence > 0 && confidence < 1)) {
                throw new IllegalArgumentException("confidence must be in (0, 1)");
            }
            double z = StandardNormal.quantile(confidence);
            double lo = -1;
            double hi = 1;
            for (int i = 0; i < 200 && hi - lo > 1e-12; i++) {
                double mid = (lo + hi) / 2;
                if (score(mid) > z) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            return (lo + hi) / 2;
        }

        /** The upper bound: minus the lower bound with the roles of candidate and baseline swapped. */
        @Override
        public double upperBound(double confidence) {
            return -new PairedBinary(n, both, baselineOnly, candidateOnly, margin).lowerBound(confidence);
        }

        /** Tango's Z at θ0 in (−1, 1); ±∞ where the restricted variance vanishes. */
        double score(double theta0) {
            double b = candidateOnly;
            double c = baselineOnly;
            double numerator = b - c - n * theta0;
            double variance = n * (2 * restrictedBaselineOnly(theta0) + theta0 * (1 - theta0));
            if (!(variance > 0)) {
                return numerator == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, numerator);
            }
            return numerator / Math.sqrt(variance);
        }

        /** q̃: the restricted MLE of P(candidate wrong, baseline right) given a difference of θ0. */
        double restrictedBaselineOnly(double theta0) {
            double b = candidateOnly;
            double c = baselineOnly;
            double a2 = 2.0 * n;
            double b2 = -b - c + (2.0 * n - b + c) * theta0;
            double c2 = -c * theta0 * (1 - theta0);
            double discriminant = Math.max(0, b2 * b2 - 4 * a2 * c2);
            return (Math.sqrt(discriminant) - b2) / (2 * a2);
        }

        /** McNemar's exact two-sided p-value of equal success rates, for the report. */
        public double mcNemarExact() {
            return McNemar.exact(candidateOnly, baselineOnly);
        }

        /** The candidate's success rate with its Wilson interval at {@code confidence}. */
        public Interval candidateRate(double confidence) {
            return Wilson.interval(both + candidateOnly, n, confidence).orElseThrow();
        }

        /** The baseline's success rate with its Wilson interval at {@code confidence}. */
        public Interval baselineRate(double confidence) {
            return Wilson.interval(both + baselineOnly, n, confidence).orElseThrow();
        }

        @Override
        public String method() {
            return "tango-score(paired binary, b=" + candidateOnly + ", c=" + baselineOnly + ")";
        }
    }
}
