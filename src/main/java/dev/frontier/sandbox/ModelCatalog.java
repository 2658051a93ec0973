package dev.frontier.sandbox;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The simulated models, keyed by Bedrock model id. A system inference-profile id ({@code us.}, {@code eu.},
 * {@code apac.}, {@code global.} + model id) and a foundation-model or system inference-profile ARN resolve to the
 * same profile.
 *
 * <p>Tiers are relative figures chosen so that demo suites show the familiar ordering (Sonnet-class on top, small
 * open models at the bottom); they are not benchmark results.
 */
final class ModelCatalog {

    private static final int CLAUDE_SONNET_CACHE_MIN = 1024;
    private static final int CLAUDE_HAIKU_CACHE_MIN = 2048;
    private static final int NOVA_CACHE_MIN = 1000;
    private static final int NO_CACHE = 0;

    private static final List<String> GEO_PREFIXES = List.of("us.", "eu.", "apac.", "global.");
    /** ARN resource types whose last part is a model or system inference-profile id. */
    private static final List<String> ARN_MARKERS = List.of(":foundation-model/", ":inference-profile/");

    private final Map<String, ModelProfile> profiles;
    /** Custom models served through Provisioned Throughput or deployment ARNs; null when none. */
    private final CustomModels custom;

    private ModelCatalog(List<ModelProfile> profiles) {
        this(profiles.stream().collect(Collectors.toUnmodifiableMap(ModelProfile::id, Function.identity())), null);
    }

    private ModelCatalog(Map<String, ModelProfile> profiles, CustomModels custom) {
        this.profiles = profiles;
        this.custom = custom;
    }

    /** This catalog, also resolving the ARNs through which {@code customModels} are invoked. */
    ModelCatalog withCustomModels(CustomModels customModels) {
        return new ModelCatalog(profiles, customModels);
    }

    /** The built-in table. */
    static ModelCatalog builtIn() {
        return new ModelCatalog(List.of(
                // id, tier, verbosity, base ms, ms/output token, ms/1k input tokens, cache minimum
                new ModelProfile("anthropic.claude-3-5-sonnet-20241022-v2:0", 0.95, 0.30, 800, 16, 120, CLAUDE_SONNET_CACHE_MIN),
                new ModelProfile("anthropic.claude-3-7-sonnet-20250219-v1:0", 0.96, 0.40, 850, 16, 120, CLAUDE_SONNET_CACHE_MIN),
                new ModelProfile("anthropic.claude-sonnet-4-20250514-v1:0", 0.97, 0.35, 900, 15, 120, CLAUDE_SONNET_CACHE_MIN),
                new ModelProfile("anthropic.claude-3-5-haiku-20241022-v1:0", 0.86, 0.35, 500, 11, 70, CLAUDE_HAIKU_CACHE_MIN),
                new ModelProfile("anthropic.claude-3-haiku-20240307-v1:0", 0.82, 0.45, 350, 7, 50, NO_CACHE),
                new ModelProfile("amazon.nova-premier-v1:0", 0.93, 0.35, 900, 17, 110, NOVA_CACHE_MIN),
                new ModelProfile("amazon.nova-pro-v1:0", 0.88, 0.40, 500, 10, 70, NOVA_CACHE_MIN),
                new ModelProfile("amazon.nova-lite-v1:0", 0.78, 0.50, 300, 5, 35, NOVA_CACHE_MIN),
                new ModelProfile("amazon.nova-micro-v1:0", 0.68, 0.55, 200, 4, 25, NOVA_CACHE_MIN),
                new ModelProfile("meta.llama3-1-8b-instruct-v1:0", 0.65, 0.75, 250, 6, 30, NO_CACHE),
                new ModelProfile("meta.llama3-1-70b-instruct-v1:0", 0.83, 0.60, 600, 14, 80, NO_CACHE),
                new ModelProfile("meta.llama3-3-70b-instruct-v1:0", 0.85, 0.55, 550, 13, 80, NO_CACHE),
                new ModelProfile("mistral.mistral-7b-instruct-v0:2", 0.60, 0.80, 250, 6, 30, NO_CACHE),
                new ModelProfile("mistral.mixtral-8x7b-instruct-v0:1", 0.72, 0.65, 400, 9, 50, NO_CACHE),
                new ModelProfile("mistral.mistral-large-2402-v1:0", 0.84, 0.50, 800, 18, 100, NO_CACHE),
                new ModelProfile("mistral.mistral-small-2402-v1:0", 0.74, 0.60, 350, 8, 45, NO_CACHE)));
    }

    /** The profile for a model id, inference-profile id or ARN; empty when unknown. */
    Optional<ModelProfile> resolve(String modelId) {
        String id = modelId;
        if (custom != null && id.startsWith("arn:")) {
            Optional<ModelProfile> served = custom.resolve(id);
            if (served.isPresent()) {
                return served;
            }
        }
        if (id.startsWith("arn:")) {
            for (String marker : ARN_MARKERS) {
                int at = id.indexOf(marker);
                if (at >= 0) {
                    id = id.substring(at + marker.length());
                    break;
                }
            }
        }
        ModelProfile direct = profiles.get(id);
        if (direct != null) {
            return Optional.of(direct);
        }
        for (String prefix : GEO_PREFIXES) {
            if (id.startsWith(prefix)) {
                return Optional.ofNullable(profiles.get(id.substring(prefix.length())));
            }
        }
        return Optional.empty();
    }

    /** The base model ids, sorted. */
    List<String> modelIds() {
        return profiles.keySet().stream().sorted().toList();
    }
}
