package dev.frontier.run.review;

import dev.frontier.dataset.LabelsReader;
import dev.frontier.model.Problem;
import dev.frontier.score.HumanLabels;
import dev.frontier.results.RunResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code frontier labels import}: human labels read from a file (every bad row reported with file and line) and,
 * for a stored run, the calibration of each of its scorers against them (grades and labels) or each candidate's win
 * rate against the run's incumbent (preferences), added to the run's record.
 */
public final class LabelImport {
    private LabelImport() {
    }

    /** The outcome of reading: labels bound to their outputs, or the problems. */
    public sealed interface Read permits Bound, Invalid {
    }

    /** The labels, ready to score outputs. */
    public record Bound(HumanLabels labels) implements Read {
    }

    /** What is wrong with the file. */
    public record Invalid(List<Problem> problems) implements Read {
    }

    /** Reads {@code file} as described by {@code spec} (its own {@code file} is only used for display). */
    public static Read read(Path file, HumanLabels spec) {
        HumanLabels.Columns c = spec.columns();
        LabelsReader.Result read = LabelsReader.read(file, spec.effectiveFormat() == HumanLabels.Format.JSONL,
                new LabelsReader.Columns(c.item(), c.candidate(), c.annotator(), c.value()), spec::normalize,
                spec.expected());
        if (read instanceof LabelsReader.Invalid invalid) {
            return new Invalid(invalid.problems());
        }
        Map<HumanLabels.Output, Map<String, Double>> bound = new LinkedHashMap<>();
        for (LabelsReader.Label l : ((LabelsReader.Loaded) read).labels()) {
            bound.computeIfAbsent(new HumanLabels.Output(l.itemId(), l.candidateId()), k -> new LinkedHashMap<>())
                    .put(l.annotator(), l.value());
        }
        return new Bound(spec.withLabels(bound));
    }

    /** The inter-annotator agreement of a label set alone. */
    public static RunResult.HumanLabelSet describe(String name, HumanLabels labels) {
        return Review.labelSet(name, labels);
    }

    /**
     * The run's record with these labels and the calibration of each of its scorers against them, or for
     * preferences the win rate of each candidate against the run's incumbent (none when the run has no incumbent);
     * an earlier import under the same name is replaced. Only outputs of the run are counted, and win rates only
     * outputs without an error, as in a run.
     */
    public static RunResult apply(RunResult run, String name, HumanLabels labels) {
        Map<HumanLabels.Output, Map<String, Double>> inRun = new LinkedHashMap<>();
        for (RunResult.ItemResult item : run.items()) {
            for (String candidate : item.outputs().keySet()) {
                HumanLabels.Output key = new HumanLabels.Output(item.id(), candidate);
                if (labels.labels().containsKey(key)) {
                    inRun.put(key, labels.labels().get(key));
                }
            }
        }
        HumanLabels used = labels.withLabels(inRun);
        List<RunResult.HumanLabelSet> sets = new ArrayList<>(run.humanLabels().stream()
                .filter(h -> !h.scorer().equals(name)).toList());
        sets.add(Review.labelSet(name, used));
        List<RunResult.Calibration> calibration = new ArrayList<>(run.calibration().stream()
                .filter(c -> !c.labels().equals(name)).toList());
        if (used.kind() != HumanLabels.Kind.PREFERENCE) {
            List<String> scorers = run.scorers().stream().map(RunResult.ScorerInfo::id)
                    .filter(id -> !id.equals(name) && !"human-labels".equals(type(run, id))).toList();
            calibration.addAll(Review.calibrate(name, used, scorers, run.items()));
        }
        List<RunResult.Pairwise> pairwise = new ArrayList<>(run.pairwise().stream()
                .filter(p -> !(p.scorer().equals(name) && "human".equals(p.source()))).toList());
        Optional<String> baseline = incumbent(run);
        if (used.kind() == HumanLabels.Kind.PREFERENCE && baseline.isPresent()) {
            List<String> candidates = run.candidates().stream().map(RunResult.CandidateResult::id).toList();
            double confidence = run.provenance().confidence();
            pairwise.addAll(Review.pairwise(name, used, baseline.get(), candidates, run.items(),
                    confidence > 0 && confidence < 1 ? confidence : 0.95));
        }
        return run.toBuilder().humanLabels(sets).calibration(calibration).pairwise(pairwise).build();
    }

    /** The run's incumbent, the baseline preferences are stated against; empty when it has none. */
    public static Optional<String> incumbent(RunResult run) {
        return run.candidates().stream().filter(RunResult.CandidateResult::incumbent)
                .map(RunResult.CandidateResult::id).findFirst();
    }

    private static String type(RunResult run, String scorerId) {
        return run.scorers().stream().filter(s -> s.id().equals(scorerId)).map(RunResult.ScorerInfo::type)
                .findFirst().orElse("");
    }
}
