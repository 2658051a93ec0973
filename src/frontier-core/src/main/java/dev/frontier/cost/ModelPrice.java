package dev.frontier.cost;

import dev.frontier.model.Cost;
import dev.frontier.model.TokenUsage;
import dev.frontier.model.CallSettings;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One model's prices in USD per 1,000 tokens. An empty price is unknown (or not offered), never 0.
 *
 * @param modelId     Bedrock base model id, e.g. {@code amazon.nova-lite-v1:0}
 * @param name        a human name, e.g. "Nova Lite"
 * @param input       on-demand input
 * @param output      on-demand output
 * @param batchInput  batch-inference input
 * @param batchOutput batch-inference output
 * @param cacheRead   prompt-cache read
 * @param cacheWrite  prompt-cache write
 * @param source      where the figures come from
 * @param asOf        the date of the source, ISO-8601
 * @param dials       what the request settings change: service-tier multipliers, latency-optimized prices, the
 *                    1-hour cache write
 */
public record ModelPrice(String modelId, String name, Optional<BigDecimal> input, Optional<BigDecimal> output,
                         Optional<BigDecimal> batchInput, Optional<BigDecimal> batchOutput,
                         Optional<BigDecimal> cacheRead, Optional<BigDecimal> cacheWrite, String source,
                         String asOf, Dials dials) {

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    public ModelPrice {
        dials = dials == null ? Dials.NONE : dials;
    }

    /** Prices that no request setting changes. */
    public ModelPrice(String modelId, String name, Optional<BigDecimal> input, Optional<BigDecimal> output,
                      Optional<BigDecimal> batchInput, Optional<BigDecimal> batchOutput,
                      Optional<BigDecimal> cacheRead, Optional<BigDecimal> cacheWrite, String source, String asOf) {
        this(modelId, name, input, output, batchInput, batchOutput, cacheRead, cacheWrite, source, asOf, Dials.NONE);
    }

    /**
     * How request settings change a model's prices.
     *
     * @param cacheWrite1h     the prompt-cache write price with a 1-hour TTL
     * @param tiers            each service tier's prices as a multiple of Standard's ({@code flex} → 0.5), by wire name
     * @param latencyInput     the input price with latency-optimized inference
     * @param latencyOutput    the output price with latency-optimized inference
     * @param source           where the figures come from
     */
    public record Dials(Optional<BigDecimal> cacheWrite1h, Map<String, BigDecimal> tiers,
                        Optional<BigDecimal> latencyInput, Optional<BigDecimal> latencyOutput, String source) {
        public static final Dials NONE = new Dials(Optional.empty(), Map.of(), Optional.empty(), Optional.empty(), "");

        public Dials {
            tiers = Map.copyOf(tiers);
        }
    }

    /**
     * The prices a call with {@code settings} is billed at, as far as its answer says how it was served: the tier
     * the answer names (else the one asked for) multiplies every on-demand price; latency-optimized prices apply
     * when asked for and not answered as {@code standard} (Bedrock serves at standard latency and Standard prices
     * when the optimized quota is used up); a 1-hour checkpoint's writes at the 1-hour price. A tier or setting the
     * catalog has no price for leaves the prices unknown, never 0. Batch prices are left as they are: batch jobs
     * take none of these settings.
     *
     * @param servedTier    the answer's {@code serviceTier.type}, or "" when it does not say
     * @param servedLatency the answer's {@code performanceConfig.latency}, or ""
     */
    public ModelPrice under(CallSettings settings, String servedTier, String servedLatency) {
        if (settings.isDefault() && (servedTier.isEmpty() || servedTier.equals("default"))) {
            return this;
        }
        List<String> labels = new ArrayList<>();
        Optional<BigDecimal> in = input;
        Optional<BigDecimal> out = output;
        Optional<BigDecimal> read = cacheRead;
        Optional<BigDecimal> write = cacheWrite;
        boolean optimized = settings.latencyOptimized() && !servedLatency.equals("standard");
        if (optimized) {
            in = dials.latencyInput();
            out = dials.latencyOutput();
            labels.add("latency-optimized");
        }
        if (settings.cacheTtl().filter("1h"::equals).isPresent()) {
            write = dials.cacheWrite1h();
            labels.add("1h cache");
        }
        String tier = servedTier.isEmpty() ? settings.tier().wire() : servedTier;
        if (!tier.equals("default")) {
            BigDecimal m = dials.tiers().get(tier);
            in = times(in, m);
            out = times(out, m);
            read = times(read, m);
            write = times(write, m);
            labels.add(CallSettings.ServiceTier.parse(tier).map(CallSettings.ServiceTier::label).orElse(tier));
        }
        String src = dials.source().isEmpty() || labels.isEmpty() ? source : source + "; " + dials.source();
        return new ModelPrice(modelId, labels.isEmpty() ? name : name + " (" + String.join(", ", labels) + ")", in,
                out, batchInput, batchOutput, read, write, src, asOf, dials);
    }

    private static Optional<BigDecimal> times(Optional<BigDecimal> price, BigDecimal multiplier) {
        return multiplier == null ? Optional.empty() : price.map(p -> p.multiply(multiplier));
    }

    /** How a call was or would be billed. */
    public enum Mode { ON_DEMAND, BATCH }

    /** The cost of one call with {@code usage} under {@code mode}. */
    public Cost cost(TokenUsage usage, Mode mode) {
        Optional<BigDecimal> in = mode == Mode.BATCH ? batchInput : input;
        Optional<BigDecimal> out = mode == Mode.BATCH ? batchOutput : output;
        String suffix = mode == Mode.BATCH ? " batch" : "";
        Cost c = part(usage.inputTokens(), in, "input" + suffix)
                .plus(part(usage.outputTokens(), out, "output" + suffix))
                .plus(part(usage.cacheReadInputTokens(), cacheRead, "cache read"))
                .plus(part(usage.cacheWriteInputTokens(), cacheWrite, "cache write"));
        return c;
    }

    private Cost part(long tokens, Optional<BigDecimal> perThousand, String what) {
        if (tokens == 0) {
            return Cost.ZERO;
        }
        return perThousand.<Cost>map(p -> Cost.usd(p.multiply(BigDecimal.valueOf(tokens)).divide(THOUSAND)))
                .orElseGet(() -> new Cost.Unknown("no " + what + " price for " + modelId));
    }
}
