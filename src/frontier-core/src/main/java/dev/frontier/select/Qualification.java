package dev.frontier.select;

import dev.frontier.model.Cost;
import dev.frontier.stats.Bootstrap;
import dev.frontier.stats.Holm;
import dev.frontier.stats.NonInferiorityTest;
import dev.frontier.stats.SampleSize;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which cheaper candidate is good enough to replace the incumbent (DESIGN §5, "Qualification").
 *
 * <p>A candidate qualifies when it is cheaper per request than the incumbent, non-inferior to it on their common
 * items at the rule's margin and confidence <em>after Holm's correction across all cheaper candidates</em>, within
 * the p95 latency limit and at or above every per-scorer minimum. The recommendation is the cheapest qualified
 * candidate, or the incumbent when none qualifies.
 *
 * <p><b>The test.</b> For each cheaper candidate, the one-sided p-value of H0: mean(candidate − incumbent) ≤
 * −margin comes from a {@link NonInferiorityTest}: the paired bootstrap (BCa by default; item indices resampled
 * jointly; the same seed for every candidate, so the verdicts do not depend on the order of candidates), or, when
 * both sides are 0/1 scores, Tango's score test for paired proportions. One-sided at level α = 1 − confidence:
 * this is the lower end of a two-sided (1 − 2α) interval, and it accepts a candidate whose true difference is
 * exactly −margin with probability α. Holm runs on these p-values over the m cheaper candidates (the family is
 * fixed by cost before any quality is looked at); the candidate at step k is read at level α / (m − k + 1), and
 * its reason shows its lower bound at that level, which is above −margin exactly when its own p-value passes.
 *
 * <p><b>Not cheaper.</b> Candidates that cost as much as the incumbent or more, or whose cost is unknown, are not
 * tested and not counted in Holm's family. Latency and per-scorer minimums are checked on the point figures
 * given (p95, means), not with intervals.
 *
 * <p><b>How many items.</b> When non-inferiority is not shown the reason says how many items would decide it:
 * {@link SampleSize#pairedNonInferiority} at the observed difference and SD (for binary scores with Tango's SD
 * under H0 as well), the rule's power, and the strictest Holm level α / m, so the figure holds whatever the other
 * candidates do.
 */
public final class Qualification {

    private Qualification() {
    }

    /**
     * One candidate's figures.
     *
     * @param id            candidate id
     * @param incumbent     whether this is the incumbent (exactly one candidate is)
     * @param costPer1k     production cost per 1,000 requests; {@link Cost.Unknown} with the reason when unknown
     * @param qualityByItem per-item quality by item id; items are paired with the incumbent's by id
     * @param binary        whether the quality values are 0/1 scores (then Tango's test is used when the incumbent's
     *                      are too)
     * @param latencyP95Ms  p95 latency in milliseconds, if measured
     * @param scorerMeans   mean score per scorer id, for per-scorer minimums
     */
    public record Candidate(String id, boolean incumbent, Cost costPer1k, Map<String, Double> qualityByItem,
                           boolean binary, OptionalDouble latencyP95Ms, Map<String, Double> scorerMeans) {

        public Candidate {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(costPer1k, "costPer1k");
            Objects.requireNonNull(latencyP95Ms, "latencyP95Ms");
            qualityByItem = Collections.unmodifiableMap(new LinkedHashMap<>(qualityByItem));
            scorerMeans = Collections.unmodifiableMap(new LinkedHashMap<>(scorerMeans));
        }

        /** A candidate with continuous quality values, no latency figure and no per-scorer means. */
        public static Candidate of(String id, boolean incumbent, Cost costPer1k, Map<String, Double> qualityByItem) {
            return new Candidate(id, incumbent, costPer1k, qualityByItem, false, OptionalDouble.empty(), Map.of());
        }

        /** This candidate with a p95 latency. */
        public Candidate withLatencyP95Ms(double ms) {
            return new Candidate(id, incumbent, costPer1k, qualityByItem, binary, OptionalDouble.of(ms), scorerMeans);
        }

        /** This candidate with per-scorer means. */
        public Candidate withScorerMeans(Map<String, Double> means) {
            return new Candidate(id, incumbent, costPer1k, qualityByItem, binary, latencyP95Ms, means);
        }

        /** This candidate marked as having 0/1 quality values. */
        public Candidate asBinary() {
            return new Candidate(id, incumbent, costPer1k, qualityByItem, true, latencyP95Ms, scorerMeans);
        }
    }

