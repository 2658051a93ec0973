package dev.frontier.stats;

import java.util.OptionalDouble;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/** Percentiles with linear interpolation between order statistics (R-7, the numpy and spreadsheet default). */
public final class Percentiles {
    private Percentiles() {
    }

    /** The {@code p}-th percentile (0 < p ≤ 100) of {@code values}; empty when there are none. */
    public static OptionalDouble of(double[] values, double p) {
        if (values.length == 0) {
            return OptionalDouble.empty();
        }
        Percentile percentile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        return OptionalDouble.of(percentile.evaluate(values, p));
    }
}
