package dev.frontier.run.review;

import dev.frontier.calibrate.Calibration;
import dev.frontier.calibrate.ConfusionMatrix;
import dev.frontier.calibrate.Measures;
import dev.frontier.calibrate.Rating;
import dev.frontier.config.CandidateSpec;
import dev.frontier.model.Score;
import dev.frontier.run.prepare.LateScorers;
import dev.frontier.run.prepare.PreparedSuite;
import dev.frontier.score.HumanLabels;
import dev.frontier.score.JudgeScale;
import dev.frontier.score.JudgeScorer;
import dev.frontier.score.LabelScorer;
import dev.frontier.stats.AlphaLevel;
import dev.frontier.stats.InterAnnotator;
import dev.frontier.stats.WinRate;
import dev.frontier.results.RunResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The run-level figures of the late scorers: each human-label set with its inter-annotator agreement, the
 * calibration of scorers against human labels (item, summary and system level, and the confusion matrix), and
 * win rates against the baseline from pairwise judges and preference labels.
 */
public final class Review {
    private Review() {
    }

    /** Each human-labels scorer's data and inter-annotator agreement. */
    public static List<RunResult.HumanLabelSet> labelSets(PreparedSuite p) {
        List<RunResult.HumanLabelSet> out = new ArrayList<>();
        for (PreparedSuite.BoundScorer b : p.scorers()) {
            if (b.scorer() instanceof HumanLabels h) {
                out.add(labelSet(b.spec().id(), h));
            }
        }
        return out;
    }

    /** One label set's size and inter-annotator agreement. */
    static RunResult.HumanLabelSet labelSet(String id, HumanLabels h) {
        Set<String> annotators = new HashSet<>();
        int ratings = 0;
        List<Map<String, Double>> units = new ArrayList<>();
        for (Map<String, Double> byAnnotator : h.labels().values()) {
            annotators.addAll(byAnnotator.keySet());
            ratings += byAnnotator.size();
            units.add(byAnnotator);
        }
        double agreement;
        String method;
        if (h.kind() == HumanLabels.Kind.SCORE || h.continuous()) {
            agreement = InterAnnotator.krippendorffAlpha(units, AlphaLevel.INTERVAL);
            method = "Krippendorff's alpha (interval)";
        } else if (sameRaterCount(units)) {
            agreement = InterAnnotator.fleissKappa(counts(units));
            method = "Fleiss' kappa";
        } else {
            agreement = InterAnnotator.krippendorffAlpha(units, AlphaLevel.NOMINAL);
            method = "Krippendorff's alpha (nominal)";
        }
        String scale = h.continuous() ? h.grade(0) + " (baseline preferred).." + h.grade(1) + " (candidate preferred)"
                : h.kind() == HumanLabels.Kind.PREFERENCE ? "loss, tie, win"
                : h.scale().isLabels() ? String.join(", ", h.scale().labels())
                : h.scale().grade(0) + ".." + h.scale().grade(1);
        return new RunResult.HumanLabelSet(id, h.file(), h.kind().name().toLowerCase(java.util.Locale.ROOT),
                scale, h.labels().size(), annotators.size(), ratings, finite(agreement), method);
    }

    private static boolean sameRaterCount(List<Map<String, Double>> units) {
        return !units.isEmpty() && units.get(0).size() >= 2
                && units.stream().mapToInt(Map::size).distinct().count() == 1;
    }

    private static List<Map<String, Integer>> counts(List<Map<String, Double>> units) {
        List<Map<String, Integer>> out = new ArrayList<>();
        for (Map<String, Double> u : units) {
            Map<String, Integer> c = new LinkedHashMap<>();
            u.values().forEach(v -> c.merge(Double.toString(v), 1, Integer::sum));
            out.add(c);
        }
        return out;
    }

    /** Every scorer checked against every labels scorer (those it names, else all others). */
    public static List<RunResult.Calibration> calibration(PreparedSuite p, List<RunResult.ItemResult> items) {
        List<RunResult.Calibration> out = new ArrayList<>();
        for (PreparedSuite.BoundScorer h : p.scorers()) {
            if (!(h.scorer() instanceof HumanLabels labels) || labels.preference()) {
                continue;   // preferences are reported as win rates, not correlated with grades
            }
            List<String> scorers = LateScorers.calibrated(p.scorers(), h).stream().map(b -> b.spec().id()).toList();
            out.addAll(calibrate(h.spec().id(), labels, scorers, items));
        }
        return out;
    }

