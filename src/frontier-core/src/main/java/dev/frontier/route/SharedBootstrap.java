package dev.frontier.route;

import dev.frontier.stats.Bootstrap;
import dev.frontier.stats.Interval;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The bootstrap of many per-item vectors at once, with the resamples of {@link Bootstrap}: the same generator
 * ({@code SplittableRandom(seed)}) and the same draws in the same order, so every resample holds the items
 * {@code Bootstrap} would draw. Each call of {@code Bootstrap} draws its own resamples × items indices and reads one
 * value per draw, which at 100,000 items and 2,000 resamples is seconds per policy; here the indices are drawn once
 * per group of vectors and every vector of the group is averaged on them.
 *
 * <p>{@link Distribution} reads bounds and p-values off the resampled means exactly as
 * {@code stats.BootstrapDistribution} does (order statistics k = ⌊β(B + 1)⌋, BCa levels from z0 and the jackknife
 * acceleration of the mean, the +1 p-value inverted through the BCa map). That class takes its resamples from
 * {@code Bootstrap} only, so its reading is mirrored here, and {@code SharedBootstrapTest} pins the two together:
 * the same intervals and p-values as {@code Bootstrap} and {@code NonInferiorityTest.bootstrap} on the same data.
 */
final class SharedBootstrap {

    private static final double TIE = 1e-12;
    private static final double INDEX_SLACK = 1e-9;
    private static final NormalDistribution N = new NormalDistribution(null, 0, 1);

    private SharedBootstrap() {
    }

    /**
     * The resampled means of each of {@code vectors} (all of one length n), {@code means[v][r]}: resample r draws n
     * indices from {@code SplittableRandom(seed)} as {@link Bootstrap} does, counts how often each item was drawn,
     * and takes every vector's mean with those counts (a sequential pass the JIT keeps in registers, instead of one
     * random read per draw and vector). Groups of vectors are done in parallel, each group drawing the same indices;
     * the result does not depend on the grouping. The sums run in item order rather than draw order, so a resampled
     * mean can differ from {@code Bootstrap}'s in the last bits (about 1e-15 relative).
     */
    static double[][] resampledMeans(double[][] vectors, int resamples, long seed, int groups) {
        int count = vectors.length;
        double[][] means = new double[count][];
        if (count == 0) {
            return means;
        }
        int n = vectors[0].length;
        int g = Math.max(1, Math.min(groups, count));
        IntStream.range(0, g).parallel().forEach(group -> {
            int from = group * count / g;
            int to = (group + 1) * count / g;
            int[] counts = new int[n];
            SplittableRandom random = new SplittableRandom(seed);
            for (int v = from; v < to; v++) {
                means[v] = new double[resamples];
            }
            for (int r = 0; r < resamples; r++) {
                Arrays.fill(counts, 0);
                for (int i = 0; i < n; i++) {
                    counts[random.nextInt(n)]++;
                }
                for (int v = from; v < to; v++) {
                    means[v][r] = weightedSum(counts, vectors[v]) / n;
                }
            }
        });
        return means;
    }

