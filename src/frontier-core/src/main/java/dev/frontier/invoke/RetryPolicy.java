package dev.frontier.invoke;

import java.time.Duration;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * When and how long to wait before trying a failed call again: exponential back-off with full jitter
 * (a uniform wait between 0 and min(cap, base × 2^attempt)), only for errors that another attempt can cure.
 *
 * @param maxAttempts attempts per call, the first included
 * @param base        back-off base
 * @param cap         longest single wait
 */
public record RetryPolicy(int maxAttempts, Duration base, Duration cap) {

    /** The client could not connect (no such host, nothing listening, no route): nothing was sent or billed. */
    public static final String UNREACHABLE = "EndpointUnreachable";

    /**
     * The request was sent but no answer came (client timeout, connection reset or closed while waiting). Bedrock
     * may have processed and billed it, so it is not tried again at once: its worst case stays counted as spent, and
     * the item goes to a later round.
     */
    public static final String NO_RESPONSE = "NoResponse";

    /** The service's error codes worth another attempt later: throttling, timeouts, transient server faults. */
    public static final Set<String> SERVICE_RETRYABLE = Set.of("ThrottlingException", "ModelNotReadyException",
            "ModelTimeoutException", "InternalServerException", "ServiceUnavailableException",
            "ModelErrorException");

    /** Error codes worth another attempt: the service's, and network errors. */
    public static final Set<String> RETRYABLE = Stream.concat(SERVICE_RETRYABLE.stream(),
            Stream.of("ClientError", UNREACHABLE)).collect(Collectors.toUnmodifiableSet());

    /** Error codes that mean the call can never succeed as configured: stop the run, say what to check. */
    public static final Set<String> FATAL = Set.of("AccessDeniedException", "ResourceNotFoundException",
            "UnrecognizedClientException", "ExpiredTokenException", "InvalidSignatureException");

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** Eight attempts, 0.5 s base, 20 s cap: about a minute and a half of patience for one call at worst. */
    public static RetryPolicy standard() {
        return new RetryPolicy(8, Duration.ofMillis(500), Duration.ofSeconds(20));
    }

    /** The wait before attempt {@code attempt + 1} (attempt counts from 1). */
    public Duration backoff(int attempt, RandomGenerator random) {
        long ceiling = Math.min(cap.toMillis(), base.toMillis() << Math.min(attempt - 1, 20));
        return Duration.ofMillis(ceiling <= 0 ? 0 : random.nextLong(ceiling + 1));
    }

    /**
     * Whether a refusal the service answered with {@code errorCode} and HTTP {@code status} is worth another attempt:
     * a code of {@link #SERVICE_RETRYABLE}, any 429, any 5xx. Every client of the runtime classifies the same way.
     */
    public static boolean retryableRefusal(String errorCode, int status) {
        return SERVICE_RETRYABLE.contains(errorCode) || status == 429 || status >= 500;
    }

    /** Whether a failure with {@code errorCode} should be tried again. */
    public static boolean isRetryable(String errorCode) {
        return RETRYABLE.contains(errorCode);
    }

    /** Whether a call that failed with {@code errorCode} may still have been billed. */
    public static boolean possiblyBilled(String errorCode) {
        return NO_RESPONSE.equals(errorCode);
    }

    /** Whether the error code is a throttle (the signal to lower concurrency). */
    public static boolean isThrottle(String errorCode) {
        return "ThrottlingException".equals(errorCode) || "ModelNotReadyException".equals(errorCode);
    }
}
