package dev.frontier.cost;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.frontier.catalog.Catalog;
import dev.frontier.catalog.Prices;
import dev.frontier.model.Location;
import dev.frontier.model.Problem;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A price file: prices that replace the catalog's for some models, in the catalog's shape (USD per 1,000 tokens).
 *
 * <pre>{@code
 * { "region": "us-east-1",                        // optional: the Region the prices are for
 *   "source": "our contract, 2026-12", "asOf": "2026-12-01",   // optional: defaults for every model
 *   "models": {
 *     "us.anthropic.claude-sonnet-4-5-20250929-v1:0": { "input": "0.003", "output": "0.015",
 *         "cacheRead": "0.0003", "cacheWrite": "0.00375", "batchInput": "0.0015", "batchOutput": "0.0075",
 *         "source": "…", "asOf": "…" } } }
 * }</pre>
 *
 * <p>Keys are model ids, inference-profile ids or ARNs, billed as the model they serve ({@code global.} profiles
 * apart); a price left out keeps the catalog's. Prices are JSON numbers or numeric strings, zero or more. Unknown keys,
 * duplicate keys and anything that is not a price are problems at their line and column.
 *
 * @param region the Region the file is for, if it says
 * @param models the prices by the key given, in file order
 */
public record PriceFile(Optional<String> region, Map<String, ModelPrice> models) {

    private static final Set<String> TOP = Set.of("region", "source", "asOf", "models");
    private static final List<String> PRICES = List.of("input", "output", "batchInput", "batchOutput", "cacheRead",
            "cacheWrite");
    private static final Set<String> TEXTS = Set.of("source", "asOf", "notes");

    /** The file read, or what is wrong with it. */
    public sealed interface Result permits Loaded, Invalid {
    }

    /** Read; {@code warnings} may be empty. */
    public record Loaded(PriceFile file, List<Problem> warnings) implements Result {
    }

    /** At least one error. */
    public record Invalid(List<Problem> problems) implements Result {
    }

    /** {@code catalog} with this file's prices in place of its own. */
    public PriceCatalog applyTo(PriceCatalog catalog) {
        PriceCatalog out = catalog;
        for (ModelPrice p : models.values()) {
            out = out.with(p);
        }
        return out;
    }

