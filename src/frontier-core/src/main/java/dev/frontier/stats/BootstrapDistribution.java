package dev.frontier.stats;

import java.util.Arrays;

/**
 * The bootstrap distribution of a mean (or of a mean paired difference): one-sided bounds at any level,
 * two-sided intervals and one-sided bootstrap p-values, all read off the same sorted resampled means.
 *
 * <p>Bounds are order statistics of the B resampled means: the lower bound at one-sided level 1 − α is the
 * k-th smallest with k = ⌊β(B + 1)⌋, where β = α for the percentile method and the BCa-adjusted level
 * Φ(z0 + (z0 + z_α) / (1 − a(z0 + z_α))) otherwise (Davison &amp; Hinkley 1997, §5.2–5.3). When k &lt; 1 the
 * level cannot be reached with B resamples and the bound is −∞ (+∞ for upper bounds): more resamples are
 * needed, and the bound says so rather than pretending.
 *
 * <p>P-values use the same order statistics, with the usual +1 correction: for H0: θ ≤ v the share
 * G = (1 + #{θ* ≤ v}) / (B + 1), taken through the inverse BCa level map for BCa. The two agree exactly:
 * {@code lowerBound(1 - α) > v} if and only if {@code pValueAtMost(v) ≤ α} (up to rounding at the boundary),
 * so a test decided on the p-value and a reader looking at the bound never disagree.
 *
 * <p>The bias correction counts resampled means equal to the estimate as half below and half above, which keeps
 * z0 at 0 for symmetric discrete data (binary scores) where many resampled means tie with the estimate.
 */
public final class BootstrapDistribution {

    // resampled means are summed in another order than the estimate; differences below this are ties
    private static final double TIE = 1e-12;
    // guards ⌊β(B + 1)⌋ against β(B + 1) landing a rounding error below an integer
    private static final double INDEX_SLACK = 1e-9;

    private final double estimate;
    private final int n;
    private final double[] sorted;
    private final Bootstrap.Method method;
    private final double z0;
    private final double acceleration;
    private final String description;

    private BootstrapDistribution(double estimate, int n, double[] sorted, Bootstrap.Method method, double z0,
                                  double acceleration, String description) {
        this.estimate = estimate;
        this.n = n;
        this.sorted = sorted;
        this.method = method;
        this.z0 = z0;
        this.acceleration = acceleration;
        this.description = description;
    }

    /**
     * The distribution of the mean of {@code data} from resampled means drawn elsewhere — e.g. one set of resample
     * indices shared by several statistics of the same items, as the routing analysis shares them across policies.
     *
     * @param resampledMeans the mean of {@code data} in each resample
     */
    public static BootstrapDistribution ofMean(double[] data, double[] resampledMeans, Bootstrap.Method method,
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
        return new BootstrapDistribution(mean, data.length, sorted, method, z0, a, description);
    }

    /** z0 = Φ⁻¹(share of resampled means below the estimate), ties counted half; clamped to stay finite. */
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
        return StandardNormal.quantile(share);
    }

    /**
     * The jackknife acceleration. For the mean the leave-one-out estimates are (nθ − x_i)/(n − 1), so
     * θ − θ_(i) = (x_i − θ)/(n − 1) and a = Σ(x_i − θ)³ / (6 (Σ(x_i − θ)²)^{3/2}); 0 when all values are equal.
     */
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

    /** The sample estimate (the mean of the data). */
    public double estimate() {
        return estimate;
    }

    /** The number of observations (items). */
    public int n() {
        return n;
    }

    /** The number of resamples B. */
    public int resamples() {
        return sorted.length;
    }

    public Bootstrap.Method method() {
        return method;
    }

    /** The BCa bias correction z0; 0 for the percentile method. */
    public double biasCorrection() {
        return z0;
    }

    /** The BCa acceleration a; 0 for the percentile method. */
    public double acceleration() {
        return acceleration;
    }

    /** How the distribution was made, e.g. {@code paired-bca-bootstrap(2000, seed=42)}. */
    public String description() {
        return description;
    }

    /** The one-sided lower confidence bound at {@code confidence}; −∞ when B is too small for the level. */
    public double lowerBound(double confidence) {
        checkLevel(confidence);
        int b = sorted.length;
        int k = (int) Math.floor(adjustedLevel(1 - confidence) * (b + 1) + INDEX_SLACK);
        return k < 1 ? Double.NEGATIVE_INFINITY : sorted[Math.min(k, b) - 1];
    }

    /** The one-sided upper confidence bound at {@code confidence}; +∞ when B is too small for the level. */
    public double upperBound(double confidence) {
        checkLevel(confidence);
        int b = sorted.length;
        int k = (int) Math.ceil(adjustedLevel(confidence) * (b + 1) - INDEX_SLACK);
        return k > b ? Double.POSITIVE_INFINITY : sorted[Math.max(k, 1) - 1];
    }

    /** The two-sided interval at {@code confidence}: each bound one-sided at (1 + confidence) / 2. */
    public Interval interval(double confidence) {
        checkLevel(confidence);
        double oneSided = (1 + confidence) / 2;
        return new Interval(estimate, lowerBound(oneSided), upperBound(oneSided), confidence, n, description);
    }

    /**
     * The one-sided bootstrap p-value of H0: θ ≤ {@code value} against θ &gt; {@code value}; at least 1/(B + 1).
     * For non-inferiority at margin δ on a paired difference, {@code value} is −δ.
     */
    public double pValueAtMost(double value) {
        int b = sorted.length;
        double g = (1.0 + countAtMost(value)) / (b + 1);
        if (method == Bootstrap.Method.PERCENTILE || g >= 1) {
            return g;
        }
        // invert the BCa level map: the α whose adjusted level is g
        double s = StandardNormal.quantile(g) - z0;
        double denominator = 1 + acceleration * s;
        if (denominator <= 0) {
            return acceleration > 0 ? 0 : 1;
        }
        return StandardNormal.cdf(s / denominator - z0);
    }

    /** The one-sided bootstrap p-value of H0: θ ≥ {@code value} against θ &lt; {@code value}. */
    public double pValueAtLeast(double value) {
        int b = sorted.length;
        double g = (1.0 + (b - countBelow(value))) / (b + 1);
        if (method == Bootstrap.Method.PERCENTILE || g >= 1) {
            return g;
        }
        double s = -StandardNormal.quantile(g) - z0;
        double denominator = 1 + acceleration * s;
        if (denominator <= 0) {
            return acceleration > 0 ? 1 : 0;
        }
        return StandardNormal.cdf(z0 - s / denominator);
    }

    /** The BCa-adjusted quantile level for a nominal level; the level itself for the percentile method. */
    private double adjustedLevel(double level) {
        if (method == Bootstrap.Method.PERCENTILE) {
            return level;
        }
        double u = z0 + StandardNormal.quantile(level);
        double denominator = 1 - acceleration * u;
        if (denominator <= 0) {
            return u > 0 ? 1 : 0;
        }
        return StandardNormal.cdf(z0 + u / denominator);
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

    private int countBelow(double value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static void checkLevel(double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1)");
        }
    }

    @Override
    public String toString() {
        return description + ": estimate " + estimate + ", n=" + n;
    }
}
