package dev.frontier.dataset;

import dev.frontier.model.Item;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A loaded dataset.
 *
 * @param path   the file it was read from
 * @param sha256 hex SHA-256 of the file's bytes, recorded in every run
 * @param fields the field names seen in the file (CSV header, or the union of JSONL keys), in order
 * @param items  the items in file order
 * @param lines  the line each item starts on, by item id (empty when not known)
 */
public record Dataset(Path path, String sha256, Set<String> fields, List<Item> items, Map<String, Integer> lines) {
    public Dataset {
        fields = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(fields));
        items = List.copyOf(items);
        lines = Map.copyOf(lines);
    }

    /** A dataset whose items' lines are not known. */
    public Dataset(Path path, String sha256, Set<String> fields, List<Item> items) {
        this(path, sha256, fields, items, Map.of());
    }

    /** The first {@code n} items (all of them when there are fewer). */
    public Dataset limit(int n) {
        return n >= items.size() ? this : new Dataset(path, sha256, fields, items.subList(0, n), lines);
    }

    /**
     * A seeded random sample of {@code n} items (all of them when there are fewer), kept in file order: a pilot run
     * on a dataset sorted by some field still sees every kind of item.
     */
    public Dataset sample(int n, long seed) {
        if (n >= items.size()) {
            return this;
        }
        List<Integer> indices = new java.util.ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            indices.add(i);
        }
        java.util.Collections.shuffle(indices, new java.util.Random(seed));
        List<Integer> chosen = new java.util.ArrayList<>(indices.subList(0, n));
        java.util.Collections.sort(chosen);
        return new Dataset(path, sha256, fields, chosen.stream().map(items::get).toList(), lines);
    }

    /** The line item {@code id} starts on, 0 when not known. */
    public int line(String id) {
        return lines.getOrDefault(id, 0);
    }
}
