package dev.frontier.cli;

import dev.frontier.store.RunResult;
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
        }
        out.printf("%-22s %-44s %8s %17s %12s %8s %s%n", "candidate", "model", "quality", "95% CI", "$/1k req",
                "p95 ms", "");
        for (RunResult.CandidateResult c : r.candidates()) {
            String q = c.quality() == null ? "–" : String.format("%.3f", c.quality().mean());
            String ci = c.quality() == null ? "" : String.format("[%.3f, %.3f]", c.quality().lower(),
                    c.quality().upper());
            String cost = c.costPer1k() == null ? "unknown" : c.costPer1k().setScale(4, RoundingMode.HALF_EVEN)
                    .toPlainString();
            String p95 = c.latencyP95Ms() == null ? "–" : String.format("%.0f", c.latencyP95Ms());
            String tags = (c.incumbent() ? "incumbent " : "") + (c.onFrontier() ? "frontier" : "")
                    + (c.failedCalls() > 0 ? " errors " + c.failedCalls() + "/" + c.calls() : "")
                    + (c.batch() ? " batch" : "");
            out.printf("%-22s %-44s %8s %17s %12s %8s %s%n", c.id(), c.model(), q, ci, cost, p95, tags.trim());
        }
        if (r.decision() != null) {
            out.printf("recommendation: %s — %s%n", r.decision().recommendation(), r.decision().reason());
        }
        BigDecimal spend = r.evalSpend().usd();
        out.printf("eval spend: %s over %d paid calls (%d from the response cache, %d retries, %d throttles)%n",
                spend == null ? "unknown (" + r.evalSpend().unknown() + ")"
                : "$" + spend.setScale(4, RoundingMode.HALF_EVEN).toPlainString(), r.evalSpend().calls(),
                r.calls().cacheHits(), r.calls().retries(), r.calls().throttles());
    }
}
