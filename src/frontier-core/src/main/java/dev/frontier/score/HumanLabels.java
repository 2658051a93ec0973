package dev.frontier.score;

import dev.frontier.model.Score;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code human-labels} scorer: scores written by people, imported from a CSV or JSONL file, one row per item,
 * candidate and annotator. Values are grades on a numeric scale ({@code kind: score}), ordered labels
 * ({@code kind: label}) or a preference against the baseline ({@code kind: preference}: {@code win}, {@code tie},
 * {@code loss}, scored 1, 0.5, 0; or, with a numeric {@code scale: [b, c]}, a continuous preference where {@code b}
 * means the baseline is preferred and {@code c} the candidate, mapped linearly to the candidate's win probability,
 * as AlpacaEval's weighted annotators give values in [1, 2]). Several annotators of one output are combined by their
 * mean or by majority; for preferences a majority votes on the outcome (win, tie or loss), and an even split between
 * outcomes is a tie, as for a jury of pairwise judges.
 * An output without a label is unscored ({@code onMissing: skip}) or, with {@code onMissing: error}, the suite is
 * rejected before anything is called.
 *
 * <p>The file is read by the run (paths are relative to the suite); the registry only checks the parameters.
 *
 * @param file      the labels file as written in the suite
 * @param format    csv or jsonl; empty to go by the file name
 * @param columns   column (CSV) or key (JSONL) names for item, candidate, annotator and value
 * @param kind      what the values are
 * @param scale     the grades for {@code score} and {@code label}
 * @param aggregate how several annotators combine
 * @param onMissing what an output without a label means
 * @param calibrate scorer ids to check against these labels; empty for every other scorer
 * @param labels    normalized values by output, then annotator; empty until the run binds the file
 * @param weighted  for {@code kind: preference}, the numeric scale of continuous preferences; empty for
 *                  win, tie and loss
 */
public record HumanLabels(String file, Optional<Format> format, Columns columns, Kind kind, JudgeScale scale,
                          Aggregate aggregate, OnMissing onMissing, List<String> calibrate,
                          Map<Output, Map<String, Double>> labels, Optional<PreferenceScale> weighted)
        implements LabelScorer {

    static final List<String> PARAMETERS = List.of("file", "format", "columns", "kind", "scale", "aggregate",
            "onMissing", "calibrate");
    /** The preference scale: loss, tie, win. */
    public static final JudgeScale PREFERENCE = JudgeScale.ofLabels(List.of("loss", "tie", "win"));

    /** The labels file's format. */
    public enum Format { CSV, JSONL }

    /** What a value is: a grade on a numeric scale, one of ordered labels, or a preference against the baseline. */
    public enum Kind { SCORE, LABEL, PREFERENCE }

    /** How several annotators of one output combine. */
    public enum Aggregate { MEAN, MAJORITY }

    /** What an output without a label means: unscored, or a suite error. */
    public enum OnMissing { SKIP, ERROR }

    /** Names of the four columns. */
    public record Columns(String item, String candidate, String annotator, String value) {
        public static final Columns DEFAULT = new Columns("item_id", "candidate_id", "annotator", "value");
    }

    /** One labelled output. */
    public record Output(String itemId, String candidateId) {
    }

    /**
     * A numeric scale of continuous preferences: the value that means "the baseline is preferred" and the one that
     * means "the candidate is preferred" (either may be the larger). A value {@code v} between them is the
     * candidate's win probability {@code (v - baseline) / (candidate - baseline)}; the midpoint is a tie. AlpacaEval's
     * weighted annotators write 1 when the first output (the reference, i.e. the baseline) is preferred and 2 when
     * the second (the model evaluated, i.e. the candidate) is: {@code [1, 2]}.
     *
     * @param baseline  the value meaning the baseline is preferred
     * @param candidate the value meaning the candidate is preferred
     */
    public record PreferenceScale(double baseline, double candidate) {
        public PreferenceScale {
            if (!Double.isFinite(baseline) || !Double.isFinite(candidate) || baseline == candidate) {
                throw new IllegalArgumentException("a preference scale needs two different finite ends");
            }
        }

        /** The candidate's win probability for a raw value, or empty when it is not a number on the scale. */
        public Optional<Double> normalize(String raw) {
            double v;
            try {
                v = new java.math.BigDecimal(raw.strip()).doubleValue();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            if (!(v >= Math.min(baseline, candidate) && v <= Math.max(baseline, candidate))) {
                return Optional.empty();
            }
            return Optional.of((v - baseline) / (candidate - baseline));
        }

        /** The raw value of a win probability, for display. */
        public String grade(double probability) {
            return JudgeScale.number(baseline + probability * (candidate - baseline));
        }

        /** What a valid value looks like, for messages. */
        public String describe() {
            return "a number from " + JudgeScale.number(baseline) + " (baseline preferred) to "
                    + JudgeScale.number(candidate) + " (candidate preferred)";
        }
    }

    public HumanLabels {
        calibrate = List.copyOf(calibrate);
        Map<Output, Map<String, Double>> copy = new LinkedHashMap<>();
        labels.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
        labels = java.util.Collections.unmodifiableMap(copy);
        if (weighted.isPresent() && kind != Kind.PREFERENCE) {
            throw new IllegalArgumentException("a preference scale is only for kind: preference");
        }
    }

    /** Labels without a continuous preference scale. */
    public HumanLabels(String file, Optional<Format> format, Columns columns, Kind kind, JudgeScale scale,
                       Aggregate aggregate, OnMissing onMissing, List<String> calibrate,
                       Map<Output, Map<String, Double>> labels) {
        this(file, format, columns, kind, scale, aggregate, onMissing, calibrate, labels, Optional.empty());
    }

    static Scorer from(ParamReader r) {
        Optional<String> file = Optional.empty();
        if (!r.present("file")) {
            r.problem("file", "is required for human-labels", "e.g. file: ../datasets/labels.csv");
        } else if (r.rawValue("file").orElse(null) instanceof String s && !s.isBlank()) {
            file = Optional.of(s);
        } else if (r.present("file")) {
            r.problem("file", "must be the path of a CSV or JSONL file", "e.g. file: ../datasets/labels.csv");
        }
        Optional<Format> format = r.present("format")
                ? Optional.of(r.choice("format", Format.class, Format.CSV)) : Optional.empty();
        Columns columns = readColumns(r);
        Kind kind = r.choice("kind", Kind.class, Kind.SCORE);
        JudgeScale scale = PREFERENCE;
        Optional<PreferenceScale> weighted = Optional.empty();
        if (kind == Kind.PREFERENCE) {
            if (r.present("scale")) {
                weighted = readPreferenceScale(r);
            }
        } else if (kind == Kind.LABEL && !r.present("scale")) {
            r.problem("scale", "is required for kind: label", "list the labels worst first, e.g. [bad, ok, good]");
        } else {
            scale = JudgeScale.read(r, "scale").orElse(JudgeScale.ONE_TO_FIVE);
            if (kind == Kind.LABEL && !scale.isLabels()) {
                r.problem("scale", "must list labels for kind: label", "e.g. scale: [bad, ok, good]");
            }
        }
        Aggregate aggregate = r.choice("aggregate", Aggregate.class,
                kind == Kind.SCORE || weighted.isPresent() ? Aggregate.MEAN : Aggregate.MAJORITY);
        OnMissing onMissing = r.choice("onMissing", OnMissing.class, OnMissing.SKIP);
        List<String> calibrate = new ArrayList<>();
        if (r.present("calibrate")) {
            if (r.rawValue("calibrate").orElse(null) instanceof List<?> list
                    && list.stream().allMatch(o -> o instanceof String s && !s.isBlank())) {
                list.forEach(o -> calibrate.add((String) o));
            } else if (r.rawValue("calibrate").isPresent()) {
                r.problem("calibrate", "must be a list of scorer ids", "e.g. calibrate: [judge, rouge-l]");
            }
        }
        if (!r.ok() || file.isEmpty()) {
            return null;
        }
        return new HumanLabels(file.get(), format, columns, kind, scale, aggregate, onMissing, calibrate, Map.of(),
                weighted);
    }

    /** {@code scale: [b, c]} of continuous preferences: b means the baseline is preferred, c the candidate. */
    private static Optional<PreferenceScale> readPreferenceScale(ParamReader r) {
        if (r.rawValue("scale").orElse(null) instanceof List<?> list && list.size() == 2
                && list.get(0) instanceof Number b && list.get(1) instanceof Number c
                && Double.isFinite(b.doubleValue()) && Double.isFinite(c.doubleValue())
                && b.doubleValue() != c.doubleValue()) {
            return Optional.of(new PreferenceScale(b.doubleValue(), c.doubleValue()));
        }
        r.problem("scale", "must be two different numbers for kind: preference: [baseline preferred, candidate "
                + "preferred]", "e.g. scale: [1, 2] for AlpacaEval's weighted preferences, or leave it out for win, "
                + "tie or loss");
        return Optional.empty();
    }

    private static Columns readColumns(ParamReader r) {
        Optional<Object> v = r.rawValue("columns");
        if (v.isEmpty()) {
            return Columns.DEFAULT;
        }
        if (!(v.get() instanceof Map<?, ?> m)) {
            r.problem("columns", "must map item, candidate, annotator and value to column names",
                    "e.g. columns: { item: ticket_id, candidate: model, annotator: rater, value: grade }");
            return Columns.DEFAULT;
        }
        Map<String, String> names = new HashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            String key = String.valueOf(e.getKey());
            if (!List.of("item", "candidate", "annotator", "value").contains(key)) {
                r.problem("columns." + key, "unknown column role", "the roles are item, candidate, annotator, value");
            } else if (!(e.getValue() instanceof String s) || s.isBlank()) {
                r.problem("columns." + key, "must be a column name", "e.g. " + key + ": " + key);
            } else {
                names.put(key, s);
            }
        }
        Columns d = Columns.DEFAULT;
        return new Columns(names.getOrDefault("item", d.item()), names.getOrDefault("candidate", d.candidate()),
                names.getOrDefault("annotator", d.annotator()), names.getOrDefault("value", d.value()));
    }

    /** The format to read: as declared, else by the file name ({@code .jsonl}, {@code .json}: JSONL). */
    public Format effectiveFormat() {
        String lower = file.toLowerCase(Locale.ROOT);
        return format.orElse(lower.endsWith(".jsonl") || lower.endsWith(".json") ? Format.JSONL : Format.CSV);
    }

    /** The normalized value of one raw label, or empty when it is not on the scale. */
    public Optional<Double> normalize(String raw) {
        String v = raw == null ? "" : raw.strip();
        if (weighted.isPresent()) {
            return weighted.get().normalize(v);
        }
        if (kind == Kind.PREFERENCE) {
            return switch (v.toLowerCase(Locale.ROOT)) {
                case "win", "1", "1.0", "candidate" -> Optional.of(1.0);
                case "tie", "0.5", "draw" -> Optional.of(0.5);
                case "loss", "0", "0.0", "baseline" -> Optional.of(0.0);
                default -> Optional.empty();
            };
        }
        return scale.normalize(v);
    }

    /** What a valid value looks like, for messages. */
    public String expected() {
        if (weighted.isPresent()) {
            return weighted.get().describe();
        }
        return kind == Kind.PREFERENCE ? "win, tie or loss (the candidate against the baseline)" : scale.describe();
    }

    /** Whether values are continuous preferences (win probabilities) rather than win, tie or loss. */
    public boolean continuous() {
        return weighted.isPresent();
    }

    /** How a normalized value reads on this scorer's scale, for notes and messages. */
    public String grade(double normalized) {
        return weighted.map(w -> w.grade(normalized)).orElseGet(() -> scale.grade(normalized));
    }

    /** This scorer with the labels read from its file. */
    public HumanLabels withLabels(Map<Output, Map<String, Double>> read) {
        return new HumanLabels(file, format, columns, kind, scale, aggregate, onMissing, calibrate, read, weighted);
    }

    @Override
    public String type() {
        return "human-labels";
    }

    @Override
    public boolean preference() {
        return kind == Kind.PREFERENCE;
    }

    @Override
    public Score score(String itemId, String candidateId) {
        Map<String, Double> byAnnotator = labels.get(new Output(itemId, candidateId));
        if (byAnnotator == null || byAnnotator.isEmpty()) {
            return new Score.Failed("no human label");
        }
        List<Double> values = new ArrayList<>(byAnnotator.values());
        double value;
        if (aggregate == Aggregate.MEAN) {
            value = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        } else if (kind == Kind.PREFERENCE) {
            value = majorityPreference(values);
        } else {
            Map<Double, Integer> counts = new HashMap<>();
            values.forEach(v -> counts.merge(v, 1, Integer::sum));
            int top = counts.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
            List<Double> modes = counts.entrySet().stream().filter(e -> e.getValue() == top)
                    .map(Map.Entry::getKey).sorted().toList();
            value = modes.get((modes.size() - 1) / 2);
        }
        StringBuilder note = new StringBuilder();
        new java.util.TreeMap<>(byAnnotator).forEach((a, v) ->
                note.append(note.length() == 0 ? "" : ", ").append(a).append(": ").append(grade(v)));
        return new Score.Value(value, note.toString());
    }

    /**
     * The majority of preferences: each annotator votes win (above 0.5), tie (0.5) or loss (below); the outcome with
     * the most votes gives the mean of its voters' values (1, 0.5 or 0 for win, tie and loss labels); an even split
     * between outcomes is a tie (0.5), as {@link LlmJudge} does for a jury of pairwise judges.
     */
    static double majorityPreference(List<Double> values) {
        Map<Integer, List<Double>> byOutcome = new HashMap<>();
        values.forEach(v -> byOutcome.computeIfAbsent(Integer.signum(Double.compare(v, 0.5)), k -> new ArrayList<>()).add(v));
        int top = byOutcome.values().stream().mapToInt(List::size).max().orElseThrow();
        List<List<Double>> leaders = byOutcome.values().stream().filter(l -> l.size() == top).toList();
        if (leaders.size() > 1) {
            return 0.5;
        }
        return leaders.get(0).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }
}
