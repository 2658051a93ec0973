package dev.frontier.config;

import java.util.List;
import java.util.OptionalDouble;

/** Inference parameters; empty optionals are not sent. */
public record InferenceSpec(int maxTokens, OptionalDouble temperature, OptionalDouble topP, List<String> stopSequences) {
    public InferenceSpec {
        stopSequences = List.copyOf(stopSequences);
    }
}
