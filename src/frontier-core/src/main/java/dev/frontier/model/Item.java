package dev.frontier.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One dataset row: its id and its fields as text (nested JSON values are kept as JSON text).
 *
 * @param id     the value of the dataset's id field, unique within the dataset
 * @param fields every field of the row by name, in file order (includes the id field)
 */
public record Item(String id, Map<String, String> fields) {
    public Item {
        Objects.requireNonNull(id, "id");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** The field's value, if the row has it. */
    public Optional<String> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }
}
