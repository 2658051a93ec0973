package dev.frontier.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the catalog knows of one foundation model.
 *
 * @param id               base model id
 * @param name             human name
 * @param provider         model provider
 * @param modalities       what the model takes and gives
 * @param maxOutputTokens  the largest {@code maxTokens} a request may ask for
 * @param caching          prompt caching, empty when the model has none
 * @param structuredOutput whether Converse {@code outputConfig} structured output is supported
 * @param lifecycle        Active or Legacy, with dates
 * @param regions          per Region: how it is called, batch, prices; a Region not listed is unknown
 * @param notes            caveats, or ""
 * @param dials            the request settings it takes beyond inference parameters: service tiers,
 *                         latency-optimized inference, reasoning
 */
public record ModelFacts(String id, String name, String provider, Modalities modalities, int maxOutputTokens,
                         Optional<Caching> caching,
                         boolean structuredOutput, Lifecycle lifecycle, Map<String, RegionFacts> regions,
                         String notes, Dials dials) {

    /** A model that takes no dials. */
    public ModelFacts(String id, String name, String provider, Modalities modalities, int maxOutputTokens,
                      Optional<Caching> caching, boolean structuredOutput, Lifecycle lifecycle,
                      Map<String, RegionFacts> regions, String notes) {
        this(id, name, provider, modalities, maxOutputTokens, caching, structuredOutput, lifecycle, regions, notes,
                Dials.NONE);
    }

    /**
     * The request settings a model takes beyond its inference parameters; an empty one is not offered (or not
     * documented) for the model.
     *
     * @param serviceTiers     Flex, Priority (and Reserved) beside Standard
     * @param latencyOptimized {@code performanceConfig.latency = optimized}
     * @param reasoning        a thinking budget or a reasoning effort
     */
    public record Dials(Optional<ServiceTiers> serviceTiers, Optional<LatencyOptimized> latencyOptimized,
                        Optional<Reasoning> reasoning) {
        public static final Dials NONE = new Dials(Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * Service tiers other than Standard, and how they are billed.
     *
     * @param tiers       the tiers offered besides {@code default} ({@code flex}, {@code priority}, {@code reserved})
     * @param regions     the Regions they are offered in
     * @param multipliers each tier's token prices as a multiple of Standard's on-demand input and output prices
     * @param latency     each tier's latency relative to Standard (a factor on the time per output token), as far as
     *                    it is stated; used by the sandbox and by consumption plans
     * @param source      key of the catalog's source for which models and Regions
     * @param priceSource key of the catalog's source for the multipliers
     * @param notes       caveats, or ""
     */
    public record ServiceTiers(java.util.List<String> tiers, java.util.List<String> regions,
                               Map<String, java.math.BigDecimal> multipliers, Map<String, Double> latency,
                               String source, String priceSource, String notes) {

        /** Whether {@code tier} ({@code flex}, {@code priority} …) is offered in {@code region}. */
        public boolean offers(String tier, String region) {
            return tiers.contains(tier) && regions.contains(region);
        }
    }

    /**
     * Latency-optimized inference.
     *
     * @param regions the Regions it is offered in (through the profiles listed for the model there)
     * @param input   its input price per 1,000 tokens
     * @param output  its output price per 1,000 tokens
     * @param source  key of the catalog's source
     * @param notes   caveats, or ""
     */
    public record LatencyOptimized(java.util.List<String> regions, Optional<java.math.BigDecimal> input,
                                   Optional<java.math.BigDecimal> output, String source, String notes) {
    }

    /** How a model takes a reasoning setting. */
    public enum ReasoningKind {
        /** Anthropic: {@code additionalModelRequestFields.thinking = {type: enabled, budget_tokens: N}}. */
        BUDGET,
        /** Amazon Nova 2: {@code additionalModelRequestFields.reasoningConfig = {type: enabled,
         * maxReasoningEffort: low|medium|high}}. */
        EFFORT
    }

    /**
     * Reasoning (extended thinking).
     *
     * @param kind                a thinking budget or a reasoning effort
     * @param minBudget           the smallest budget (BUDGET)
     * @param efforts             the efforts it takes (EFFORT)
     * @param samplingWithout     the inference parameters that must not be set while reasoning is on
     *                            ({@code temperature}, {@code topP}, {@code maxTokens} …), with the effort they apply
     *                            to for EFFORT models ({@code high:temperature}) or for all
     * @param source              key of the catalog's source
     * @param notes               caveats, or ""
     */
    public record Reasoning(ReasoningKind kind, int minBudget, java.util.List<String> efforts,
                            java.util.List<String> samplingWithout, String source, String notes) {
    }

    /**
     * The modalities Bedrock lists for the model ({@code TEXT}, {@code IMAGE}, {@code VIDEO}, {@code EMBEDDING} …).
     *
     * @param input  what a request may carry
     * @param output what the model answers with
     * @param source key of the catalog's source
     */
    public record Modalities(List<String> input, List<String> output, String source) {
    }

    /**
     * Prompt caching.
     *
     * @param minTokens      the smallest prefix a checkpoint caches; a checkpoint before it is ignored
     * @param maxCheckpoints checkpoints per request
     * @param ttls           the TTLs offered ({@code 5m}, {@code 1h})
     * @param fields         where checkpoints may stand ({@code system}, {@code messages}, {@code tools})
     * @param source         key of the catalog's source
     */
    public record Caching(int minTokens, int maxCheckpoints, List<String> ttls, List<String> fields, String source) {
    }

    /** Bedrock's lifecycle states ({@code FoundationModelLifecycleStatus}). */
    public enum Status { ACTIVE, LEGACY }

    /**
     * Where the model stands in its life.
     *
     * @param status         Active or Legacy
     * @param legacy         the date it became (or becomes) Legacy
     * @param extendedAccess the start of public extended access (higher prices)
     * @param endOfLife      the date it stops answering
     * @param source         key of the catalog's source
     * @param notes          caveats, or ""
     */
    public record Lifecycle(Status status, Optional<String> legacy, Optional<String> extendedAccess,
                            Optional<String> endOfLife, String source, String notes) {

        /** Whether the model no longer answers on {@code day}: its end-of-life date has come. */
        public boolean endedBy(java.time.LocalDate day) {
            return endOfLife.map(java.time.LocalDate::parse).filter(eol -> !day.isBefore(eol)).isPresent();
        }

        /** "Legacy since …, extended access from …, end of life …", for messages. */
        public String describe() {
            java.util.List<String> parts = new java.util.ArrayList<>();
            legacy.ifPresent(d -> parts.add("Legacy from " + d));
            extendedAccess.ifPresent(d -> parts.add("public extended access (higher prices) from " + d));
            endOfLife.ifPresent(d -> parts.add("end of life " + d));
            if (parts.isEmpty()) {
                parts.add(status == Status.LEGACY ? "Legacy" : "Active");
            }
            return String.join(", ", parts);
        }
    }

    /**
     * The model in one Region.
     *
     * @param bareId   whether the bare model id is served on demand there (else only through a profile)
     * @param profiles the system inference-profile prefixes offered from there ({@code us}, {@code global} …)
     * @param batch    whether batch inference is offered
     * @param regional prices of the bare id and of geo profiles (billed at the source Region's price)
     * @param global   prices of the {@code global.} profile, where it has its own
     * @param source   key of the catalog's source for how the model is called there
     */
    public record RegionFacts(boolean bareId, List<String> profiles, boolean batch, Prices regional,
                              Optional<Prices> global, String source) {

        /** The ids to call the model by from here, bare id first when it is served. */
        public List<String> callableIds(String baseId) {
            java.util.List<String> out = new java.util.ArrayList<>();
            if (bareId) {
                out.add(baseId);
            }
            profiles.forEach(p -> out.add(p + "." + baseId));
            return out;
        }
    }

    /** The model in {@code region}, if the catalog knows it there. */
    public Optional<RegionFacts> in(String region) {
        return Optional.ofNullable(regions.get(region));
    }
}
