package dev.frontier.gate;

import dev.frontier.results.GateKind;
import dev.frontier.results.RunResult;
import dev.frontier.stats.Bootstrap;
import dev.frontier.stats.Interval;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Checks a run's gates. Thresholds compare one figure of the run; regressions compare the run with a baseline:
 * quality and scorer means paired on the items both runs scored (a bootstrap interval of the mean per-item change,
 * failing only when the drop exceeds {@code maxDrop} and the interval excludes no change, so noise does not fail a
 * build), cost and latency as a relative increase.
 */
public final class Gates {
    private Gates() {
    }

    /**
     * Evaluates the gates recorded in {@code head}.
     *
     * @param baseline the run to compare with, for regression gates (skipped without one)
     */
    public static GateReport evaluate(RunResult head, Optional<RunResult> baseline) {
        List<GateReport.Outcome> outcomes = new ArrayList<>();
        Bootstrap bootstrap = new Bootstrap(head.provenance().bootstrapResamples(), head.provenance().bootstrapSeed(),
                head.rules().confidence());
        for (RunResult.Gate g : head.rules().gates()) {
            Optional<RunResult.CandidateResult> c = candidate(head, g.candidate());
            if (c.isEmpty()) {
                outcomes.add(new GateReport.Outcome(g.name(), GateReport.Status.FAILED,
                        "the run has no candidate '" + g.candidate() + "'"));
            } else if (g.kind() == GateKind.THRESHOLD) {
                outcomes.add(threshold(g, c.get()));
            } else if (baseline.isEmpty()) {
                outcomes.add(new GateReport.Outcome(g.name(), GateReport.Status.SKIPPED,
                        "no baseline given (--baseline results.json|RUN)"));
            } else {
                outcomes.add(regression(g, head, c.get(), baseline.get(), bootstrap));
            }
        }
        return new GateReport(head.runId(), baseline.map(RunResult::runId).orElse(""), outcomes);
    }

    private static Optional<RunResult.CandidateResult> candidate(RunResult r, String id) {
        return r.candidates().stream().filter(c -> c.id().equals(id)).findFirst();
    }

    private static OptionalDouble figure(RunResult.Gate g, RunResult.CandidateResult c) {
        return switch (g.metric()) {
            case "quality" -> mean(c.quality());
            case "score" -> mean(Optional.ofNullable(c.scores().get(g.scorer())));
            case "costPer1kRequests" -> c.costPer1k().map(x -> OptionalDouble.of(x.doubleValue()))
                    .orElse(OptionalDouble.empty());
            case "latencyP95Ms" -> c.latencyP95Ms();
            case "errorRate" -> c.calls() == 0 ? OptionalDouble.empty()
                    : OptionalDouble.of((double) c.failedCalls() / c.calls());
            default -> OptionalDouble.empty();
        };
    }

    private static OptionalDouble mean(Optional<RunResult.Estimate> e) {
        return e.map(x -> OptionalDouble.of(x.mean())).orElse(OptionalDouble.empty());
    }

    private static GateReport.Outcome threshold(RunResult.Gate g, RunResult.CandidateResult c) {
        OptionalDouble figure = figure(g, c);
        String what = g.metric().equals("score") ? g.scorer() : g.metric();
        if (figure.isEmpty()) {
            return new GateReport.Outcome(g.name(), GateReport.Status.FAILED, what + " of " + c.id()
                    + " is unknown" + (g.metric().equals("costPer1kRequests") && !c.costUnknown().isEmpty()
                    ? " (" + c.costUnknown() + ")" : ""));
        }
        double v = figure.getAsDouble();
        boolean ok = (g.min() == null || v >= g.min()) && (g.max() == null || v <= g.max());
        String bound = !ok && g.min() != null && v < g.min() ? " < minimum " + fmt(g.min())
                : !ok ? " > maximum " + fmt(g.max()) : " within " + range(g);
        String ci = "";
        if (g.metric().equals("quality") && c.quality().isPresent()) {
            RunResult.Estimate q = c.quality().get();
            ci = String.format(Locale.ROOT, " (CI [%.3f, %.3f], n=%d)", q.lower(), q.upper(), q.n());
        }
        return new GateReport.Outcome(g.name(), ok ? GateReport.Status.PASSED : GateReport.Status.FAILED,
                what + " of " + c.id() + " is " + fmt(v) + ci + bound);
    }

