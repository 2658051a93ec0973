package dev.frontier.cost;

import dev.frontier.catalog.Catalog;
import dev.frontier.catalog.ModelFacts;
import dev.frontier.catalog.ModelId;
import dev.frontier.catalog.Prices;
import dev.frontier.model.CallResult;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The prices of one Region, read from the model catalog. Look-ups accept bare ids, system inference-profile ids
 * ({@code us.amazon.nova-lite-v1:0}; {@code global.} profiles have prices of their own where Bedrock charges them
 * differently), foundation-model and inference-profile ARNs, and context-window variants ({@code …-v1:0:200k}),
 * each billed as the model it serves. A model the catalog does not list in this Region has no price here: another
 * Region's figure is never used.
 *
 * <p>A prompt router has no price of its own: Bedrock bills each request as the model that served it (user guide,
 * prompt-routing: "you are charged for the model that the router routes to"; the catalog's promptRouting notes). So
 * a call is priced by the model its answer names ({@link #forCall}), and before the call, where the answer is not
 * known, a router is priced as the dearest model it may route to ({@link #find}), which keeps estimates and the
 * budget's worst case on the safe side.
 *
 * @param name    catalog name and Region, e.g. {@code bedrock-models/us-east-1}
 * @param version catalog version, recorded in every run
 * @param date    the catalog's date
 * @param models  prices by base model id, and by {@code global.} + base id for global profiles
 * @param routes  the models each known prompt router may route to: by default router id ({@code amazon.nova:1},
 *                whatever the account in the ARN), by configured router ARN, and by {@code router:<id>} for a router
 *                the suite declares before it is created
 */
public record PriceCatalog(String name, String version, String date, Map<String, ModelPrice> models,
                           Map<String, List<String>> routes) {

    /** The Region priced when none is given: where the sandbox and the demo suites run. */
    public static final String DEFAULT_REGION = "us-east-1";
    private static final String GLOBAL = "global.";

    /** The prefix of a suite's own router in a candidate's {@code model} ({@code router:<id>}). */
    public static final String SUITE_ROUTER = "router:";

    public PriceCatalog {
        models = Collections.unmodifiableMap(new LinkedHashMap<>(models));
        Map<String, List<String>> copy = new LinkedHashMap<>();
        routes.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        routes = Collections.unmodifiableMap(copy);
    }

    /** A catalog that knows no prompt router. */
    public PriceCatalog(String name, String version, String date, Map<String, ModelPrice> models) {
        this(name, version, date, models, Map.of());
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
                models.put(m.id(), price(m, m.name(), r.regional(), catalog, region));
                r.global().ifPresent(g -> models.put(GLOBAL + m.id(), price(m, m.name() + " (global)", g,
                        catalog, region)));
            });
        }
        Map<String, List<String>> routes = new LinkedHashMap<>();
        // Bedrock's default routers, where the catalog says they are offered
        catalog.promptRouting().defaultRouters().values().stream().filter(r -> r.regions().contains(region))
                .forEach(r -> routes.put(r.id(), r.models()));
        return new PriceCatalog(catalog.name() + "/" + region, catalog.version(), catalog.date(), models, routes);
    }

    private static ModelPrice price(ModelFacts m, String name, Prices p, Catalog catalog, String region) {
        String source = catalog.cite(p.source());
        String asOf = Optional.ofNullable(catalog.sources().get(p.source())).map(Catalog.Source::date)
                .orElse(catalog.date());
        return new ModelPrice(m.id(), name, p.input(), p.output(), p.batchInput(), p.batchOutput(), p.cacheRead(),
                p.cacheWrite(), source, asOf, dials(m, p, catalog, region));
    }

    /** What the model's request settings cost in {@code region}: only the tiers and latency offered there. */
    private static ModelPrice.Dials dials(ModelFacts m, Prices p, Catalog catalog, String region) {
        Map<String, BigDecimal> tiers = new LinkedHashMap<>();
        List<String> sources = new ArrayList<>();
        m.dials().serviceTiers().filter(t -> t.regions().contains(region)).ifPresent(t -> {
            t.tiers().forEach(tier -> Optional.ofNullable(t.multipliers().get(tier)).ifPresent(x -> tiers.put(tier, x)));
            sources.add(catalog.cite(t.priceSource()));
        });
        Optional<ModelFacts.LatencyOptimized> latency = m.dials().latencyOptimized()
                .filter(l -> l.regions().contains(region));
        latency.ifPresent(l -> sources.add(catalog.cite(l.source())));
        return new ModelPrice.Dials(p.cacheWrite1h(), tiers, latency.flatMap(ModelFacts.LatencyOptimized::input),
                latency.flatMap(ModelFacts.LatencyOptimized::output), String.join("; ", sources));
    }

    /**
     * The prices of {@code modelId}, if the catalog has them. For a prompt router whose models are known: the
     * dearest of them, each price the highest of the models' (empty when one of them lacks it), since which model
     * answers is known only from the answer. Batch prices are left out: Bedrock's batch inference documentation
     * does not list prompt routers among the ids a job may name.
     */
    public Optional<ModelPrice> find(String modelId) {
        Optional<List<String>> route = routeOf(modelId);
        if (route.isPresent()) {
            return dearest(modelId, route.get());
        }
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

    /**
     * The prices a completed call is billed at: the model a prompt router chose when the answer names one (a
     * foundation-model ARN, or an inference-profile ARN priced as that profile's id is), else {@code modelId}'s.
     */
    public Optional<ModelPrice> forCall(String modelId, CallResult.Completion done) {
        return done.routed() ? find(done.invokedModelId()) : find(modelId);
    }

    /**
     * The prices a completed call made with {@code settings} is billed at: {@link #forCall} under the tier and latency
     * its answer names ({@link ModelPrice#under}).
     */
    public Optional<ModelPrice> forCall(String modelId, dev.frontier.model.CallSettings settings,
                                        CallResult.Completion done) {
        return forCall(modelId, done).map(p -> p.under(settings, done.serviceTier(), done.performance()));
    }

    /** The prices a call with {@code settings} would be billed at, before it is made. */
    public Optional<ModelPrice> find(String modelId, dev.frontier.model.CallSettings settings) {
        return find(modelId).map(p -> p.under(settings, "", ""));
    }

    /**
     * The models a prompt router may route to, if known: a default router by its id, a configured one by its ARN,
     * a suite's own by {@code router:<id>}.
     */
    public Optional<List<String>> routeOf(String modelId) {
        if (modelId.startsWith(SUITE_ROUTER)) {
            return Optional.ofNullable(routes.get(modelId));
        }
        ModelId id = ModelId.parse(modelId);
        if (!id.isRouter()) {
            return Optional.empty();
        }
        return Optional.ofNullable(id.defaultRouterId().map(routes::get).orElseGet(() -> routes.get(modelId)));
    }

    /** This catalog knowing that the router {@code key} (an ARN or {@code router:<id>}) routes to {@code models}. */
    public PriceCatalog withRoute(String key, List<String> models) {
        Map<String, List<String>> copy = new LinkedHashMap<>(routes);
        copy.put(key, models);
        return new PriceCatalog(name, version, date, this.models, copy);
    }

    private Optional<ModelPrice> dearest(String router, List<String> route) {
        List<ModelPrice> prices = new ArrayList<>();
        for (String model : route) {
            Optional<ModelPrice> p = find(model);
            if (p.isEmpty()) {
                return Optional.empty();
            }
            prices.add(p.get());
        }
        if (prices.isEmpty()) {
            return Optional.empty();
        }
        String names = String.join(" / ", prices.stream().map(ModelPrice::name).toList());
        return Optional.of(new ModelPrice(router, "prompt router (" + names + ")", highest(prices, ModelPrice::input),
                highest(prices, ModelPrice::output), Optional.empty(), Optional.empty(),
                highest(prices, ModelPrice::cacheRead), highest(prices, ModelPrice::cacheWrite),
                String.join("; ", prices.stream().map(ModelPrice::source).distinct().toList()),
                prices.stream().map(ModelPrice::asOf).min(String::compareTo).orElse(date)));
    }

    private static Optional<BigDecimal> highest(List<ModelPrice> prices,
                                                Function<ModelPrice, Optional<BigDecimal>> part) {
        BigDecimal max = null;
        for (ModelPrice p : prices) {
            Optional<BigDecimal> v = part.apply(p);
            if (v.isEmpty()) {
                return Optional.empty();
            }
            max = max == null || v.get().compareTo(max) > 0 ? v.get() : max;
        }
        return Optional.ofNullable(max);
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
                override.source(), override.asOf(), base.dials()));
        return new PriceCatalog(name, version + "+overrides", date, copy, routes);
    }

    private static <T> Optional<T> or(Optional<T> first, Optional<T> second) {
        return first.isPresent() ? first : second;
    }
}
