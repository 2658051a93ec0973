package dev.frontier.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One single-turn request to a text model, independent of any SDK.
 *
 * @param modelId      Bedrock model id, inference-profile id or ARN
 * @param system       system prompt, empty for none
 * @param user         the user turn
 * @param cacheSystem  whether to place a prompt-cache checkpoint after the system prompt
 * @param inference    inference parameters
 * @param outputSchema a JSON Schema the answer must follow (Converse structured output), empty for free text
 * @param settings     service tier, latency, reasoning and cache TTL; {@link CallSettings#NONE} sends none
 */
public record ModelRequest(String modelId, String system, String user, boolean cacheSystem, InferenceParams inference,
                           Optional<String> outputSchema, CallSettings settings) {
    public ModelRequest {
        Objects.requireNonNull(modelId, "modelId");
        system = system == null ? "" : system;
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(inference, "inference");
        outputSchema = outputSchema == null ? Optional.empty() : outputSchema;
        settings = settings == null ? CallSettings.NONE : settings;
    }

    /** A request with Bedrock's default settings. */
    public ModelRequest(String modelId, String system, String user, boolean cacheSystem, InferenceParams inference,
                        Optional<String> outputSchema) {
        this(modelId, system, user, cacheSystem, inference, outputSchema, CallSettings.NONE);
    }

    /** A request for free text. */
    public ModelRequest(String modelId, String system, String user, boolean cacheSystem, InferenceParams inference) {
        this(modelId, system, user, cacheSystem, inference, Optional.empty(), CallSettings.NONE);
    }

    /** This request with {@code s}. */
    public ModelRequest withSettings(CallSettings s) {
        return new ModelRequest(modelId, system, user, cacheSystem, inference, outputSchema, s);
    }

    /**
     * Inference parameters; {@code null} for a value means "not sent".
     */
    public record InferenceParams(int maxTokens, Double temperature, Double topP, List<String> stopSequences) {
        public InferenceParams {
            if (maxTokens < 1) {
                throw new IllegalArgumentException("maxTokens must be at least 1");
            }
            stopSequences = stopSequences == null ? List.of() : List.copyOf(stopSequences);
        }
    }
}
