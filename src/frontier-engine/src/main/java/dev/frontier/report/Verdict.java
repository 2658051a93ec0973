package dev.frontier.report;

import java.math.BigDecimal;
import java.util.Map;

/**
 * What the report says first: which candidate to use and why. The templates read only this record, so the
 * source of a verdict can change (today {@link HeuristicVerdict}; later the statistical qualification) without
 * touching them.
 *
 * @param kind             switch, keep the incumbent, or no recommendation possible
 * @param recommendationId the candidate to switch to; null unless {@code kind} is {@link Kind#SWITCH}
 * @param incumbentId      the production candidate; null when the suite declares none
 * @param headline         one line, shown as the report's title
 * @param reason           the figures behind the headline
 * @param monthlySaving    incumbent's monthly cost minus the recommendation's at the suite's traffic; null when
 *                         there is no recommendation or either figure is unknown
 * @param savingShare      the saving as a share of the incumbent's cost per 1,000 requests; null like the saving
 * @param basis            how the verdict was reached, shown with it (e.g. that it is a heuristic)
 * @param notes            per candidate id, why it is or is not the recommendation
 */
public record Verdict(Kind kind, String recommendationId, String incumbentId, String headline, String reason,
                      BigDecimal monthlySaving, Double savingShare, String basis, Map<String, String> notes) {

    /** The closed set of answers. */
    public enum Kind {
        /** a cheaper candidate is recommended instead of the incumbent */
        SWITCH,
        /** no cheaper candidate is good enough: stay with the incumbent */
        KEEP,
        /** no recommendation: no incumbent, or its figures are unknown */
        UNDECIDED
    }

    public Verdict {
        notes = Map.copyOf(notes);
    }

    /** Whether a candidate other than the incumbent is recommended. */
    public boolean switches() {
        return kind == Kind.SWITCH;
    }

    /** The note for a candidate, empty when there is none. */
    public String noteFor(String candidateId) {
        return notes.getOrDefault(candidateId, "");
    }
}
