package dev.frontier.catalog;

import java.util.List;

/**
 * What an account's Bedrock control plane lists in one Region ({@code ListFoundationModels} and
 * {@code ListInferenceProfiles}), as plain values to compare with the catalog.
 *
 * @param models   the foundation models listed
 * @param profiles the inference profiles listed
 */
public record AccountModels(List<Model> models, List<Profile> profiles) {

    public AccountModels {
        models = List.copyOf(models);
        profiles = List.copyOf(profiles);
    }

    /**
     * One foundation model as listed.
     *
     * @param modelId          its id (a customization variant carries its context window, {@code …:300k})
     * @param provider         the provider's name
     * @param inferenceTypes   {@code inferenceTypesSupported} as Bedrock sends them ({@code ON_DEMAND},
     *                         {@code INFERENCE_PROFILE}, {@code PROVISIONED})
     * @param outputModalities {@code outputModalities}
     * @param status           {@code modelLifecycle.status} ({@code ACTIVE}, {@code LEGACY}), "" when absent
     */
    public record Model(String modelId, String provider, List<String> inferenceTypes, List<String> outputModalities,
                        String status) {
        public Model {
            inferenceTypes = List.copyOf(inferenceTypes);
            outputModalities = List.copyOf(outputModalities);
        }
    }

    /**
     * One inference profile as listed.
     *
     * @param profileId {@code inferenceProfileId}, e.g. {@code us.amazon.nova-lite-v1:0}
     * @param type      {@code SYSTEM_DEFINED} or {@code APPLICATION}
     */
    public record Profile(String profileId, String type) {
    }
}
