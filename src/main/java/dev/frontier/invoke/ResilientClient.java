package dev.frontier.invoke;

import dev.frontier.model.CallResult;
import dev.frontier.model.ModelRequest;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link ModelClient} that keeps working under quotas: optional client-side request and token rate limits,
 * an adaptive limit on calls in flight (halved on throttling, grown slowly on success), and retries with
 * exponential back-off and jitter for retryable errors only. Non-retryable failures come back at once.
 */
public final class ResilientClient implements ModelClient {
    private final ModelClient inner;
    private final RetryPolicy retry;
    private final AdaptiveLimit limit;
    private final Optional<RateLimiter> requests;
    private final Optional<RateLimiter> tokens;
    private final RateLimiter.Sleeper sleeper;
    private final SplittableRandom jitter;
    private final AtomicLong attempts = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong throttles = new AtomicLong();

    /**
     * @param inner    the client that makes the calls
     * @param retry    when to try again
     * @param limit    calls in flight
     * @param requests client-side requests-per-minute limit, if any
     * @param tokens   client-side tokens-per-minute limit (estimated input + maxTokens), if any
     * @param sleeper  how to wait between attempts
     * @param seed     seed of the back-off jitter
     */
    public ResilientClient(ModelClient inner, RetryPolicy retry, AdaptiveLimit limit, Optional<RateLimiter> requests,
                           Optional<RateLimiter> tokens, RateLimiter.Sleeper sleeper, long seed) {
        this.inner = inner;
        this.retry = retry;
        this.limit = limit;
        this.requests = requests;
        this.tokens = tokens;
        this.sleeper = sleeper;
        this.jitter = new SplittableRandom(seed);
    }

    @Override
    public CallResult call(ModelRequest request) {
        CallResult result = null;
        long waited = 0;
        try {
            for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
                if (requests.isPresent()) {
                    requests.get().acquire(1);
                }
                if (tokens.isPresent()) {
                    tokens.get().acquire(TokenEstimate.worstCase(request));
                }
                limit.acquire();
                boolean throttled = false;
                try {
                    attempts.incrementAndGet();
                    result = inner.call(request);
                    throttled = result instanceof CallResult.Failure f && RetryPolicy.isThrottle(f.errorCode());
                } finally {
                    limit.release(throttled);
                }
                if (throttled) {
                    throttles.incrementAndGet();
                }
                if (!(result instanceof CallResult.Failure f) || !RetryPolicy.isRetryable(f.errorCode())
                        || attempt == retry.maxAttempts()) {
                    break;
                }
                retries.incrementAndGet();
                long backoff;
                synchronized (jitter) {
                    backoff = retry.backoff(attempt, jitter).toNanos();
                }
                waited += backoff;
                sleeper.sleepNanos(backoff);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new CallResult.Failure("Interrupted", "the run was interrupted", false, waited / 1_000_000);
        }
        if (result instanceof CallResult.Failure f && f.retryable()) {
            return new CallResult.Failure(f.errorCode(), f.message() + " (gave up after " + retry.maxAttempts()
                    + " attempts)", true, f.clientLatencyMs());
        }
        return result;
    }

    /** Counters so far. */
    public record Stats(long attempts, long retries, long throttles, int concurrencyLimit) {
    }

    public Stats stats() {
        return new Stats(attempts.get(), retries.get(), throttles.get(), limit.limit());
    }

    @Override
    public void close() {
        inner.close();
    }
}
