package dev.frontier.invoke;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontier.model.CallResult;
import dev.frontier.model.ModelRequest;
import dev.frontier.model.TokenUsage;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ResilientClientTest {

    private static final ModelRequest REQUEST = new ModelRequest("amazon.nova-lite-v1:0", "sys", "hello", false,
            new ModelRequest.InferenceParams(100, 0.0, null, List.of()));
    private static final CallResult OK = new CallResult.Completion("hi", "end_turn", new TokenUsage(5, 1, 0, 0), 10,
            12, "r");

    /** Answers from a script, then OK. */
    private static final class Scripted implements ModelClient {
        final Deque<CallResult> script;
        int calls;

        Scripted(CallResult... results) {
            script = new ArrayDeque<>(List.of(results));
        }

        @Override
        public synchronized CallResult call(ModelRequest request) {
            calls++;
            return script.isEmpty() ? OK : script.poll();
        }

        @Override
        public void close() {
        }
    }

    private static CallResult.Failure failure(String code, boolean retryable) {
        return new CallResult.Failure(code, "msg", retryable, 1);
    }

    private final List<Long> sleeps = new ArrayList<>();

    private ResilientClient client(ModelClient inner, int maxAttempts) {
        return new ResilientClient(inner, new RetryPolicy(maxAttempts, Duration.ofMillis(100), Duration.ofSeconds(2)),
                new AdaptiveLimit(4, 4), Optional.empty(), Optional.empty(), sleeps::add, 1);
    }

    @Test
    void retriesThrottlesAndServerFaultsThenSucceeds() {
        Scripted inner = new Scripted(failure("ThrottlingException", true), failure("ServiceUnavailableException", true));
        ResilientClient c = client(inner, 5);
        assertThat(c.call(REQUEST)).isEqualTo(OK);
        assertThat(inner.calls).isEqualTo(3);
        assertThat(sleeps).hasSize(2);
        assertThat(c.stats().retries()).isEqualTo(2);
        assertThat(c.stats().throttles()).isEqualTo(1);
        assertThat(c.stats().attempts()).isEqualTo(3);
    }

    @Test
    void doesNotRetryValidationOrAccessErrors() {
        Scripted inner = new Scripted(failure("ValidationException", false));
        assertThat(client(inner, 5).call(REQUEST)).isInstanceOf(CallResult.Failure.class);
        assertThat(inner.calls).isEqualTo(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void givesUpAfterMaxAttemptsAndSaysSo() {
        Scripted inner = new Scripted(failure("ThrottlingException", true), failure("ThrottlingException", true),
                failure("ThrottlingException", true));
        CallResult r = client(inner, 3).call(REQUEST);
        assertThat(inner.calls).isEqualTo(3);
        assertThat(((CallResult.Failure) r).message()).contains("gave up after 3 attempts");
    }

    @Test
    void backoffIsJitteredAndCapped() {
        RetryPolicy p = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofSeconds(1));
        SplittableRandom random = new SplittableRandom(3);
        for (int attempt = 1; attempt <= 9; attempt++) {
            long ceiling = Math.min(1000, 100L << (attempt - 1));
            for (int i = 0; i < 50; i++) {
                assertThat(p.backoff(attempt, random).toMillis()).isBetween(0L, ceiling);
            }
        }
    }

    @Test
    void adaptiveLimitHalvesOnThrottleAndGrowsSlowly() throws InterruptedException {
        AdaptiveLimit limit = new AdaptiveLimit(16, 16);
        limit.acquire();
        limit.release(true);
        assertThat(limit.limit()).isEqualTo(8);
        limit.acquire();
        limit.release(true);
        limit.acquire();
        limit.release(true);
        assertThat(limit.limit()).isEqualTo(2);
        // additive increase: one more slot per window of successes
        for (int i = 0; i < 2; i++) {
            limit.acquire();
            limit.release(false);
        }
        assertThat(limit.limit()).isEqualTo(2);
        for (int i = 0; i < 3; i++) {
            limit.acquire();
            limit.release(false);
        }
        assertThat(limit.limit()).isEqualTo(3);
        assertThat(limit.throttles()).isEqualTo(3);
    }

    @Test
    void rateLimiterMakesCallersWaitForTheirShare() throws InterruptedException {
        AtomicLong now = new AtomicLong();
        List<Long> waits = new ArrayList<>();
        RateLimiter perMinute6000 = new RateLimiter(6000, now::get, n -> {
            waits.add(n);
            now.addAndGet(n);
        });
        // a burst of the 2 % the refill leaves out (120 units) passes at once, then 98 units a second
        perMinute6000.acquire(120);
        assertThat(waits).isEmpty();
        perMinute6000.acquire(98);
        perMinute6000.acquire(49);
        assertThat(waits).containsExactly(1_000_000_000L, 500_000_000L);
    }

    private static CallResult.Failure unreachable() {
        return new CallResult.Failure(RetryPolicy.UNREACHABLE, "cannot reach bedrock-runtime.invalid: "
                + "UnknownHostException: bedrock-runtime.invalid", true, 1);
    }

    @Test
    void theCircuitBreakerOpensWhenTheEndpointWasNeverReached() {
        CallResult[] script = new CallResult[20];
        java.util.Arrays.fill(script, unreachable());
        Scripted inner = new Scripted(script);
        ResilientClient c = client(inner, 3);
        // 3 attempts, then 2 more: the fifth failed connection in a row opens the breaker
        CallResult first = c.call(REQUEST);
        assertThat(first).isInstanceOfSatisfying(CallResult.Failure.class, f -> assertThat(f.retryable()).isTrue());
        CallResult second = c.call(REQUEST);
        assertThat(second).isInstanceOfSatisfying(CallResult.Failure.class, f -> {
            assertThat(f.errorCode()).isEqualTo(RetryPolicy.UNREACHABLE);
            assertThat(f.retryable()).isFalse();
            assertThat(f.message()).contains("bedrock-runtime.invalid").contains("UnknownHostException")
                    .contains("5 attempts in a row could not connect");
        });
        assertThat(inner.calls).isEqualTo(5);
        // open: later calls fail at once without a request
        assertThat(c.call(REQUEST)).isEqualTo(second);
        assertThat(inner.calls).isEqualTo(5);
    }

    @Test
    void theCircuitBreakerStaysClosedOnceTheEndpointAnswered() {
        CallResult[] script = new CallResult[12];
        java.util.Arrays.fill(script, unreachable());
        script[0] = OK;
        Scripted inner = new Scripted(script);
        ResilientClient c = client(inner, 3);
        assertThat(c.call(REQUEST)).isEqualTo(OK);
        for (int i = 0; i < 3; i++) {
            assertThat(c.call(REQUEST)).isInstanceOfSatisfying(CallResult.Failure.class,
                    f -> assertThat(f.retryable()).isTrue());
        }
        assertThat(inner.calls).isEqualTo(10);
    }

    @Test
    void aCallSentWithoutAnAnswerIsNotRetried() {
        Scripted inner = new Scripted(new CallResult.Failure(RetryPolicy.NO_RESPONSE, "timed out", false, 60_000));
        ResilientClient c = client(inner, 5);
        assertThat(c.call(REQUEST)).isInstanceOfSatisfying(CallResult.Failure.class,
                f -> assertThat(f.errorCode()).isEqualTo(RetryPolicy.NO_RESPONSE));
        assertThat(inner.calls).isEqualTo(1);
        assertThat(RetryPolicy.possiblyBilled(RetryPolicy.NO_RESPONSE)).isTrue();
        assertThat(RetryPolicy.possiblyBilled(RetryPolicy.UNREACHABLE)).isFalse();
    }
}
