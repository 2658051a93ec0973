package dev.frontier.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

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
 * @param requestMetadata Converse {@code requestMetadata}: pairs Bedrock writes into the invocation log (for
 *                     attribution and for filtering logs); empty sends none. Not part of the answer: the response
 *                     cache does not key on it.
 */
public record ModelRequest(String modelId, String system, String user, boolean cacheSystem, InferenceParams inference,
                           Optional<String> outputSchema, CallSettings settings, Map<String, String> requestMetadata) {
    public ModelRequest {
        Objects.requireNonNull(modelId, "modelId");
        system = system == null ? "" : system;
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(inference, "inference");
        outputSchema = outputSchema == null ? Optional.empty() : outputSchema;
        settings = settings == null ? CallSettings.NONE : settings;
        requestMetadata = requestMetadata == null ? Map.of() : Map.copyOf(new TreeMap<>(requestMetadata));
        if (requestMetadata.size() > RequestMetadataFilter.MAX_PAIRS) {
            throw new IllegalArgumentException("requestMetadata takes at most " + RequestMetadataFilter.MAX_PAIRS
                    + " pairs, not " + requestMetadata.size());
        }
        requestMetadata.forEach((k, v) -> {
            String problem = RequestMetadataFilter.requestProblem(k, true);
            if (problem == null) {
                problem = RequestMetadataFilter.requestProblem(v, false);
            }
            if (problem != null) {
                throw new IllegalArgumentException(problem + ": " + k + "=" + v);
            }
        });
    }

    /** A request without request metadata. */
    public ModelRequest(String modelId, String system, String user, boolean cacheSystem, InferenceParams inference,
                        Optional<String> outputSchema, CallSettings settings) {
        this(modelId, system, user, cacheSystem, inference, outputSchema, settings, Map.of());
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
        return new ModelRequest(modelId, system, user, cacheSystem, inference, outputSchema, s, requestMetadata);
    }

    /** This request tagged with {@code metadata} (checked against Bedrock's limits). */
    public ModelRequest withRequestMetadata(Map<String, String> metadata) {
        return new ModelRequest(modelId, system, user, cacheSystem, inference, outputSchema, settings, metadata);
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
