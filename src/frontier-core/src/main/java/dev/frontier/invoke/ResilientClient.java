package dev.frontier.invoke;

import dev.frontier.model.CallResult;
import dev.frontier.model.ModelRequest;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link ModelClient} that keeps working under quotas: requests paced just below each model's quota as learned
 * from its throttles ({@link QuotaPacer}), optional client-side request and token rate limits, an adaptive limit on
 * calls in flight (halved on throttling, once for the calls that were in flight together; grown slowly on success),
 * and retries with exponential back-off and jitter for retryable errors only. An attempt takes its place among the
 * calls in flight before the pacers' permits, so that the time a pacer records is when the request goes, not when it
 * started waiting for a place. Non-retryable failures come back at
 * once; so does a call that was sent and got no answer ({@link RetryPolicy#NO_RESPONSE}), because it may have been
 * billed.
 *
 * <p>A circuit breaker stops a run that cannot reach its endpoint at all: after {@value #UNREACHABLE_LIMIT}
 * consecutive attempts that could not connect, with no answer from the endpoint since the client was made, every
 * call (those waiting included) fails at once with {@link RetryPolicy#UNREACHABLE}, not retryable, naming the host
 * and the error. Once the endpoint has answered, connection failures are retried as usual.
 */
public final class ResilientClient implements ModelClient {
    /** Consecutive failed connections, with none ever made, that open the circuit breaker. */
    static final int UNREACHABLE_LIMIT = 5;
    /** The error of a request above its quota. */
    private static final String QUOTA_THROTTLE = "ThrottlingException";

    private final ModelClient inner;
    private final RetryPolicy retry;
    private final AdaptiveLimit limit;
    private final Optional<QuotaPacer> requests;
    private final Map<String, QuotaPacer> learned = new ConcurrentHashMap<>();
    private final Optional<RateLimiter> tokens;
    private final RateLimiter.Sleeper sleeper;
    private final SplittableRandom jitter;
    private final AtomicLong attempts = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong throttles = new AtomicLong();
    private final AtomicLong halvings = new AtomicLong();
    private final java.util.concurrent.atomic.AtomicInteger unreachableStreak =
            new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean reached;
    private volatile CallResult.Failure open;

    /**
     * @param inner    the client that makes the calls
     * @param retry    when to try again
     * @param limit    calls in flight
     * @param requests client-side requests-per-minute limit (the known quota), if any
     * @param tokens   client-side tokens-per-minute limit (estimated input + maxTokens), if any
     * @param sleeper  how to wait between attempts
     * @param seed     seed of the back-off jitter
     */
    public ResilientClient(ModelClient inner, RetryPolicy retry, AdaptiveLimit limit, Optional<QuotaPacer> requests,
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
        QuotaPacer model = learned.computeIfAbsent(request.modelId(),
                m -> QuotaPacer.learning(System::nanoTime, sleeper));
        try {
            for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
                if (open != null) {
                    return open;
                }
                // a slot first, then the pacers' permits: a permit's time is then when the request really goes
                limit.acquire();
                QuotaPacer.Permit known = null;
                QuotaPacer.Permit paced;
                boolean throttled = false;
                long halving = 0; // read when the request goes; only a throttled answer uses it
                try {
                    known = requests.isPresent() ? requests.get().acquire() : null;
                    paced = model.acquire();
                    if (tokens.isPresent()) {
                        tokens.get().acquire(TokenEstimate.worstCase(request));
                    }
                    halving = halvings.get();
                    attempts.incrementAndGet();
                    result = inner.call(request);
                    throttled = result instanceof CallResult.Failure f && RetryPolicy.isThrottle(f.errorCode());
                } finally {
                    // one halving per burst: the calls in flight with this one were sent before it and say no more
                    limit.release(throttled && halvings.compareAndSet(halving, halving + 1));
                }
                if (throttled) {
                    throttles.incrementAndGet();
                }
                if (result instanceof CallResult.Failure f && QUOTA_THROTTLE.equals(f.errorCode())) {
                    // the request took no place in the quota's minute
                    model.throttled(paced);
                    if (known != null) {
                        requests.get().throttled(known);
                    }
                } else {
                    model.admitted(paced);
                    if (known != null) {
                        requests.get().admitted(known);
                    }
                }
                if (breaker(result)) {
                    return open;
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

    /** Notes whether the endpoint answered; true when the circuit breaker is open after this result. */
    private boolean breaker(CallResult result) {
        if (result instanceof CallResult.Failure f && RetryPolicy.UNREACHABLE.equals(f.errorCode())) {
            if (!reached && unreachableStreak.incrementAndGet() >= UNREACHABLE_LIMIT && open == null) {
                open = new CallResult.Failure(RetryPolicy.UNREACHABLE, f.message() + " (" + unreachableStreak.get()
                        + " attempts in a row could not connect and none ever did; stopped instead of retrying)",
                        false, f.clientLatencyMs());
            }
        } else if (!(result instanceof CallResult.Failure f) || !"ClientError".equals(f.errorCode())) {
            reached = true;   // an answer, even an error, came from the endpoint
            unreachableStreak.set(0);
        }
        return open != null;
    }

    /**
     * Prepares for another round of calls that were throttled out or cut off: halves the limit on calls in flight
     * and returns how long to wait first (the longest back-off, so that the quota's window moves on).
     */
    public Duration slowDown() {
        limit.lower();
        return retry.cap();
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
