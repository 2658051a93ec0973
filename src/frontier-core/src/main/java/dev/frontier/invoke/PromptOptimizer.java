package dev.frontier.invoke;

import java.util.List;
import java.util.Objects;

/**
 * Bedrock's prompt optimization (agent runtime: {@code OptimizePrompt}): one prompt text rewritten for one target
 * model. Bedrock first analyses the prompt, then answers with the rewrite. Failures are {@link CloudException}s
 * (the service refused or could not be reached) or {@link SetupException}s (no credentials, no region).
 */
public interface PromptOptimizer extends AutoCloseable {

    /**
     * The rewrite and what Bedrock said of the prompt on the way.
     *
     * @param text     the optimized prompt ({@code optimizedPromptEvent.optimizedPrompt.textPrompt.text})
     * @param analysis the messages of the {@code analyzePromptEvent}s, in the order they came
     */
    record Optimized(String text, List<String> analysis) {
        public Optimized {
            Objects.requireNonNull(text, "text");
            analysis = List.copyOf(analysis);
        }
    }

    /**
     * Optimizes {@code prompt} for {@code targetModelId}.
     *
     * @throws CloudException when Bedrock refuses the request or answers without an optimized prompt
     */
    Optimized optimize(String prompt, String targetModelId);

    @Override
    void close();
}
