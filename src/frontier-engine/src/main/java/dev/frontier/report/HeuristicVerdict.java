package dev.frontier.report;

import dev.frontier.results.RunResult;
import dev.frontier.results.RunResult.CandidateResult;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A stand-in verdict until the statistical qualification feeds the report: the cheapest candidate on the Pareto
 * frontier that is cheaper than the incumbent and whose quality interval reaches the incumbent's (overlaps it or
 * lies above it). Overlapping intervals are not a paired non-inferiority test, so the verdict says so in its
 * {@link Verdict#basis()} and calls the candidate "comparable — qualification pending".
 */
public final class HeuristicVerdict {
    private HeuristicVerdict() {
    }

    /** The verdict for a run. */
    public static Verdict of(RunResult result) {
        String level = Formats.pct(result.provenance().confidence());
        String basis = "Heuristic: the " + level + " bootstrap intervals of mean quality overlap. This is not a paired "
                + "non-inferiority test; the statistical qualification is pending, so confirm before switching.";
        Optional<CandidateResult> found = result.candidates().stream().filter(CandidateResult::incumbent).findFirst();
        if (found.isEmpty()) {
            return new Verdict(Verdict.Kind.UNDECIDED, null, null, "No incumbent declared: no recommendation",
                    "Mark the production model with role: incumbent in the suite to get a recommendation. "
                            + "Until then, the Pareto frontier below shows which candidates are worth considering.",
                    null, null, basis, notesWithoutIncumbent(result));
        }
        CandidateResult inc = found.get();
        if (inc.costPer1k().isEmpty() || inc.quality().isEmpty()) {
            String missing = inc.costPer1k().isEmpty() ? "cost is unknown" + suffix(inc.costUnknown())
                    : "quality could not be measured";
            return new Verdict(Verdict.Kind.UNDECIDED, null, inc.id(),
                    "No recommendation: the incumbent's " + (inc.costPer1k().isEmpty() ? "cost" : "quality")
                            + " is unknown",
                    "The incumbent " + inc.id() + "'s " + missing + ", so no candidate can be compared with it.",
                    null, null, basis, notesWithoutIncumbent(result));
        }

        List<CandidateResult> eligible = result.candidates().stream()
                .filter(c -> c != inc && cheaper(c, inc) && c.quality().isPresent() && c.onFrontier()
                        && Known.quality(c).upper() >= Known.quality(inc).lower())
                .sorted(Comparator.comparing(Known::cost)
                        .thenComparing(c -> -Known.quality(c).mean())
                        .thenComparing(CandidateResult::id))
                .toList();
        Map<String, String> notes = notes(result, inc, eligible.isEmpty() ? null : eligible.get(0));
        String incFigures = figures(inc, level);

        if (eligible.isEmpty()) {
            boolean anyCheaper = result.candidates().stream().anyMatch(c -> c != inc && cheaper(c, inc));
            String reason = anyCheaper
                    ? "Every cheaper candidate's " + level + " quality interval lies below the incumbent's ("
                    + incFigures + ")" + closest(result, inc) + "."
                    : "No candidate with a known cost is cheaper than the incumbent (" + incFigures + ").";
            return new Verdict(Verdict.Kind.KEEP, null, inc.id(),
                    "Keep " + inc.id() + ": no cheaper candidate looks comparable", reason,
                    null, null, basis, notes);
        }

        CandidateResult pick = eligible.get(0);
        boolean better = Known.quality(pick).lower() > Known.quality(inc).upper();
        double share = BigDecimal.ONE.subtract(Known.cost(pick).divide(Known.cost(inc), MathContext.DECIMAL64))
                .doubleValue();
        BigDecimal saving = inc.monthlyCost().flatMap(i -> pick.monthlyCost().map(i::subtract)).orElse(null);
        String headline = better
                ? "Switch to " + pick.id() + ": cheaper than " + inc.id() + " and better — qualification pending"
                : "Switch to " + pick.id() + ": looks comparable to " + inc.id() + " — qualification pending";
        String reason = pick.id() + " (" + pick.modelName() + ") costs $" + Formats.money(Known.cost(pick))
                + " per 1,000 requests against $" + Formats.money(Known.cost(inc)) + " for " + inc.id() + " ("
                + Formats.pct(share) + " less). Its quality " + interval(pick) + (better ? " lies above " : " overlaps ")
                + inc.id() + "'s " + interval(inc) + " (" + level + " intervals); it is the cheapest candidate on "
                + "the Pareto frontier that " + (better ? "does so." : "reaches the incumbent's interval.");
        return new Verdict(Verdict.Kind.SWITCH, pick.id(), inc.id(), headline, reason, saving, share, basis, notes);
    }

    private static boolean cheaper(CandidateResult c, CandidateResult than) {
        return c.costPer1k().isPresent() && Known.cost(c).compareTo(Known.cost(than)) < 0;
    }

    private static String closest(RunResult result, CandidateResult inc) {
        return result.candidates().stream()
                .filter(c -> c != inc && cheaper(c, inc) && c.quality().isPresent())
                .max(Comparator.comparingDouble(c -> Known.quality(c).upper()))
                .map(c -> "; the closest, " + c.id() + ", reaches " + Formats.score(Known.quality(c).upper()))
                .orElse("");
    }

    private static Map<String, String> notes(RunResult result, CandidateResult inc, CandidateResult pick) {
        Map<String, String> notes = new LinkedHashMap<>();
        for (CandidateResult c : result.candidates()) {
            String note;
            if (c == inc) {
                note = "incumbent";
            } else if (c == pick) {
                note = "recommended (pending qualification)";
            } else {
                note = unavailable(c);
                if (note == null && !cheaper(c, inc)) {
                    note = "not cheaper than the incumbent";
                } else if (note == null && Known.quality(c).upper() < Known.quality(inc).lower()) {
                    note = "quality interval below the incumbent's";
                } else if (note == null && !c.onFrontier()) {
                    note = dominatedBy(result, c).map(d -> "dominated by " + d).orElse("not on the frontier");
                } else if (note == null) {
                    note = pick == null ? "comparable" : "comparable, but " + pick.id() + " is cheaper";
                }
            }
            notes.put(c.id(), note);
        }
        return notes;
    }

    private static Map<String, String> notesWithoutIncumbent(RunResult result) {
        Map<String, String> notes = new LinkedHashMap<>();
        for (CandidateResult c : result.candidates()) {
            String note = unavailable(c);
            if (note == null) {
                note = c.onFrontier() ? "on the frontier"
                        : dominatedBy(result, c).map(d -> "dominated by " + d).orElse("not on the frontier");
            }
            notes.put(c.id(), note);
        }
        return notes;
    }

    private static String unavailable(CandidateResult c) {
        if (c.costPer1k().isEmpty()) {
            return "cost unknown" + suffix(c.costUnknown());
        }
        return c.quality().isEmpty() ? "no quality figure" : null;
    }

    /** A frontier candidate at most as expensive and at least as good, preferring the cheapest. */
    private static Optional<String> dominatedBy(RunResult result, CandidateResult c) {
        return result.candidates().stream()
                .filter(d -> d != c && d.onFrontier() && d.costPer1k().isPresent() && d.quality().isPresent()
                        && Known.cost(d).compareTo(Known.cost(c)) <= 0
                        && Known.quality(d).mean() >= Known.quality(c).mean())
                .min(Comparator.comparing(Known::cost))
                .map(CandidateResult::id);
    }

    private static String figures(CandidateResult c, String level) {
        return c.id() + ": " + interval(c) + " at " + level + ", $" + Formats.money(Known.cost(c))
                + " per 1,000 requests";
    }

    private static String interval(CandidateResult c) {
        return Formats.score(Known.quality(c).mean()) + " [" + Formats.score(Known.quality(c).lower()) + ", "
                + Formats.score(Known.quality(c).upper()) + "]";
    }

    private static String suffix(String reason) {
        return reason == null || reason.isEmpty() ? "" : " (" + reason + ")";
    }
}
