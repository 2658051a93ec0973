package dev.frontier.dataset;

import dev.frontier.model.Item;
import dev.frontier.model.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads JSONL and CSV datasets. Every bad row is reported (up to a limit) with its file and line; a dataset
 * with any error is not returned at all.
 */
public final class DatasetReader {
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
        TextRows text = new TextRows(path);
        Rows rows = new Rows(text, idField);
        String notFoundHint = "check dataset.path in the suite";
        Optional<Problem> stop = format == Format.JSONL
                ? text.readJsonLines(path, "dataset", notFoundHint, (node, line) -> {
                    Optional<String> bad = TextRows.memberProblem(node, List.of(idField));
                    if (bad.isPresent()) {
                        text.add(text.problem(line, bad.get(), "write the id as text or a number, e.g. "
                                + "\"id\": \"t-42\""));
                        return;
                    }
                    rows.row(line, TextRows.fields(node));
                })
                : text.readCsv(path, "dataset", notFoundHint, true, rows);
        if (stop.isPresent()) {
            return new Invalid(List.of(stop.get()));
        }
        if (text.hasProblems()) {
            return new Invalid(text.report());
        }
        if (rows.items.isEmpty()) {
            return new Invalid(List.of(text.problem(0, "the dataset has no items", "add at least one row")));
        }
        try {
            return new Loaded(new Dataset(path, sha256(path), rows.fields, rows.items, rows.idLines));
        } catch (IOException e) {
            return new Invalid(List.of(text.problem(0, "cannot read the dataset: " + e.getMessage(), "")));
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

    /** Collects items while reading. */
    private static final class Rows implements TextRows.CsvRows {
        final TextRows text;
        final String idField;
        final List<Item> items = new ArrayList<>();
        final Set<String> fields = new LinkedHashSet<>();
        final Map<String, Integer> idLines = new HashMap<>();

        Rows(TextRows text, String idField) {
            this.text = text;
            this.idField = idField;
        }

        @Override
        public boolean header(List<String> names) {
            Set<String> seen = new HashSet<>();
            for (String name : names) {
                if (!seen.add(name)) {
                    text.add(text.problem(1, "duplicate column '" + name + "' in the header", "rename one of them"));
                }
            }
            return true;
        }

        @Override
        public void row(int line, Map<String, String> row) {
            String id = row.get(idField);
            if (id == null || id.isBlank()) {
                text.add(text.problem(line, "no value for the id field '" + idField + "'",
                        "every row needs an id; fields here: " + String.join(", ", row.keySet())));
                return;
            }
            Integer first = idLines.putIfAbsent(id, line);
            if (first != null) {
                text.add(text.problem(line, "duplicate id '" + id + "' (first on line " + first + ")",
                        "ids must be unique"));
                return;
            }
            fields.addAll(row.keySet());
            items.add(new Item(id, row));
        }
    }
}