    /**
     * The selection rules.
     *
     * @param margin          non-inferiority margin δ on the quality scale, &gt; 0 (e.g. 0.03)
     * @param confidence      family-wise confidence 1 − α, in (0.5, 1) (e.g. 0.95)
     * @param maxLatencyP95Ms p95 latency limit in milliseconds, if any
     * @param scorerMinimums  minimum mean per scorer id
     * @param resamples       bootstrap resamples
     * @param seed            bootstrap seed
     * @param method          bootstrap interval method
     * @param minItems        fewest common items for a test to be run at all
     * @param power           the power the "items needed" figure is planned for
     */
    public record Rules(double margin, double confidence, OptionalDouble maxLatencyP95Ms,
                        Map<String, Double> scorerMinimums, int resamples, long seed, Bootstrap.Method method,
                        int minItems, double power) {

        public Rules {
            if (!(margin > 0) || Double.isInfinite(margin)) {
                throw new IllegalArgumentException("margin must be positive, got " + margin);
            }
            if (!(confidence > 0.5 && confidence < 1)) {
                throw new IllegalArgumentException("confidence must be in (0.5, 1), got " + confidence);
            }
            Objects.requireNonNull(maxLatencyP95Ms, "maxLatencyP95Ms");
            if (maxLatencyP95Ms.isPresent() && !(maxLatencyP95Ms.getAsDouble() > 0)) {
                throw new IllegalArgumentException("maxLatencyP95Ms must be positive");
            }
            scorerMinimums = Collections.unmodifiableMap(new LinkedHashMap<>(scorerMinimums));
            if (resamples < 1) {
                throw new IllegalArgumentException("resamples must be positive");
            }
            Objects.requireNonNull(method, "method");
            if (minItems < 1) {
                throw new IllegalArgumentException("minItems must be at least 1");
            }
            if (!(power > 0 && power < 1)) {
                throw new IllegalArgumentException("power must be in (0, 1)");
            }
        }

        /**
         * Rules with a margin and confidence and the defaults: no latency limit, no scorer minimums, 2,000 BCa
         * resamples with seed 42, at least 10 common items, 80 % power for the "items needed" figure.
         */
        public static Rules of(double margin, double confidence) {
            return new Rules(margin, confidence, OptionalDouble.empty(), Map.of(), 2000, 42, Bootstrap.Method.BCA,
                    10, 0.8);
        }

        public Rules withMaxLatencyP95Ms(double ms) {
            return new Rules(margin, confidence, OptionalDouble.of(ms), scorerMinimums, resamples, seed, method,
                    minItems, power);
        }

        public Rules withScorerMinimums(Map<String, Double> minimums) {
            return new Rules(margin, confidence, maxLatencyP95Ms, minimums, resamples, seed, method, minItems, power);
        }

        public Rules withBootstrap(int resamples, long seed, Bootstrap.Method method) {
            return new Rules(margin, confidence, maxLatencyP95Ms, scorerMinimums, resamples, seed, method, minItems,
                    power);
        }

        public Rules withMinItems(int minItems) {
            return new Rules(margin, confidence, maxLatencyP95Ms, scorerMinimums, resamples, seed, method, minItems,
                    power);
        }

        double alpha() {
            return 1 - confidence;
        }
    }

    /**
     * The recommendation.
     *
     * @param id        the recommended candidate
     * @param incumbent whether it is the incumbent (no cheaper candidate qualified)
     * @param reason    why, in one line
     */
    public record Recommendation(String id, boolean incumbent, String reason) {
    }