    private static String range(RunResult.Gate g) {
        if (g.min() != null && g.max() != null) {
            return "[" + fmt(g.min()) + ", " + fmt(g.max()) + "]";
        }
        return g.min() != null ? ">= " + fmt(g.min()) : "<= " + fmt(g.max());
    }

    private static GateReport.Outcome regression(RunResult.Gate g, RunResult head, RunResult.CandidateResult c,
                                                 RunResult base, Bootstrap bootstrap) {
        Optional<RunResult.CandidateResult> b = candidate(base, g.candidate());
        if (b.isEmpty()) {
            return new GateReport.Outcome(g.name(), GateReport.Status.SKIPPED,
                    "the baseline " + base.runId() + " has no candidate '" + g.candidate() + "'");
        }
        if (g.metric().equals("quality") || g.metric().equals("score")) {
            return pairedDrop(g, head, base, bootstrap);
        }
        OptionalDouble nowFigure = figure(g, c);
        OptionalDouble beforeFigure = figure(g, b.get());
        if (nowFigure.isEmpty() || beforeFigure.isEmpty() || beforeFigure.getAsDouble() == 0) {
            return new GateReport.Outcome(g.name(), GateReport.Status.FAILED, g.metric()
                    + " cannot be compared: " + (nowFigure.isEmpty() ? "unknown in this run"
                    : "unknown or 0 in the baseline"));
        }
        double now = nowFigure.getAsDouble();
        double before = beforeFigure.getAsDouble();
        double increase = now / before - 1;
        boolean ok = increase <= g.maxIncrease();
        return new GateReport.Outcome(g.name(), ok ? GateReport.Status.PASSED : GateReport.Status.FAILED,
                String.format(Locale.ROOT, "%s %s → %s (%+.1f%%, limit +%.1f%%)", g.metric(), fmt(before), fmt(now),
                        increase * 100, g.maxIncrease() * 100));
    }

    /** Paired on the items both runs scored for the candidate. */
    private static GateReport.Outcome pairedDrop(RunResult.Gate g, RunResult head, RunResult base,
                                                 Bootstrap bootstrap) {
        Map<String, Double> before = itemValues(base, g);
        List<Double> diffs = new ArrayList<>();
        double sumNow = 0;
        double sumBefore = 0;
        for (Map.Entry<String, Double> e : itemValues(head, g).entrySet()) {
            Double b = before.get(e.getKey());
            if (b != null) {
                diffs.add(e.getValue() - b);
                sumNow += e.getValue();
                sumBefore += b;
            }
        }
        String what = g.metric().equals("score") ? g.scorer() : "quality";
        if (diffs.isEmpty()) {
            return new GateReport.Outcome(g.name(), GateReport.Status.FAILED,
                    "no item was scored in both runs, so " + what + " cannot be compared");
        }
        Interval ci = bootstrap.mean(diffs.stream().mapToDouble(Double::doubleValue).toArray()).orElseThrow();
        double drop = -ci.estimate();
        boolean significant = ci.upper() < 0;
        boolean failed = drop > g.maxDrop() && significant;
        String evidence = String.format(Locale.ROOT, "%s %.3f → %.3f on %d common items: change %+.3f, "
                        + "%.0f%% CI [%+.3f, %+.3f]; %s", what, sumBefore / diffs.size(), sumNow / diffs.size(),
                diffs.size(), ci.estimate(), ci.confidence() * 100, ci.lower(), ci.upper(),
                failed ? "a significant drop above the " + fmt(g.maxDrop()) + " allowed"
                        : drop > g.maxDrop() ? "the drop exceeds " + fmt(g.maxDrop()) + " but is not significant"
                        : "drop within " + fmt(g.maxDrop()));
        return new GateReport.Outcome(g.name(), failed ? GateReport.Status.FAILED : GateReport.Status.PASSED,
                evidence);
    }

    private static Map<String, Double> itemValues(RunResult r, RunResult.Gate g) {
        Map<String, Double> out = new java.util.LinkedHashMap<>();
        for (RunResult.ItemResult item : r.items()) {
            RunResult.ItemOutput o = item.outputs().get(g.candidate());
            if (o == null) {
                continue;
            }
            Double v = g.metric().equals("score") ? o.scores().get(g.scorer()) : o.quality();
            if (v != null) {
                out.put(item.id(), v);
            }
        }
        return out;
    }

    private static String fmt(Double v) {
        if (v == null) {
            return "–";
        }
        if (Math.abs(v) >= 100 || v == Math.rint(v)) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
