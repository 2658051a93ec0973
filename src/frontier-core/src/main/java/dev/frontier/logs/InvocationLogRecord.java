package dev.frontier.logs;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One request from Bedrock's model-invocation logs, reduced to what an evaluation needs: who asked what of which
 * model, when, what came back and what it cost in tokens. Read by {@link InvocationLogReader} from Converse and
 * InvokeModel bodies (Converse, Anthropic messages, Nova messages, Titan text, Llama prompts).
 *
 * <p>{@code prompt} is the text of the user turns: in a multi-turn conversation the user turns' text in order,
 * separated by a blank line, and {@code userTurns} says how many there were. The assistant turns the caller replayed
 * are left out (they were a model's answers, not the user's request), and so are images, documents and tool
 * results: only text blocks are read.
 *
 * @param timestamp        when Bedrock logged the request
 * @param requestId        Bedrock's request id
 * @param operation        {@code Converse}, {@code ConverseStream}, {@code InvokeModel} or
 *                         {@code InvokeModelWithResponseStream}
 * @param modelId          the model as the caller named it: a base model id, an inference profile id or an ARN
 * @param requestMetadata  the caller's {@code requestMetadata} pairs; empty when it sent none
 * @param system           the system prompt's text, empty when there is none
 * @param prompt           the user turns' text, never empty
 * @param userTurns        how many user turns the request carried (1 for a single-turn request)
 * @param response         the response's text when the output body was logged and could be read
 * @param inputTokens      input tokens billed at the uncached rate ({@code inputTokenCount})
 * @param outputTokens     output tokens ({@code outputTokenCount})
 * @param cacheReadTokens  input tokens read from the prompt cache ({@code cacheReadInputTokenCount})
 * @param cacheWriteTokens input tokens written to the prompt cache ({@code cacheWriteInputTokenCount})
 */
public record InvocationLogRecord(Instant timestamp, String requestId, String operation, String modelId,
                                  Map<String, String> requestMetadata, String system, String prompt, int userTurns,
                                  Optional<String> response, long inputTokens, long outputTokens,
                                  long cacheReadTokens, long cacheWriteTokens) {

    public InvocationLogRecord {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(response, "response");
        requestMetadata = Map.copyOf(requestMetadata);
        if (inputTokens < 0 || outputTokens < 0 || cacheReadTokens < 0 || cacheWriteTokens < 0) {
            throw new IllegalArgumentException("token counts must not be negative");
        }
    }

    /** All input tokens of the request: uncached, cache reads and cache writes together. */
    public long allInputTokens() {
        return inputTokens + cacheReadTokens + cacheWriteTokens;
    }

    /**
     * The base model the logged id names: the id after the last '/' of an ARN, without the geography of a
     * cross-Region inference profile ({@code us.}, {@code eu.}, {@code apac.}, {@code global.} …), e.g.
     * {@code amazon.nova-lite-v1:0} for {@code us.amazon.nova-lite-v1:0}. An application inference profile's ARN
     * names no model and is returned as its last segment.
     */
    public String baseModelId() {
        return baseModelId(modelId);
    }

    static String baseModelId(String id) {
        String tail = id.substring(id.lastIndexOf('/') + 1);
        int dot = tail.indexOf('.');
        // a geography prefix is followed by provider.model: two dots at least
        if (dot > 0 && tail.indexOf('.', dot + 1) > 0 && tail.substring(0, dot).matches("us|eu|apac|global|us-gov|ca|jp|au")) {
            return tail.substring(dot + 1);
        }
        return tail;
    }
}
