package dev.frontier.calibrate;

import dev.frontier.stats.Agreement;
import dev.frontier.stats.KappaWeights;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How well a scorer agrees with people on the same outputs, at three levels (see the package description).
 *
 * @param itemLevel           all ratings pooled; kappas on the scale when there is one
 * @param summaryLevel        per item, the correlation across candidates, averaged over the items where it is
 *                            defined ({@code n} = those items); kappas {@code NaN}
 * @param summaryItemsUsed    items behind the summary level
 * @param summaryItemsSkipped items left out of it: fewer than two candidates, or constant human or scorer scores
 * @param systemLevel         correlation of the per-candidate mean scores ({@code n} = candidates); kappas
 *                            {@code NaN}
 * @param confusion           human against scorer on the scale; empty without a scale
 */
public record Calibration(Measures itemLevel, Measures summaryLevel, int summaryItemsUsed, int summaryItemsSkipped,
                          Measures systemLevel, Optional<ConfusionMatrix> confusion) {

    /**
     * Calibrates scorer against human scores.
     *
     * @param ratings one per item and candidate
     * @param scale   the points of a discrete scale, e.g. {@code [0, 0.5, 1]}, or empty. When given, scorer and
     *                human values are each mapped to the nearest point (a value midway between two goes to the
     *                lower one) for the item-level kappas and the confusion matrix.
     * @throws IllegalArgumentException when an item and candidate are rated twice, or scale points are repeated
     *                                  or not finite
     */
    public static Calibration of(List<Rating> ratings, List<Double> scale) {
        double[] points = checkedScale(scale);
        Set<List<String>> seen = new HashSet<>();
        Map<String, List<Rating>> byItem = new LinkedHashMap<>();
        Map<String, List<Rating>> byCandidate = new LinkedHashMap<>();
        for (Rating r : ratings) {
            if (!seen.add(List.of(r.itemId(), r.candidateId()))) {
                throw new IllegalArgumentException("item " + r.itemId() + ", candidate " + r.candidateId()
                        + " is rated twice");
            }
            byItem.computeIfAbsent(r.itemId(), k -> new ArrayList<>()).add(r);
            byCandidate.computeIfAbsent(r.candidateId(), k -> new ArrayList<>()).add(r);
        }
        double[] scorer = ratings.stream().mapToDouble(Rating::scorer).toArray();
        double[] human = ratings.stream().mapToDouble(Rating::human).toArray();
        Measures pooled = correlations(scorer, human);
        Measures summaryLevel = summaryLevel(byItem.values());
        double[] scorerMeans = byCandidate.values().stream()
                .mapToDouble(c -> c.stream().mapToDouble(Rating::scorer).average().orElseThrow()).toArray();
        double[] humanMeans = byCandidate.values().stream()
                .mapToDouble(c -> c.stream().mapToDouble(Rating::human).average().orElseThrow()).toArray();
        Measures systemLevel = correlations(scorerMeans, humanMeans);
        int skipped = byItem.size() - summaryLevel.n();
        if (points.length == 0) {
            return new Calibration(pooled, summaryLevel, summaryLevel.n(), skipped, systemLevel, Optional.empty());
        }
        int[] s = nearest(scorer, points);
        int[] h = nearest(human, points);
        Measures itemLevel = new Measures(pooled.n(), pooled.pearson(), pooled.spearman(), pooled.kendallTauB(),
                Agreement.cohenKappa(h, s, points.length, KappaWeights.NONE),
                Agreement.cohenKappa(h, s, points.length, KappaWeights.LINEAR),
                Agreement.cohenKappa(h, s, points.length, KappaWeights.QUADRATIC));
        return new Calibration(itemLevel, summaryLevel, summaryLevel.n(), skipped, systemLevel,
                Optional.of(confusion(h, s, points)));
    }

    /** The mean over items of the correlations across candidates; {@code n} = the items where they are defined. */
    private static Measures summaryLevel(Collection<List<Rating>> items) {
        double pearson = 0;
        double spearman = 0;
        double kendall = 0;
        int used = 0;
        for (List<Rating> item : items) {
            double[] x = item.stream().mapToDouble(Rating::scorer).toArray();
            double[] y = item.stream().mapToDouble(Rating::human).toArray();
            double r = Agreement.pearson(x, y);
            // undefined exactly when there are fewer than two candidates or a side is constant
            if (Double.isNaN(r)) {
                continue;
            }
            pearson += r;
            spearman += Agreement.spearman(x, y);
            kendall += Agreement.kendallTauB(x, y);
            used++;
        }
        // with no item used these are 0/0: NaN
        return new Measures(used, pearson / used, spearman / used, kendall / used, Double.NaN, Double.NaN,
                Double.NaN);
    }

    private static Measures correlations(double[] scorer, double[] human) {
        return new Measures(scorer.length, Agreement.pearson(scorer, human), Agreement.spearman(scorer, human),
                Agreement.kendallTauB(scorer, human), Double.NaN, Double.NaN, Double.NaN);
    }

    private static double[] checkedScale(List<Double> scale) {
        double[] points = new double[scale.size()];
        for (int i = 0; i < points.length; i++) {
            Double p = scale.get(i);
            if (p == null || !Double.isFinite(p)) {
                throw new IllegalArgumentException("scale points must be finite, got " + p);
            }
            points[i] = p + 0.0; // −0.0 + 0.0 is 0.0: one point, not two
        }
        Arrays.sort(points);
        for (int i = 1; i < points.length; i++) {
            if (points[i] == points[i - 1]) {
                throw new IllegalArgumentException("scale point " + points[i] + " is repeated");
            }
        }
        return points;
    }

    /** The index of the point nearest to each value; the lower point when a value is midway. */
    private static int[] nearest(double[] values, double[] points) {
        int[] index = new int[values.length];
        for (int v = 0; v < values.length; v++) {
            for (int p = 1; p < points.length; p++) {
                if (Math.abs(values[v] - points[p]) < Math.abs(values[v] - points[index[v]])) {
                    index[v] = p;
                }
            }
        }
        return index;
    }

    private static ConfusionMatrix confusion(int[] human, int[] scorer, double[] points) {
        long[][] counts = new long[points.length][points.length];
        for (int i = 0; i < human.length; i++) {
            counts[human[i]][scorer[i]]++;
        }
        List<String> labels = new ArrayList<>();
        for (double p : points) {
            labels.add(BigDecimal.valueOf(p).stripTrailingZeros().toPlainString());
        }
        return new ConfusionMatrix(labels, counts);
    }
}
