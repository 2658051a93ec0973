package dev.frontier.report;

import dev.frontier.results.RunResult;
import dev.frontier.results.RunResult.CandidateResult;
import java.math.BigDecimal;
import java.util.OptionalDouble;

/**
 * A candidate's figures where the caller has already checked that they are known (e.g. a plotted point or a
 * candidate that passed the heuristic's filters); an unknown one here is a bug in that check, not an input problem.
 */
final class Known {
    private Known() {
    }

    static RunResult.Estimate quality(CandidateResult c) {
        return c.quality().orElseThrow(() -> new IllegalStateException("quality of " + c.id() + " is unknown"));
    }

    static BigDecimal cost(CandidateResult c) {
        return c.costPer1k().orElseThrow(() -> new IllegalStateException("cost of " + c.id() + " is unknown"));
    }

    /** For the display helpers, which show an unknown as a dash. */
    static Double orNull(OptionalDouble v) {
        return v.isPresent() ? v.getAsDouble() : null;
    }
}
