package dev.frontier.route;

import dev.frontier.stats.Bootstrap;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The bootstrap of many per-item vectors at once, with the resamples of {@link Bootstrap}: the same generator
 * ({@code SplittableRandom(seed)}) and the same draws in the same order, so every resample holds the items
 * {@code Bootstrap} would draw. Each call of {@code Bootstrap} draws its own resamples × items indices and reads one
 * value per draw, which at 100,000 items and 2,000 resamples is seconds per policy; here the indices are drawn once
 * per group of vectors and every vector of the group is averaged on them.
 *
 * <p>The resampled means are read by {@code stats.BootstrapDistribution.ofMean}, as a single bootstrap reads its
 * own; {@code SharedBootstrapTest} pins the two together: the same intervals and p-values as {@code Bootstrap} and
 * {@code NonInferiorityTest.bootstrap} on the same data.
 */
final class SharedBootstrap {

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

    /** How stats names a bootstrap, e.g. {@code paired-bca-bootstrap(2000, seed=42)}. */
    static String description(String prefix, Bootstrap.Method method, int resamples, long seed) {
        return prefix + (method == Bootstrap.Method.BCA ? "bca" : "percentile") + "-bootstrap(" + resamples
                + ", seed=" + seed + ")";
    }
}
