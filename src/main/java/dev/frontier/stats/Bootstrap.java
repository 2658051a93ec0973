package dev.frontier.stats;

import java.util.Arrays;
import java.util.Optional;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * Seeded nonparametric bootstrap of a mean. The same seed and data give the same interval on every machine.
 *
 * @param resamples  number of bootstrap resamples
 * @param seed       seed of the resampling generator
 * @param confidence coverage, e.g. 0.95
 */
public record Bootstrap(int resamples, long seed, double confidence) {

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
        double[] means = new double[resamples];
        SplittableRandom random = new SplittableRandom(seed);
        for (int r = 0; r < resamples; r++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += values[random.nextInt(n)];
            }
            means[r] = sum / n;
        }
        double alpha = 1 - confidence;
        Percentile p = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        p.setData(means);
        double lower = Math.min(mean, p.evaluate(100 * alpha / 2));
        double upper = Math.max(mean, p.evaluate(100 * (1 - alpha / 2)));
        return Optional.of(new Interval(mean, lower, upper, confidence, n,
                "percentile-bootstrap(" + resamples + ", seed=" + seed + ")"));
    }
}
