package dev.frontier.run.aggregate;

import dev.frontier.results.RunResult;
import dev.frontier.results.VerdictStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How many items a run needs to decide, planned from a pilot run's record: for each cheaper candidate the pilot
 * tested, the items its non-inferiority test needs at 80 % power at the difference and spread the pilot observed, at
 * its own Holm level ({@code stats.SampleSize}, the figure the pilot's verdict already gives); the run size is the
 * largest of them among the candidates still open, and its cost is each candidate's measured cost per request at that
 * size. Pure: the record in, the plan out.
 */
public final class SamplePlan {
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private SamplePlan() {
    }

    /** Where a candidate stands after the pilot. */
    public enum Standing {
        /** Qualified (or recommended) on the pilot's items already. */
        DECIDED,
        /** Not shown yet; {@code items} would decide it at 80 % power. */
        NEEDS_ITEMS,
        /** At or below the margin on the pilot: more items would not show non-inferiority. */
        NOT_SHOWABLE,
        /** Not tested: the incumbent, dearer, dominated, too slow, or failing a minimum. */
        NOT_TESTED
    }

    /**
     * One candidate's plan.
     *
     * @param id          candidate id
     * @param standing    where it stands after the pilot
     * @param pilotItems  the pilot's paired items; 0 when not tested
     * @param difference  the pilot's difference to the incumbent, when tested
     * @param items       items its test needs (NEEDS_ITEMS), else empty
     * @param cost        what calling it on the planned run's items costs, when its cost per request is known
     * @param reason      the pilot verdict's reason, for the why
     */
    public record Candidate(String id, Standing standing, int pilotItems, Optional<Double> difference,
                            OptionalLong items, Optional<BigDecimal> cost, String reason) {
    }

    /**
     * The plan.
     *
     * @param pilotRun     the pilot's run id
     * @param pilotItems   the items the pilot answered
     * @param datasetItems the items the suite's dataset has
     * @param runItems     the items the run needs: the largest need among open candidates, at least the pilot's;
     *                     empty when no candidate is open
     * @param capped       whether the dataset has fewer items than that
     * @param candidates   every candidate of the pilot, in its order
     * @param cost         a full run of every candidate at {@code min(runItems, datasetItems)} items; empty when a
     *                     cost is unknown or nothing is open
     * @param summary      in words
     */
    public record Plan(String pilotRun, int pilotItems, int datasetItems, OptionalLong runItems, boolean capped,
                       List<Candidate> candidates, Optional<BigDecimal> cost, String summary) {
    }

    /** The plan for a run of a suite whose dataset has {@code datasetItems} items, from {@code pilot}'s record. */
    public static Plan of(RunResult pilot, int datasetItems) {
        List<RunResult.CandidateVerdict> verdicts = pilot.decision().map(RunResult.Decision::verdicts)
                .orElse(List.of());
        int pilotItems = pilot.candidates().stream().mapToInt(c -> c.calls() - c.failedCalls()).max().orElse(0);
        long need = 0;
        boolean open = false;
        List<Candidate> drafts = new ArrayList<>();
        for (RunResult.CandidateResult c : pilot.candidates()) {
            RunResult.CandidateVerdict v = verdicts.stream().filter(x -> x.id().equals(c.id())).findFirst()
                    .orElse(null);
            Standing s = standing(v);
            OptionalLong items = s == Standing.NEEDS_ITEMS ? OptionalLong.of(v.itemsNeeded()) : OptionalLong.empty();
            if (s == Standing.NEEDS_ITEMS) {
                open = true;
                need = Math.max(need, v.itemsNeeded());
            }
            drafts.add(new Candidate(c.id(), s, v == null || v.n() == null ? 0 : v.n(),
                    Optional.ofNullable(v == null ? null : v.difference()), items, Optional.empty(),
                    v == null ? "" : v.reason()));
        }
        OptionalLong runItems = open ? OptionalLong.of(Math.max(need, pilotItems)) : OptionalLong.empty();
        boolean capped = runItems.isPresent() && runItems.getAsLong() > datasetItems;
        long size = runItems.isPresent() ? Math.min(runItems.getAsLong(), datasetItems) : 0;
        List<Candidate> out = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        boolean known = open;
        for (int i = 0; i < drafts.size(); i++) {
            Candidate d = drafts.get(i);
            Optional<BigDecimal> per1k = pilot.candidates().get(i).costPer1k();
            Optional<BigDecimal> cost = open ? per1k.map(p -> p.multiply(BigDecimal.valueOf(size))
                    .divide(THOUSAND, 4, RoundingMode.HALF_EVEN)) : Optional.empty();
            if (cost.isPresent()) {
                total = total.add(cost.get());
            } else {
                known = false;
            }
            out.add(new Candidate(d.id(), d.standing(), d.pilotItems(), d.difference(), d.items(), cost, d.reason()));
        }
        String summary;
        if (pilot.decision().isEmpty() || verdicts.isEmpty()) {
            summary = "the pilot run " + pilot.runId() + " made no paired decision (no incumbent, or undecided): "
                    + "nothing to plan from";
        } else if (!open) {
            summary = "no candidate is open after the pilot's " + pilotItems + " items: each is qualified, not "
                    + "showable with more items, or not tested; a larger run would not change the decision";
        } else {
            summary = "a run of " + String.format(java.util.Locale.ROOT, "%,d", runItems.getAsLong())
                    + " items decides every open candidate at 80 % power (planned at the pilot's differences and "
                    + "spread, each at its Holm level)" + (capped ? "; the dataset has only "
                    + String.format(java.util.Locale.ROOT, "%,d", datasetItems) + " items: add items, or accept "
                    + "less power" : "");
        }
        return new Plan(pilot.runId(), pilotItems, datasetItems, runItems, capped, out,
                known ? Optional.of(total) : Optional.empty(), summary);
    }

    private static Standing standing(RunResult.CandidateVerdict v) {
        if (v == null || v.n() == null) {
            return Standing.NOT_TESTED;
        }
        if (v.status() == VerdictStatus.RECOMMENDED || v.status() == VerdictStatus.QUALIFIED) {
            return Standing.DECIDED;
        }
        if (v.status() == VerdictStatus.NOT_SHOWN || v.status() == VerdictStatus.TOO_FEW_ITEMS) {
            return v.itemsNeeded() != null ? Standing.NEEDS_ITEMS : Standing.NOT_SHOWABLE;
        }
        return Standing.NOT_TESTED;
    }
}
