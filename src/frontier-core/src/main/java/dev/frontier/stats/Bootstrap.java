package dev.frontier.stats;

import java.util.Arrays;
import java.util.Optional;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * Seeded nonparametric bootstrap of a mean, or of the mean paired difference between two candidates scored on
 * the same items. The same seed and data give the same interval on every machine; the number of resamples and
 * the seed are recorded in {@link Interval#method()}.
 *
 * <p>Two interval methods are offered (see {@link Method}). {@link #mean(double[])} is the original percentile
 * interval with R-7 interpolated quantiles and is kept as it is for the run's per-candidate figures; everything
 * else goes through a {@link BootstrapDistribution}, whose bounds are order statistics chosen so that they agree
 * exactly with its p-values.
 *
 * @param resamples  number of bootstrap resamples
 * @param seed       seed of the resampling generator
 * @param confidence two-sided coverage of the intervals this bootstrap returns, e.g. 0.95
 */
public record Bootstrap(int resamples, long seed, double confidence) {

    /** How the interval is read off the bootstrap distribution. */
    public enum Method {
        /** The plain percentile interval: quantiles of the resampled statistic at α/2 and 1 − α/2. */
        PERCENTILE,
        /**
         * Efron's bias-corrected and accelerated interval: the quantile levels are moved by the bias correction
         * z0 (where the estimate sits in the bootstrap distribution) and the acceleration a (the skewness of the
         * jackknife influence values). Second-order accurate, so better than the percentile interval on skewed data.
         */
        BCA
    }

    public Bootstrap {
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples must be positive");
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1)");
        }
    }

    /**
     * The mean of {@code values} with a percentile-bootstrap interval; empty when there are no values.
     * With a single value, or all values equal, the interval collapses to the mean.
     */
    public Optional<Interval> mean(double[] values) {
        int n = values.length;
        if (n == 0) {
            return Optional.empty();
        }
        double mean = Arrays.stream(values).sum() / n;
        double[] means = resampledMeans(values);
        double alpha = 1 - confidence;
        Percentile p = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        p.setData(means);
        double lower = Math.min(mean, p.evaluate(100 * alpha / 2));
        double upper = Math.max(mean, p.evaluate(100 * (1 - alpha / 2)));
        return Optional.of(new Interval(mean, lower, upper, confidence, n,
                "percentile-bootstrap(" + resamples + ", seed=" + seed + ")"));
    }

    /** The mean of {@code values} with an interval by {@code method}; empty when there are no values. */
    public Optional<Interval> mean(double[] values, Method method) {
        return values.length == 0 ? Optional.empty() : Optional.of(distribution(values, method).interval(confidence));
    }

    /** The mean of {@code values} with a BCa interval; empty when there are no values. */
    public Optional<Interval> meanBca(double[] values) {
        return mean(values, Method.BCA);
    }

    /**
     * The mean paired difference {@code candidate[i] - baseline[i]} with a percentile interval.
     *
     * @see #pairedDifference(double[], double[], Method)
     */
    public Optional<Interval> pairedDifference(double[] candidate, double[] baseline) {
        return pairedDifference(candidate, baseline, Method.PERCENTILE);
    }

    /**
     * The mean paired difference {@code candidate[i] - baseline[i]} over common items with an interval by
     * {@code method}; empty when there are no items. Both arrays are indexed by the same items. Item indices are
     * resampled jointly, so each resample keeps the pairs together (which is the same as resampling the
     * per-item differences).
     *
     * @throws IllegalArgumentException when the arrays differ in length
     */
    public Optional<Interval> pairedDifference(double[] candidate, double[] baseline, Method method) {
        double[] d = differences(candidate, baseline);
        return d.length == 0 ? Optional.empty() : Optional.of(paired(d, method).interval(confidence));
    }

    /**
     * The bootstrap distribution of the mean of {@code values}, for bounds at any level and p-values.
     *
     * @throws IllegalArgumentException when there are no values
     */
    public BootstrapDistribution distribution(double[] values, Method method) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values to resample");
        }
        return BootstrapDistribution.ofMean(values, resampledMeans(values), method,
                methodName(method, "") + "(" + resamples + ", seed=" + seed + ")");
    }

    /**
     * The bootstrap distribution of the mean paired difference {@code candidate[i] - baseline[i]}.
     *
     * @throws IllegalArgumentException when the arrays differ in length or are empty
     */
    public BootstrapDistribution pairedDistribution(double[] candidate, double[] baseline, Method method) {
        double[] d = differences(candidate, baseline);
        if (d.length == 0) {
            throw new IllegalArgumentException("no paired items to resample");
        }
        return paired(d, method);
    }

    private BootstrapDistribution paired(double[] differences, Method method) {
        return BootstrapDistribution.ofMean(differences, resampledMeans(differences), method,
                methodName(method, "paired-") + "(" + resamples + ", seed=" + seed + ")");
    }

    private static String methodName(Method method, String prefix) {
        return prefix + (method == Method.BCA ? "bca" : "percentile") + "-bootstrap";
    }

    static double[] differences(double[] candidate, double[] baseline) {
        if (candidate.length != baseline.length) {
            throw new IllegalArgumentException("paired samples differ in length: " + candidate.length + " vs "
                    + baseline.length);
        }
        double[] d = new double[candidate.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = candidate[i] - baseline[i];
        }
        return d;
    }

    private double[] resampledMeans(double[] values) {
        return BootstrapResamples.means(values, resamples, seed);
    }
}