    /**
     * The outcome: the recommendation and a verdict for every candidate, in the order given.
     *
     * @param recommendation the recommendation
     * @param verdicts       one per candidate
     * @param rules          the rules applied
     */
    public record Result(Recommendation recommendation, List<Verdict> verdicts, Rules rules) {

        public Result {
            verdicts = List.copyOf(verdicts);
        }

        /** The verdict on candidate {@code id}. */
        public Optional<Verdict> verdict(String id) {
            return verdicts.stream().filter(v -> v.id().equals(id)).findFirst();
        }
    }

    /**
     * Applies {@code rules} to {@code candidates}.
     *
     * @throws IllegalArgumentException when there is not exactly one incumbent, ids repeat, a quality value is not
     *                                  finite (or not 0/1 where binary), or there are too few resamples for Holm's
     *                                  strictest level
     */
    public static Result decide(List<Candidate> candidates, Rules rules) {
        return decide(candidates, rules, Map.of());
    }

    /**
     * Applies {@code rules} to {@code candidates}, and disqualifies each candidate named in {@code sliceFailures}
     * with its reason there (status {@link Verdict.Status#WORSE_ON_SLICE}): a candidate that meets every other rule
     * but fails the slice rule of {@link Slices} is not recommended, and the next cheapest qualified one is.
     *
     * @throws IllegalArgumentException as {@link #decide(List, Rules)}
     */
    public static Result decide(List<Candidate> candidates, Rules rules, Map<String, String> sliceFailures) {
        return decide(candidates, rules, sliceFailures, Map.of());
    }

