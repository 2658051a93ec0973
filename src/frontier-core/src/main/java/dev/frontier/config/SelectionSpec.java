package dev.frontier.config;

import java.util.Map;
import java.util.OptionalLong;

/**
 * How a cheaper candidate qualifies to replace the incumbent.
 *
 * @param margin          the largest quality loss still called "not worse" (non-inferiority margin)
 * @param confidence      confidence of the decision, after correction across candidates
 * @param maxLatencyP95Ms latency limit on the 95th percentile, if any
 * @param minScores       per-scorer minimum means, by scorer id
 */
public record SelectionSpec(double margin, double confidence, OptionalLong maxLatencyP95Ms,
                            Map<String, Double> minScores) {
    public SelectionSpec {
        minScores = Map.copyOf(minScores);
    }
}
