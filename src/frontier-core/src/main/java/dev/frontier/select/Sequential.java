package dev.frontier.select;

import dev.frontier.model.Cost;
import dev.frontier.stats.Bootstrap;
import dev.frontier.stats.GroupSequential;
import dev.frontier.stats.NonInferiorityTest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Qualification in stages: the non-inferiority tests of {@link Qualification} looked at after each stage of items, so
 * that a candidate whose question is settled is no longer called (DESIGN §5, "Sequential runs").
 *
 * <p><b>Error rates under repeated looks.</b> Each cheaper candidate's test is read at look k against the nominal
 * level of a Lan–DeMets group-sequential boundary ({@link GroupSequential}) at the information fraction of the items
 * seen, so the chance of accepting a candidate whose true difference is −margin stays at most its level over all
 * looks. The p-value at a look is the same test {@link Qualification} makes (paired bootstrap or Tango's score test)
 * on the items seen so far; its z is taken to follow the canonical joint distribution, as the group-sequential theory
 * assumes (asymptotically true of both).
 *
 * <p><b>Holm across candidates.</b> The family is the candidates cheaper than the incumbent at the first look (fixed
 * then, before any quality is looked at). At each look the open candidates are taken in order of p-value; with r of
 * the m already accepted (at this or an earlier look), the next is accepted when its p is at most the nominal level
 * of the boundary for α / (m − r), and the step-down stops at the first that is not. This is Holm's procedure with
 * group-sequential boundaries recomputed at the level a rejection passes on (Maurer &amp; Bretz 2013, "Multiple
 * testing in group sequential trials using graphical approaches", Stat Biopharm Res 5:311–320, with Holm's equal
 * weights), which keeps the family-wise rate at α.
 *
 * <p><b>Stopping a candidate.</b> A candidate is decided, and no longer called, when (a) it is accepted; (b) it is not
 * cheaper than the incumbent at the first look (or its cost is unknown); (c) futility: its predictive power of passing the last
 * look at level α ({@link GroupSequential#predictivePower}: the chance averaged over what the items so far say about
 * its difference) — the most lenient level Holm could ever give it — is below the
 * design's threshold (non-binding: it only ever stops a candidate that then is not accepted, so α is not spent); (d)
 * moot: a cheaper candidate was accepted and meets the latency and per-scorer rules on its answers so far, so this one
 * can no longer be the recommendation (only when the caller allows it: with slices the cheaper one may still fail a
 * slice). At the last look every open candidate is decided. The incumbent answers as long as any candidate is open.
 */
public final class Sequential {

    private Sequential() {
    }

    /**
     * A sequential design.
     *
     * @param looks    the number of looks, 2 to 10, after equal stages of items
     * @param spending the alpha-spending function
     * @param futility stop a candidate whose predictive power is below this (in (0, 0.5]); empty: no futility stop
     */
    public record Design(int looks, GroupSequential.Spending spending, OptionalDouble futility) {
        public Design {
            if (looks < 2 || looks > 10) {
                throw new IllegalArgumentException("looks must be between 2 and 10, got " + looks);
            }
            Objects.requireNonNull(spending, "spending");
            Objects.requireNonNull(futility, "futility");
            if (futility.isPresent() && !(futility.getAsDouble() > 0 && futility.getAsDouble() <= 0.5)) {
                throw new IllegalArgumentException("futility must be in (0, 0.5], got " + futility.getAsDouble());
            }
        }

        /** How many of {@code total} items are seen by look {@code look} (1-based): equal stages, the last takes all. */
        public int itemsBy(int look, int total) {
            return look >= looks ? total : (int) Math.round((double) total * look / looks);
        }

        /** The information fractions of the looks for {@code total} items: the items seen over all of them. */
        public double[] fractions(int total) {
            List<Double> out = new ArrayList<>();
            for (int k = 1; k <= looks; k++) {
                out.add((double) itemsBy(k, total) / total);
            }
            return out.stream().mapToDouble(Double::doubleValue).toArray();
        }
    }

    /** Why a candidate stopped being called. */
    public enum Outcome {
        /** Non-inferiority shown at a look. */
        ACCEPTED("accepted"),
        /** Not cheaper than the incumbent at the first look (or its cost unknown): never tested. */
        NOT_CHEAPER("not-cheaper"),
        /** Its predictive power of being accepted at the last look fell below the futility threshold. */
        FUTILE("futile"),
        /** A cheaper candidate was accepted, so this one can no longer be recommended. */
        MOOT("moot"),
        /** Reached the last look without being accepted. */
        NOT_SHOWN("not-shown");

        private final String key;

        Outcome(String key) {
            this.key = key;
        }

        /** The spelling in a run's record. */
        public String key() {
            return key;
        }

        /** The outcome a record names. */
        public static Optional<Outcome> of(String key) {
            for (Outcome o : values()) {
                if (o.key.equals(key)) {
                    return Optional.of(o);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * How a candidate's calls ended.
     *
     * @param id           candidate id
     * @param look         the look it was decided at (1-based)
 * @param looks        the design's number of looks
     * @param outcome      why it stopped
     * @param items        items seen by that look
     * @param nominalAlpha the nominal one-sided level its p-value was read at (0 when it was not tested)
     * @param step         its Holm step at that look (1 = smallest p-value among the open ones), 0 when not tested
     * @param family       Holm's m: the candidates cheaper than the incumbent at the first look
     * @param pValue       its p-value at that look, NaN when not tested
     * @param note         one line: what decided it
     */
    public record Reading(String id, int look, int looks, Outcome outcome, int items, double nominalAlpha, int step,
                          int family, double pValue, String note) {

        /** Whether non-inferiority was shown. */
        public boolean shown() {
            return outcome == Outcome.ACCEPTED;
        }
    }

    /**
     * What one look decided.
     *
     * @param look    the look (1-based)
     * @param items   items seen so far
     * @param decided the candidates decided at this look
     * @param open    the candidates still called after it (the incumbent included while any other is open)
     */
    public record Look(int look, int items, List<Reading> decided, List<String> open) {
        public Look {
            decided = List.copyOf(decided);
            open = List.copyOf(open);
        }
    }

    /** The looks of one run; holds what was decided so far and the boundaries, computed once per level. */
    public static final class Run {
        private final Design design;
        private final Qualification.Rules rules;
        private final int total;
        private final boolean mootStops;
        private final double[] fractions;
        private final Map<Double, double[]> levels = new HashMap<>();
        private final Map<String, Reading> decided = new LinkedHashMap<>();
        private List<String> family;
        private int looked;

        /**
         * @param total     the items of the full run
         * @param mootStops whether a candidate stops once a cheaper one is accepted (false when slices may still
         *                  disqualify the accepted one)
         */
        public Run(Design design, Qualification.Rules rules, int total, boolean mootStops) {
            if (total < design.looks()) {
                throw new IllegalArgumentException("a sequential run of " + design.looks() + " looks needs at least "
                        + design.looks() + " items, got " + total);
            }
            this.design = design;
            this.rules = rules;
            this.total = total;
            this.mootStops = mootStops;
            this.fractions = design.fractions(total);
        }

        /** The design. */
        public Design design() {
            return design;
        }

        /** Every candidate decided so far, in the order decided. */
        public Map<String, Reading> decided() {
            return Map.copyOf(decided);
        }

        /** The nominal levels of the looks at one-sided level {@code alpha}. */
        public double[] nominalLevels(double alpha) {
            return levels.computeIfAbsent(alpha, a -> GroupSequential.nominalLevels(a, fractions,
                    design.spending())).clone();
        }

        /**
         * Looks at the answers so far: {@code candidates} carry the quality of every item answered up to this look
         * (decided candidates are ignored). Looks are taken in order 1, 2, …, {@link Design#looks()}.
         *
         * @throws IllegalArgumentException as {@link Qualification#decide(List, Qualification.Rules)}
         * @throws IllegalStateException    when a look is taken out of order
         */
        public Look look(int look, List<Qualification.Candidate> candidates) {
            if (look != looked + 1 || look > design.looks()) {
                throw new IllegalStateException("look " + look + " after look " + looked);
            }
            looked = look;
            int items = design.itemsBy(look, total);
            Qualification.Candidate incumbent = Qualification.incumbent(candidates);
            List<Reading> now = new ArrayList<>();
            if (family == null) {
                List<Qualification.Candidate> cheaper = Qualification.cheaper(candidates, incumbent);
                family = cheaper.stream().map(Qualification.Candidate::id).toList();
                for (Qualification.Candidate c : candidates) {
                    if (!c.incumbent() && !family.contains(c.id())) {
                        now.add(new Reading(c.id(), look, design.looks(), Outcome.NOT_CHEAPER, items, 0, 0, 0, Double.NaN,
                                notCheaper(c, incumbent)));
                    }
                }
            }
            int m = family.size();
            double alpha = rules.alpha();
            int accepted = (int) decided.values().stream().filter(Reading::shown).count();
            boolean last = look == design.looks();

            // the open candidates' tests, smallest p first
            record Tested(Qualification.Candidate candidate, Optional<NonInferiorityTest> test, double p) {
            }
            Bootstrap bootstrap = new Bootstrap(rules.resamples(), rules.seed(), 1 - 2 * alpha);
            List<Tested> open = new ArrayList<>();
            for (Qualification.Candidate c : candidates) {
                if (family.contains(c.id()) && !decided.containsKey(c.id())) {
                    Optional<NonInferiorityTest> t = Qualification.test(c, incumbent, rules, bootstrap);
                    open.add(new Tested(c, t, t.map(NonInferiorityTest::pValue).orElse(1.0)));
                }
            }
            open.sort(Comparator.comparingDouble(Tested::p));
            List<Tested> notAccepted = new ArrayList<>();
            boolean stepping = true;
            int step = 0;
            for (Tested t : open) {
                step++;
                double level = nominalLevels(alpha / (m - accepted))[look - 1];
                if (stepping && t.test().isPresent() && t.p() <= level) {
                    accepted++;
                    now.add(new Reading(t.candidate().id(), look, design.looks(), Outcome.ACCEPTED, items, level, step, m, t.p(),
                            "non-inferior at look " + look + " of " + design.looks() + " (p " + p(t.p())
                                    + " ≤ " + p(level) + ")"));
                } else {
                    stepping = false;
                    notAccepted.add(t);
                }
            }
            // the cheapest accepted candidate that meets the point rules: nothing dearer can be recommended
            Optional<Qualification.Candidate> cheapestAccepted = candidates.stream()
                    .filter(c -> now.stream().anyMatch(r -> r.id().equals(c.id()) && r.shown())
                            || decided.containsKey(c.id()) && decided.get(c.id()).shown())
                    .filter(c -> Qualification.latencyOk(c, rules) && Qualification.minimumsOk(c, rules))
                    .min(Comparator.comparing(c -> ((Cost.Known) c.costPer1k()).usd()));
            double finalBoundary = GroupSequential.zOf(nominalLevels(alpha)[design.looks() - 1]);
            int position = 0;
            for (Tested t : notAccepted) {
                position++;
                int itsStep = open.size() - notAccepted.size() + position;
                double level = nominalLevels(alpha / Math.max(1, m - accepted))[look - 1];
                String id = t.candidate().id();
                if (last) {
                    now.add(new Reading(id, look, design.looks(), Outcome.NOT_SHOWN, items, level, itsStep, m, t.p(),
                            "not shown non-inferior by the last look (p " + p(t.p()) + " > " + p(level) + ")"));
                    continue;
                }
                if (mootStops && cheapestAccepted.isPresent() && cost(t.candidate()).compareTo(
                        cost(cheapestAccepted.get())) > 0) {
                    now.add(new Reading(id, look, design.looks(), Outcome.MOOT, items, level, itsStep, m, t.p(),
                            "stopped at look " + look + ": " + cheapestAccepted.get().id()
                                    + " is cheaper and was accepted"));
                    continue;
                }
                if (design.futility().isPresent() && t.test().isPresent()) {
                    double cp = GroupSequential.predictivePower(GroupSequential.zOf(t.p()),
                            fractions[look - 1], finalBoundary);
                    if (cp < design.futility().getAsDouble()) {
                        now.add(new Reading(id, look, design.looks(), Outcome.FUTILE, items, level, itsStep, m, t.p(),
                                "stopped for futility at look " + look + ": predictive power "
                                        + (cp < 0.001 ? "< 0.1 %" : Figures.percent(cp)) + " < "
                                        + Figures.percent(design.futility().getAsDouble())
                                        + " (difference " + Figures.signed(t.test().get().difference()) + ", n="
                                        + t.test().get().n() + ")"));
                    }
                }
            }
            now.forEach(r -> decided.put(r.id(), r));
            List<String> stillOpen = new ArrayList<>();
            for (Qualification.Candidate c : candidates) {
                if (!c.incumbent() && !decided.containsKey(c.id())) {
                    stillOpen.add(c.id());
                }
            }
            if (!stillOpen.isEmpty()) {
                stillOpen.add(0, incumbent.id());
            }
            return new Look(look, items, now, stillOpen);
        }

        /** Whether every candidate is decided (no further call is needed). */
        public boolean finished(List<String> candidateIds, String incumbentId) {
            return candidateIds.stream().filter(id -> !id.equals(incumbentId)).allMatch(decided::containsKey);
        }
    }

    private static BigDecimal cost(Qualification.Candidate c) {
        return ((Cost.Known) c.costPer1k()).usd();
    }

    private static String notCheaper(Qualification.Candidate c, Qualification.Candidate incumbent) {
        if (c.costPer1k() instanceof Cost.Unknown u) {
            return "not tested: cost unknown (" + u.reason() + ")";
        }
        if (incumbent.costPer1k() instanceof Cost.Unknown) {
            return "not tested: the incumbent's cost is unknown";
        }
        return "not tested: not cheaper than the incumbent at the first look";
    }

    private static String p(double p) {
        return p < 0.0001 ? String.format(java.util.Locale.ROOT, "%.1e", p)
                : String.format(java.util.Locale.ROOT, "%.4f", p);
    }
}
