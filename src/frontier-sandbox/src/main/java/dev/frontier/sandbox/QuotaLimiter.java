package dev.frontier.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Per-model RPM and TPM quotas over a sliding minute measured with the injected clock. A request is admitted with a
 * reservation of quota tokens, as Bedrock does: all its input tokens plus its {@code maxTokens}; when it completes
 * the reservation is settled to what it used (uncached input + cache write + output; cache reads are free), and a
 * request that failed gives its tokens back. A request keeps its slot in the request count either way. Throttled
 * requests take nothing. Thread-safe.
 */
final class QuotaLimiter {

    static final Duration WINDOW = Duration.ofMinutes(1);
    /**
     * The share of a quota beyond which Flex requests are throttled. Assumed: the guide says only that Flex is best
     * effort and "may experience throttling" (throttling risk High).
     */
    static final double FLEX_SHARE = 0.7;
    private static final String FLEX = "flex";

    private final Function<String, Quota> quotas;
    private final InstantSource clock;
    /** Windows per base model id. Guarded by {@code this}. */
    private final Map<String, Window> windows = new HashMap<>();

    QuotaLimiter(Function<String, Quota> quotas, InstantSource clock) {
        this.quotas = Objects.requireNonNull(quotas, "quotas");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A request's hold on its model's token quota until it is settled. */
    interface Ticket {
        /** Settles the reservation to the tokens the request actually used. */
        void settle(long tokens);
    }

    private static final Ticket UNLIMITED = tokens -> { };

    /**
     * Admits one request to {@code baseModelId}'s quota or refuses it.
     *
     * @param reservedTokens the quota tokens held until the request settles
     * @throws BedrockError a 429 ThrottlingException when the request or token count of the last minute is at the
     *                      limit
     */
    synchronized Ticket admit(String baseModelId, long reservedTokens) {
        return admit(baseModelId, reservedTokens, ConverseCall.DEFAULT_TIER);
    }

    /**
     * Admits one request of a service tier. The on-demand quota is shared by every tier; Flex, served on a best-effort
     * basis, is throttled first: it is refused once the window would pass {@value #FLEX_SHARE} of either limit, where
     * Standard and Priority are admitted up to the full quota.
     *
     * @param tier {@code default}, {@code flex} or {@code priority}
     * @throws BedrockError a 429 ThrottlingException
     */
    synchronized Ticket admit(String baseModelId, long reservedTokens, String tier) {
        Quota quota = quotas.apply(baseModelId);
        if (quota.unlimited()) {
            return UNLIMITED;
        }
        Window window = windows.computeIfAbsent(baseModelId, id -> new Window());
        Instant now = clock.instant();
        window.expire(now.minus(WINDOW));
        if (quota.requestsPerMinute() > 0 && window.entries.size() >= quota.requestsPerMinute()) {
            throw BedrockError.throttling();
        }
        if (quota.tokensPerMinute() > 0 && window.tokens + reservedTokens > quota.tokensPerMinute()) {
            throw BedrockError.throttling();
        }
        if (tier.equals(FLEX) && ((quota.requestsPerMinute() > 0
                && window.entries.size() + 1 > FLEX_SHARE * quota.requestsPerMinute())
                || (quota.tokensPerMinute() > 0
                && window.tokens + reservedTokens > FLEX_SHARE * quota.tokensPerMinute()))) {
            throw BedrockError.throttling();
        }
        Entry entry = new Entry(now, reservedTokens);
        window.entries.addLast(entry);
        window.tokens += reservedTokens;
        return tokens -> settle(window, entry, tokens);
    }

    private synchronized void settle(Window window, Entry entry, long tokens) {
        if (entry.live) {
            window.tokens += tokens - entry.tokens;
        }
        entry.tokens = tokens;
    }

    /** The admitted requests of one model in the last minute, oldest first. */
    private static final class Window {
        final Deque<Entry> entries = new ArrayDeque<>();
        long tokens;

        /** Drops entries admitted at or before {@code cutoff}. */
        void expire(Instant cutoff) {
            while (!entries.isEmpty() && !entries.peekFirst().at.isAfter(cutoff)) {
                Entry gone = entries.removeFirst();
                gone.live = false;
                tokens -= gone.tokens;
            }
        }
    }

    private static final class Entry {
        final Instant at;
        long tokens;
        boolean live = true;

        Entry(Instant at, long tokens) {
            this.at = at;
            this.tokens = tokens;
        }
    }
}