    /**
     * Reads a price file's {@code text}; problems name {@code file}. Models the catalog does not know are warnings
     * (a price for a model newer than the catalog is allowed).
     */
    public static Result parse(String text, Path file, Catalog catalog) {
        List<Problem> problems = new ArrayList<>();
        Optional<String> region = Optional.empty();
        String source = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        String asOf = "";
        Map<String, Entry> entries = new LinkedHashMap<>();
        boolean sawModels = false;
        JsonFactory json = JsonFactory.builder().enable(com.fasterxml.jackson.core.StreamReadFeature
                .STRICT_DUPLICATE_DETECTION).build();
        try (JsonParser p = json.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                problems.add(error(file, p.getTokenLocation(), "", "a price file is a JSON object",
                        "start with { \"models\": { \"<model id>\": { \"input\": …, \"output\": … } } }"));
                return new Invalid(problems);
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonLocation at = p.getTokenLocation();
                p.nextToken();
                if (!TOP.contains(key)) {
                    problems.add(error(file, at, key, "unknown key", "allowed: region, source, asOf, models"));
                    p.skipChildren();
                    continue;
                }
                if (key.equals("models")) {
                    sawModels = true;
                    models(p, file, entries, problems);
                    continue;
                }
                Optional<String> value = text(p, file, key, problems);
                switch (key) {
                    case "region" -> region = value;
                    case "source" -> source = value.orElse(source);
                    default -> asOf = value.orElse(asOf);
                }
            }
            if (p.nextToken() != null) {
                problems.add(error(file, p.getTokenLocation(), "", "text after the closing brace",
                        "a price file holds one JSON object"));
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            problems.add(new Problem(file, at == null ? 0 : Math.max(0, at.getLineNr()),
                    at == null ? 0 : Math.max(0, at.getColumnNr()), "", "not valid JSON: " + e.getOriginalMessage(),
                    "fix the JSON syntax", Problem.Severity.ERROR));
            return new Invalid(problems);
        } catch (IOException e) {
            problems.add(Problem.error(Location.of(file), "", "cannot read: " + e.getMessage(), ""));
            return new Invalid(problems);
        }
        if (!sawModels && problems.isEmpty()) {
            problems.add(Problem.error(Location.of(file), "models", "no 'models' object: the file prices nothing",
                    "add \"models\": { \"<model id>\": { \"input\": …, \"output\": … } }"));
        }
        List<Problem> warnings = new ArrayList<>();
        Map<String, ModelPrice> models = new LinkedHashMap<>();
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            Entry entry = e.getValue();
            if (catalog.model(e.getKey()).isEmpty() && !e.getKey().startsWith("arn:")) {
                warnings.add(Problem.warning(new Location(file, entry.line(), entry.column()), "models." + e.getKey(),
                        "the model catalog does not know this model; its price applies only to a candidate with "
                                + "exactly this model id", "check the id; 'frontier models' lists the catalog"));
            }
            Prices prices = Catalog.prices(entry.node());
            models.put(e.getKey(), new ModelPrice(e.getKey(), e.getKey(), prices.input(), prices.output(),
                    prices.batchInput(), prices.batchOutput(), prices.cacheRead(), prices.cacheWrite(),
                    entry.node().path("source").asText(source), entry.node().path("asOf").asText(asOf)));
        }
        if (problems.stream().anyMatch(Problem::isError)) {
            return new Invalid(problems);
        }
        return new Loaded(new PriceFile(region, models), warnings);
    }

    private record Entry(ObjectNode node, int line, int column) {
    }

    private static void models(JsonParser p, Path file, Map<String, Entry> entries, List<Problem> problems)
            throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            problems.add(error(file, p.getTokenLocation(), "models", "must be an object of model id → prices",
                    "e.g. \"models\": { \"amazon.nova-lite-v1:0\": { \"input\": 0.00006, \"output\": 0.00024 } }"));
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String model = p.currentName();
            JsonLocation at = p.getTokenLocation();
            String path = "models." + model;
            p.nextToken();
            if (model.isBlank()) {
                problems.add(error(file, at, path, "an empty model id", "name the model id or profile id"));
                p.skipChildren();
                continue;
            }
            if (p.currentToken() != JsonToken.START_OBJECT) {
                problems.add(error(file, p.getTokenLocation(), path, "must be an object of prices",
                        "e.g. { \"input\": 0.003, \"output\": 0.015 }"));
                p.skipChildren();
                continue;
            }
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            int before = problems.size();
            int prices = 0;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonLocation keyAt = p.getTokenLocation();
                p.nextToken();
                String where = path + "." + key;
                if (PRICES.contains(key)) {
                    Optional<BigDecimal> v = price(p, file, where, problems);
                    if (v.isPresent()) {
                        node.put(key, v.get().toPlainString());
                        prices++;
                    }
                } else if (TEXTS.contains(key)) {
                    text(p, file, where, problems).ifPresent(t -> node.put(key, t));
                } else {
                    problems.add(error(file, keyAt, where, "unknown key", "allowed: " + String.join(", ", PRICES)
                            + ", source, asOf, notes"));
                    p.skipChildren();
                }
            }
            if (problems.size() == before && prices == 0) {
                problems.add(error(file, at, path, "no price given", "give at least input and output"));
            }
            entries.put(model, new Entry(node, at.getLineNr(), at.getColumnNr()));
        }
    }

    private static Optional<BigDecimal> price(JsonParser p, Path file, String path, List<Problem> problems)
            throws IOException {
        JsonLocation at = p.getTokenLocation();
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return Optional.empty();
        }
        String raw = t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT
                ? p.getText() : null;
        BigDecimal v = null;
        if (raw != null) {
            try {
                v = new BigDecimal(raw.trim());
            } catch (NumberFormatException e) {
                v = null;
            }
        }
        if (v == null || v.signum() < 0) {
            p.skipChildren();
            problems.add(error(file, at, path, (raw == null ? kind(t) : "'" + raw + "'") + " is not a price",
                    "give USD per 1,000 tokens as a number of zero or more, e.g. 0.003"));
            return Optional.empty();
        }
        return Optional.of(v);
    }

    private static String kind(JsonToken t) {
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            default -> "this value";
        };
    }

    private static Optional<String> text(JsonParser p, Path file, String path, List<Problem> problems)
            throws IOException {
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            return Optional.of(p.getText());
        }
        if (p.currentToken() != JsonToken.VALUE_NULL) {
            problems.add(error(file, p.getTokenLocation(), path, "must be a string", "quote it"));
            p.skipChildren();
        }
        return Optional.empty();
    }

    private static Problem error(Path file, JsonLocation at, String path, String problem, String hint) {
        return new Problem(file, Math.max(0, at.getLineNr()), Math.max(0, at.getColumnNr()), path, problem, hint,
                Problem.Severity.ERROR);
    }
}
