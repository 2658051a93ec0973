package dev.frontier.stats;

/**
 * The level of measurement of the values in Krippendorff's alpha, which fixes the difference function δ² between
 * two values: whether they differ at all, how many ranked values lie between them, or how far apart they are.
 */
public enum AlphaLevel {
    /** Labels: δ² = 0 when equal, else 1. */
    NOMINAL,
    /** Ranks: δ²(c, k) = (Σ_{g=c..k} n_g − (n_c + n_k)/2)², over the values' marginal counts n_g. */
    ORDINAL,
    /** Numbers: δ² = (c − k)². */
    INTERVAL
}
