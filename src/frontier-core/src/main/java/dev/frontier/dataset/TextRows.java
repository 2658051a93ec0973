package dev.frontier.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.opencsv.CSVParserBuilder;
import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.exceptions.CsvException;
import dev.frontier.model.InputLimits;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ObjIntConsumer;

/**
 * The reading the dataset, labels and outputs readers share: a strict UTF-8 file as JSON lines or as CSV with a
 * header, each row with the line it starts on, and the problems found on the way, each with file and line. The
 * first {@value #MAX_PROBLEMS} problems are kept, the rest counted. One instance may read several files in turn.
 */
final class TextRows {
    private static final int MAX_PROBLEMS = 25;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Problem> problems = new ArrayList<>();
    private int dropped;
    private Path file;
    private int lastLine;

    /** Rows of a CSV file, by column name. */
    interface CsvRows {
        /** Checks the header's names (trimmed, without a byte-order mark); false reads no rows. */
        boolean header(List<String> names);

        /** One row with the line it starts on. */
        void row(int line, Map<String, String> fields);
    }

    /** @param file the file that problems are reported against until another one is read */
    TextRows(Path file) {
        this.file = file;
    }

    /** A problem at {@code line} of {@code file} (0: the file as a whole). */
    static Problem problem(Path file, int line, String what, String hint) {
        return new Problem(file, line, 0, "", what, hint, Problem.Severity.ERROR);
    }

    /** A problem at {@code line} of the file being read (0: the file as a whole). */
    Problem problem(int line, String what, String hint) {
        return problem(file, line, what, hint);
    }

    /** Keeps {@code p}, or past the limit only counts it. */
    void add(Problem p) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(p);
        } else {
            dropped++;
        }
    }

    boolean hasProblems() {
        return !problems.isEmpty();
    }

    /** The problems kept, in the order found. */
    List<Problem> problems() {
        return List.copyOf(problems);
    }

    /** The problems kept and, when some were past the limit, one more that counts them. */
    List<Problem> report() {
        List<Problem> out = new ArrayList<>(problems);
        if (dropped > 0) {
            out.add(problem(0, "and " + dropped + " more problems", "fix the ones above first"));
        }
        return out;
    }

    /**
     * Reads {@code file} as JSON lines: each non-blank line's object goes to {@code object} with its line; a line
     * that is not a JSON object is a problem. Returns the problem that ends the reading early, if any (see
     * {@link #read}).
     */
    Optional<Problem> readJsonLines(Path file, String what, String notFoundHint, ObjIntConsumer<JsonNode> object) {
        return read(file, what, notFoundHint, reader -> {
            String line;
            int n = 0;
            while ((line = reader.readLine()) != null) {
                n++;
                lastLine = n;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = JSON.readTree(line);
                } catch (JsonProcessingException e) {
                    add(problem(n, "not valid JSON: " + e.getOriginalMessage(), "each line must be one JSON object"));
                    continue;
                }
                if (node == null || !node.isObject()) {
                    add(problem(n, "expected a JSON object on this line", "each line must be one JSON object"));
                    continue;
                }
                object.accept(node, n);
            }
        });
    }

    /**
     * What keeps {@code object}'s members from being used as row fields, if anything: an object or array in one of
     * the {@code scalars} (ids and the like are text or numbers; a nested value anywhere else is kept as JSON text).
     */
    static Optional<String> memberProblem(JsonNode object, java.util.Collection<String> scalars) {
        for (var e : object.properties()) {
            if (scalars.contains(e.getKey()) && !e.getValue().isValueNode()) {
                return Optional.of("field '" + e.getKey() + "' is " + (e.getValue().isArray() ? "an array"
                        : "an object") + "; it must be text or a number");
            }
        }
        return Optional.empty();
    }

    /** A JSON object's members as text: value nodes as their text, others as JSON; null members are left out. */
    static Map<String, String> fields(JsonNode object) {
        Map<String, String> fields = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            if (!v.isNull()) {
                fields.put(e.getKey(), v.isValueNode() ? v.asText() : v.toString());
            }
        });
        return fields;
    }

    /**
     * Reads {@code file} as CSV with a header: blank rows are skipped, a row with another number of fields than the
     * header is a problem. With {@code unclosedQuoteAtItsLine} an unterminated quote is a problem at the line it
     * starts on and ends the rows; without, it ends the reading as a file that cannot be read. Returns the problem
     * that ends the reading early, if any (see {@link #read}).
     */
    Optional<Problem> readCsv(Path file, String what, String notFoundHint, boolean unclosedQuoteAtItsLine,
                              CsvRows rows) {
        return read(file, what, notFoundHint, reader -> {
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
                if (!rows.header(names)) {
                    return;
                }
                long line = csv.getLinesRead() + 1;
                String[] row;
                while ((row = unclosedQuoteAtItsLine ? next(csv, (int) line) : csv.readNext()) != null) {
                    long start = line;
                    line = csv.getLinesRead() + 1;
                    lastLine = (int) start;
                    if (row.length == 1 && row[0].isBlank()) {
                        continue;
                    }
                    if (row.length != header.length) {
                        add(problem((int) start, "has " + row.length + " fields, the header has " + header.length,
                                "quote fields that contain commas"));
                        continue;
                    }
                    if (String.join("", row).indexOf('\0') >= 0) {
                        add(problem((int) start, "contains a NUL byte", "this looks like a binary file, not CSV text"));
                        continue;
                    }
                    Map<String, String> fields = new LinkedHashMap<>();
                    for (int i = 0; i < header.length; i++) {
                        fields.put(names.get(i), row[i]);
                    }
                    rows.row((int) start, fields);
                }
            } catch (CsvException e) {
                add(problem((int) e.getLineNumber(), "malformed CSV: " + e.getMessage(), "check quoting on this line"));
            }
        });
    }

    /** The next row; an unterminated quote is reported at the line it starts on and ends the file. */
    private String[] next(CSVReader csv, int line) throws IOException, CsvException {
        try {
            return csv.readNext();
        } catch (MalformedInputException e) {
            throw e;
        } catch (IOException e) {
            add(problem(line, "a quoted field is never closed", "close the quote on this line"));
            return null;
        }
    }

    private interface Reading {
        void read(BufferedReader reader) throws IOException;
    }

    /**
     * Reads {@code file} as strict UTF-8 with {@code reading}, reporting against it from now on. Returns the problem
     * that ends the reading early, if any: "{@code what} file not found" (with {@code notFoundHint}), not UTF-8 (at
     * the line after the last one read), or "cannot read the {@code what}".
     */
    private Optional<Problem> read(Path file, String what, String notFoundHint, Reading reading) {
        this.file = file;
        lastLine = 0;
        try {
            Optional<Problem> unreadable = Files.exists(file) ? InputLimits.problem(what, Files.isRegularFile(file),
                    Files.size(file), InputLimits.DATA_BYTES).map(p -> problem(0, p, "")) : Optional.empty();
            if (unreadable.isPresent()) {
                return unreadable;
            }
        } catch (IOException e) {
            return Optional.of(problem(0, "cannot read the " + what + ": " + e.getMessage(), ""));
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)))) {
            reading.read(reader);
            return Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.of(problem(0, what + " file not found", notFoundHint));
        } catch (MalformedInputException e) {
            return Optional.of(problem(lastLine + 1, "the file is not UTF-8 text", "save it as UTF-8"));
        } catch (IOException e) {
            return Optional.of(problem(0, "cannot read the " + what + ": " + e.getMessage(), ""));
        }
    }
}
