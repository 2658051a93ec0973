package dev.frontier.cost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A versioned set of model prices. Look-ups accept geo inference-profile ids ({@code us.amazon.nova-lite-v1:0})
 * and context-window variants ({@code …-v1:0:200k}), which are billed as their base model.
 *
 * @param name    catalog name
 * @param version catalog version, recorded in every run
 * @param date    the catalog's date
 * @param models  prices by base model id
 */
public record PriceCatalog(String name, String version, String date, Map<String, ModelPrice> models) {

    private static final String BUNDLED = "/pricing/bedrock-prices.json";
    private static final Pattern GEO_PREFIX = Pattern.compile("^(?:us|eu|apac|jp|au|ca|us-gov|global)\\.");
    private static final Pattern WINDOW_SUFFIX = Pattern.compile(":[0-9]+k$");

    public PriceCatalog {
        models = Collections.unmodifiableMap(new LinkedHashMap<>(models));
    }

    /** The catalog shipped with frontier. */
    public static PriceCatalog bundled() {
        try (InputStream in = PriceCatalog.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("bundled price catalog missing: " + BUNDLED);
            }
            return parse(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("bundled price catalog unreadable", e);
        }
    }

    static PriceCatalog parse(JsonNode doc) {
        Map<String, ModelPrice> models = new LinkedHashMap<>();
        for (JsonNode m : doc.path("models")) {
            String id = m.path("id").asText();
            models.put(id, new ModelPrice(id, m.path("name").asText(id), price(m, "input"), price(m, "output"),
                    price(m, "batchInput"), price(m, "batchOutput"), price(m, "cacheRead"), price(m, "cacheWrite"),
                    m.path("source").asText(), m.path("asOf").asText()));
        }
        return new PriceCatalog(doc.path("catalog").asText(), doc.path("version").asText(),
                doc.path("date").asText(), models);
    }

    private static Optional<BigDecimal> price(JsonNode m, String key) {
        JsonNode v = m.get(key);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(new BigDecimal(v.asText()));
    }

    /** The prices of {@code modelId}, if the catalog has them. */
    public Optional<ModelPrice> find(String modelId) {
        return Optional.ofNullable(models.get(baseModelId(modelId)));
    }

    /** The id a model is billed as: without a geo prefix or a context-window suffix. */
    public static String baseModelId(String modelId) {
        return WINDOW_SUFFIX.matcher(GEO_PREFIX.matcher(modelId).replaceFirst("")).replaceFirst("");
    }

    /**
     * A catalog with one model's prices replaced or added. Empty values in {@code override} keep the catalog's.
     */
    public PriceCatalog with(ModelPrice override) {
        Map<String, ModelPrice> copy = new LinkedHashMap<>(models);
        String id = baseModelId(override.modelId());
        ModelPrice base = models.get(id);
        copy.put(id, base == null ? override : new ModelPrice(id, base.name(),
                or(override.input(), base.input()), or(override.output(), base.output()),
                or(override.batchInput(), base.batchInput()), or(override.batchOutput(), base.batchOutput()),
                or(override.cacheRead(), base.cacheRead()), or(override.cacheWrite(), base.cacheWrite()),
                override.source(), override.asOf()));
        return new PriceCatalog(name, version + "+overrides", date, copy);
    }

    private static <T> Optional<T> or(Optional<T> first, Optional<T> second) {
        return first.isPresent() ? first : second;
    }
}
