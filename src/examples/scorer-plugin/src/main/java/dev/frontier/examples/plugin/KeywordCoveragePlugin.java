package dev.frontier.examples.plugin;

import dev.frontier.model.Item;
import dev.frontier.model.Score;
import dev.frontier.score.ItemScorer;
import dev.frontier.score.spi.ScorerPlugin;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An example scorer plug-in, {@code keyword-coverage}: the share of an item's keywords that the output mentions
 * (case-insensitive). The keywords are a dataset field, separated by commas:
 * <pre>{@code
 * scorers:
 *   - { type: plugin, plugin: keyword-coverage, field: keywords }
 * }</pre>
 * Parameters: {@code field} (required), the dataset field with the keywords; {@code separator} (default ",").
 */
public final class KeywordCoveragePlugin implements ScorerPlugin {

    @Override
    public String name() {
        return "keyword-coverage";
    }

    @Override
    public ItemScorer create(Map<String, Object> params) {
        for (String key : params.keySet()) {
            if (!List.of("field", "separator").contains(key)) {
                throw new IllegalArgumentException("unknown parameter '" + key + "' (keyword-coverage takes field "
                        + "and separator)");
            }
        }
        if (!(params.get("field") instanceof String field) || field.isBlank()) {
            throw new IllegalArgumentException("'field' must name the dataset field with the keywords, e.g. "
                    + "field: keywords");
        }
        Object separator = params.getOrDefault("separator", ",");
        if (!(separator instanceof String sep) || sep.isEmpty()) {
            throw new IllegalArgumentException("'separator' must be a non-empty string, e.g. separator: \";\"");
        }
        return new Coverage(field, sep);
    }

    /** The scorer: immutable, so safe to call from several threads. */
    private record Coverage(String field, String separator) implements ItemScorer {

        @Override
        public String type() {
            return "keyword-coverage";
        }

        @Override
        public Score score(Item item, String output) {
            // an item without the field is a dataset problem: say so (frontier marks this item as failed)
            String value = item.field(field).orElseThrow(() -> new IllegalStateException("item " + item.id()
                    + " has no field '" + field + "'"));
            List<String> keywords = new ArrayList<>();
            for (String k : value.split(java.util.regex.Pattern.quote(separator))) {
                if (!k.isBlank()) {
                    keywords.add(k.strip().toLowerCase(Locale.ROOT));
                }
            }
            if (keywords.isEmpty()) {
                return new Score.Failed("item " + item.id() + " lists no keywords");
            }
            String text = output.toLowerCase(Locale.ROOT);
            List<String> missing = keywords.stream().filter(k -> !text.contains(k)).toList();
            double share = (keywords.size() - missing.size()) / (double) keywords.size();
            return new Score.Value(share, missing.isEmpty() ? "every keyword" : "missing: " + String.join(", ",
                    missing));
        }
    }
}