    /** Each scorer in {@code scorerIds} against the labels, over the outputs of {@code items}. */
    static List<RunResult.Calibration> calibrate(String labelsId, HumanLabels labels, List<String> scorerIds,
                                                 List<RunResult.ItemResult> items) {
        List<RunResult.Calibration> out = new ArrayList<>();
        JudgeScale scale = labels.scale();
        for (String scorerId : scorerIds) {
            List<Rating> ratings = new ArrayList<>();
            for (RunResult.ItemResult item : items) {
                for (Map.Entry<String, RunResult.ItemOutput> e : item.outputs().entrySet()) {
                    if (!e.getValue().error().isEmpty()) {
                        continue;
                    }
                    Double scorer = e.getValue().scores().get(scorerId);
                    if (scorer != null && labels.score(item.id(), e.getKey())
                            instanceof Score.Value human) {
                        ratings.add(new Rating(item.id(), e.getKey(), scorer, human.value()));
                    }
                }
            }
            if (ratings.size() < 2) {
                continue;
            }
            Calibration c = Calibration.of(ratings, scale.points());
            List<String> grades = new ArrayList<>();
            List<List<Long>> matrix = new ArrayList<>();
            if (c.confusion().isPresent()) {
                ConfusionMatrix m = c.confusion().get();
                List<Double> points = scale.points();
                for (int i = 0; i < points.size(); i++) {
                    grades.add(scale.grade(points.get(i)));
                }
                for (long[] row : m.counts()) {
                    List<Long> r = new ArrayList<>();
                    for (long v : row) {
                        r.add(v);
                    }
                    matrix.add(r);
                }
            }
            out.add(new RunResult.Calibration(scorerId, labelsId, agreement(c.itemLevel()),
                    agreement(c.summaryLevel()), c.summaryItemsUsed(), c.summaryItemsSkipped(),
                    agreement(c.systemLevel()), grades, matrix));
        }
        return out;
    }

    private static RunResult.Agreement agreement(Measures m) {
        return new RunResult.Agreement(m.n(), finite(m.pearson()), finite(m.spearman()), finite(m.kendallTauB()),
                finite(m.kappa()), finite(m.kappaLinear()), finite(m.kappaQuadratic()));
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /** Win rates against the incumbent from each pairwise judge and each preference-labels scorer. */
    public static List<RunResult.Pairwise> pairwise(PreparedSuite p, List<RunResult.ItemResult> items) {
        List<RunResult.Pairwise> out = new ArrayList<>();
        Optional<CandidateSpec> baseline = p.suite().incumbent();
        if (baseline.isEmpty()) {
            return out;
        }
        double confidence = p.suite().statistics().confidence();
        List<String> candidates = p.suite().candidates().stream().map(CandidateSpec::id).toList();
        for (PreparedSuite.BoundScorer s : p.scorers()) {
            boolean judge = s.scorer() instanceof JudgeScorer j && j.pairwise();
            boolean human = s.scorer() instanceof LabelScorer h && h.preference();
            if (!judge && !human) {
                continue;
            }
            String id = s.spec().id();
            boolean continuous = s.scorer() instanceof HumanLabels h && h.continuous();
            out.addAll(winRates(id, judge ? "judge" : "human", baseline.get().id(), candidates, items,
                    (item, candidate) -> Optional.ofNullable(item.outputs().get(candidate).scores().get(id)),
                    continuous, confidence));
        }
        return out;
    }

    /**
     * The win rates of preference labels against {@code baseline}, from the labels themselves (a run that did not
     * have them as a scorer, as in {@code frontier labels import --run}).
     */
    static List<RunResult.Pairwise> pairwise(String name, HumanLabels labels, String baseline,
                                             List<String> candidates, List<RunResult.ItemResult> items,
                                             double confidence) {
        return winRates(name, "human", baseline, candidates, items, (item, candidate) ->
                        labels.score(item.id(), candidate) instanceof Score.Value v ? Optional.of(v.value())
                                : Optional.empty(), labels.continuous(), confidence);
    }

    /**
     * Each candidate's win rate against the baseline over the items where it answered without error and has a
     * preference. Preferences of 1, 0.5 and 0 are counted as wins, ties and losses (a value between, e.g. a jury's
     * mean, counts as the side it leans to); continuous preferences are averaged as win probabilities.
     */
    private static List<RunResult.Pairwise> winRates(String scorer, String source, String baseline,
                                                     List<String> candidates, List<RunResult.ItemResult> items,
                                                     BiFunction<RunResult.ItemResult, String, Optional<Double>> value,
                                                     boolean continuous, double confidence) {
        List<RunResult.Pairwise> out = new ArrayList<>();
        for (String c : candidates) {
            if (c.equals(baseline)) {
                continue;
            }
            List<Double> values = new ArrayList<>();
            for (RunResult.ItemResult item : items) {
                RunResult.ItemOutput o = item.outputs().get(c);
                if (o != null && o.error().isEmpty()) {
                    value.apply(item, c).ifPresent(values::add);
                }
            }
            if (values.isEmpty()) {
                continue;
            }
            WinRate w;
            if (continuous) {
                w = WinRate.ofOutcomes(values.stream().mapToDouble(Double::doubleValue).toArray(), confidence);
            } else {
                int wins = (int) values.stream().filter(v -> v > 0.5).count();
                int losses = (int) values.stream().filter(v -> v < 0.5).count();
                w = WinRate.of(wins, losses, values.size() - wins - losses, confidence);
            }
            out.add(new RunResult.Pairwise(scorer, source, baseline, c, w.wins(), w.losses(), w.ties(), w.rate(),
                    w.standardError(), w.interval().lower(), w.interval().upper()));
        }
        return out;
    }
}