    /**
     * Applies {@code rules} to the candidates of a sequential run: the non-inferiority of each candidate that has a
     * reading in {@code readings} is what its look decided ({@link Sequential}), read from the same test on the items
     * it answered at the level of that look; latency, per-scorer minimums and slices are checked as usual. A cheaper
     * candidate without a reading (it was not in the family at the first look) is not shown. With no readings this is
     * {@link #decide(List, Rules, Map)}.
     *
     * @throws IllegalArgumentException as {@link #decide(List, Rules)}
     */
    public static Result decide(List<Candidate> candidates, Rules rules, Map<String, String> sliceFailures,
                                Map<String, Sequential.Reading> readings) {
        Candidate incumbent = incumbent(candidates);
        boolean sequential = !readings.isEmpty();

        Map<String, Verdict> verdicts = new LinkedHashMap<>();
        List<Candidate> cheaper = new ArrayList<>();
        for (Candidate c : candidates) {
            if (c.incumbent()) {
                continue;
            }
            Optional<Verdict> notCheaper = costVerdict(c, incumbent);
            if (notCheaper.isPresent()) {
                verdicts.put(c.id(), notCheaper.get());
            } else {
                cheaper.add(c);
            }
        }

        int m = cheaper.size();
        double alpha = rules.alpha();
        if (!sequential && m > 0 && (rules.resamples() + 1.0) * alpha / m < 1) {
            throw new IllegalArgumentException("too few bootstrap resamples (" + rules.resamples() + ") to test " + m
                    + " candidates at " + Figures.percent(rules.confidence()) + ": at least "
                    + (long) Math.ceil(m / alpha - 1) + " are needed");
        }
        Bootstrap bootstrap = new Bootstrap(rules.resamples(), rules.seed(), 1 - 2 * alpha);
        List<Optional<NonInferiorityTest>> tests = new ArrayList<>();
        double[] p = new double[m];
        for (int i = 0; i < m; i++) {
            Optional<NonInferiorityTest> test = test(cheaper.get(i), incumbent, rules, bootstrap);
            tests.add(test);
            p[i] = test.map(NonInferiorityTest::pValue).orElse(1.0);
        }
        double[] adjusted = Holm.adjust(p);
        int[] steps = Holm.steps(p);

        Map<String, Verdict.Evidence> evidence = new LinkedHashMap<>();
        List<Candidate> qualified = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            Candidate c = cheaper.get(i);
            List<Failure> failures = new ArrayList<>();
            Optional<Verdict.Evidence> e = Optional.empty();
            int common = commonItems(c, incumbent).size();
            if (tests.get(i).isEmpty()) {
                failures.add(new Failure(Verdict.Status.TOO_FEW_ITEMS, common == 0
                        ? "no items in common with the incumbent"
                        : "too few items in common with the incumbent: " + common + " < " + rules.minItems()));
            } else if (sequential) {
                Sequential.Reading r = readings.get(c.id());
                if (r == null || r.family() == 0) {
                    failures.add(new Failure(Verdict.Status.NOT_SHOWN, r == null
                            ? "not decided by the looks of the sequential run (not cheaper than the incumbent at its first look, "
                            + "or the run ended before its last look)"
                            : r.note()));
                } else {
                    Verdict.Evidence ev = sequentialEvidence(tests.get(i).get(), rules, r);
                    e = Optional.of(ev);
                    if (!ev.shown()) {
                        // stopped early: its note says why; at the last look, also the bound and what it needs
                        failures.add(new Failure(Verdict.Status.NOT_SHOWN, r.outcome() != Sequential.Outcome.NOT_SHOWN
                                ? r.note() : r.note() + "; " + notShown(ev, rules, Optional.empty())));
                    }
                }
            } else {
                NonInferiorityTest t = tests.get(i).get();
                Verdict.Evidence ev = evidence(t, rules, m, steps[i], p[i], adjusted[i]);
                e = Optional.of(ev);
                if (!ev.shown()) {
                    failures.add(new Failure(Verdict.Status.NOT_SHOWN,
                            notShown(ev, rules, firstFailedStepBefore(steps[i], p, cheaper, alpha))));
                }
            }
            failures.addAll(latency(c, rules));
            failures.addAll(scorerMinimums(c, rules));
            if (sliceFailures.containsKey(c.id())) {
                failures.add(new Failure(Verdict.Status.WORSE_ON_SLICE, sliceFailures.get(c.id())));
            }
            if (failures.isEmpty()) {
                qualified.add(c);
                evidence.put(c.id(), e.orElseThrow()); // only tested candidates get here
            } else {
                failures.sort(Comparator.comparing(Failure::status));
                String reason = String.join("; ", failures.stream().map(Failure::reason).toList());
                verdicts.put(c.id(), new Verdict(c.id(), failures.get(0).status(), reason, e));
            }
        }

        Recommendation recommendation;
        if (qualified.isEmpty()) {
            String why = m == 0 ? "no candidate is cheaper than the incumbent"
                    : "no cheaper candidate qualifies (" + m + " tested)";
            recommendation = new Recommendation(incumbent.id(), true, "keep the incumbent " + incumbent.id() + ": "
                    + why);
            verdicts.put(incumbent.id(), new Verdict(incumbent.id(), Verdict.Status.RECOMMENDED,
                    "incumbent, recommended: " + why, Optional.empty()));
        } else {
            qualified.sort(Comparator.comparing((Candidate c) -> known(c.costPer1k()))
                    .thenComparing(c -> -evidence.get(c.id()).difference())
                    .thenComparing(Candidate::id));
            Candidate best = qualified.get(0);
            Verdict.Evidence be = evidence.get(best.id());
            String why = "cheapest qualified candidate: " + Figures.usd(known(best.costPer1k())) + " vs "
                    + Figures.usd(known(incumbent.costPer1k())) + " per 1k requests, non-inferior to "
                    + incumbent.id() + " at margin " + Figures.plain(rules.margin()) + " (CI lower bound "
                    + Figures.against(be.holmLowerBound(), -rules.margin()) + " > -" + Figures.plain(rules.margin())
                    + ", " + holmNote(be) + (sequential && readings.containsKey(best.id())
                    ? ", look " + readings.get(best.id()).look() + " of " + looks(readings) : "") + ")";
            recommendation = new Recommendation(best.id(), false, best.id() + ": " + why);
            verdicts.put(best.id(), new Verdict(best.id(), Verdict.Status.RECOMMENDED, why, Optional.of(be)));
            for (Candidate c : qualified.subList(1, qualified.size())) {
                Verdict.Evidence ce = evidence.get(c.id());
                boolean dominated = be.difference() >= ce.difference();
                verdicts.put(c.id(), dominated
                        ? new Verdict(c.id(), Verdict.Status.DOMINATED, "dominated by " + best.id()
                                + " (qualified, but " + best.id() + " is cheaper and no worse)", Optional.of(ce))
                        : new Verdict(c.id(), Verdict.Status.QUALIFIED, "qualified, but " + best.id()
                                + " is cheaper", Optional.of(ce)));
            }
            verdicts.put(incumbent.id(), new Verdict(incumbent.id(), Verdict.Status.INCUMBENT,
                    "incumbent; " + best.id() + " is cheaper and qualifies", Optional.empty()));
        }

