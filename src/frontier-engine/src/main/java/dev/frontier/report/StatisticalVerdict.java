package dev.frontier.report;

import dev.frontier.results.RunResult;
import dev.frontier.results.RunResult.CandidateResult;
import dev.frontier.results.VerdictStatus;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The verdict from the run's statistical decision (paired non-inferiority with Holm correction). */
final class StatisticalVerdict {
    private StatisticalVerdict() {
    }

    static Verdict of(RunResult result) {
        RunResult.Decision d = result.decision().orElseThrow();
        Map<String, String> notes = new LinkedHashMap<>();
        for (RunResult.CandidateVerdict v : d.verdicts()) {
            String label = label(v.status());
            // a slice failure's reason already says what failed where ("worse on intent = billing_refund: …")
            notes.put(v.id(), v.reason().toLowerCase(Locale.ROOT).startsWith(label)
                    || v.status() == VerdictStatus.WORSE_ON_SLICE ? v.reason() : label + ": " + v.reason());
        }
        Optional<CandidateResult> inc = result.candidates().stream().filter(CandidateResult::incumbent).findFirst();
        long cheaper = inc.isEmpty() || inc.get().costPer1k().isEmpty() ? 0 : result.candidates().stream()
                .filter(c -> c.costPer1k().isPresent() && Known.cost(c).compareTo(Known.cost(inc.get())) < 0)
                .count();
        String basis = String.format(Locale.ROOT, "Paired non-inferiority test on the items both answered: a "
                        + "cheaper candidate qualifies when its quality is at most %s below the incumbent's at %s "
                        + "confidence, Holm-corrected across the %d cheaper candidates%s.",
                Formats.score(d.margin()), Formats.pct(d.confidence()), cheaper,
                result.rules().maxLatencyP95Ms() != null ? " and its p95 latency is within "
                        + result.rules().maxLatencyP95Ms() + " ms" : "")
                + result.slices().map(StatisticalVerdict::sliceBasis).orElse("");
        if (!d.decided()) {
            Map<String, String> undecided = new LinkedHashMap<>();
            result.candidates().forEach(c -> undecided.put(c.id(), c.incumbent() ? "incumbent" : "undecided"));
            return new Verdict(Verdict.Kind.UNDECIDED, null, inc.map(CandidateResult::id).orElse(null),
                    "No recommendation: the qualification could not be made",
                    "The paired non-inferiority test could not decide: " + d.undecided() + ". Nothing is "
                            + "recommended until the suite's settings allow a decision (statistics.resamples, "
                            + "selection.confidence).", null, null, basis, undecided);
        }
        if (d.keepIncumbent()) {
            return new Verdict(Verdict.Kind.KEEP, null, d.recommendation(),
                    "Keep " + d.recommendation() + ": no cheaper candidate is shown to be good enough", d.reason(),
                    null, null, basis, notes);
        }
        CandidateResult pick = result.candidates().stream().filter(c -> c.id().equals(d.recommendation()))
                .findFirst().orElseThrow();
        BigDecimal saving = null;
        Double share = null;
        if (inc.isPresent() && inc.get().costPer1k().isPresent() && pick.costPer1k().isPresent()
                && Known.cost(inc.get()).signum() > 0) {
            share = BigDecimal.ONE.subtract(Known.cost(pick).divide(Known.cost(inc.get()), MathContext.DECIMAL64))
                    .doubleValue();
            saving = inc.get().monthlyCost().flatMap(i -> pick.monthlyCost().map(i::subtract)).orElse(null);
        }
        String headline = "Switch to " + pick.id() + " (" + pick.modelName() + "): as good as "
                + inc.map(CandidateResult::id).orElse("the incumbent") + " within " + Formats.score(d.margin())
                + (share != null ? ", " + Formats.pct(share) + " cheaper" : "");
        return new Verdict(Verdict.Kind.SWITCH, pick.id(), inc.map(CandidateResult::id).orElse(null), headline,
                d.reason(), saving, share, basis, notes);
    }

    /** The slice rule in words, e.g. " On every slice of intent with at least 10 items, it must not be ...". */
    private static String sliceBasis(RunResult.SliceResults s) {
        Map<String, Integer> fields = new LinkedHashMap<>();
        s.slices().forEach(x -> fields.putIfAbsent(x.field(), x.minItems()));
        if (fields.isEmpty()) {
            return "";
        }
        String where = String.join(" and ", fields.entrySet().stream().map(e -> e.getKey() + " (at least "
                + e.getValue() + " items)").toList());
        return " On every slice of " + where + (s.rule().equals("non-inferior")
                ? ", it must also be shown non-inferior (its own Holm family per slice)."
                : ", it must also not be shown worse than the margin (its own Holm family per slice).");
    }

    private static String label(VerdictStatus status) {
        return status.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
