package dev.frontier.sandbox;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * How the simulated latency ({@code metrics.latencyMs}) of a Converse call is drawn. The server waits that latency
 * times {@link SandboxOptions#timeScale()} before answering.
 *
 * @param shape        {@link Shape#LOG_NORMAL}: the model's typical latency (base + per output token + per 1,000
 *                     input tokens) with log-normal jitter and a 5 % slow tail; {@link Shape#FIXED}: always
 *                     {@code fixedMillis}
 * @param multiplier   scales the drawn latency (both shapes); 1 leaves it as drawn
 * @param fixedMillis  the latency of {@link Shape#FIXED}; ignored by {@link Shape#LOG_NORMAL}
 */
public record LatencyModel(Shape shape, double multiplier, long fixedMillis) {

    /** The distribution a latency is drawn from. */
    public enum Shape {
        /** Typical latency of the model and request, with log-normal jitter and a slow tail. */
        LOG_NORMAL,
        /** The same latency for every call. */
        FIXED
    }

    private static final LatencyModel DEFAULT = new LatencyModel(Shape.LOG_NORMAL, 1.0, 0);

    public LatencyModel {
        Objects.requireNonNull(shape, "shape");
        if (!(multiplier >= 0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("latency multiplier must be a finite number >= 0: " + multiplier);
        }
        if (fixedMillis < 0) {
            throw new IllegalArgumentException("fixed latency must be >= 0 ms: " + fixedMillis);
        }
    }

    /** The default: each model's log-normal latency, unscaled. */
    public static LatencyModel logNormal() {
        return DEFAULT;
    }

    /** Each model's log-normal latency times {@code multiplier}. */
    public static LatencyModel logNormal(double multiplier) {
        return new LatencyModel(Shape.LOG_NORMAL, multiplier, 0);
    }

    /** Every call takes {@code millis}, whatever the model and request. */
    public static LatencyModel fixed(long millis) {
        return new LatencyModel(Shape.FIXED, 1.0, millis);
    }

    public LatencyModel withMultiplier(double newMultiplier) {
        return new LatencyModel(shape, newMultiplier, fixedMillis);
    }

    /** The latency of one call; deterministic for a seeded {@code random}. At least 1 ms for the log-normal shape. */
    long latencyMs(ModelProfile model, long outputTokens, long uncachedInputTokens, long cachedInputTokens,
                   SplittableRandom random) {
        return latencyMs(model, outputTokens, uncachedInputTokens, cachedInputTokens, 1.0, random);
    }

    /**
     * The latency of one call whose time per output token is scaled by {@code perTokenFactor} (a service tier,
     * latency-optimized inference); the fixed shape ignores the factor.
     */
    long latencyMs(ModelProfile model, long outputTokens, long uncachedInputTokens, long cachedInputTokens,
                   double perTokenFactor, SplittableRandom random) {
        if (shape == Shape.FIXED) {
            return Math.round(fixedMillis * multiplier);
        }
        double drawn = model.drawLatencyMs(outputTokens, uncachedInputTokens, cachedInputTokens, perTokenFactor,
                random);
        return Math.max(1, Math.round(drawn * multiplier));
    }
}
