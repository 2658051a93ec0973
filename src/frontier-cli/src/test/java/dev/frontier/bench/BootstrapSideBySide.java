package dev.frontier.bench;

import dev.frontier.stats.Bootstrap;
import dev.frontier.stats.Interval;
import java.util.Locale;

/**
 * The paired percentile bootstrap of {@link BootstrapBench.Large} (100,000 items, 2,000 resamples, seed 42), timed
 * by the wall clock five times after two warm-up runs, with the interval it gives: the figures {@code
 * side_by_side.py} prints for numpy on the same doubles, so that the two intervals can be compared (they differ by
 * Monte Carlo error only; the generators differ). {@code java -cp ... dev.frontier.bench.BootstrapSideBySide}.
 */
public final class BootstrapSideBySide {
    private BootstrapSideBySide() {
    }

    public static void main(String[] args) {
        BootstrapBench.Large data = new BootstrapBench.Large();
        data.setUp();
        Bootstrap bootstrap = new Bootstrap(2000, 42, 0.95);
        Interval interval = null;
        StringBuilder times = new StringBuilder();
        for (int run = 0; run < 7; run++) {
            long start = System.nanoTime();
            interval = bootstrap.pairedDifference(data.candidate, data.baseline).orElseThrow();
            double seconds = (System.nanoTime() - start) / 1e9;
            if (run >= 2) {
                times.append(String.format(Locale.ROOT, " %.2f", seconds));
            }
        }
        System.out.printf(Locale.ROOT,
                "frontier paired bootstrap, %d items x 2000 resamples, seconds:%s; mean %.6f, 95%% [%.6f, %.6f]%n",
                BootstrapBench.Large.N, times, interval.estimate(), interval.lower(), interval.upper());
    }
}