    /** Σ counts[i] · x[i], with four running sums so that the additions overlap. */
    private static double weightedSum(int[] counts, double[] x) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int n = x.length;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += counts[i] * x[i];
            s1 += counts[i + 1] * x[i + 1];
            s2 += counts[i + 2] * x[i + 2];
            s3 += counts[i + 3] * x[i + 3];
        }
        for (; i < n; i++) {
            s0 += counts[i] * x[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** The bootstrap distribution of a mean, read as {@code stats.BootstrapDistribution} reads it. */
    static final class Distribution {
        private final double estimate;
        private final int n;
        private final double[] sorted;
        private final Bootstrap.Method method;
        private final double z0;
        private final double acceleration;
        private final String description;

        private Distribution(double estimate, int n, double[] sorted, Bootstrap.Method method, double z0,
                             double acceleration, String description) {
            this.estimate = estimate;
            this.n = n;
            this.sorted = sorted;
            this.method = method;
            this.z0 = z0;
            this.acceleration = acceleration;
            this.description = description;
        }

        static Distribution ofMean(double[] data, double[] resampledMeans, Bootstrap.Method method,
                                   String description) {
            double mean = Arrays.stream(data).sum() / data.length;
            double[] sorted = resampledMeans.clone();
            Arrays.sort(sorted);
            double z0 = 0;
            double a = 0;
            if (method == Bootstrap.Method.BCA) {
                z0 = biasCorrection(sorted, mean);
                a = accelerationOfMean(data, mean);
            }
            return new Distribution(mean, data.length, sorted, method, z0, a, description);
        }

        private static double biasCorrection(double[] sorted, double estimate) {
            double tie = TIE * Math.max(1, Math.abs(estimate));
            int below = 0;
            int equal = 0;
            for (double t : sorted) {
                if (t < estimate - tie) {
                    below++;
                } else if (t <= estimate + tie) {
                    equal++;
                }
            }
            int b = sorted.length;
            double share = (below + 0.5 * equal) / b;
            share = Math.min(Math.max(share, 0.5 / b), 1 - 0.5 / b);
            return N.inverseCumulativeProbability(share);
        }

        private static double accelerationOfMean(double[] data, double mean) {
            double s2 = 0;
            double s3 = 0;
            for (double x : data) {
                double d = x - mean;
                s2 += d * d;
                s3 += d * d * d;
            }
            if (s2 <= 0 || data.length < 2) {
                return 0;
            }
            return s3 / (6 * Math.pow(s2, 1.5));
        }

        double estimate() {
            return estimate;
        }

        double lowerBound(double confidence) {
            int b = sorted.length;
            int k = (int) Math.floor(adjustedLevel(1 - confidence) * (b + 1) + INDEX_SLACK);
            return k < 1 ? Double.NEGATIVE_INFINITY : sorted[Math.min(k, b) - 1];
        }

        double upperBound(double confidence) {
            int b = sorted.length;
            int k = (int) Math.ceil(adjustedLevel(confidence) * (b + 1) - INDEX_SLACK);
            return k > b ? Double.POSITIVE_INFINITY : sorted[Math.max(k, 1) - 1];
        }

        Interval interval(double confidence) {
            double oneSided = (1 + confidence) / 2;
            return new Interval(estimate, lowerBound(oneSided), upperBound(oneSided), confidence, n, description);
        }

        double pValueAtMost(double value) {
            int b = sorted.length;
            double g = (1.0 + countAtMost(value)) / (b + 1);
            if (method == Bootstrap.Method.PERCENTILE || g >= 1) {
                return g;
            }
            double s = N.inverseCumulativeProbability(g) - z0;
            double denominator = 1 + acceleration * s;
            if (denominator <= 0) {
                return acceleration > 0 ? 0 : 1;
            }
            return N.cumulativeProbability(s / denominator - z0);
        }

        private double adjustedLevel(double level) {
            if (method == Bootstrap.Method.PERCENTILE) {
                return level;
            }
            double u = z0 + N.inverseCumulativeProbability(level);
            double denominator = 1 - acceleration * u;
            if (denominator <= 0) {
                return u > 0 ? 1 : 0;
            }
            return N.cumulativeProbability(z0 + u / denominator);
        }

        private int countAtMost(double value) {
            int lo = 0;
            int hi = sorted.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (sorted[mid] <= value) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }

    /** How stats names a bootstrap, e.g. {@code paired-bca-bootstrap(2000, seed=42)}. */
    static String description(String prefix, Bootstrap.Method method, int resamples, long seed) {
        return prefix + (method == Bootstrap.Method.BCA ? "bca" : "percentile") + "-bootstrap(" + resamples
                + ", seed=" + seed + ")";
    }
}
