package dev.frontier.calibrate;

/**
 * Agreement of scorer and human scores at one level of a {@link Calibration}. A figure that is undefined for the
 * data (fewer than two pairs, a constant side, or kappas without a discrete scale) is {@code NaN}.
 *
 * @param n              the pairs behind the figures: ratings, items or candidates, by level
 * @param pearson        Pearson's r
 * @param spearman       Spearman's ρ (average ranks for ties)
 * @param kendallTauB    Kendall's τ-b
 * @param kappa          Cohen's kappa on the scale points
 * @param kappaLinear    Cohen's kappa with linear weights
 * @param kappaQuadratic Cohen's kappa with quadratic weights
 */
public record Measures(int n, double pearson, double spearman, double kendallTauB, double kappa,
                       double kappaLinear, double kappaQuadratic) {
}
