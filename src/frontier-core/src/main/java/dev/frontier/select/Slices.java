package dev.frontier.select;

import dev.frontier.stats.Bootstrap;
import dev.frontier.stats.Holm;
import dev.frontier.stats.Interval;
import dev.frontier.stats.NonInferiorityTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.DoubleUnaryOperator;

/**
 * The comparison with the incumbent on each segment of the items (a <em>slice</em>: the items whose dataset field
 * {@code intent} is {@code billing_refund}), so that a candidate that is non-inferior on average but clearly worse on
 * one segment is not recommended.
 *
 * <p><b>The test per slice.</b> Each value of each sliced field with at least {@code minItems} items the incumbent
 * answered is tested like the whole suite (the same {@link NonInferiorityTest}: paired bootstrap, or Tango's score
 * test for 0/1 scores; the same seed and margin), on the items of that slice only. Each slice is its own Holm family
 * over the candidates {@link Qualification} tests (the cheaper ones): the family is fixed by cost, so it is the same
 * for every slice. Two one-sided questions are asked of every comparison, each with its own Holm correction:
 * <ul>
 *   <li>non-inferior: H0 difference ≤ −margin, rejected when the Holm-adjusted p-value is ≤ α (the overall
 *   decision's test);</li>
 *   <li>shown worse: H0 difference ≥ −margin, rejected when the Holm-adjusted p-value of the mirrored test is
 *   ≤ α; that p-value is the α at which the one-sided upper bound of the difference falls below −margin (found by
 *   bisection on the test's own upper bound, so bound and p-value never disagree).</li>
 * </ul>
 *
 * <p><b>The rule.</b> Under {@link Rule#NOT_SHOWN_WORSE} a candidate fails when it is shown worse on some slice;
 * under {@link Rule#NON_INFERIOR} when it is not shown non-inferior on some tested slice. Slices with too few items
 * are listed and never count against a candidate. A failing candidate's reason names every slice it failed, worst
 * first, e.g. {@code worse on intent = billing_refund: -0.21 [-0.33, -0.09]} (the difference and its two-sided
 * (1 − 2α) interval).
 */
public final class Slices {

    private Slices() {
    }

    /** What a candidate must show on each slice with enough items. */
    public enum Rule {
        /** Out when shown worse than the margin on a slice. */
        NOT_SHOWN_WORSE,
        /** Out unless shown non-inferior on every slice with enough items. */
        NON_INFERIOR
    }

    /** A candidate's outcome on one slice. */
    public enum Status {
        /** Shown non-inferior at the margin, after Holm within the slice. */
        NON_INFERIOR,
        /** Neither shown non-inferior nor shown worse. */
        NOT_SHOWN,
        /** Shown worse than the margin, after Holm within the slice. */
        SHOWN_WORSE,
        /** Fewer paired items than the slice's minimum: not tested. */
        TOO_FEW_ITEMS
    }

    /**
     * One sliced field.
     *
     * @param name        the dataset field
     * @param minItems    the fewest paired items a value needs to be tested
     * @param valueByItem the field's value per item id (items without a value are in no slice of this field)
     */
    public record Field(String name, int minItems, Map<String, String> valueByItem) {
        public Field {
            Objects.requireNonNull(name, "name");
            if (minItems < 1) {
                throw new IllegalArgumentException("minItems must be at least 1");
            }
            valueByItem = Collections.unmodifiableMap(new LinkedHashMap<>(valueByItem));
        }
    }

    /**
     * A cheaper candidate against the incumbent on one slice. The numbers are NaN when not tested.
     *
     * @param candidate           candidate id
     * @param n                   paired items in the slice
     * @param difference          mean quality difference, candidate − incumbent
     * @param interval            the two-sided (1 − 2α) interval of the difference, empty when not tested
     * @param pValue              one-sided p-value of H0: difference ≤ −margin
     * @param adjustedPValue      Holm-adjusted within the slice
     * @param worsePValue         one-sided p-value of H0: difference ≥ −margin (small = shown worse)
     * @param adjustedWorsePValue Holm-adjusted within the slice
     * @param status              the outcome
     */
    public record Comparison(String candidate, int n, double difference, Optional<Interval> interval, double pValue,
                             double adjustedPValue, double worsePValue, double adjustedWorsePValue, Status status) {
    }

