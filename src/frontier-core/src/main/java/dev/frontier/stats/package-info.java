/**
 * Statistics over per-item scores. Pure: randomness comes only from the seed given, nothing is read.
 *
 * <ul>
 *   <li>{@link dev.frontier.stats.Bootstrap} (the front door): seeded percentile and BCa intervals of a mean and
 *   of a paired difference, and the {@link dev.frontier.stats.BootstrapDistribution} behind them (bounds at any
 *   level, one-sided p-values).</li>
 *   <li>{@link dev.frontier.stats.NonInferiorityTest}: one-sided paired non-inferiority (bootstrap, or Tango's
 *   score test for binary scores), {@link dev.frontier.stats.Holm} for several candidates at once, and
 *   {@link dev.frontier.stats.SampleSize} for how many items a decision needs.</li>
 *   <li>Binary and rank tests: {@link dev.frontier.stats.Wilson}, {@link dev.frontier.stats.McNemar},
 *   {@link dev.frontier.stats.Wilcoxon}; and {@link dev.frontier.stats.Percentiles}.</li>
 *   <li>Agreement: {@link dev.frontier.stats.Agreement} between two raters (Cohen's kappa, plain or weighted;
 *   Pearson, Spearman, Kendall's τ-b), {@link dev.frontier.stats.InterAnnotator} among several (Krippendorff's
 *   alpha, Fleiss' kappa), and {@link dev.frontier.stats.WinRate} of pairwise comparisons.</li>
 * </ul>
 */
package dev.frontier.stats;
