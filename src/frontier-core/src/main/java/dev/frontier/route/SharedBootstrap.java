package dev.frontier.route;

import dev.frontier.stats.Bootstrap;
import dev.frontier.stats.BootstrapResamples;

/**
 * The bootstrap of many per-item vectors at once, with the resamples of {@link Bootstrap}: the same streams from
 * the same seed, so every resample holds the items {@code Bootstrap} would draw. Each call of {@code Bootstrap}
 * draws its own resamples; here they are drawn once for all policies and every policy is averaged on them (the
 * drawing lives in {@code stats.BootstrapResamples}).
 *
 * <p>The resampled means are read by {@code stats.BootstrapDistribution.ofMean}, as a single bootstrap reads its
 * own; {@code SharedBootstrapTest} pins the two together: the same intervals and p-values as {@code Bootstrap} and
 * {@code NonInferiorityTest.bootstrap} on the same data.
 */
final class SharedBootstrap {

    private SharedBootstrap() {
    }

    /**
     * The resampled means of each of {@code vectors} (all of one length n), {@code means[v][r]}, on one shared set
     * of resamples: {@link BootstrapResamples#sharedMeans}.
     */
    static double[][] resampledMeans(double[][] vectors, int resamples, long seed) {
        return BootstrapResamples.sharedMeans(vectors, resamples, seed);
    }

    /** How stats names a bootstrap, e.g. {@code paired-bca-bootstrap(2000, seed=42)}. */
    static String description(String prefix, Bootstrap.Method method, int resamples, long seed) {
        return prefix + (method == Bootstrap.Method.BCA ? "bca" : "percentile") + "-bootstrap(" + resamples
                + ", seed=" + seed + ")";
    }
}
