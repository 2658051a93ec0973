package dev.frontier.sandbox;

/**
 * An on-demand quota of one model, as Bedrock applies it per model: requests and tokens admitted in any sliding
 * minute. A limit of 0 means no limit on that dimension.
 *
 * @param requestsPerMinute requests admitted in any 60 seconds, 0 for no limit
 * @param tokensPerMinute   quota tokens (input + cache write + output; cache reads excluded) in any 60 seconds,
 *                          0 for no limit
 */
public record Quota(int requestsPerMinute, int tokensPerMinute) {

    /** No limit at all. */
    public static final Quota UNLIMITED = new Quota(0, 0);

    public Quota {
        if (requestsPerMinute < 0) {
            throw new IllegalArgumentException("requestsPerMinute must be >= 0 (0 for no limit): " + requestsPerMinute);
        }
        if (tokensPerMinute < 0) {
            throw new IllegalArgumentException("tokensPerMinute must be >= 0 (0 for no limit): " + tokensPerMinute);
        }
    }

    /** Whether neither dimension is limited. */
    public boolean unlimited() {
        return requestsPerMinute == 0 && tokensPerMinute == 0;
    }
}
