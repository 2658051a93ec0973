package dev.frontier.logs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The dataset file an import writes: JSON lines, one {@link LogRow} a line with the fields {@code id}, {@code prompt},
 * {@code system}, {@code reference} (when logged and asked for), {@code count}, {@code model}, {@code time} and one
 * field per {@code requestMetadata} key ({@link #fieldName}), written whole or not at all.
 */
public final class LogDataset {

    /** What a metadata field's name starts with, so that no key can take the name of another field. */
    public static final String METADATA_PREFIX = "meta.";

    private static final ObjectMapper JSON = new ObjectMapper();

    private LogDataset() {
    }

    /**
     * The dataset field of each metadata key of {@code rows}: {@value #METADATA_PREFIX} and the key with every
     * character a {@code {{field}}} placeholder cannot hold (anything but letters, digits, {@code _ . -}) replaced
     * by {@code _}, e.g. {@code meta.cost_center} for {@code cost center}; keys that would meet on one name get
     * {@code _2}, {@code _3} … in the keys' sorted order.
     */
    public static Map<String, String> fieldNames(List<LogRow> rows) {
        Set<String> keys = new TreeSet<>();
        rows.forEach(r -> keys.addAll(r.metadata().keySet()));
        Map<String, String> names = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        for (String key : keys) {
            String base = fieldName(key);
            String name = base;
            for (int i = 2; !taken.add(name); i++) {
                name = base + "_" + i;
            }
            names.put(key, name);
        }
        return names;
    }

    /** {@value #METADATA_PREFIX} and the key with the characters a placeholder cannot hold replaced by {@code _}. */
    public static String fieldName(String key) {
        StringBuilder out = new StringBuilder(METADATA_PREFIX);
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            boolean ok = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '.'
                    || c == '-';
            out.append(ok ? c : '_');
        }
        return out.toString();
    }

    /** One row's fields, in the file's order. */
    static Map<String, Object> fields(LogRow r, Map<String, String> names) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", r.id());
        out.put("prompt", r.prompt());
        out.put("system", r.system());
        r.reference().ifPresent(ref -> out.put("reference", ref));
        out.put("count", r.count());
        out.put("model", r.model());
        out.put("time", r.time().toString());
        r.metadata().forEach((k, v) -> out.put(names.get(k), v));
        return out;
    }

    /** One row as a JSON line (without the newline). */
    static String line(LogRow r, Map<String, String> names) {
        try {
            return JSON.writeValueAsString(fields(r, names));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the rows to a temporary file beside {@code file}, then moves it over {@code file}. */
    public static void write(Path file, List<LogRow> rows) {
        Map<String, String> names = fieldNames(rows);
        Path dir = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".dataset-", ".tmp");
            try {
                try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                    for (LogRow r : rows) {
                        w.write(line(r, names));
                        w.write('\n');
                    }
                }
                try {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
