package dev.frontier.results;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.frontier.model.Labels;

/**
 * A candidate's outcome in the decision, as recorded (the same names as {@code select.Verdict.Status}, which decides
 * it; the record keeps its own type so that readers of {@code results.json} need not know the selection code).
 */
public enum VerdictStatus {
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
    /** Qualified overall but failed the slice rule on a slice of the items (the reason names it). */
    WORSE_ON_SLICE;

    /** The word in {@code results.json}: the name. */
    @JsonValue
    public String label() {
        return name();
    }

    /** The status a label stands for. */
    @JsonCreator
    public static VerdictStatus of(String label) {
        return Labels.of(VerdictStatus.class, values(), VerdictStatus::label, label);
    }
}
