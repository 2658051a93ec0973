/**
 * How well a scorer agrees with human judgement on the same outputs, the check a scorer (an LLM judge above all)
 * must pass before its scores can stand in for people's. {@link dev.frontier.calibrate.Calibration#of} (the front
 * door) takes one {@link dev.frontier.calibrate.Rating} per item and candidate, a scorer score next to an already
 * aggregated human score, and reports Pearson, Spearman and Kendall's τ-b at three levels: over all pairs (item
 * level), per item across candidates and then averaged (summary level, which asks whether the scorer ranks
 * outputs for the same input as people do), and over per-candidate means (system level, which asks whether it
 * would pick the same model). On a discrete scale it adds Cohen's kappas and a confusion matrix. Pure: the
 * statistics come from {@code dev.frontier.stats}.
 */
package dev.frontier.calibrate;
