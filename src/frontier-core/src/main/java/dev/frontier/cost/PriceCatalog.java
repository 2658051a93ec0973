package dev.frontier.cost;

import dev.frontier.catalog.Catalog;
import dev.frontier.catalog.ModelFacts;
import dev.frontier.catalog.ModelId;
import dev.frontier.catalog.Prices;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The prices of one Region, read from the model catalog. Look-ups accept bare ids, system inference-profile ids
 * ({@code us.amazon.nova-lite-v1:0}; {@code global.} profiles have prices of their own where Bedrock charges them
 * differently), foundation-model and inference-profile ARNs, and context-window variants ({@code …-v1:0:200k}),
 * each billed as the model it serves. A model the catalog does not list in this Region has no price here: another
 * Region's figure is never used.
 *
 * @param name    catalog name and Region, e.g. {@code bedrock-models/us-east-1}
 * @param version catalog version, recorded in every run
 * @param date    the catalog's date
 * @param models  prices by base model id, and by {@code global.} + base id for global profiles
 */
public record PriceCatalog(String name, String version, String date, Map<String, ModelPrice> models) {

    /** The Region priced when none is given: where the sandbox and the demo suites run. */
    public static final String DEFAULT_REGION = "us-east-1";
    private static final String GLOBAL = "global.";

    public PriceCatalog {
        models = Collections.unmodifiableMap(new LinkedHashMap<>(models));
    }

    /** The bundled catalog's prices in {@value #DEFAULT_REGION}. */
    public static PriceCatalog bundled() {
        return of(Catalog.bundled(), DEFAULT_REGION);
    }

    /** {@code catalog}'s prices in {@code region}. */
    public static PriceCatalog of(Catalog catalog, String region) {
        Map<String, ModelPrice> models = new LinkedHashMap<>();
        for (ModelFacts m : catalog.models().values()) {
            m.in(region).ifPresent(r -> {
                models.put(m.id(), price(m.id(), m.name(), r.regional(), catalog));
                r.global().ifPresent(g -> models.put(GLOBAL + m.id(), price(m.id(), m.name() + " (global)", g,
                        catalog)));
            });
        }
        return new PriceCatalog(catalog.name() + "/" + region, catalog.version(), catalog.date(), models);
    }

    private static ModelPrice price(String id, String name, Prices p, Catalog catalog) {
        String source = catalog.cite(p.source());
        String asOf = Optional.ofNullable(catalog.sources().get(p.source())).map(Catalog.Source::date)
                .orElse(catalog.date());
        return new ModelPrice(id, name, p.input(), p.output(), p.batchInput(), p.batchOutput(), p.cacheRead(),
                p.cacheWrite(), source, asOf);
    }

    /** The prices of {@code modelId}, if the catalog has them. */
    public Optional<ModelPrice> find(String modelId) {
        ModelId id = ModelId.parse(modelId);
        if (!id.namesModel()) {
            // an application inference profile or other resource: priced only by a suite override under its ARN
            return Optional.ofNullable(models.get(modelId));
        }
        if (id.isGlobal()) {
            ModelPrice global = models.get(GLOBAL + id.baseId());
            if (global != null) {
                return Optional.of(global);
            }
        }
        return Optional.ofNullable(models.get(id.baseId()));
    }

    /** The id a model is billed as: without a profile prefix, ARN or context-window suffix. */
    public static String baseModelId(String modelId) {
        return ModelId.parse(modelId).baseId();
    }

    /**
     * A catalog with one model's prices replaced or added. Empty values in {@code override} keep the catalog's.
     */
    public PriceCatalog with(ModelPrice override) {
        Map<String, ModelPrice> copy = new LinkedHashMap<>(models);
        ModelId parsed = ModelId.parse(override.modelId());
        String id = parsed.isGlobal() ? GLOBAL + parsed.baseId() : parsed.baseId();
        ModelPrice base = models.get(id);
        copy.put(id, base == null ? override : new ModelPrice(base.modelId(), base.name(),
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
