package dev.frontier.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Agreement among several annotators: Krippendorff's alpha (any number of annotators per unit, missing values
 * allowed, nominal, ordinal or interval values) and Fleiss' kappa (a fixed number of raters per unit choosing among
 * labels). Both are 1 for perfect agreement and 0 for agreement at chance level.
 */
public final class InterAnnotator {
    private InterAnnotator() {
    }

    /**
     * Krippendorff's alpha, in the coincidence-matrix formulation of Krippendorff (2011), "Computing Krippendorff's
     * Alpha-Reliability": α = 1 − (n − 1) Σ o_ck δ²_ck / Σ n_c n_k δ²_ck, where a unit with m values adds
     * 1/(m − 1) to o_ck for every ordered pair of its values (c, k) from different annotators, n_c is the number
     * of pairable values equal to c and n their total.
     *
     * @param units each unit's values by annotator; units with fewer than two values cannot be paired and are
     *              ignored
     * @return α, or {@code NaN} when nothing is pairable or all pairable values are equal (no expected
     *         disagreement)
     * @throws IllegalArgumentException when a value is null or not finite
     */
    public static double krippendorffAlpha(List<Map<String, Double>> units, AlphaLevel level) {
        List<double[]> pairable = new ArrayList<>();
        for (Map<String, Double> unit : units) {
            double[] values = new double[unit.size()];
            int i = 0;
            for (Map.Entry<String, Double> e : unit.entrySet()) {
                if (e.getValue() == null || !Double.isFinite(e.getValue())) {
                    throw new IllegalArgumentException("value of " + e.getKey() + " must be finite, got "
                            + e.getValue());
                }
                values[i++] = e.getValue() + 0.0; // −0.0 + 0.0 is 0.0: one value, not two
            }
            if (values.length >= 2) {
                pairable.add(values);
            }
        }
        double[] distinct = pairable.stream().flatMapToDouble(Arrays::stream).sorted().distinct().toArray();
        Map<Double, Integer> index = new HashMap<>();
        for (int g = 0; g < distinct.length; g++) {
            index.put(distinct[g], g);
        }
        // n_g: a unit's row in the coincidence matrix sums to the number of its values equal to g
        long[] marginal = new long[distinct.length];
        for (double[] unit : pairable) {
            for (double v : unit) {
                marginal[index.get(v)]++;
            }
        }
        Difference delta = difference(level, distinct, marginal);
        double observed = 0;
        for (double[] unit : pairable) {
            double sum = 0;
            for (int i = 0; i < unit.length; i++) {
                for (int j = i + 1; j < unit.length; j++) {
                    sum += delta.squared(index.get(unit[i]), index.get(unit[j]));
                }
            }
            observed += 2 * sum / (unit.length - 1);
        }
        double expected = 0;
        for (int c = 0; c < distinct.length; c++) {
            for (int k = c + 1; k < distinct.length; k++) {
                expected += 2.0 * marginal[c] * marginal[k] * delta.squared(c, k);
            }
        }
        long n = Arrays.stream(marginal).sum();
        return expected == 0 ? Double.NaN : 1 - (n - 1) * observed / expected;
    }

    /** δ² between the distinct values with indexes c and k. */
    private interface Difference {
        double squared(int c, int k);
    }

    private static Difference difference(AlphaLevel level, double[] distinct, long[] marginal) {
        return switch (level) {
            case NOMINAL -> (c, k) -> c == k ? 0 : 1;
            case INTERVAL -> (c, k) -> (distinct[c] - distinct[k]) * (distinct[c] - distinct[k]);
            case ORDINAL -> {
                long[] below = new long[marginal.length + 1];
                for (int g = 0; g < marginal.length; g++) {
                    below[g + 1] = below[g] + marginal[g];
                }
                yield (c, k) -> {
                    int lo = Math.min(c, k);
                    int hi = Math.max(c, k);
                    double d = below[hi + 1] - below[lo] - (marginal[lo] + marginal[hi]) / 2.0;
                    return d * d;
                };
            }
        };
    }

    /**
     * Fleiss' kappa: κ = (P̄ − P̄ₑ) / (1 − P̄ₑ), with P̄ the mean over units of the share of agreeing rater pairs,
     * (Σⱼ nᵢⱼ² − m) / (m(m − 1)), and P̄ₑ = Σⱼ pⱼ² from the overall share pⱼ of each label. A label missing from a
     * unit counts 0 there.
     *
     * @param units for each unit, how many raters chose each label
     * @return κ, or {@code NaN} when there are no units or all raters chose one and the same label
     * @throws IllegalArgumentException when a count is negative, units have different numbers of raters or fewer
     *                                  than two raters
     */
    public static double fleissKappa(List<Map<String, Integer>> units) {
        if (units.isEmpty()) {
            return Double.NaN;
        }
        long raters = raters(units.get(0));
        if (raters < 2) {
            throw new IllegalArgumentException("need at least 2 raters per unit, got " + raters);
        }
        Set<String> labels = new TreeSet<>();
        double agreement = 0;
        for (int i = 0; i < units.size(); i++) {
            Map<String, Integer> unit = units.get(i);
            long m = raters(unit);
            if (m != raters) {
                throw new IllegalArgumentException("every unit needs the same number of raters: unit 0 has "
                        + raters + ", unit " + i + " has " + m);
            }
            long same = 0;
            for (Map.Entry<String, Integer> e : unit.entrySet()) {
                same += (long) e.getValue() * e.getValue();
                labels.add(e.getKey());
            }
            agreement += (double) (same - raters) / (raters * (raters - 1));
        }
        double meanAgreement = agreement / units.size();
        double chance = 0;
        double all = (double) units.size() * raters;
        for (String label : labels) {
            long chosen = units.stream().mapToLong(u -> u.getOrDefault(label, 0)).sum();
            chance += (chosen / all) * (chosen / all);
        }
        return chance == 1 ? Double.NaN : (meanAgreement - chance) / (1 - chance);
    }

    private static long raters(Map<String, Integer> unit) {
        long sum = 0;
        for (Map.Entry<String, Integer> e : unit.entrySet()) {
            if (e.getValue() == null || e.getValue() < 0) {
                throw new IllegalArgumentException("count of " + e.getKey() + " must not be negative, got "
                        + e.getValue());
            }
            sum += e.getValue();
        }
        return sum;
    }
}
