package dev.frontier.config;

import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * How a cheaper candidate qualifies to replace the incumbent.
 *
 * @param margin          the largest quality loss still called "not worse" (non-inferiority margin)
 * @param confidence      confidence of the decision, after correction across candidates
 * @param maxLatencyP95Ms latency limit on the 95th percentile, if any
 * @param minScores       per-scorer minimum means, by scorer id
 * @param sliceRule       what a candidate must show on every slice with enough items ({@code sliceRule:}); only
 *                        read when the suite declares {@code slices:}
 */
public record SelectionSpec(double margin, double confidence, OptionalLong maxLatencyP95Ms,
                            Map<String, Double> minScores, SliceRule sliceRule) {
    public SelectionSpec {
        minScores = Map.copyOf(minScores);
        Objects.requireNonNull(sliceRule, "sliceRule");
    }

    /** Selection with the default slice rule. */
    public SelectionSpec(double margin, double confidence, OptionalLong maxLatencyP95Ms,
                         Map<String, Double> minScores) {
        this(margin, confidence, maxLatencyP95Ms, minScores, SliceRule.NOT_SHOWN_WORSE);
    }

    /** What a candidate qualifying overall must also show on each slice ({@code selection.sliceRule}). */
    public enum SliceRule {
        /** Disqualified when shown worse than the margin on a slice (the slice's upper bound below −margin). */
        NOT_SHOWN_WORSE("not-shown-worse"),
        /** Stricter: must be shown non-inferior on every slice with enough items. */
        NON_INFERIOR("non-inferior");

        private final String key;

        SliceRule(String key) {
            this.key = key;
        }

        /** The suite's spelling. */
        public String key() {
            return key;
        }
    }
}
