package dev.frontier.export;

import dev.frontier.model.Item;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The items an export keeps, by their dataset fields: {@code FIELD=VALUE} conditions, where values given for the same
 * field are alternatives and different fields must all match. The empty slice keeps every item.
 */
public final class Slice {

    private final Map<String, Set<String>> wanted;

    private Slice(Map<String, Set<String>> wanted) {
        this.wanted = wanted;
    }

    /** Every item. */
    public static Slice all() {
        return new Slice(Map.of());
    }

    /**
     * The slice of {@code FIELD=VALUE} conditions (the value may be empty, or hold '=').
     *
     * @throws IllegalArgumentException naming the condition that is not {@code FIELD=VALUE}
     */
    public static Slice of(Collection<String> conditions) {
        Map<String, Set<String>> wanted = new LinkedHashMap<>();
        for (String c : conditions) {
            int eq = c.indexOf('=');
            if (eq <= 0 || c.substring(0, eq).isBlank()) {
                throw new IllegalArgumentException("'" + c + "' is not FIELD=VALUE (e.g. intent=billing_refund)");
            }
            wanted.computeIfAbsent(c.substring(0, eq).strip(), k -> new LinkedHashSet<>()).add(c.substring(eq + 1));
        }
        return new Slice(wanted);
    }

    /** Whether the slice keeps every item. */
    public boolean isAll() {
        return wanted.isEmpty();
    }

    /** The fields the slice names that none of {@code fields} is, in the order given. */
    public List<String> unknownFields(Set<String> fields) {
        List<String> out = new ArrayList<>();
        wanted.keySet().stream().filter(f -> !fields.contains(f)).forEach(out::add);
        return out;
    }

    /** Whether the item's fields match: for every field named, one of its values, compared as text. */
    public boolean matches(Item item) {
        return wanted.entrySet().stream().allMatch(e -> item.field(e.getKey()).map(e.getValue()::contains)
                .orElse(false));
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        wanted.forEach((f, vs) -> vs.forEach(v -> parts.add(f + "=" + v)));
        return String.join(", ", parts);
    }
}
