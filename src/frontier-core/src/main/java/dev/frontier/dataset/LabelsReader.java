package dev.frontier.dataset;

import dev.frontier.model.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads human labels: one row per item, candidate and annotator with a value, from CSV (with a header) or JSONL,
 * under configurable column names. Every bad row is reported with its file and line (up to a limit): a missing
 * column or value, a value that is not on the scale, the same annotator labelling the same output twice. A file
 * with any error gives no labels at all.
 */
public final class LabelsReader {
    private LabelsReader() {
    }

    /** Column (CSV) or key (JSONL) names of the four roles. */
    public record Columns(String item, String candidate, String annotator, String value) {
    }

    /** One label with the line it came from; {@code value} is normalized to [0, 1]. */
    public record Label(int line, String itemId, String candidateId, String annotator, double value) {
    }

    /** The outcome: labels, or the problems that stop them. */
    public sealed interface Result permits Loaded, Invalid {
    }

    /** The labels in file order. */
    public record Loaded(List<Label> labels) implements Result {
    }

    /** The problems found, in file order. */
    public record Invalid(List<Problem> problems) implements Result {
    }

    /**
     * Reads the labels in {@code file}.
     *
     * @param jsonl     JSONL rather than CSV
     * @param normalize a raw value's normalized value, empty when it is not valid
     * @param expected  what a valid value looks like, for messages
     */
    public static Result read(Path file, boolean jsonl, Columns columns, Function<String, Optional<Double>> normalize,
                              String expected) {
        TextRows text = new TextRows(file);
        Rows rows = new Rows(text, columns, normalize, expected);
        String notFoundHint = "check the scorer's 'file' path; it is relative to the suite file";
        Optional<Problem> stop = jsonl
                ? text.readJsonLines(file, "labels", notFoundHint, (node, line) -> {
                    Optional<String> bad = TextRows.memberProblem(node, List.of(columns.item(), columns.candidate(),
                            columns.annotator()));
                    if (bad.isPresent()) {
                        text.add(text.problem(line, bad.get(), "item, candidate and annotator are text or numbers"));
                        return;
                    }
                    rows.row(line, TextRows.fields(node));
                })
                : text.readCsv(file, "labels", notFoundHint, true, rows);
        if (stop.isPresent()) {
            return new Invalid(List.of(stop.get()));
        }
        if (text.hasProblems()) {
            return new Invalid(text.report());
        }
        if (rows.labels.isEmpty()) {
            return new Invalid(List.of(text.problem(0, "the labels file has no labels", "add at least one row")));
        }
        return new Loaded(List.copyOf(rows.labels));
    }

    /** Collects labels while reading. */
    private static final class Rows implements TextRows.CsvRows {
        final TextRows text;
        final Columns columns;
        final Function<String, Optional<Double>> normalize;
        final String expected;
        final List<Label> labels = new ArrayList<>();
        final Map<String, Integer> seen = new HashMap<>();

        Rows(TextRows text, Columns columns, Function<String, Optional<Double>> normalize, String expected) {
            this.text = text;
            this.columns = columns;
            this.normalize = normalize;
            this.expected = expected;
        }

        @Override
        public boolean header(List<String> names) {
            for (String role : List.of(columns.item(), columns.candidate(), columns.annotator(), columns.value())) {
                if (!names.contains(role)) {
                    text.add(text.problem(1, "no column '" + role + "' in the header",
                            "the header has: " + String.join(", ", names) + "; map the roles with 'columns:'"));
                }
            }
            return !text.hasProblems();
        }

        @Override
        public void row(int line, Map<String, String> row) {
            String item = value(row, columns.item());
            String candidate = value(row, columns.candidate());
            String annotator = value(row, columns.annotator());
            String raw = value(row, columns.value());
            List<String> missing = new ArrayList<>();
            if (item == null) {
                missing.add(columns.item());
            }
            if (candidate == null) {
                missing.add(columns.candidate());
            }
            if (annotator == null) {
                missing.add(columns.annotator());
            }
            if (raw == null) {
                missing.add(columns.value());
            }
            if (!missing.isEmpty()) {
                text.add(text.problem(line, "no value for " + String.join(", ", missing),
                        "every label needs an item, a candidate, an annotator and a value"));
                return;
            }
            Optional<Double> value = normalize.apply(raw);
            if (value.isEmpty()) {
                text.add(text.problem(line, "'" + raw + "' is not a valid " + columns.value(),
                        "expected " + expected));
                return;
            }
            String key = item + "\u0000" + candidate + "\u0000" + annotator;
            Integer first = seen.putIfAbsent(key, line);
            if (first != null) {
                text.add(text.problem(line, "annotator '" + annotator + "' labelled item '" + item
                        + "' of candidate '" + candidate + "' again (first on line " + first + ")",
                        "keep one label per annotator"));
                return;
            }
            labels.add(new Label(line, item, candidate, annotator, value.get()));
        }

        private static String value(Map<String, String> row, String column) {
            String v = row.get(column);
            return v == null || v.isBlank() ? null : v.strip();
        }
    }
}
