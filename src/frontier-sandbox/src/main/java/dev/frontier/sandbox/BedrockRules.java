package dev.frontier.sandbox;

import dev.frontier.catalog.Catalog;
import dev.frontier.catalog.Conformance;
import dev.frontier.catalog.ModelFacts;
import dev.frontier.catalog.ModelId;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The refusals Bedrock documents, applied to a Converse request before the simulated model sees it: which ids are
 * served on demand in the caller's Region (bare id or only through a system inference profile), prompt caching,
 * structured output, the model's output limit and the cost dials (service tier, latency-optimized inference,
 * reasoning, cache TTL), all read from the model catalog; the status, error type and
 * message of each refusal come from the conformance table. The Region is the one the caller signed for, as on AWS,
 * where each Region has its own endpoint.
 */
final class BedrockRules {

    /** The Region assumed for an unsigned request. */
    static final String DEFAULT_REGION = "us-east-1";
    private static final String RESERVED = "reserved";
    private static final String FLEX = "flex";
    private static final String PRIORITY = "priority";
    private static final String ONE_HOUR = "1h";
    /** The provider whose models answer an unsupported 1-hour TTL with "Extra inputs are not permitted". */
    private static final String ANTHROPIC = "Anthropic";
    private static final Pattern SCOPE = Pattern.compile("Credential=[^/,\\s]+/\\d{8}/([a-z0-9-]+)/");

    private final Catalog catalog;
    private final Conformance table;

