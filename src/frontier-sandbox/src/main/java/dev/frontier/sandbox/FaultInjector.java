package dev.frontier.sandbox;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides which Converse requests fail on purpose. The decision for a request is a uniform draw from
 * SHA-256(seed, request hash, attempt), where the attempt counts earlier arrivals of the same request hash; the
 * draw picks a fault by cumulative rate (internal server, service unavailable, model timeout, model error, model
 * not ready, throttling) or none. So the same seed and the same requests give the same faults whatever the order
 * concurrent requests are served in, and each retry of a request gets a fresh draw. Thread-safe.
 */
final class FaultInjector {

    private static final double UNIT = 0x1.0p-53;

    private final FaultRates rates;
    private final long seed;
    private final Map<String, Integer> arrivals = new ConcurrentHashMap<>();

    FaultInjector(FaultRates rates, long seed) {
        this.rates = Objects.requireNonNull(rates, "rates");
        this.seed = seed;
    }

    /** Counts one more arrival of {@code requestHash}; 0 for its first. */
    int arrive(String requestHash) {
        return arrivals.merge(requestHash, 1, Integer::sum) - 1;
    }

    /** The fault for one attempt of a request, if it gets one. */
    Optional<BedrockError> decide(String requestHash, int attempt, String modelId) {
        if (rates.isNone()) {
            return Optional.empty();
        }
        double draw = draw(seed, requestHash, attempt);
        double bound = rates.internalServer();
        if (draw < bound) {
            return Optional.of(new BedrockError(500, "InternalServerException",
                    "The server encountered an internal error while processing the request."));
        }
        bound += rates.serviceUnavailable();
        if (draw < bound) {
            return Optional.of(new BedrockError(503, "ServiceUnavailableException",
                    "Bedrock is unable to process your request."));
        }
        bound += rates.modelTimeout();
        if (draw < bound) {
            return Optional.of(new BedrockError(408, "ModelTimeoutException",
                    "Model has timed out in processing the request. Try your request again."));
        }
        bound += rates.modelError();
        if (draw < bound) {
            return Optional.of(new BedrockError(424, "ModelErrorException",
                    "The model returned an error while processing the request. Try your request again.",
                    Map.of("originalStatusCode", 500, "resourceName", modelId)));
        }
        bound += rates.modelNotReady();
        if (draw < bound) {
            return Optional.of(new BedrockError(429, "ModelNotReadyException",
                    "Model is not ready to serve inference requests. Try your request again later."));
        }
        bound += rates.throttling();
        if (draw < bound) {
            return Optional.of(BedrockError.throttling());
        }
        return Optional.empty();
    }

    /** A uniform number in [0, 1) from the seed, the request hash and the attempt. */
    static double draw(long seed, String requestHash, int attempt) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(ByteBuffer.allocate(Long.BYTES).putLong(seed).array());
            digest.update(requestHash.getBytes(StandardCharsets.UTF_8));
            digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(attempt).array());
            long bits = ByteBuffer.wrap(digest.digest()).getLong();
            return (bits >>> 11) * UNIT;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
