package dev.frontier.config;

import java.util.Map;

/**
 * A scorer as declared: its type, id and weight, and the type's own parameters (checked by the scorer registry).
 *
 * @param id     unique within the suite; defaults to the type
 * @param type   kebab-case scorer type
 * @param weight weight in the quality mean (0 = reported, not counted)
 * @param params every other key, as plain YAML values
 * @param path   document path of the declaration, e.g. {@code scorers[0]}
 */
public record ScorerSpec(String id, String type, double weight, Map<String, Object> params, String path) {
    public ScorerSpec {
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
    }
}