    BedrockRules(Catalog catalog, Conformance table) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.table = Objects.requireNonNull(table, "table");
    }

    static BedrockRules bundled() {
        return new BedrockRules(Catalog.bundled(), Conformance.bundled());
    }

    /** The Region of a SigV4 {@code Authorization} header's credential scope; the default when there is none. */
    static String region(String authorization) {
        if (authorization == null) {
            return DEFAULT_REGION;
        }
        Matcher m = SCOPE.matcher(authorization);
        return m.find() ? m.group(1) : DEFAULT_REGION;
    }

    /**
     * Checks a Converse request for {@code modelId} in {@code region}; returns the catalog's facts of the model when
     * it names one, empty for ids the catalog cannot read (custom model and application-profile ARNs).
     *
     * @param today the date at the service, for models past their end of life
     * @throws BedrockError the refusal Bedrock documents
     */
    Optional<ModelFacts> check(String modelId, String region, ConverseCall call, LocalDate today) {
        if (catalog.model(modelId).filter(m -> m.lifecycle().endedBy(today)).isPresent()) {
            throw refuse("end-of-life", modelId, 0);
        }
        Catalog.Invocation how = catalog.invocation(modelId, region);
        ModelFacts model;
        if (how instanceof Catalog.Invocation.Allowed allowed) {
            model = allowed.model();
        } else if (how instanceof Catalog.Invocation.NeedsProfile) {
            throw refuse("profile-required", modelId, 0);
        } else if (how instanceof Catalog.Invocation.Opaque) {
            return Optional.empty();
        } else {
            // a profile the Region does not offer, a model not offered there, or one Bedrock does not have
            throw refuse("invalid-model", modelId, 0);
        }
        if (call.hasCachePoint() && model.caching().isEmpty()) {
            throw refuse("caching-unsupported", modelId, 0);
        }
        if (call.structured() && !model.structuredOutput()) {
            throw refuse("structured-output-unsupported", modelId, 0);
        }
        int limit = model.maxOutputTokens();
        if (limit > 0 && call.inference().maxTokens().isPresent() && call.inference().maxTokens().getAsInt() > limit) {
            throw refuse("max-tokens-above-limit", modelId, limit);
        }
        checkDials(modelId, region, call, model);
        return Optional.of(model);
    }

    /** The service tier, latency setting, reasoning and cache TTL against what the catalog lists for the model. */
    private void checkDials(String modelId, String region, ConverseCall call, ModelFacts model) {
        ConverseCall.Dials dials = call.dials();
        if (dials.serviceTier().isPresent()) {
            String tier = dials.tier();
            switch (tier) {
                case ConverseCall.DEFAULT_TIER -> { }
                // reservations are arranged with the account team; the sandbox holds none
                case RESERVED -> throw refuse("service-tier-reservation-not-found", modelId, 0);
                case FLEX, PRIORITY -> {
                    if (!model.dials().serviceTiers().map(t -> t.offers(tier, region)).orElse(false)) {
                        throw refuse("service-tier-unsupported", modelId, 0, Map.of("tier", tier, "region", region));
                    }
                }
                default -> throw refuse("service-tier-invalid", modelId, 0);
            }
        }
        if (dials.latencyOptimized()) {
            // offered only through a cross-Region profile, in the Regions the guide lists
            boolean offered = model.dials().latencyOptimized().map(l -> l.regions().contains(region)).orElse(false)
                    && ModelId.parse(modelId).profile().isPresent();
            if (!offered) {
                throw refuse("latency-optimized-unsupported", modelId, 0, Map.of("region", region));
            }
            if (call.hasCachePoint()) {
                throw refuse("latency-optimized-with-cache", modelId, 0);
            }
        }
        if (dials.reasoning().isPresent()) {
            checkReasoning(modelId, call, dials.reasoning().get(), model.dials().reasoning());
        }
        if (call.cacheTtls().contains(ONE_HOUR) && model.caching().map(c -> !c.ttls().contains(ONE_HOUR)).orElse(false)) {
            throw refuse(ANTHROPIC.equals(model.provider()) ? "cache-ttl-extra-inputs" : "cache-ttl-anthropic-only",
                    modelId, 0);
        }
    }

    private void checkReasoning(String modelId, ConverseCall call, ConverseCall.Reasoning asked,
                                Optional<ModelFacts.Reasoning> offered) {
        ConverseCall.Inference inference = call.inference();
        String level;
        if (asked instanceof ConverseCall.Budget budget) {
            if (offered.filter(r -> r.kind() == ModelFacts.ReasoningKind.BUDGET).isEmpty()) {
                throw refuse("thinking-unsupported", modelId, 0);
            }
            if (budget.tokens() < offered.get().minBudget()) {
                throw refuse("thinking-budget-below-minimum", modelId, offered.get().minBudget());
            }
            if (budget.tokens() >= inference.maxTokens().orElse(ConverseService.DEFAULT_MAX_TOKENS)) {
                throw refuse("thinking-budget-not-below-max-tokens", modelId, 0);
            }
            level = null;
        } else {
            level = ((ConverseCall.Effort) asked).level();
            if (offered.filter(r -> r.kind() == ModelFacts.ReasoningKind.EFFORT && r.efforts().contains(level))
                    .isEmpty()) {
                throw refuse("reasoning-config-invalid", modelId, 0);
            }
        }
        // "temperature" applies to every reasoning request, "high:maxTokens" to one effort
        for (String entry : offered.get().samplingWithout()) {
            int colon = entry.indexOf(':');
            if (colon >= 0 && !entry.substring(0, colon).equals(level)) {
                continue;
            }
            String param = entry.substring(colon + 1);
            boolean set = switch (param) {
                // temperature 1 is the default, not a modification (Anthropic)
                case "temperature" -> inference.temperature().isPresent()
                        && (level != null || inference.temperature().getAsDouble() != 1.0);
                case "topP" -> inference.topP().isPresent();
                case "maxTokens" -> inference.maxTokens().isPresent();
                default -> false;
            };
            if (set) {
                throw level == null && param.equals("temperature") ? refuse("thinking-temperature", modelId, 0)
                        : refuse("reasoning-sampling", modelId, 0,
                        Map.of("param", param, "reasoning", asked.describe()));
            }
        }
    }

    private BedrockError refuse(String rule, String modelId, long limit) {
        return refuse(rule, modelId, limit, Map.of());
    }

    /** The rule's refusal; {@code fill} replaces further {@code {name}} placeholders of its message. */
    private BedrockError refuse(String rule, String modelId, long limit, Map<String, String> fill) {
        Conformance.Rule r = table.rule(rule);
        String message = r.message(modelId, limit);
        for (Map.Entry<String, String> e : fill.entrySet()) {
            message = message.replace("{" + e.getKey() + "}", e.getValue());
        }
        return new BedrockError(r.status(), r.type(), message);
    }
}
