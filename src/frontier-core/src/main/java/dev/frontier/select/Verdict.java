package dev.frontier.select;

import dev.frontier.stats.Interval;
import dev.frontier.stats.SampleSize;
import java.util.Optional;

/**
 * What {@link Qualification} decided about one candidate, with a reason a reader can act on and the numbers
 * behind it.
 *
 * @param id       candidate id
 * @param status   the outcome; when several checks fail, the first in the order of {@link Status}
 * @param reason   one line for a report, e.g. {@code non-inferiority not shown: CI lower bound -0.061 < -0.03}
 * @param evidence the paired comparison with the incumbent; present for cheaper candidates that were tested
 */
public record Verdict(String id, Status status, String reason, Optional<Evidence> evidence) {

    /** The closed set of outcomes. */
    public enum Status {
        /** The cheapest qualified candidate (or the incumbent, when none qualifies). */
        RECOMMENDED,
        /** The incumbent, not recommended because a cheaper candidate qualified. */
        INCUMBENT,
        /** Qualified, but another qualified candidate is cheaper. */
        QUALIFIED,
        /** Qualified, but the recommendation is cheaper and at least as good. */
        DOMINATED,
        /** Its cost per request is unknown (or the incumbent's is), so it cannot be called cheaper. */
        COST_UNKNOWN,
        /** It costs as much as the incumbent or more. */
        COSTS_MORE,
        /** Too few items in common with the incumbent to test. */
        TOO_FEW_ITEMS,
        /** Non-inferiority at the margin and confidence was not shown (after Holm). */
        NOT_SHOWN,
        /** Its p95 latency is above the limit, or unknown while a limit is set. */
        TOO_SLOW,
        /** A per-scorer mean is below its minimum, or missing. */
        BELOW_SCORER_MINIMUM,
        /**
         * Qualified overall but failed the slice rule: shown worse than the margin on a slice (or, under the stricter
         * rule, not shown non-inferior on one); the reason names the slice.
         */
        WORSE_ON_SLICE
    }

    /** Whether the candidate met every rule (the recommendation, when it is not the incumbent, included). */
    public boolean qualified() {
        return status == Status.QUALIFIED || status == Status.DOMINATED
                || status == Status.RECOMMENDED && evidence.isPresent();
    }

    /**
     * The paired comparison of a candidate with the incumbent on their common items.
     *
     * @param n                number of common items
     * @param difference       mean quality difference, candidate − incumbent
     * @param sdDifference     standard deviation of the per-item differences
     * @param interval         the two-sided (1 − 2α) interval of the difference, α = 1 − confidence, without
     *                         multiplicity correction; its lower end is the one-sided (1 − α) bound
     * @param holmStep         the candidate's step in Holm's procedure (1 = smallest p-value)
     * @param family           the number of cheaper candidates tested together (Holm's m)
     * @param holmConfidence   the one-sided confidence of its own step, 1 − α / (m − step + 1)
     * @param holmLowerBound   the one-sided lower bound of the difference at {@code holmConfidence}: the bound the
     *                         decision is read from
     * @param pValue           one-sided p-value of H0: difference ≤ −margin
     * @param adjustedPValue   Holm-adjusted p-value; non-inferiority is shown when it is ≤ α
     * @param shown            whether non-inferiority was shown after Holm
     * @param method           how the test was made, e.g. {@code paired-bca-bootstrap(2000, seed=42)}
     * @param itemsNeeded      items needed for the rule's power at the observed difference and SD, planned at the
     *                         strictest Holm level α / m (see {@link dev.frontier.stats.SampleSize})
     * @param binary           for 0/1 scores: discordant counts, exact McNemar and Wilson intervals
     */
    public record Evidence(int n, double difference, double sdDifference, Interval interval, int holmStep,
                           int family, double holmConfidence, double holmLowerBound, double pValue,
                           double adjustedPValue, boolean shown, String method, SampleSize.Plan itemsNeeded,
                           Optional<BinaryEvidence> binary) {
    }

    /**
     * Paired 0/1 scores: the counts behind Tango's test, McNemar's exact test of equal rates (reported, not used for
     * the margin decision) and each side's success rate with its Wilson interval at the rule's confidence.
     *
     * @param candidateOnly  items only the candidate got right
     * @param incumbentOnly  items only the incumbent got right
     * @param mcNemarP       McNemar's exact two-sided p-value
     * @param candidateRate  the candidate's success rate (Wilson interval)
     * @param incumbentRate  the incumbent's success rate (Wilson interval)
     */
    public record BinaryEvidence(int candidateOnly, int incumbentOnly, double mcNemarP, Interval candidateRate,
                                 Interval incumbentRate) {
    }
}
