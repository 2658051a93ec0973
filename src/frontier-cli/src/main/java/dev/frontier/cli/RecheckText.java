package dev.frontier.cli;

import dev.frontier.model.MarkdownText;
import dev.frontier.run.aggregate.Recheck;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What {@code frontier recheck} prints, and its {@code recheck.md}. */
final class RecheckText {
    private RecheckText() {
    }

    static void print(Recheck.Result r, boolean simulated, PrintWriter out) {
        if (simulated) {
            out.println("SIMULATED MODELS (local sandbox): the run's figures show the pipeline, not real model "
                    + "behaviour");
        }
        out.printf("run %s (%s) re-priced in %s with %s, lifecycles as of %s, at %,d requests/month%n", r.runId(),
                r.suite(), r.region(), r.prices(), r.today(), r.traffic());
        String row = "%-" + Math.max(22, r.candidates().stream().mapToInt(c -> c.id().length()).max().orElse(0))
                + "s %-44s %12s %12s %13s %13s %s%n";
        out.printf(row, "candidate", "model", "$/1k before", "$/1k now", "month before", "month now", "");
        for (Recheck.Row c : r.candidates()) {
            List<String> tags = new ArrayList<>();
            if (c.incumbent()) {
                tags.add("incumbent");
            }
            if (c.onFrontier()) {
                tags.add("frontier");
            }
            if (!c.lifecycle().equals("active")) {
                tags.add(c.lifecycle().toUpperCase(Locale.ROOT));
            }
            out.printf(row, c.id(), c.model(), per1k(c.per1kBefore()),
                    per1k(c.per1kAfter()), usd(c.monthlyBefore()), usd(c.monthlyAfter()), String.join(" ", tags));
        }
        for (Recheck.Row c : r.candidates()) {
            if (!c.costUnknown().isEmpty()) {
                out.printf("cost unknown for %s: %s%n", c.id(), c.costUnknown());
            }
            if (!c.lifecycleNote().isEmpty()) {
                out.printf("%s: %s (%s): %s%n", c.lifecycle().equals("end-of-life") ? "END OF LIFE" : "legacy",
                        c.id(), c.model(), c.lifecycleNote());
            }
        }
        r.notes().forEach(n -> out.println("note: " + n));
        if (r.before() == null && r.after() == null) {
            out.println("decision: none (the suite has no incumbent); frontier now: " + String.join(", ",
                    r.frontierAfter()));
            return;
        }
        out.printf("decision before: %s%n", choice(r.before()));
        out.printf("decision now:    %s%n", choice(r.after()));
        out.printf("monthly saving vs the incumbent: %s before, %s now (%s)%n", usd(r.savingBefore()),
                usd(r.savingAfter()), signed(r.savingChange()));
        if (r.changed()) {
            out.printf("THE DECISION CHANGED%s%n", r.switchImpact() == null ? ""
                    : String.format(Locale.ROOT, ": at today's prices the new recommendation costs %s a month than the "
                    + "old one", r.switchImpact().signum() <= 0 ? usd(r.switchImpact().negate()) + " less"
                    : usd(r.switchImpact()) + " more"));
        } else {
            out.println("the decision is unchanged");
        }
    }

    static String markdown(Recheck.Result r, boolean simulated) {
        StringBuilder md = new StringBuilder();
        md.append("# Recheck of run ").append(MarkdownText.escape(r.runId())).append(" (")
                .append(MarkdownText.escape(r.suite())).append(")\n\n");
        if (simulated) {
            md.append("**Simulated models (local sandbox):** the run's figures show the pipeline, not real model "
                    + "behaviour.\n\n");
        }
        md.append(r.changed() ? "**The decision changed.**" : "The decision is unchanged.").append(' ')
                .append("Re-priced in ").append(MarkdownText.escape(r.region())).append(" with ")
                .append(MarkdownText.escape(r.prices())).append(", lifecycles as of ").append(r.today())
                .append(", at ").append(String.format(Locale.ROOT, "%,d", r.traffic()))
                .append(" requests a month; no model was called.\n\n");
        if (r.before() != null || r.after() != null) {
            md.append("- Before: ").append(MarkdownText.escape(choice(r.before()))).append('\n');
            md.append("- Now: ").append(MarkdownText.escape(choice(r.after()))).append('\n');
            md.append("- Monthly saving vs the incumbent: ").append(mdUsd(r.savingBefore())).append(" before, ")
                    .append(mdUsd(r.savingAfter())).append(" now (").append(mdSigned(r.savingChange())).append(")\n\n");
        }
        r.notes().forEach(n -> md.append("Note: ").append(MarkdownText.escape(n)).append("\n\n"));
        md.append("| candidate | model | $/1k before | $/1k now | month before | month now | lifecycle |\n");
        md.append("|---|---|---:|---:|---:|---:|---|\n");
        for (Recheck.Row c : r.candidates()) {
            md.append("| ").append(MarkdownText.escape(c.id())).append(c.incumbent() ? " (incumbent)" : "")
                    .append(" | ").append(MarkdownText.escape(c.model()))
                    .append(" | ").append(mdPer1k(c.per1kBefore())).append(" | ").append(mdPer1k(c.per1kAfter()))
                    .append(" | ").append(mdUsd(c.monthlyBefore())).append(" | ").append(mdUsd(c.monthlyAfter()))
                    .append(" | ").append(c.lifecycle()).append(c.lifecycleNote().isEmpty() ? ""
                            : ": " + MarkdownText.escape(c.lifecycleNote())).append(" |\n");
        }
        return md.toString();
    }

    private static String mdUsd(BigDecimal v) {
        return MarkdownText.escape(usd(v));
    }

    private static String mdPer1k(BigDecimal v) {
        return MarkdownText.escape(per1k(v));
    }

    private static String mdSigned(BigDecimal v) {
        return MarkdownText.escape(signed(v));
    }

    private static String choice(Recheck.Choice c) {
        if (c == null) {
            return "none";
        }
        if (c.recommendation() == null) {
            return "undecided (" + c.reason() + ")";
        }
        return (c.keepIncumbent() ? "keep " : "switch to ") + c.recommendation() + " (" + c.reason() + ")";
    }

    private static String per1k(BigDecimal v) {
        return v == null ? "unknown" : v.setScale(4, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static String usd(BigDecimal v) {
        return v == null ? "unknown" : "$" + String.format(Locale.ROOT, "%,.2f", v);
    }

    private static String signed(BigDecimal v) {
        if (v == null) {
            return "change unknown";
        }
        return (v.signum() < 0 ? "-" : "+") + usd(v.abs()) + " a month";
    }
}
