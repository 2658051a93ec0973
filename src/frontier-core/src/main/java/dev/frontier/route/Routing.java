package dev.frontier.route;

import dev.frontier.stats.Bootstrap;
import dev.frontier.stats.BootstrapDistribution;
import dev.frontier.stats.Holm;
import dev.frontier.stats.Interval;
import dev.frontier.stats.NonInferiorityTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Would a policy that sends each request to one of the candidates beat the best single candidate? The front door of
 * routing: {@link #analyse} tries the policies on a stored run and says which are non-inferior to the incumbent and
 * cheaper.
 *
 * <p><b>Items.</b> Every policy is figured on the items every candidate could be scored on (a failed call has no
 * quality), so that all policies, the oracle included, are compared with the incumbent on the same items; a
 * candidate's cost is known only when every one of its calls' costs is.
 *
 * <p><b>Policies.</b> Singles (the incumbent is the baseline, the others reference points); the oracle (per item the
 * cheapest candidate within the margin of the item's best: the bound on savings, not deployable, never tested);
 * cascades (call {@code first}; when its signal is on the wrong side of a threshold, also call {@code then}: both are
 * paid, and so is the signal); learned routers (a Tribuo logistic regression on prompt-only features predicts
 * whether {@code cheap} is within the margin of {@code dear}; only the chosen one is called). By default the pairs
 * are {@code dear} ∈ {incumbent, best-quality single} and {@code cheap} every candidate with a lower known cost per
 * item than {@code dear}; a cascade for every pair and every signal of {@code cheap}; explicit
 * {@link CascadeSpec}s replace the default cascades.
 *
 * <p><b>Cross-fitting.</b> A threshold (and a model) chosen on the same items it is scored on flatters the policy.
 * So the items are dealt into k seeded folds; each fold is routed by a threshold (and model) chosen on the other
 * folds only, and the reported figures are those held-out ones. The threshold rule is {@link Thresholds}': the
 * cheapest cut whose training-fold mean difference against the incumbent is at least −margin/2 and three standard
 * errors of a held-out fold above −margin. The policy handed
 * out for deployment ({@link PolicyResult#policy()}) is chosen the same way on all items.
 *
 * <p><b>Statistics</b>, as {@code select.Qualification} does them for single candidates: the paired one-sided
 * non-inferiority test of H0: mean(policy − incumbent) ≤ −margin at α = 1 − confidence, by the paired bootstrap
 * (the options' method, resamples and seed) or by Tango's score test when both sides are 0/1 scores; fewer than
 * {@value #MIN_ITEMS} items give no test (p = 1). A cross-fitted routing policy is tested fold by fold and is
 * non-inferior only when every held-out fold shows it ({@link FoldTests}: one test over all held-out items would
 * treat the folds' outcomes as independent, which they are not, and accepted a policy truly at the margin 8.6 % of
 * the time at α = 5 %). The difference's interval is the two-sided (1 − 2α) one whose lower end is the one-sided
 * bound the test is read at (for routing policies the smallest of the folds' bounds); the quality's interval is the
 * two-sided bootstrap interval of the mean at the confidence. Holm's correction runs over all routing policies tried
 * (cascades and learned routers: the family is fixed by the options and the data's arms and signals before any
 * result is looked at); a routing policy is {@link RouteVerdict#NON_INFERIOR} when its adjusted p-value is ≤ α.
 * Singles are tested on their own, outside the family, and only to decide which routing policy is best. All
 * bootstrap figures come from one pass of shared resamples ({@link SharedBootstrap}), which gives what
 * {@code stats.Bootstrap} would give for each policy; about 17 s (warm) for 100,000 items × 3 candidates with 12
 * policies on two cores, most of it Tribuo's fits and the draws of the resamples.
 */
public final class Routing {

    /** Fewest items for a test to be run at all (as in single-candidate qualification). */
    static final int MIN_ITEMS = 10;

    private Routing() {
    }

    /** Analyses {@code data} with {@code options}; cross-fitted figures for cascades and learned routers. */
    public static RoutingAnalysis analyse(RoutingData data, RoutingOptions options) {
        return analyse(data, options, Evaluation.Fitting.CROSS_FITTED);
    }

    /** As {@link #analyse(RoutingData, RoutingOptions)}, with the fitting chosen (in-sample only for tests). */
    static RoutingAnalysis analyse(RoutingData data, RoutingOptions options, Evaluation.Fitting fitting) {
        Table t = Table.of(data);
        if (t.n == 0) {
            throw new IllegalArgumentException("no item was scored for every candidate: nothing to analyse");
        }
        List<Tried> tried = new ArrayList<>();
        for (int a = 0; a < t.arms(); a++) {
            String id = t.armIds.get(a);
            tried.add(new Tried(id, PolicyKind.SINGLE, id + " for every request", Evaluation.single(t, a),
                    new Policy.Single(id)));
        }
        if (options.oracle()) {
            oracle(t, options).ifPresent(tried::add);
        }
        List<int[]> pairs = pairs(t, options.margin());
        List<CascadeSpec> cascades = options.cascades() ? cascadeSpecs(t, options, pairs) : List.of();
        List<int[]> learned = options.learned() && !data.features().names().isEmpty() ? pairs : List.of();
        int family = cascades.size() + learned.size();
        if (family > 0 && t.n < 2 * options.folds() && fitting == Evaluation.Fitting.CROSS_FITTED) {
            throw new IllegalArgumentException("too few items to cross-fit: " + t.n + " analysed items for "
                    + options.folds() + " folds (at least " + 2 * options.folds() + ")");
        }
        checkResamples(family, options);
        List<Tried> routing = new ArrayList<>();
        for (CascadeSpec spec : cascades) {
            routing.add(cascade(t, spec, options, fitting));
        }
        for (int[] pair : learned) {
            routing.add(learned(t, pair[0], pair[1], options, fitting));
        }
        tried.addAll(routing);

        Figures[] figures = Figures.of(tried, t.quality[t.incumbent], t.incumbent, options);
        if (fitting == Evaluation.Fitting.CROSS_FITTED && !routing.isEmpty()) {
            FoldTests.replaceTests(figures, tried, t.quality[t.incumbent], options);
        }

        double[] p = new double[routing.size()];
        int offset = tried.size() - routing.size();
        for (int k = 0; k < p.length; k++) {
            p[k] = figures[offset + k].pValue;
        }
        double[] adjusted = Holm.adjust(p);
        double alpha = options.alpha();

        List<PolicyResult> results = new ArrayList<>();
        for (int k = 0; k < tried.size(); k++) {
            Tried c = tried.get(k);
            Figures f = figures[k];
            double adj = Double.NaN;
            RouteVerdict verdict;
            double pValue = f.pValue;
            if (c.kind == PolicyKind.SINGLE) {
                verdict = c.id.equals(data.incumbent()) ? RouteVerdict.BASELINE : RouteVerdict.REFERENCE;
            } else if (c.kind == PolicyKind.ORACLE) {
                verdict = RouteVerdict.BOUND;
                pValue = Double.NaN;
            } else {
                adj = adjusted[k - offset];
                verdict = adj <= alpha ? RouteVerdict.NON_INFERIOR : RouteVerdict.NOT_SHOWN;
            }
            double cost = c.outcome.costPerItem();
            results.add(new PolicyResult(c.id, c.kind, c.description, c.outcome.share(t), f.quality.estimate(),
                    f.quality.lower(), f.quality.upper(), cost, c.outcome.signalCostPerItem(),
                    cost * options.requestsPerMonth(), f.difference, f.differenceLower, f.differenceUpper, pValue,
                    adj, verdict, t.n, c.policy));
        }
        return new RoutingAnalysis(data.incumbent(), results, frontier(results),
                best(results, alpha), method(t, options, routing.size(), fitting, data.items().size()));
    }

    /** A policy tried, with its per-item outcome. */
    record Tried(String id, PolicyKind kind, String description, Outcome outcome, Policy policy) {
    }

    /** The statistical figures of one policy. */
    record Figures(Interval quality, double difference, double differenceLower, double differenceUpper,
                           double pValue) {

        /**
         * The figures of every policy tried. Bootstrapped figures come from one {@link SharedBootstrap} pass over
         * all policies' quality vectors, which gives what {@link Bootstrap} and {@link NonInferiorityTest#bootstrap}
         * give on each (up to the last bits of a resampled mean); 0/1 scores on both sides go to Tango's test.
         */
        static Figures[] of(List<Tried> tried, double[] incumbentQ, int incumbent, RoutingOptions o) {
            int count = tried.size();
            int n = incumbentQ.length;
            double alpha = o.alpha();
            boolean incumbentBinary = binary(incumbentQ);
            double[][] qualities = new double[count][];
            for (int k = 0; k < count; k++) {
                qualities[k] = tried.get(k).outcome.quality();
            }
            // a resampled mean of a paired difference is the policy's resampled mean minus the incumbent's on the
            // same resample, so only the quality vectors are resampled
            double[][] means = SharedBootstrap.resampledMeans(qualities, o.resamples(), o.seed());
            String mean = SharedBootstrap.description("", o.method(), o.resamples(), o.seed());
            String paired = SharedBootstrap.description("paired-", o.method(), o.resamples(), o.seed());
            Figures[] figures = new Figures[count];
            for (int k = 0; k < count; k++) {
                double[] q = qualities[k];
                Interval quality = BootstrapDistribution.ofMean(q, means[k], o.method(), mean)
                        .interval(o.confidence());
                if (k == incumbent) {
                    figures[k] = new Figures(quality, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
                    continue;
                }
                double[] d = new double[n];
                for (int i = 0; i < n; i++) {
                    d[i] = q[i] - incumbentQ[i];
                }
                if (n < MIN_ITEMS) {
                    figures[k] = new Figures(quality, Arrays.stream(d).sum() / n, Double.NaN, Double.NaN, 1.0);
                } else if (incumbentBinary && binary(q)) {
                    NonInferiorityTest test = NonInferiorityTest.binary(q, incumbentQ, o.margin());
                    Interval i = test.interval(1 - 2 * alpha);
                    figures[k] = new Figures(quality, test.difference(), i.lower(), i.upper(), test.pValue());
                } else {
                    double[] dMeans = new double[o.resamples()];
                    for (int r = 0; r < dMeans.length; r++) {
                        dMeans[r] = means[k][r] - means[incumbent][r];
                    }
                    BootstrapDistribution dist = BootstrapDistribution.ofMean(d, dMeans, o.method(),
                            paired);
                    Interval i = dist.interval(1 - 2 * alpha);
                    figures[k] = new Figures(quality, dist.estimate(), i.lower(), i.upper(),
                            dist.pValueAtMost(-o.margin()));
                }
            }
            return figures;
        }

        private static boolean binary(double[] v) {
            for (double x : v) {
                if (x != 0 && x != 1) {
                    return false;
                }
            }
            return true;
        }
    }

    private static void checkResamples(int m, RoutingOptions options) {
        double alpha = options.alpha();
        if (m > 0 && (options.resamples() + 1.0) * alpha / m < 1) {
            throw new IllegalArgumentException("too few bootstrap resamples (" + options.resamples() + ") to test "
                    + m + " routing policies at " + options.confidence() + ": at least "
                    + (long) Math.ceil(m / alpha - 1) + " are needed");
        }
    }

    private static Optional<Tried> oracle(Table t, RoutingOptions options) {
        List<Integer> known = new ArrayList<>();
        for (int a = 0; a < t.arms(); a++) {
            if (t.cost[a] != null) {
                known.add(a);
            }
        }
        if (known.isEmpty()) {
            return Optional.empty();
        }
        int[] arms = known.stream().mapToInt(Integer::intValue).toArray();
        List<String> ids = known.stream().map(t.armIds::get).toList();
        return Optional.of(new Tried("oracle", PolicyKind.ORACLE, "per item the cheapest of " + ids + " within "
                + plain(options.margin()) + " of the item's best quality (in hindsight; not deployable)",
                Evaluation.oracle(t, arms, options.margin()), new Policy.Oracle(ids, options.margin())));
    }

    /**
     * The (cheap, dear) pairs: dear ∈ {incumbent, best-quality single, every single whose mean quality is within
     * the margin of the incumbent's — the single models a router has to beat}, cheap every other arm with a lower
     * known cost per item than dear's.
     */
    static List<int[]> pairs(Table t, double margin) {
        Set<Integer> dears = new LinkedHashSet<>();
        dears.add(t.incumbent);
        dears.add(bestQuality(t));
        dears.addAll(close(t, margin));
        List<int[]> pairs = new ArrayList<>();
        for (int dear : dears) {
            double dearCost = t.costPerItem(dear);
            if (Double.isNaN(dearCost)) {
                continue;
            }
            for (int cheap = 0; cheap < t.arms(); cheap++) {
                double c = t.costPerItem(cheap);
                if (cheap != dear && !Double.isNaN(c) && c < dearCost) {
                    pairs.add(new int[] {cheap, dear});
                }
            }
        }
        return pairs;
    }

    /** The arms with a known cost whose mean quality is at least the incumbent's less the margin, in arm order. */
    static List<Integer> close(Table t, double margin) {
        List<Integer> out = new ArrayList<>();
        double floor = t.meanQuality(t.incumbent) - margin;
        for (int a = 0; a < t.arms(); a++) {
            if (!Double.isNaN(t.costPerItem(a)) && t.meanQuality(a) >= floor) {
                out.add(a);
            }
        }
        return out;
    }

    /** The arm with the best mean quality; at equal quality the cheaper (known cost first), then the first. */
    static int bestQuality(Table t) {
        int best = 0;
        for (int a = 1; a < t.arms(); a++) {
            double qa = t.meanQuality(a);
            double qb = t.meanQuality(best);
            if (qa > qb || (qa == qb && cheaper(t.costPerItem(a), t.costPerItem(best)))) {
                best = a;
            }
        }
        return best;
    }

    private static boolean cheaper(double a, double b) {
        return !Double.isNaN(a) && (Double.isNaN(b) || a < b);
    }

    private static List<CascadeSpec> cascadeSpecs(Table t, RoutingOptions options, List<int[]> pairs) {
        if (!options.cascadeSpecs().isEmpty()) {
            return options.cascadeSpecs();
        }
        List<CascadeSpec> specs = new ArrayList<>();
        for (int[] pair : pairs) {
            for (String signal : t.armRecord(pair[0]).signals().keySet()) {
                specs.add(new CascadeSpec(t.armIds.get(pair[0]), t.armIds.get(pair[1]), signal));
            }
        }
        return specs;
    }

    private static Tried cascade(Table t, CascadeSpec spec, RoutingOptions options, Evaluation.Fitting fitting) {
        int first = t.arm(spec.first());
        int then = t.arm(spec.then());
        Evaluation.CascadeInputs in = new Evaluation.CascadeInputs(t, first, then,
                Evaluation.signal(t, first, spec.signal()));
        Thresholds.Choice all = Thresholds.choose(in.candidates, null, options.margin(), true, options.folds());
        Thresholds.Choice[] each = new Thresholds.Choice[t.n];
        if (fitting == Evaluation.Fitting.IN_SAMPLE) {
            java.util.Arrays.fill(each, all);
        } else {
            int[] fold = Evaluation.folds(t.n, options.folds(), options.seed());
            for (int f = 0; f < options.folds(); f++) {
                Thresholds.Choice chosen = Thresholds.choose(in.candidates, Evaluation.training(fold, f),
                        options.margin(), true, options.folds());
                for (int i = 0; i < t.n; i++) {
                    if (fold[i] == f) {
                        each[i] = chosen;
                    }
                }
            }
        }
        Policy.Cascade policy = new Policy.Cascade(spec.first(), spec.then(), spec.signal(), all.threshold(),
                all.switchWhenBelow());
        String id = "cascade:" + spec.first() + ">" + spec.then() + "@" + spec.signal();
        String description = spec.first() + ", escalated to " + spec.then() + " when " + spec.signal()
                + (all.switchWhenBelow() ? " < " : " > ") + plain(all.threshold()) + " or missing"
                + fittingNote(fitting, options);
        return new Tried(id, PolicyKind.CASCADE, description, Evaluation.cascade(t, in, each), policy);
    }

    private static Tried learned(Table t, int cheap, int dear, RoutingOptions options, Evaluation.Fitting fitting) {
        double[][] rows = t.featureRows();
        boolean[] good = new boolean[t.n];
        for (int i = 0; i < t.n; i++) {
            good[i] = t.quality[cheap][i] >= t.quality[dear][i] - options.margin() - 1e-12;
        }
        List<String> names = t.data.features().names();
        double[] stayCost = t.cost[cheap];
        double[] switchCost = t.cost[dear];
        double[] incumbentQ = t.quality[t.incumbent];

        LearnedRouter.Fit fitAll = LearnedRouter.fit(names, rows, null, good, options.seed()).fit();
        double[] pAll = probabilities(fitAll, rows);
        Thresholds.Choice all = Thresholds.choose(new Thresholds.Candidates(pAll, Order.ascending(pAll),
                t.quality[cheap], t.quality[dear], incumbentQ, stayCost, switchCost), null, options.margin(), false,
                options.folds());

        double[] probability = new double[t.n];
        double[] threshold = new double[t.n];
        if (fitting == Evaluation.Fitting.IN_SAMPLE) {
            System.arraycopy(pAll, 0, probability, 0, t.n);
            java.util.Arrays.fill(threshold, all.threshold());
        } else {
            int[] fold = Evaluation.folds(t.n, options.folds(), options.seed());
            // each fold's model and τ from the other folds only; the fits are independent, so in parallel
            FoldFit[] perFold = IntStream.range(0, options.folds()).parallel().mapToObj(f -> {
                boolean[] use = Evaluation.training(fold, f);
                LearnedRouter.Fit fit = LearnedRouter.fit(names, rows, use, good, options.seed() + f + 1).fit();
                double[] p = probabilities(fit, rows);
                Thresholds.Choice tau = Thresholds.choose(new Thresholds.Candidates(p, Order.ascending(p),
                        t.quality[cheap], t.quality[dear], incumbentQ, stayCost, switchCost), use, options.margin(),
                        false, options.folds());
                return new FoldFit(p, tau);
            }).toArray(FoldFit[]::new);
            for (int f = 0; f < options.folds(); f++) {
                double[] p = perFold[f].probability();
                Thresholds.Choice tau = perFold[f].tau();
                for (int i = 0; i < t.n; i++) {
                    if (fold[i] == f) {
                        probability[i] = p[i];
                        threshold[i] = tau.threshold();
                    }
                }
            }
        }
        String c = t.armIds.get(cheap);
        String d = t.armIds.get(dear);
        Policy.Learned policy = new Policy.Learned(c, d, names, fitAll.means(), fitAll.scales(), fitAll.weights(),
                fitAll.intercept(), all.threshold());
        String description = c + " when P(good enough | " + names.size() + " prompt feature"
                + (names.size() == 1 ? "" : "s") + ") ≥ " + plain(all.threshold()) + ", else " + d
                + " (logistic regression" + fittingNote(fitting, options) + ")";
        return new Tried("learned:" + c + ">" + d, PolicyKind.LEARNED, description,
                Evaluation.learned(t, cheap, dear, probability, threshold), policy);
    }

    /** A fold's held-out probabilities (from a model fitted on the other folds) and its τ. */
    private record FoldFit(double[] probability, Thresholds.Choice tau) {
    }

    private static double[] probabilities(LearnedRouter.Fit fit, double[][] rows) {
        double[] p = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            p[i] = fit.probability(rows[i]);
        }
        return p;
    }

    private static String fittingNote(Evaluation.Fitting fitting, RoutingOptions options) {
        return fitting == Evaluation.Fitting.IN_SAMPLE ? "; figures in-sample"
                : "; figures cross-fitted over " + options.folds() + " folds";
    }

    /** Non-dominated deployable points (singles and routing policies with a known cost), by ascending cost. */
    static List<String> frontier(List<PolicyResult> results) {
        List<PolicyResult> points = results.stream()
                .filter(r -> r.kind() != PolicyKind.ORACLE && r.costKnown())
                .sorted(Comparator.comparingDouble(PolicyResult::costPerItem)
                        .thenComparing(PolicyResult::quality, Comparator.reverseOrder()))
                .toList();
        List<String> frontier = new ArrayList<>();
        double best = Double.NEGATIVE_INFINITY;
        PolicyResult last = null;
        for (PolicyResult p : points) {
            boolean tie = last != null && p.costPerItem() == last.costPerItem() && p.quality() == last.quality();
            if (p.quality() > best || tie) {
                frontier.add(p.id());
                best = p.quality();
                last = p;
            }
        }
        return frontier;
    }

    /**
     * The cheapest non-inferior routing policy that is cheaper than every single candidate non-inferior to the
     * incumbent by its own test (the incumbent included); at equal cost the better, then the first.
     */
    static Optional<String> best(List<PolicyResult> results, double alpha) {
        double cheapestSingle = Double.POSITIVE_INFINITY;
        for (PolicyResult r : results) {
            boolean ok = r.verdict() == RouteVerdict.BASELINE
                    || (r.verdict() == RouteVerdict.REFERENCE && r.pValue() <= alpha);
            if (ok && r.costKnown()) {
                cheapestSingle = Math.min(cheapestSingle, r.costPerItem());
            }
        }
        double limit = cheapestSingle;
        return results.stream()
                .filter(r -> r.verdict() == RouteVerdict.NON_INFERIOR && r.costKnown() && r.costPerItem() < limit)
                .min(Comparator.comparingDouble(PolicyResult::costPerItem)
                        .thenComparing(PolicyResult::quality, Comparator.reverseOrder()))
                .map(PolicyResult::id);
    }

    private static String method(Table t, RoutingOptions o, int family, Evaluation.Fitting fitting, int items) {
        String bootstrap = (o.method() == Bootstrap.Method.BCA ? "bca" : "percentile") + "-bootstrap("
                + o.resamples() + ", seed=" + o.seed() + ")";
        return String.format(Locale.ROOT, "%d of %d items (scored for every candidate); %s; thresholds: the cheapest "
                        + "cut with training mean difference ≥ -margin/2 and 3 standard errors of a fold above -margin "
                        + "(margin %s); learned: Tribuo logistic "
                        + "regression (LinearSGDTrainer, LogMulticlass, AdaGrad(1.0, 0.1), %d epochs, seed %d) on "
                        + "standardized prompt features; non-inferiority one-sided at α=%s by paired %s or Tango's "
                        + "score test for 0/1 scores%s; Holm across %d routing policies",
                t.n, items, fitting == Evaluation.Fitting.IN_SAMPLE ? "IN-SAMPLE (fitted and scored on the same items)"
                        : "cross-fitted over " + o.folds() + " seeded folds (seed " + o.seed() + ")",
                plain(o.margin()), LearnedRouter.EPOCHS, o.seed(), plain(o.alpha()), bootstrap,
                fitting == Evaluation.Fitting.IN_SAMPLE ? ""
                        : " (a routing policy in every held-out fold: p = the largest fold's p)", family);
    }

    static String plain(double v) {
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "-∞";
        }
        return String.format(Locale.ROOT, "%.4g", v).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2").replaceAll("\\.(e|$)",
                "$1");
    }

}
