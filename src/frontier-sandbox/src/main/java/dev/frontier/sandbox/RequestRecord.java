package dev.frontier.sandbox;

import java.time.Instant;
import java.util.Objects;

/**
 * One request the sandbox received, as {@link Sandbox#requestLog()} and the optional JSON-lines file record it.
 *
 * @param sequence              1 for the first request the sandbox received, then in order of arrival
 * @param time                  arrival, read from the sandbox's clock
 * @param operation             {@value #CONVERSE}, {@value #COUNT_TOKENS}, {@value #OPTIMIZE_PROMPT}, or
 *                              {@value #UNKNOWN} for any other path
 * @param modelId               the model id as the request's path gave it (profile ids and ARNs as sent); null when
 *                              the path names none
 * @param requestHash           hex SHA-256 of the model id and the canonical parsed request body (field order,
 *                              whitespace and unread fields do not change it), so a retried identical request has
 *                              the same hash; for a body that does not parse, of the model id and the raw bytes
 * @param status                the HTTP status answered
 * @param outcome               {@value #OK} for a 200, else the error code ({@code ThrottlingException}, ...)
 * @param inputTokens           billed uncached input tokens (0 unless billed)
 * @param outputTokens          billed output tokens (0 unless billed)
 * @param cacheReadInputTokens  input tokens read from the prompt cache (0 unless billed)
 * @param cacheWriteInputTokens input tokens written to the prompt cache (0 unless billed)
 * @param billed                true only for a Converse call answered 200: failed calls and CountTokens are free
 * @param userAgent             the request's {@code User-Agent} header as sent, empty without one (recorded only; no
 *                              answer depends on it)
 * @param invokedModelId        for a Converse call through a prompt router ({@code modelId} is then the router's
 *                              ARN), the ARN of the model it chose, as {@code trace.promptRouter.invokedModelId}
 *                              reports it; null otherwise
 * @param serviceTier           {@code serviceTier.type} as the Converse request sent it; null when it sent none
 * @param latency               {@code performanceConfig.latency} as sent ({@code standard}, {@code optimized}); null
 *                              when not sent
 * @param reasoning             the reasoning the request asked for: {@code budget:N} (Anthropic
 *                              {@code thinking.budget_tokens}) or {@code effort:LEVEL} (Nova 2
 *                              {@code reasoningConfig.maxReasoningEffort}); null when none
 * @param cacheTtl              the {@code ttl}s its cache checkpoints sent ({@code 5m}, {@code 1h}), comma-separated
 *                              in order; null when none sent one
 */
public record RequestRecord(long sequence, Instant time, String operation, String modelId, String requestHash,
                            int status, String outcome, long inputTokens, long outputTokens,
                            long cacheReadInputTokens, long cacheWriteInputTokens, boolean billed, String userAgent,
                            String invokedModelId, String serviceTier, String latency, String reasoning,
                            String cacheTtl) {

    public static final String CONVERSE = "converse";
    public static final String COUNT_TOKENS = "count-tokens";
    /** The agent runtime's {@code OptimizePrompt}; {@code modelId} is its {@code targetModelId}, never billed. */
    public static final String OPTIMIZE_PROMPT = "optimize-prompt";
    public static final String UNKNOWN = "unknown";
    public static final String OK = "ok";

    public RequestRecord {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(requestHash, "requestHash");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(userAgent, "userAgent");
    }

    /** A request that sent no dials (or was not a Converse call). */
    public RequestRecord(long sequence, Instant time, String operation, String modelId, String requestHash,
                         int status, String outcome, long inputTokens, long outputTokens,
                         long cacheReadInputTokens, long cacheWriteInputTokens, boolean billed, String userAgent,
                         String invokedModelId) {
        this(sequence, time, operation, modelId, requestHash, status, outcome, inputTokens, outputTokens,
                cacheReadInputTokens, cacheWriteInputTokens, billed, userAgent, invokedModelId, null, null, null,
                null);
    }

    /** Whether the request was answered 200. */
    public boolean ok() {
        return status == 200;
    }

    /** The error code, or null for a 200. */
    public String errorType() {
        return ok() ? null : outcome;
    }
}
