package dev.frontier.model;

/**
 * Token counts of one call as Bedrock reports them. With prompt caching, {@code inputTokens} counts only
 * the uncached input; the total input is {@code inputTokens + cacheReadInputTokens + cacheWriteInputTokens}.
 */
public record TokenUsage(long inputTokens, long outputTokens, long cacheReadInputTokens, long cacheWriteInputTokens) {
    public static final TokenUsage ZERO = new TokenUsage(0, 0, 0, 0);

    public TokenUsage {
        if (inputTokens < 0 || outputTokens < 0 || cacheReadInputTokens < 0 || cacheWriteInputTokens < 0) {
            throw new IllegalArgumentException("token counts must not be negative");
        }
    }

    /** All input tokens, cached or not. */
    public long totalInputTokens() {
        return inputTokens + cacheReadInputTokens + cacheWriteInputTokens;
    }

    public TokenUsage plus(TokenUsage other) {
        return new TokenUsage(inputTokens + other.inputTokens, outputTokens + other.outputTokens,
                cacheReadInputTokens + other.cacheReadInputTokens, cacheWriteInputTokens + other.cacheWriteInputTokens);
    }
}
