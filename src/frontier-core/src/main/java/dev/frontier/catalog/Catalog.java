package dev.frontier.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The versioned model catalog: per model and Region, how it is called, what it can do, its lifecycle and prices,
 * each fact with a source.
 *
 * @param name          catalog name
 * @param version       catalog version, recorded in every run
 * @param date          the catalog's date
 * @param sources       the sources facts refer to, by key
 * @param models        facts by base model id
 * @param customization what Bedrock can distill and fine-tune
 * @param promptRouting which models prompt routers may route between, and Bedrock's default routers
 * @param promptOptimization which models and Regions Bedrock's prompt optimization serves
 */
public record Catalog(String name, String version, String date, Map<String, Source> sources,
                      Map<String, ModelFacts> models, Customization customization, PromptRouting promptRouting,
                      PromptOptimization promptOptimization) {

    private static final String BUNDLED = "/catalog/bedrock-models.json";
    private static volatile Catalog bundled;

    public Catalog {
        sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        models = Collections.unmodifiableMap(new LinkedHashMap<>(models));
    }

    /**
     * Where facts come from.
     *
     * @param key   how facts name it
     * @param title what it is
     * @param url   where it is
     * @param date  the date of the copy read
     * @param kind  how far to trust it (AWS documentation, an AWS API, a third-party copy …)
     */
    public record Source(String key, String title, String url, String date, String kind) {
    }

    /**
     * A supported distillation pair.
     *
     * @param teacher    base id of the teacher
     * @param teacherVia how the teacher may be named: {@code model-or-profile}, {@code profile-only},
     *                   {@code model-only}
     * @param students   base ids of the students
     * @param regions    the Regions the pair is offered in
     * @param source     key of the catalog's source
     */
    public record DistillationPair(String teacher, String teacherVia, List<String> students, List<String> regions,
                                   String source) {
    }

    /**
     * What Bedrock can customize.
     *
     * @param distillation the supported teacher → student pairs
     * @param customizable the id with context window a customization job takes, by base model id
     */
    public record Customization(List<DistillationPair> distillation, Map<String, String> customizable) {

        /** The pair for {@code teacher}, if it can teach. */
        public Optional<DistillationPair> teacher(String teacherBaseId) {
            return distillation.stream().filter(p -> p.teacher().equals(teacherBaseId)).findFirst();
        }
    }

    /** The catalog shipped with frontier (read once). */
    public static Catalog bundled() {
        Catalog c = bundled;
        if (c == null) {
            c = parse(BundledJson.read(BUNDLED, "model catalog"));
            bundled = c;
        }
        return c;
    }

    /** Reads a catalog document. */
    public static Catalog parse(JsonNode doc) {
        Map<String, Source> sources = new LinkedHashMap<>();
        doc.path("sources").fields().forEachRemaining(e -> sources.put(e.getKey(), new Source(e.getKey(),
                e.getValue().path("title").asText(), e.getValue().path("url").asText(),
                e.getValue().path("date").asText(), e.getValue().path("kind").asText())));
        Map<String, ModelFacts> models = new LinkedHashMap<>();
        for (JsonNode m : doc.path("models")) {
            Map<String, ModelFacts.RegionFacts> regions = new LinkedHashMap<>();
            m.path("regions").fields().forEachRemaining(e -> regions.put(e.getKey(), region(e.getValue())));
            JsonNode c = m.path("caching");
            Optional<ModelFacts.Caching> caching = c.isObject()
                    ? Optional.of(new ModelFacts.Caching(c.path("minTokens").asInt(), c.path("maxCheckpoints").asInt(),
                    strings(c.path("ttls")), strings(c.path("fields")), c.path("source").asText()))
                    : Optional.empty();
            JsonNode l = m.path("lifecycle");
            ModelFacts.Lifecycle lifecycle = new ModelFacts.Lifecycle(
                    ModelFacts.Status.valueOf(l.path("status").asText("ACTIVE")), text(l, "legacy"),
                    text(l, "extendedAccess"), text(l, "endOfLife"), l.path("source").asText(),
                    l.path("notes").asText(""));
            String id = m.path("id").asText();
            JsonNode mo = m.path("modalities");
            ModelFacts.Modalities modalities = new ModelFacts.Modalities(strings(mo.path("input")),
                    strings(mo.path("output")), mo.path("source").asText());
            models.put(id, new ModelFacts(id, m.path("name").asText(id), m.path("provider").asText(), modalities,
                    m.path("maxOutputTokens").asInt(), caching, m.path("structuredOutput").asBoolean(false),
                    lifecycle, regions, m.path("notes").asText(""), dials(m.path("dials"))));
        }
        List<DistillationPair> pairs = new ArrayList<>();
        for (JsonNode p : doc.path("customization").path("distillation")) {
            pairs.add(new DistillationPair(p.path("teacher").asText(), p.path("teacherVia").asText(),
                    strings(p.path("students")), strings(p.path("regions")), p.path("source").asText()));
        }
        Map<String, String> customizable = new LinkedHashMap<>();
        doc.path("customization").path("customizable").fields()
                .forEachRemaining(e -> customizable.put(e.getKey(), e.getValue().asText()));
        return new Catalog(doc.path("catalog").asText(), doc.path("version").asText(), doc.path("date").asText(),
                sources, models, new Customization(List.copyOf(pairs), Collections.unmodifiableMap(customizable)),
                PromptRouting.parse(doc.path("promptRouting")),
                PromptOptimization.parse(doc.path("promptOptimization")));
    }

    private static ModelFacts.Dials dials(JsonNode d) {
        JsonNode t = d.path("serviceTiers");
        Optional<ModelFacts.ServiceTiers> tiers = Optional.empty();
        if (t.isObject()) {
            Map<String, BigDecimal> multipliers = new LinkedHashMap<>();
            t.path("multipliers").fields().forEachRemaining(e -> multipliers.put(e.getKey(),
                    new BigDecimal(e.getValue().asText())));
            Map<String, Double> latency = new LinkedHashMap<>();
            t.path("latency").fields().forEachRemaining(e -> latency.put(e.getKey(), e.getValue().asDouble()));
            tiers = Optional.of(new ModelFacts.ServiceTiers(strings(t.path("tiers")), strings(t.path("regions")),
                    Collections.unmodifiableMap(multipliers), Collections.unmodifiableMap(latency),
                    t.path("source").asText(), t.path("priceSource").asText(), t.path("notes").asText("")));
        }
        JsonNode l = d.path("latencyOptimized");
        Optional<ModelFacts.LatencyOptimized> latency = l.isObject()
                ? Optional.of(new ModelFacts.LatencyOptimized(strings(l.path("regions")), price(l, "input"),
                price(l, "output"), l.path("source").asText(), l.path("notes").asText("")))
                : Optional.empty();
        JsonNode r = d.path("reasoning");
        Optional<ModelFacts.Reasoning> reasoning = r.isObject()
                ? Optional.of(new ModelFacts.Reasoning(ModelFacts.ReasoningKind.valueOf(r.path("kind").asText()),
                r.path("minBudget").asInt(0), strings(r.path("efforts")), strings(r.path("samplingWithout")),
                r.path("source").asText(), r.path("notes").asText("")))
                : Optional.empty();
        return new ModelFacts.Dials(tiers, latency, reasoning);
    }

    private static ModelFacts.RegionFacts region(JsonNode r) {
        JsonNode p = r.path("prices");
        return new ModelFacts.RegionFacts(r.path("bareId").asBoolean(false), strings(r.path("profiles")),
                r.path("batch").asBoolean(false), prices(p.path("regional")),
                p.has("global") ? Optional.of(prices(p.path("global"))) : Optional.empty(), r.path("source").asText());
    }

    /** Reads one price block; also used for price files given to {@code recheck}. */
    public static Prices prices(JsonNode p) {
        return new Prices(price(p, "input"), price(p, "output"), price(p, "batchInput"), price(p, "batchOutput"),
                price(p, "cacheRead"), price(p, "cacheWrite"), price(p, "cacheWrite1h"), p.path("source").asText(),
                p.path("notes").asText(""));
    }

    private static Optional<BigDecimal> price(JsonNode m, String key) {
        JsonNode v = m.get(key);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(new BigDecimal(v.asText()));
    }

    private static Optional<String> text(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() || v.asText().isEmpty() ? Optional.empty() : Optional.of(v.asText());
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return List.copyOf(out);
    }

    /** The facts of the model {@code modelId} names (bare id, profile id or ARN), if the catalog has it. */
    public Optional<ModelFacts> model(String modelId) {
        ModelId id = ModelId.parse(modelId);
        return id.namesModel() ? Optional.ofNullable(models.get(id.baseId())) : Optional.empty();
    }

    /** The source behind {@code key}, as "title (date)". */
    public String cite(String key) {
        Source s = sources.get(key);
        return s == null ? key : s.title() + " (" + s.date() + ")";
    }

    /** Whether Bedrock serves {@code modelId} on demand in {@code region}, and if not, what to call instead. */
    public Invocation invocation(String modelId, String region) {
        ModelId id = ModelId.parse(modelId);
        if (!id.namesModel()) {
            return new Invocation.Opaque(id);
        }
        ModelFacts m = models.get(id.baseId());
        if (m == null) {
            return new Invocation.UnknownModel(id);
        }
        Optional<ModelFacts.RegionFacts> there = m.in(region);
        if (there.isEmpty()) {
            return new Invocation.NotInCatalog(id, m, region);
        }
        ModelFacts.RegionFacts r = there.get();
        if (id.isDirect()) {
            return r.bareId() ? new Invocation.Allowed(id, m, r) : new Invocation.NeedsProfile(id, m, region,
                    r.callableIds(m.id()));
        }
        String prefix = id.profile().orElseThrow();
        return r.profiles().contains(prefix) ? new Invocation.Allowed(id, m, r)
                : new Invocation.NoSuchProfile(id, m, region, r.callableIds(m.id()));
    }

    /** How a model id fares in a Region. */
    public sealed interface Invocation {
        /** The id as given. */
        ModelId id();

        /** Served on demand as named. */
        record Allowed(ModelId id, ModelFacts model, ModelFacts.RegionFacts there) implements Invocation {
        }

        /** A bare id (or foundation-model ARN) that is served on demand only through a system inference profile. */
        record NeedsProfile(ModelId id, ModelFacts model, String region, List<String> use) implements Invocation {
        }

        /** A profile prefix the Region does not offer for this model. */
        record NoSuchProfile(ModelId id, ModelFacts model, String region, List<String> use) implements Invocation {
        }

        /** The model is known, but the catalog has no facts for it in this Region. */
        record NotInCatalog(ModelId id, ModelFacts model, String region) implements Invocation {
        }

        /** The catalog does not know the model. */
        record UnknownModel(ModelId id) implements Invocation {
        }

        /** An application inference profile or other resource: the model behind it is not known from the id. */
        record Opaque(ModelId id) implements Invocation {
        }
    }
}
