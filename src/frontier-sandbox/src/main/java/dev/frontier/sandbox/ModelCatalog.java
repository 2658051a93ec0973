package dev.frontier.sandbox;

import dev.frontier.catalog.Catalog;
import dev.frontier.catalog.ModelFacts;
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

    /**
     * The built-in table. Quality, wordiness and speed are the simulation's own; the prompt-caching minimum (0 for a
     * model without caching) comes from the model catalog, as do all refusals (see {@link BedrockRules}).
     */
    static ModelCatalog builtIn() {
        return new ModelCatalog(List.of(
                // id, tier, verbosity, base ms, ms/output token, ms/1k input tokens
                simulated("anthropic.claude-3-5-sonnet-20241022-v2:0", 0.95, 0.30, 800, 16, 120),
                simulated("anthropic.claude-3-7-sonnet-20250219-v1:0", 0.96, 0.40, 850, 16, 120),
                simulated("anthropic.claude-sonnet-4-20250514-v1:0", 0.97, 0.35, 900, 15, 120),
                simulated("anthropic.claude-sonnet-4-5-20250929-v1:0", 0.97, 0.30, 850, 14, 110),
                simulated("anthropic.claude-opus-4-5-20251101-v1:0", 0.98, 0.35, 1100, 20, 140),
                simulated("anthropic.claude-haiku-4-5-20251001-v1:0", 0.90, 0.35, 450, 9, 60),
                simulated("anthropic.claude-3-5-haiku-20241022-v1:0", 0.86, 0.35, 500, 11, 70),
                simulated("anthropic.claude-3-haiku-20240307-v1:0", 0.82, 0.45, 350, 7, 50),
                simulated("anthropic.claude-3-5-sonnet-20240620-v1:0", 0.93, 0.30, 800, 16, 120),
                simulated("amazon.nova-premier-v1:0", 0.93, 0.35, 900, 17, 110),
                simulated("amazon.nova-pro-v1:0", 0.88, 0.40, 500, 10, 70),
                simulated("amazon.nova-2-lite-v1:0", 0.86, 0.45, 400, 7, 45),
                simulated("amazon.nova-lite-v1:0", 0.78, 0.50, 300, 5, 35),
                simulated("amazon.nova-micro-v1:0", 0.68, 0.55, 200, 4, 25),
                simulated("meta.llama3-1-8b-instruct-v1:0", 0.65, 0.75, 250, 6, 30),
                simulated("meta.llama3-1-70b-instruct-v1:0", 0.83, 0.60, 600, 14, 80),
                simulated("meta.llama3-3-70b-instruct-v1:0", 0.85, 0.55, 550, 13, 80),
                simulated("mistral.mistral-7b-instruct-v0:2", 0.60, 0.80, 250, 6, 30),
                simulated("mistral.mixtral-8x7b-instruct-v0:1", 0.72, 0.65, 400, 9, 50),
                simulated("mistral.mistral-large-2402-v1:0", 0.84, 0.50, 800, 18, 100),
                simulated("mistral.mistral-small-2402-v1:0", 0.74, 0.60, 350, 8, 45)));
    }

    private static ModelProfile simulated(String id, double tier, double verbosity, int baseMs, double msPerOutput,
                                          double msPerThousandInput) {
        int cacheMin = Catalog.bundled().model(id).flatMap(ModelFacts::caching).map(ModelFacts.Caching::minTokens)
                .orElse(0);
        return new ModelProfile(id, tier, verbosity, baseMs, msPerOutput, msPerThousandInput, cacheMin);
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
