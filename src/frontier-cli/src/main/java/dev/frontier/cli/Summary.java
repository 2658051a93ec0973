package dev.frontier.cli;

import dev.frontier.results.AnswerSource;
import dev.frontier.results.RunResult;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** The short table a run prints to the terminal. */
final class Summary {
    private Summary() {
    }

    static void print(RunResult r, PrintWriter out) {
        if (r.simulated()) {
            out.println("SIMULATED MODELS (local sandbox): figures show the pipeline, not real model behaviour");
            java.util.List<String> imported = r.candidates().stream()
                    .filter(c -> c.mode() == AnswerSource.IMPORTED).map(RunResult.CandidateResult::id).toList();
            if (!imported.isEmpty()) {
                out.println("imported from files, not simulated: " + String.join(", ", imported));
            }
        }
        // ids wider than the column (generated matrix ids) widen it, so the table stays aligned
        String row = "%-" + Math.max(22, r.candidates().stream().mapToInt(c -> c.id().length()).max().orElse(0))
                + "s %-44s %8s %17s %12s %8s %s%n";
        out.printf(row, "candidate", "model", "quality", "95% CI", "$/1k req", "p95 ms", "");
        for (RunResult.CandidateResult c : r.candidates()) {
            String q = c.quality().map(e -> String.format("%.3f", e.mean())).orElse("–");
            String ci = c.quality().map(e -> String.format("[%.3f, %.3f]", e.lower(), e.upper())).orElse("");
            String cost = c.costPer1k().map(x -> x.setScale(4, RoundingMode.HALF_EVEN).toPlainString())
                    .orElse("unknown");
            String p95 = c.latencyP95Ms().isEmpty() ? "–" : String.format("%.0f", c.latencyP95Ms().getAsDouble());
            String tags = (c.incumbent() ? "incumbent " : "") + (c.onFrontier() ? "frontier" : "")
                    + (c.failedCalls() > 0 ? " errors " + c.failedCalls() + "/" + c.calls() : "")
                    + (c.batch() ? " batch" : "");
            out.printf(row, c.id(), c.model(), q, ci, cost, p95, tags.trim());
        }
        r.decision().ifPresent(d -> {
            if (d.decided()) {
                out.printf("recommendation: %s — %s%n", d.recommendation(), d.reason());
            } else {
                out.printf("recommendation: none, undecided — %s%n", d.undecided());
            }
        });
        r.sequential().ifPresent(sq -> {
            out.printf("sequential: %d of %d calls made (%d saved) in %d looks, %s spending%n", sq.calls(),
                    sq.fullRunCalls(), sq.callsSaved(), sq.looks(), sq.spending());
            for (RunResult.SequentialCandidate c : sq.candidates()) {
                if (!c.outcome().equals("incumbent")) {
                    out.printf("  %s: %s at look %d (%d items)%n", c.id(), c.outcome(), c.look(), c.items());
                }
            }
        });
        r.trafficSource().ifPresent(t -> out.printf(java.util.Locale.ROOT, "traffic: %,d requests a month from %s "
                + "(peak %.2f × the average)%s%s%n", t.requestsPerMonth(), t.provenance(), t.peakFactor(),
                t.promptCache().isEmpty() ? "" : "; prompt cache " + String.join(", ", t.promptCache().stream()
                        .map(c -> percent(c.hitRate()) + " at " + c.ttl()).toList()),
                t.clientCache().map(c -> "; client cache " + percent(c.hitRate())).orElse("")));
        r.slices().ifPresent(sl -> sl.slices().forEach(s -> s.comparisons().stream()
                .filter(c -> c.verdict() == dev.frontier.results.SliceVerdict.SHOWN_WORSE)
                .forEach(c -> out.printf("slice %s = %s: %s shown worse (%+.3f, n=%d)%n", s.field(), s.value(),
                        c.candidate(), c.difference(), c.n()))));
        BigDecimal spend = r.evalSpend().usd();
        out.printf("eval spend: %s over %d paid calls (%d from the response cache, %d retries, %d throttles)%n",
                spend == null ? "unknown (" + r.evalSpend().unknown() + ")"
                : "$" + spend.setScale(4, RoundingMode.HALF_EVEN).toPlainString(), r.evalSpend().calls(),
                r.calls().cacheHits(), r.calls().retries(), r.calls().throttles());
        if (r.evalSpend().possiblyBilledCalls() > 0) {
            out.printf("possibly billed: %d calls sent without a stored answer (%d in flight when a run was killed, "
                            + "%d cut off), up to $%s, counted against the budget%n",
                    r.evalSpend().possiblyBilledCalls(),
                    r.evalSpend().possiblyBilledCalls() - r.evalSpend().cutOffCalls(), r.evalSpend().cutOffCalls(),
                    r.evalSpend().possiblyBilledUsd().setScale(4, RoundingMode.UP).toPlainString());
        }
        if (r.judging().isPresent()) {
            RunResult.Judging j = r.judging().get();
            out.printf("judges: %s of it over %d calls (%d paid, %d cached; %d replies repaired, %d malformed, "
                            + "%d order flips counted as ties)%n",
                    j.spendUsd() == null ? "unknown" : "$" + j.spendUsd().setScale(4, RoundingMode.HALF_EVEN)
                            .toPlainString(), j.calls(), j.paid(), j.cached(), j.repaired(), j.malformed(),
                    j.orderFlips());
        }
        for (RunResult.HumanLabelSet h : r.humanLabels()) {
            out.printf("human labels %s: %d labels by %d annotators on %d outputs; agreement %s (%s)%n", h.scorer(),
                    h.ratings(), h.annotators(), h.outputs(), num(h.agreement()), h.agreementMethod());
        }
        for (RunResult.Calibration c : r.calibration()) {
            out.printf("calibration %s vs %s: Spearman item %s, summary %s, system %s; quadratic kappa %s%n",
                    c.scorer(), c.labels(), num(c.itemLevel().spearman()), num(c.summaryLevel().spearman()),
                    num(c.systemLevel().spearman()), num(c.itemLevel().kappaQuadratic()));
        }
        for (RunResult.Pairwise p : r.pairwise()) {
            out.printf("pairwise %s: %s vs %s win rate %s ± %s (%d wins, %d ties, %d losses)%n", p.scorer(),
                    p.candidate(), p.baseline(), num(p.rate()), num(p.standardError()), p.wins(), p.ties(),
                    p.losses());
        }
    }

    private static String percent(double share) {
        return String.format(java.util.Locale.ROOT, "%.1f %%", share * 100);
    }

    private static String num(Double v) {
        return v == null || !Double.isFinite(v) ? "undefined" : String.format(java.util.Locale.ROOT, "%.3f", v);
    }
}
