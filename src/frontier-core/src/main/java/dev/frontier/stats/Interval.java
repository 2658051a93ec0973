package dev.frontier.stats;

/**
 * An estimate with its confidence interval.
 *
 * @param estimate   the point estimate (the sample mean)
 * @param lower      lower bound
 * @param upper      upper bound
 * @param confidence e.g. 0.95
 * @param n          number of observations
 * @param method     how the interval was computed, e.g. {@code percentile-bootstrap(2000, seed=42)}
 */
public record Interval(double estimate, double lower, double upper, double confidence, int n, String method) {

    /** Whether this interval and {@code other} share any value. */
    public boolean overlaps(Interval other) {
        return lower <= other.upper && other.lower <= upper;
    }
}
