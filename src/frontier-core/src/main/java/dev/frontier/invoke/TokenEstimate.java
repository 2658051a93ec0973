package dev.frontier.invoke;

import dev.frontier.model.ModelRequest;

/**
 * Token estimates before a call: about four characters per token for input (the usual figure for English text
 * with Bedrock's tokenizers; a budget check uses {@code WorstCase} instead, which cannot underestimate), and the
 * request's {@code maxTokens} for output.
 */
public final class TokenEstimate {
    private TokenEstimate() {
    }

    /** Estimated input tokens of the request. */
    public static long input(ModelRequest request) {
        return (request.system().length() + request.user().length() + 3) / 4 + 6;
    }

    /** Estimated input plus the output allowance; what a tokens-per-minute quota is charged up front. */
    public static long worstCase(ModelRequest request) {
        return input(request) + request.inference().maxTokens();
    }
}
