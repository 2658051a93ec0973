package dev.frontier.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.opencsv.CSVParserBuilder;
import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.exceptions.CsvException;
import dev.frontier.model.Problem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
    private static final int MAX_PROBLEMS = 25;
    private static final ObjectMapper JSON = new ObjectMapper();

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
        Rows rows = new Rows(file, columns, normalize, expected);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)))) {
            if (jsonl) {
                readJsonl(reader, rows);
            } else {
                readCsv(reader, rows);
            }
        } catch (NoSuchFileException e) {
            return new Invalid(List.of(rows.problem(0, "labels file not found", "check the scorer's 'file' path; "
                    + "it is relative to the suite file")));
        } catch (MalformedInputException e) {
            return new Invalid(List.of(rows.problem(rows.lastLine + 1, "the file is not UTF-8 text",
                    "save it as UTF-8")));
        } catch (IOException e) {
            return new Invalid(List.of(rows.problem(0, "cannot read the labels: " + e.getMessage(), "")));
        }
        if (!rows.problems.isEmpty()) {
            return new Invalid(rows.report());
        }
        if (rows.labels.isEmpty()) {
            return new Invalid(List.of(rows.problem(0, "the labels file has no labels", "add at least one row")));
        }
        return new Loaded(List.copyOf(rows.labels));
    }

    private static void readJsonl(BufferedReader reader, Rows rows) throws IOException {
        String line;
        int n = 0;
        while ((line = reader.readLine()) != null) {
            n++;
            rows.lastLine = n;
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (JsonProcessingException e) {
                rows.add(rows.problem(n, "not valid JSON: " + e.getOriginalMessage(),
                        "each line must be one JSON object"));
                continue;
            }
            if (node == null || !node.isObject()) {
                rows.add(rows.problem(n, "expected a JSON object on this line", "each line must be one JSON object"));
                continue;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            node.fields().forEachRemaining(e -> {
                if (!e.getValue().isNull()) {
                    fields.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText()
                            : e.getValue().toString());
                }
            });
            rows.accept(n, fields);
        }
    }

    private static void readCsv(BufferedReader reader, Rows rows) throws IOException {
        try (CSVReader csv = new CSVReaderBuilder(reader)
                .withCSVParser(new CSVParserBuilder().withStrictQuotes(false).build()).build()) {
            String[] header = csv.readNext();
            if (header == null) {
                return;
            }
            if (header.length > 0 && header[0].startsWith("\uFEFF")) {
                header[0] = header[0].substring(1);
            }
            List<String> names = new ArrayList<>();
            for (String h : header) {
                names.add(h.trim());
            }
            for (String role : List.of(rows.columns.item(), rows.columns.candidate(), rows.columns.annotator(),
                    rows.columns.value())) {
                if (!names.contains(role)) {
                    rows.add(rows.problem(1, "no column '" + role + "' in the header",
                            "the header has: " + String.join(", ", names) + "; map the roles with 'columns:'"));
                }
            }
            if (!rows.problems.isEmpty()) {
                return;
            }
            long line = csv.getLinesRead() + 1;
            String[] row;
            while ((row = next(csv, rows, (int) line)) != null) {
                long start = line;
                line = csv.getLinesRead() + 1;
                rows.lastLine = (int) start;
                if (row.length == 1 && row[0].isBlank()) {
                    continue;
                }
                if (row.length != header.length) {
                    rows.add(rows.problem((int) start, "has " + row.length + " fields, the header has "
                            + header.length, "quote fields that contain commas"));
                    continue;
                }
                Map<String, String> fields = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    fields.put(names.get(i), row[i]);
                }
                rows.accept((int) start, fields);
            }
        } catch (CsvException e) {
            rows.add(rows.problem((int) e.getLineNumber(), "malformed CSV: " + e.getMessage(),
                    "check quoting on this line"));
        }
    }

    /** The next row; an unterminated quote is reported at the line it starts on and ends the file. */
    private static String[] next(CSVReader csv, Rows rows, int line) throws IOException, CsvException {
        try {
            return csv.readNext();
        } catch (MalformedInputException e) {
            throw e;
        } catch (IOException e) {
            rows.add(rows.problem(line, "a quoted field is never closed", "close the quote on this line"));
            return null;
        }
    }

    /** Collects labels and problems while reading. */
    private static final class Rows {
        final Path file;
        final Columns columns;
        final Function<String, Optional<Double>> normalize;
        final String expected;
        final List<Label> labels = new ArrayList<>();
        final Map<String, Integer> seen = new HashMap<>();
        final List<Problem> problems = new ArrayList<>();
        int dropped;
        int lastLine;

        Rows(Path file, Columns columns, Function<String, Optional<Double>> normalize, String expected) {
            this.file = file;
            this.columns = columns;
            this.normalize = normalize;
            this.expected = expected;
        }

        Problem problem(int line, String what, String hint) {
            return new Problem(file, line, 0, "", what, hint, Problem.Severity.ERROR);
        }

        void add(Problem p) {
            if (problems.size() < MAX_PROBLEMS) {
                problems.add(p);
            } else {
                dropped++;
            }
        }

        void accept(int line, Map<String, String> row) {
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
                add(problem(line, "no value for " + String.join(", ", missing),
                        "every label needs an item, a candidate, an annotator and a value"));
                return;
            }
            Optional<Double> value = normalize.apply(raw);
            if (value.isEmpty()) {
                add(problem(line, "'" + raw + "' is not a valid " + columns.value(), "expected " + expected));
                return;
            }
            String key = item + "\u0000" + candidate + "\u0000" + annotator;
            Integer first = seen.putIfAbsent(key, line);
            if (first != null) {
                add(problem(line, "annotator '" + annotator + "' labelled item '" + item + "' of candidate '"
                        + candidate + "' again (first on line " + first + ")", "keep one label per annotator"));
                return;
            }
            labels.add(new Label(line, item, candidate, annotator, value.get()));
        }

        private static String value(Map<String, String> row, String column) {
            String v = row.get(column);
            return v == null || v.isBlank() ? null : v.strip();
        }

        List<Problem> report() {
            List<Problem> out = new ArrayList<>(problems);
            if (dropped > 0) {
                out.add(problem(0, "and " + dropped + " more problems", "fix the ones above first"));
            }
            return out;
        }
    }
}
