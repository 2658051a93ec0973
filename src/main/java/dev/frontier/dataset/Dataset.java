package dev.frontier.dataset;

import dev.frontier.model.Item;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * A loaded dataset.
 *
 * @param path   the file it was read from
 * @param sha256 hex SHA-256 of the file's bytes, recorded in every run
 * @param fields the field names seen in the file (CSV header, or the union of JSONL keys), in order
 * @param items  the items in file order
 */
public record Dataset(Path path, String sha256, Set<String> fields, List<Item> items) {
    public Dataset {
        fields = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(fields));
        items = List.copyOf(items);
    }

    /** The first {@code n} items (all of them when there are fewer). */
    public Dataset limit(int n) {
        return n >= items.size() ? this : new Dataset(path, sha256, fields, items.subList(0, n));
    }
}
