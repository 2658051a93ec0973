package dev.frontier.cost;

import dev.frontier.model.Cost;
import dev.frontier.model.TokenUsage;
import java.math.BigDecimal;
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
 */
public record ModelPrice(String modelId, String name, Optional<BigDecimal> input, Optional<BigDecimal> output,
                         Optional<BigDecimal> batchInput, Optional<BigDecimal> batchOutput,
                         Optional<BigDecimal> cacheRead, Optional<BigDecimal> cacheWrite, String source,
                         String asOf) {

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

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
