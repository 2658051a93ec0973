package dev.frontier.select;

import dev.frontier.stats.Bootstrap;
import dev.frontier.stats.Interval;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Pareto with uncertainty: which candidates on (or near) the frontier cannot be told apart on quality.
 *
 * <p>For every pair of the candidates given (typically the frontier, in ascending cost), the paired bootstrap
 * interval of the quality difference on their common items is computed at the bootstrap's confidence; the pair
 * is <em>not distinguishable</em> when that interval contains 0. Pairing is used because it removes the items'
 * own difficulty from the comparison; overlapping marginal intervals (the cruder test) would call far more pairs
 * indistinguishable. Only when two candidates share fewer than two items does the check fall back to whether their
 * quality intervals overlap. The result is descriptive: no multiplicity correction is applied.
 */
public final class Distinguishability {

    private Distinguishability() {
    }

    /**
     * One pair's comparison.
     *
     * @param first            a candidate id
     * @param second           the other candidate id
     * @param n                number of common items
     * @param difference       the paired quality difference first − second with its interval, when paired
     * @param distinguishable  whether the qualities differ at the bootstrap's confidence
     * @param basis            {@code paired difference} or {@code overlap of quality intervals}
     */
    public record Pair(String first, String second, int n, Optional<Interval> difference, boolean distinguishable,
                       String basis) {
    }

    /**
     * The pairwise comparisons.
     *
     * @param pairs every pair of the given candidates, in input order
     */
    public record Result(List<Pair> pairs) {

        public Result {
            pairs = List.copyOf(pairs);
        }

        /** The candidates {@code id} cannot be told apart from. */
        public Set<String> tiedWith(String id) {
            Set<String> tied = new LinkedHashSet<>();
            for (Pair p : pairs) {
                if (!p.distinguishable()) {
                    if (p.first().equals(id)) {
                        tied.add(p.second());
                    } else if (p.second().equals(id)) {
                        tied.add(p.first());
                    }
                }
            }
            return tied;
        }

        /** The candidates that cannot be told apart from at least one other. */
        public Set<String> notDistinguishable() {
            Set<String> ids = new LinkedHashSet<>();
            for (Pair p : pairs) {
                if (!p.distinguishable()) {
                    ids.add(p.first());
                    ids.add(p.second());
                }
            }
            return ids;
        }
    }

    /**
     * Compares every pair of {@code ids} on their per-item quality.
     *
     * @param qualityByItem per candidate id, quality by item id
     * @param ids           the candidates to compare, e.g. the Pareto frontier
     * @param bootstrap     resamples, seed and confidence of the intervals
     * @param method        interval method
     * @throws IllegalArgumentException when an id has no quality values
     */
    public static Result of(Map<String, Map<String, Double>> qualityByItem, List<String> ids, Bootstrap bootstrap,
                            Bootstrap.Method method) {
        for (String id : ids) {
            if (!qualityByItem.containsKey(id)) {
                throw new IllegalArgumentException("no quality values for " + id);
            }
        }
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                pairs.add(compare(ids.get(i), ids.get(j), qualityByItem, bootstrap, method));
            }
        }
        return new Result(pairs);
    }

    private static Pair compare(String a, String b, Map<String, Map<String, Double>> quality, Bootstrap bootstrap,
                                Bootstrap.Method method) {
        Map<String, Double> qa = quality.get(a);
        Map<String, Double> qb = quality.get(b);
        TreeSet<String> common = new TreeSet<>();
        qa.forEach((item, v) -> {
            if (v != null && qb.get(item) != null) {
                common.add(item);
            }
        });
        if (common.size() >= 2) {
            double[] x = new double[common.size()];
            double[] y = new double[common.size()];
            int k = 0;
            for (String item : common) {
                x[k] = qa.get(item);
                y[k] = qb.get(item);
                k++;
            }
            Interval d = bootstrap.pairedDifference(x, y, method).orElseThrow();
            boolean distinguishable = d.lower() > 0 || d.upper() < 0;
            return new Pair(a, b, common.size(), Optional.of(d), distinguishable, "paired difference");
        }
        Optional<Interval> ia = bootstrap.mean(values(qa), method);
        Optional<Interval> ib = bootstrap.mean(values(qb), method);
        boolean distinguishable = ia.isPresent() && ib.isPresent() && !ia.get().overlaps(ib.get());
        return new Pair(a, b, common.size(), Optional.empty(), distinguishable, "overlap of quality intervals");
    }

    private static double[] values(Map<String, Double> q) {
        return q.values().stream().filter(v -> v != null).mapToDouble(Double::doubleValue).toArray();
    }
}
