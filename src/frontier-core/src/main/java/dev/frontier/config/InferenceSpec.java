package dev.frontier.config;

import dev.frontier.model.CallSettings;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Inference parameters and request settings; empty optionals are not sent.
 *
 * @param maxTokens     Converse {@code inferenceConfig.maxTokens}
 * @param temperature   {@code inferenceConfig.temperature}
 * @param topP          {@code inferenceConfig.topP}
 * @param stopSequences {@code inferenceConfig.stopSequences}
 * @param settings      service tier, latency-optimized inference and reasoning (the cache TTL is the prompt's)
 */
public record InferenceSpec(int maxTokens, OptionalDouble temperature, OptionalDouble topP, List<String> stopSequences,
                            CallSettings settings) {
    public InferenceSpec {
        stopSequences = List.copyOf(stopSequences);
        Objects.requireNonNull(settings, "settings");
    }

    /** Parameters with Bedrock's default settings. */
    public InferenceSpec(int maxTokens, OptionalDouble temperature, OptionalDouble topP, List<String> stopSequences) {
        this(maxTokens, temperature, topP, stopSequences, CallSettings.NONE);
    }

    /** These parameters with {@code s}. */
    public InferenceSpec withSettings(CallSettings s) {
        return new InferenceSpec(maxTokens, temperature, topP, stopSequences, s);
    }
}