    /**
     * One value of one field.
     *
     * @param field       the dataset field
     * @param value       its value
     * @param items       items the incumbent has a quality for in this slice
     * @param tested      whether {@code items} reached the field's minimum
     * @param quality     each candidate's mean quality in the slice with its bootstrap interval, in candidate order
     * @param comparisons one per cheaper candidate, in candidate order
     */
    public record Slice(String field, String value, int items, boolean tested, Map<String, Interval> quality,
                        List<Comparison> comparisons) {
        public Slice {
            quality = Collections.unmodifiableMap(new LinkedHashMap<>(quality));
            comparisons = List.copyOf(comparisons);
        }

        /** The comparison of candidate {@code id}, if it is in the family. */
        public Optional<Comparison> comparison(String id) {
            return comparisons.stream().filter(c -> c.candidate().equals(id)).findFirst();
        }
    }

    /**
     * Every slice, and the candidates that fail the rule.
     *
     * @param slices   by field in the order given, then by value
     * @param failures why each failing candidate fails, by candidate id (for {@link Qualification#decide(List,
     *                 Rules, Map)})
     * @param rule     the rule applied
     */
    public record Result(List<Slice> slices, Map<String, String> failures, Rule rule) {
        public Result {
            slices = List.copyOf(slices);
            failures = Collections.unmodifiableMap(new LinkedHashMap<>(failures));
        }
    }

    /**
     * Compares every cheaper candidate with the incumbent on every slice of {@code fields} under {@code rules}
     * (margin, confidence, bootstrap; {@code rules.minItems()} is replaced by each field's minimum) and applies
     * {@code rule}. Means are given with intervals from {@code means}.
     *
     * @throws IllegalArgumentException as {@link Qualification#decide(List, Qualification.Rules)}
     */
    public static Result of(List<Qualification.Candidate> candidates, List<Field> fields, Qualification.Rules rules,
                            Rule rule, Bootstrap means) {
        Qualification.Candidate incumbent = Qualification.incumbent(candidates);
        List<Qualification.Candidate> family = Qualification.cheaper(candidates, incumbent);
        double alpha = rules.alpha();
        Bootstrap bootstrap = new Bootstrap(rules.resamples(), rules.seed(), 1 - 2 * alpha);
        List<Slice> slices = new ArrayList<>();
        Map<String, List<Failed>> failed = new LinkedHashMap<>();
        for (Field field : fields) {
            Map<String, List<String>> byValue = new TreeMap<>();
            field.valueByItem().forEach((item, value) -> {
                if (value != null && incumbent.qualityByItem().get(item) != null) {
                    byValue.computeIfAbsent(value, v -> new ArrayList<>()).add(item);
                }
            });
            Qualification.Rules sliceRules = rules.withMinItems(field.minItems());
            for (Map.Entry<String, List<String>> e : byValue.entrySet()) {
                Slice slice = slice(field, e.getKey(), e.getValue(), candidates, incumbent, family, sliceRules,
                        bootstrap, means);
                slices.add(slice);
                for (Comparison c : slice.comparisons()) {
                    boolean fails = rule == Rule.NOT_SHOWN_WORSE ? c.status() == Status.SHOWN_WORSE
                            : c.status() == Status.NOT_SHOWN || c.status() == Status.SHOWN_WORSE;
                    if (fails) {
                        failed.computeIfAbsent(c.candidate(), k -> new ArrayList<>()).add(new Failed(slice, c));
                    }
                }
            }
        }
        Map<String, String> failures = new LinkedHashMap<>();
        for (Qualification.Candidate c : family) {
            List<Failed> f = failed.get(c.id());
            if (f != null) {
                f.sort(java.util.Comparator.comparingDouble((Failed x) -> x.comparison().difference())
                        .thenComparing(x -> x.slice().field()).thenComparing(x -> x.slice().value()));
                failures.put(c.id(), String.join("; ", f.stream().map(x -> x.reason(rules.margin())).toList()));
            }
        }
        return new Result(slices, failures, rule);
    }

