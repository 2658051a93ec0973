package dev.frontier.stats;

import java.util.Locale;

/**
 * How many paired items a non-inferiority comparison needs. The planner answers "how many items would decide
 * this?" from the paired difference's mean and standard deviation (typically the ones just observed).
 */
public final class SampleSize {

    /** Beyond this the answer is "not practical", not a number. */
    static final long MAX_ITEMS = 1_000_000_000L;

    private SampleSize() {
    }

    /** The planner's answer: a number of items, or why no number of items will do. */
    public sealed interface Plan permits Items, NotShowable {
    }

    /**
     * Enough items for the requested power.
     *
     * @param items the number of paired items (at least 1)
     */
    public record Items(long items) implements Plan {
    }

    /**
     * Non-inferiority cannot be shown with any practical number of items.
     *
     * @param reason why, in words for a report
     */
    public record NotShowable(String reason) implements Plan {
    }

    /**
     * Items needed so that a one-sided level-α test of H0: μ ≤ −δ rejects with probability {@code power} when
     * the true mean paired difference is μ = {@code meanDiff} with standard deviation σ = {@code sdDiff}:
     *
     * <pre>
     *   n = ⌈ ((z_{1−α} + z_{power}) · σ / (μ + δ))² ⌉
     * </pre>
     *
     * (normal approximation to the mean difference, as for a one-sample z test; at least 1 item). When μ ≤ −δ the
     * test is at or below its null and more items only make a "not shown" more certain, so the answer is
     * {@link NotShowable}, never an infinite count; likewise when the count exceeds 10⁹.
     *
     * @param meanDiff mean of candidate − baseline per item (the assumed true difference)
     * @param sdDiff   standard deviation of the per-item differences, ≥ 0
     * @param margin   the non-inferiority margin δ &gt; 0
     * @param alpha    one-sided significance level, in (0, 1) (e.g. a Holm or Bonferroni per-test level)
     * @param power    the wanted probability of showing non-inferiority, in (0, 1), e.g. 0.8
     */
    public static Plan pairedNonInferiority(double meanDiff, double sdDiff, double margin, double alpha,
                                            double power) {
        return pairedNonInferiority(meanDiff, sdDiff, sdDiff, margin, alpha, power);
    }

    /**
     * As {@link #pairedNonInferiority(double, double, double, double, double)}, for tests whose per-item standard
     * deviation under H0 (σ0, at μ = −δ) differs from the one under the alternative (σ1), as for a score test on
     * paired proportions:
     *
     * <pre>
     *   n = ⌈ ((z_{1−α} σ0 + z_{power} σ1) / (μ + δ))² ⌉
     * </pre>
     *
     * With σ0 = σ1 this is the formula above.
     *
     * @param sdUnderNull σ0, the per-item standard deviation of the difference when it is −δ, ≥ 0
     * @param sdDiff      σ1, the per-item standard deviation at μ, ≥ 0
     */
    public static Plan pairedNonInferiority(double meanDiff, double sdUnderNull, double sdDiff, double margin,
                                            double alpha, double power) {
        if (!Double.isFinite(meanDiff)) {
            throw new IllegalArgumentException("meanDiff must be finite");
        }
        if (!(sdDiff >= 0) || Double.isInfinite(sdDiff) || !(sdUnderNull >= 0) || Double.isInfinite(sdUnderNull)) {
            throw new IllegalArgumentException("sdDiff must be finite and not negative");
        }
        if (!(margin > 0) || Double.isInfinite(margin)) {
            throw new IllegalArgumentException("margin must be positive");
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1)");
        }
        if (!(power > 0 && power < 1)) {
            throw new IllegalArgumentException("power must be in (0, 1)");
        }
        double distance = meanDiff + margin;
        if (distance <= 0) {
            return new NotShowable("the difference " + format(meanDiff) + " is at or below -" + format(margin)
                    + ": no number of items shows non-inferiority");
        }
        double spread = StandardNormal.quantile(1 - alpha) * sdUnderNull + StandardNormal.quantile(power) * sdDiff;
        double n = Math.ceil(Math.pow(spread / distance, 2));
        if (n > MAX_ITEMS) {
            return new NotShowable("the difference " + format(meanDiff) + " is too close to -" + format(margin)
                    + ": it would take more than " + MAX_ITEMS + " items");
        }
        return new Items(Math.max(1, (long) n));
    }

    private static String format(double x) {
        return String.format(Locale.ROOT, "%.3f", x);
    }
}
