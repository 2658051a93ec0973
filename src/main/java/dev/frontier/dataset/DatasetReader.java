package dev.frontier.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.opencsv.CSVParserBuilder;
import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.exceptions.CsvException;
import dev.frontier.model.Item;
import dev.frontier.model.Problem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads JSONL and CSV datasets. Every bad row is reported (up to a limit) with its file and line; a dataset
 * with any error is not returned at all.
 */
public final class DatasetReader {
    private static final int MAX_PROBLEMS = 25;
    private static final ObjectMapper JSON = new ObjectMapper();

    private DatasetReader() {
    }

    /** The outcome of reading: a dataset, or the problems that stop it. */
    public sealed interface Result permits Loaded, Invalid {
    }

    /** A usable dataset. */
    public record Loaded(Dataset dataset) implements Result {
    }

    /** The problems found, in file order. */
    public record Invalid(List<Problem> problems) implements Result {
    }

    /** Supported file formats. */
    public enum Format { JSONL, CSV }

    /** Reads {@code path} in {@code format}, with {@code idField} naming each item's id. */
    public static Result read(Path path, Format format, String idField) {
        Rows rows = new Rows(path, idField);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(path),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)))) {
            if (format == Format.JSONL) {
                readJsonl(reader, rows);
            } else {
                readCsv(reader, rows);
            }
            if (!rows.problems.isEmpty()) {
                return new Invalid(rows.report());
            }
            if (rows.items.isEmpty()) {
                return new Invalid(List.of(rows.problem(0, "the dataset has no items", "add at least one row")));
            }
            String sha = sha256(path);
            return new Loaded(new Dataset(path, sha, rows.fields, rows.items));
        } catch (NoSuchFileException e) {
            return new Invalid(List.of(rows.problem(0, "dataset file not found", "check dataset.path in the suite")));
        } catch (MalformedInputException e) {
            return new Invalid(List.of(rows.problem(rows.lastLine + 1, "the file is not UTF-8 text",
                    "save it as UTF-8")));
        } catch (IOException e) {
            return new Invalid(List.of(rows.problem(0, "cannot read the dataset: " + e.getMessage(), "")));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** Hashes the file's bytes in a second pass, independent of what the parser consumed. */
    private static String sha256(Path path) throws IOException, NoSuchAlgorithmException {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(path)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                md.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
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
            if (!(node instanceof ObjectNode obj)) {
                rows.add(rows.problem(n, "expected a JSON object on this line", "each line must be one JSON object"));
                continue;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue();
                if (v.isNull()) {
                    continue;
                }
                fields.put(e.getKey(), v.isValueNode() ? v.asText() : v.toString());
            }
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
            Set<String> seen = new LinkedHashSet<>();
            for (String h : header) {
                if (!seen.add(h.trim())) {
                    rows.add(rows.problem(1, "duplicate column '" + h.trim() + "' in the header",
                            "rename one of them"));
                }
            }
            long line = csv.getLinesRead() + 1;
            String[] row;
            while ((row = csv.readNext()) != null) {
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
                    fields.put(header[i].trim(), row[i]);
                }
                rows.accept((int) start, fields);
            }
        } catch (CsvException e) {
            rows.add(rows.problem((int) e.getLineNumber(), "malformed CSV: " + e.getMessage(),
                    "check quoting on this line"));
        }
    }

    /** Collects items and problems while reading. */
    private static final class Rows {
        final Path path;
        final String idField;
        final List<Item> items = new ArrayList<>();
        final Set<String> fields = new LinkedHashSet<>();
        final Map<String, Integer> idLines = new HashMap<>();
        final List<Problem> problems = new ArrayList<>();
        int dropped;
        int lastLine;

        Rows(Path path, String idField) {
            this.path = path;
            this.idField = idField;
        }

        Problem problem(int line, String what, String hint) {
            return new Problem(path, line, 0, "", what, hint, Problem.Severity.ERROR);
        }

        void add(Problem p) {
            if (problems.size() < MAX_PROBLEMS) {
                problems.add(p);
            } else {
                dropped++;
            }
        }

        void accept(int line, Map<String, String> row) {
            String id = row.get(idField);
            if (id == null || id.isBlank()) {
                add(problem(line, "no value for the id field '" + idField + "'",
                        "every row needs an id; fields here: " + String.join(", ", row.keySet())));
                return;
            }
            Integer first = idLines.putIfAbsent(id, line);
            if (first != null) {
                add(problem(line, "duplicate id '" + id + "' (first on line " + first + ")", "ids must be unique"));
                return;
            }
            fields.addAll(row.keySet());
            items.add(new Item(id, row));
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
