package dev.frontier.sandbox;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * How one simulated model behaves: how good, how wordy, how fast, and whether it caches prompts.
 *
 * @param id                    the Bedrock base model id (no inference-profile prefix)
 * @param tier                  quality in [0, 1]; the chance of a mistake grows with {@code 1 - tier}
 * @param verbosity             wordiness in [0, 1]; a verbose model adds preambles and filler
 * @param baseLatencyMs         time to the first token
 * @param msPerOutputToken      generation time per output token
 * @param msPerThousandInputTokens processing time per 1,000 uncached input tokens
 * @param cacheMinTokens        the smallest cacheable prefix, 0 when the model has no prompt caching
 */
record ModelProfile(String id, double tier, double verbosity, int baseLatencyMs, double msPerOutputToken,
                    double msPerThousandInputTokens, int cacheMinTokens) {

    /** Log-normal spread of latency around its typical value. */
    private static final double LATENCY_SIGMA = 0.2;
    /** Share of calls that land in the slow tail. */
    private static final double SLOW_TAIL_RATE = 0.05;
    /** Reading a cached token costs a tenth of processing it. */
    private static final double CACHED_INPUT_SPEEDUP = 10.0;

    ModelProfile {
        Objects.requireNonNull(id, "id");
        if (tier < 0 || tier > 1) {
            throw new IllegalArgumentException("tier must be in [0, 1]: " + tier);
        }
        if (verbosity < 0 || verbosity > 1) {
            throw new IllegalArgumentException("verbosity must be in [0, 1]: " + verbosity);
        }
        if (baseLatencyMs < 0 || msPerOutputToken < 0 || msPerThousandInputTokens < 0 || cacheMinTokens < 0) {
            throw new IllegalArgumentException("latency figures and cache minimum must not be negative");
        }
    }

    boolean supportsCaching() {
        return cacheMinTokens > 0;
    }

    /**
     * This model while it reasons: its weakness times {@code weaknessFactor} (in (0, 1]), everything else the same.
     */
    ModelProfile reasoning(double weaknessFactor) {
        if (!(weaknessFactor > 0 && weaknessFactor <= 1)) {
            throw new IllegalArgumentException("weakness factor must be in (0, 1]: " + weaknessFactor);
        }
        return new ModelProfile(id, 1 - weakness() * weaknessFactor, verbosity, baseLatencyMs, msPerOutputToken,
                msPerThousandInputTokens, cacheMinTokens);
    }

    /** The chance of a mistake for a task whose difficulty is 1. */
    double weakness() {
        return 1 - tier;
    }

    /**
     * Simulated service latency of one call; the jitter comes from {@code random}, so it is deterministic for a
     * seeded generator. A few calls land in a slow tail, which puts p95 well above p50.
     */
    long latencyMs(long outputTokens, long uncachedInputTokens, long cachedInputTokens, SplittableRandom random) {
        return Math.max(1, Math.round(drawLatencyMs(outputTokens, uncachedInputTokens, cachedInputTokens, random)));
    }

    /** The unrounded latency behind {@link #latencyMs}, for scaling before rounding. */
    double drawLatencyMs(long outputTokens, long uncachedInputTokens, long cachedInputTokens, SplittableRandom random) {
        return drawLatencyMs(outputTokens, uncachedInputTokens, cachedInputTokens, 1.0, random);
    }

    /**
     * The same draw with the time per output token scaled by {@code perTokenFactor} (a service tier, latency-optimized
     * inference); a factor of 1 gives exactly the unscaled draw, and any factor uses the same random numbers.
     */
    double drawLatencyMs(long outputTokens, long uncachedInputTokens, long cachedInputTokens, double perTokenFactor,
                         SplittableRandom random) {
        double typical = baseLatencyMs
                + msPerOutputToken * perTokenFactor * outputTokens
                + msPerThousandInputTokens * (uncachedInputTokens + cachedInputTokens / CACHED_INPUT_SPEEDUP) / 1000.0;
        double jitter = Math.exp(LATENCY_SIGMA * gaussian(random));
        if (random.nextDouble() < SLOW_TAIL_RATE) {
            jitter *= 1.5 + random.nextDouble();
        }
        return typical * jitter;
    }

    /** Box-Muller; SplittableRandom has no nextGaussian on Java 17. */
    private static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