    private record Failed(Slice slice, Comparison comparison) {
        String reason(double margin) {
            Comparison c = comparison;
            String where = slice.field() + " = " + slice.value() + ": " + Figures.signed(c.difference()) + " ["
                    + Figures.signed(c.interval().orElseThrow().lower()) + ", "
                    + Figures.signed(c.interval().orElseThrow().upper()) + "], n=" + c.n();
            return c.status() == Status.SHOWN_WORSE
                    ? "worse on " + where + " (shown worse than -" + Figures.plain(margin) + ")"
                    : "not shown non-inferior on " + where;
        }
    }

    private static Slice slice(Field field, String value, List<String> items, List<Qualification.Candidate> all,
                               Qualification.Candidate incumbent, List<Qualification.Candidate> family,
                               Qualification.Rules rules, Bootstrap bootstrap, Bootstrap means) {
        Map<String, Interval> quality = new LinkedHashMap<>();
        for (Qualification.Candidate c : all) {
            double[] v = items.stream().map(c.qualityByItem()::get).filter(Objects::nonNull)
                    .mapToDouble(Double::doubleValue).toArray();
            means.mean(v).ifPresent(i -> quality.put(c.id(), i));
        }
        boolean tested = items.size() >= field.minItems();
        Qualification.Candidate inSlice = restrict(incumbent, items);
        int m = family.size();
        List<Optional<NonInferiorityTest>> tests = new ArrayList<>();
        double[] p = new double[m];
        double[] worse = new double[m];
        int[] n = new int[m];
        for (int i = 0; i < m; i++) {
            Qualification.Candidate c = restrict(family.get(i), items);
            n[i] = Qualification.commonItems(c, inSlice).size();
            Optional<NonInferiorityTest> t = tested ? Qualification.test(c, inSlice, rules, bootstrap)
                    : Optional.empty();
            tests.add(t);
            p[i] = t.map(NonInferiorityTest::pValue).orElse(1.0);
            worse[i] = t.map(x -> worsePValue(x::upperBound, rules.margin())).orElse(1.0);
        }
        double[] adjusted = Holm.adjust(p);
        double[] adjustedWorse = Holm.adjust(worse);
        double alpha = rules.alpha();
        List<Comparison> comparisons = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            String id = family.get(i).id();
            if (tests.get(i).isEmpty()) {
                comparisons.add(new Comparison(id, n[i], Double.NaN, Optional.empty(), Double.NaN, Double.NaN,
                        Double.NaN, Double.NaN, Status.TOO_FEW_ITEMS));
                continue;
            }
            NonInferiorityTest t = tests.get(i).get();
            Status status = adjusted[i] <= alpha ? Status.NON_INFERIOR
                    : adjustedWorse[i] <= alpha ? Status.SHOWN_WORSE : Status.NOT_SHOWN;
            comparisons.add(new Comparison(id, t.n(), t.difference(), Optional.of(t.interval(1 - 2 * alpha)), p[i],
                    adjusted[i], worse[i], adjustedWorse[i], status));
        }
        return new Slice(field.name(), value, items.size(), tested, quality, comparisons);
    }

    private static Qualification.Candidate restrict(Qualification.Candidate c, List<String> items) {
        Map<String, Double> q = new LinkedHashMap<>();
        for (String item : items) {
            Double v = c.qualityByItem().get(item);
            if (v != null) {
                q.put(item, v);
            }
        }
        return new Qualification.Candidate(c.id(), c.incumbent(), c.costPer1k(), q, c.binary(), c.latencyP95Ms(),
                c.scorerMeans());
    }

    /**
     * The one-sided p-value of H0: difference ≥ −margin, from the test's upper bound: the smallest α at which the
     * (1 − α) upper bound is below −margin (the bound falls as α grows), to 1e-9. 1 when no α in (0, 1) does.
     */
    static double worsePValue(DoubleUnaryOperator upperBound, double margin) {
        double lo = 1e-12;
        double hi = 1 - 1e-12;
        if (!(upperBound.applyAsDouble(1 - hi) < -margin)) {
            return 1.0;
        }
        if (upperBound.applyAsDouble(1 - lo) < -margin) {
            return lo;
        }
        for (int i = 0; i < 200 && hi - lo > 1e-9; i++) {
            double mid = (lo + hi) / 2;
            if (upperBound.applyAsDouble(1 - mid) < -margin) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }
}