        List<Verdict> ordered = candidates.stream().map(c -> verdicts.get(c.id())).toList();
        return new Result(recommendation, ordered, rules);
    }

    private record Failure(Verdict.Status status, String reason) {
    }

    /** The one incumbent, after checking that there is exactly one and that ids do not repeat. */
    static Candidate incumbent(List<Candidate> candidates) {
        List<Candidate> incumbents = candidates.stream().filter(Candidate::incumbent).toList();
        if (incumbents.size() != 1) {
            throw new IllegalArgumentException("exactly one incumbent is needed, found " + incumbents.size());
        }
        Set<String> ids = new HashSet<>();
        for (Candidate c : candidates) {
            if (!ids.add(c.id())) {
                throw new IllegalArgumentException("candidate id repeated: " + c.id());
            }
        }
        return incumbents.get(0);
    }

    /** The candidates tested against the incumbent (Holm's family): those known to be cheaper, in the order given. */
    static List<Candidate> cheaper(List<Candidate> candidates, Candidate incumbent) {
        return candidates.stream().filter(c -> !c.incumbent() && costVerdict(c, incumbent).isEmpty()).toList();
    }

    private static BigDecimal known(Cost cost) {
        return ((Cost.Known) cost).usd();
    }

    private static Optional<Verdict> costVerdict(Candidate c, Candidate incumbent) {
        if (c.costPer1k() instanceof Cost.Unknown u) {
            return Optional.of(new Verdict(c.id(), Verdict.Status.COST_UNKNOWN, "cost unknown: " + u.reason(),
                    Optional.empty()));
        }
        if (incumbent.costPer1k() instanceof Cost.Unknown u) {
            return Optional.of(new Verdict(c.id(), Verdict.Status.COST_UNKNOWN, "cost of the incumbent unknown ("
                    + u.reason() + "), so no candidate can be called cheaper", Optional.empty()));
        }
        BigDecimal mine = known(c.costPer1k());
        BigDecimal theirs = known(incumbent.costPer1k());
        int order = mine.compareTo(theirs);
        if (order > 0) {
            return Optional.of(new Verdict(c.id(), Verdict.Status.COSTS_MORE, "costs more than the incumbent ("
                    + Figures.usd(mine) + " vs " + Figures.usd(theirs) + " per 1k requests)", Optional.empty()));
        }
        if (order == 0) {
            return Optional.of(new Verdict(c.id(), Verdict.Status.COSTS_MORE, "costs the same as the incumbent ("
                    + Figures.usd(mine) + " per 1k requests)", Optional.empty()));
        }
        return Optional.empty();
    }

    /** Item ids both have a quality value for, sorted so that the pairing does not depend on map order. */
    static List<String> commonItems(Candidate c, Candidate incumbent) {
        TreeSet<String> common = new TreeSet<>();
        for (Map.Entry<String, Double> e : incumbent.qualityByItem().entrySet()) {
            if (e.getValue() != null && c.qualityByItem().get(e.getKey()) != null) {
                common.add(e.getKey());
            }
        }
        return List.copyOf(common);
    }

    static Optional<NonInferiorityTest> test(Candidate c, Candidate incumbent, Rules rules, Bootstrap bootstrap) {
        List<String> common = commonItems(c, incumbent);
        if (common.size() < rules.minItems()) {
            return Optional.empty();
        }
        double[] mine = new double[common.size()];
        double[] theirs = new double[common.size()];
        for (int i = 0; i < common.size(); i++) {
            mine[i] = finite(c.qualityByItem().get(common.get(i)), c.id());
            theirs[i] = finite(incumbent.qualityByItem().get(common.get(i)), incumbent.id());
        }
        if (c.binary() && incumbent.binary()) {
            return Optional.of(NonInferiorityTest.binary(mine, theirs, rules.margin()));
        }
        return Optional.of(NonInferiorityTest.bootstrap(mine, theirs, rules.margin(), bootstrap, rules.method()));
    }

    private static double finite(double v, String id) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("quality of " + id + " must be finite, got " + v);
        }
        return v;
    }

    private static Verdict.Evidence evidence(NonInferiorityTest t, Rules rules, int m, int step, double p,
                                             double adjusted) {
        double alpha = rules.alpha();
        double stepAlpha = alpha / (m - step + 1);
        return new Verdict.Evidence(t.n(), t.difference(), t.sdDifference(), t.interval(1 - 2 * alpha), step, m,
                1 - stepAlpha, t.lowerBound(1 - stepAlpha), p, adjusted, adjusted <= alpha, t.method(),
                itemsNeeded(t, rules, m), binary(t, rules));
    }

    /** The items the test needs at the rule's power, planned at the strictest Holm level α / m. */
    private static SampleSize.Plan itemsNeeded(NonInferiorityTest t, Rules rules, double m) {
        return SampleSize.pairedNonInferiority(t.difference(), t.sdUnderNull(), t.sdDifference(), rules.margin(),
                rules.alpha() / m, rules.power());
    }

    /** For 0/1 scores: the discordant counts, McNemar's exact test and each side's Wilson interval. */
    private static Optional<Verdict.BinaryEvidence> binary(NonInferiorityTest t, Rules rules) {
        if (t instanceof NonInferiorityTest.PairedBinary b) {
            return Optional.of(new Verdict.BinaryEvidence(b.candidateOnly(), b.baselineOnly(), b.mcNemarExact(),
                    b.candidateRate(rules.confidence()), b.baselineRate(rules.confidence())));
        }
        return Optional.empty();
    }

    /**
     * The evidence of a candidate decided by a look of a sequential run: its test on the items it answered, read at
     * the nominal level of that look; the adjusted p-value is the p-value rescaled to the family's level (α · p /
     * nominal level), so that it is at most α exactly when the look accepted it.
     */
    private static Verdict.Evidence sequentialEvidence(NonInferiorityTest t, Rules rules, Sequential.Reading r) {
        double alpha = rules.alpha();
        double level = Math.max(r.nominalAlpha(), 1e-12);
        double adjusted = Math.min(1, t.pValue() * alpha / level);
        return new Verdict.Evidence(t.n(), t.difference(), t.sdDifference(), t.interval(1 - 2 * alpha),
                Math.max(1, r.step()), r.family(), 1 - level, t.lowerBound(1 - level), t.pValue(), adjusted,
                r.shown(), t.method(), itemsNeeded(t, rules, Math.max(1, r.family())), binary(t, rules));
    }

    private static int looks(Map<String, Sequential.Reading> readings) {
        return readings.values().stream().mapToInt(Sequential.Reading::looks).max().orElse(0);
    }

    /** Whether the candidate meets the latency limit on the figures given. */
    static boolean latencyOk(Candidate c, Rules rules) {
        return latency(c, rules).isEmpty();
    }

    /** Whether the candidate meets every per-scorer minimum on the figures given. */
    static boolean minimumsOk(Candidate c, Rules rules) {
        return scorerMinimums(c, rules).isEmpty();
    }

    /** The id of the first Holm step before {@code step} that failed its own level, if any. */
    private static Optional<String> firstFailedStepBefore(int step, double[] p, List<Candidate> cheaper,
                                                          double alpha) {
        int m = p.length;
        int[] steps = Holm.steps(p);
        for (int s = 1; s < step; s++) {
            for (int i = 0; i < m; i++) {
                if (steps[i] == s && p[i] > alpha / (m - s + 1)) {
                    return Optional.of(cheaper.get(i).id());
                }
            }
        }
        return Optional.empty();
    }

    private static String holmNote(Verdict.Evidence e) {
        return e.family() == 1 ? "one-sided " + Figures.percent(e.holmConfidence())
                : "one-sided " + Figures.percent(e.holmConfidence()) + ", Holm step " + e.holmStep() + " of "
                        + e.family();
    }

    private static String notShown(Verdict.Evidence e, Rules rules, Optional<String> earlierFailure) {
        String margin = "-" + Figures.plain(rules.margin());
        StringBuilder reason = new StringBuilder();
        if (e.holmLowerBound() > -rules.margin() && earlierFailure.isPresent()) {
            reason.append("non-inferiority not shown after Holm: CI lower bound ")
                    .append(Figures.against(e.holmLowerBound(), -rules.margin())).append(" > ").append(margin)
                    .append(" at step ").append(e.holmStep()).append(" of ").append(e.family()).append(", but ")
                    .append(earlierFailure.get()).append(" failed an earlier step");
        } else {
            reason.append("non-inferiority not shown: CI lower bound ")
                    .append(Figures.against(e.holmLowerBound(), -rules.margin()))
                    .append(e.holmLowerBound() < -rules.margin() ? " < " : " ≤ ").append(margin)
                    .append(" (").append(holmNote(e)).append(")");
        }
        if (e.itemsNeeded() instanceof SampleSize.Items items && items.items() > e.n()) {
            reason.append("; needs ~").append(Figures.roughlyUp(items.items())).append(" items to decide (observed ")
                    .append(Figures.signed(e.difference())).append(", SD ").append(Figures.fixed(e.sdDifference(), 3))
                    .append(", n=").append(e.n()).append(")");
        } else if (e.itemsNeeded() instanceof SampleSize.NotShowable) {
            reason.append("; more items would not help: the observed difference ")
                    .append(Figures.signed(e.difference())).append(" is at or below ").append(margin);
        }
        return reason.toString();
    }

    private static List<Failure> latency(Candidate c, Rules rules) {
        if (rules.maxLatencyP95Ms().isEmpty()) {
            return List.of();
        }
        double max = rules.maxLatencyP95Ms().getAsDouble();
        if (c.latencyP95Ms().isEmpty()) {
            return List.of(new Failure(Verdict.Status.TOO_SLOW, "p95 latency unknown (limit "
                    + Figures.seconds(max) + ")"));
        }
        double p95 = c.latencyP95Ms().getAsDouble();
        return p95 > max ? List.of(new Failure(Verdict.Status.TOO_SLOW, "p95 latency " + Figures.seconds(p95) + " > "
                + Figures.seconds(max))) : List.of();
    }

    private static List<Failure> scorerMinimums(Candidate c, Rules rules) {
        List<Failure> failures = new ArrayList<>();
        rules.scorerMinimums().forEach((scorer, min) -> {
            Double mean = c.scorerMeans().get(scorer);
            if (mean == null) {
                failures.add(new Failure(Verdict.Status.BELOW_SCORER_MINIMUM, "no " + scorer + " score (minimum "
                        + Figures.plain(min) + ")"));
            } else if (mean < min) {
                failures.add(new Failure(Verdict.Status.BELOW_SCORER_MINIMUM, scorer + " mean "
                        + Figures.against(mean, min) + " < minimum " + Figures.plain(min)));
            }
        });
        return failures;
    }
}
