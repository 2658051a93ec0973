package dev.frontier.catalog;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A model's prices in one Region and scope, USD per 1,000 tokens. An empty price is not offered or not found:
 * reported as unknown, never 0.
 *
 * @param input        on-demand input
 * @param output       on-demand output
 * @param batchInput   batch inference input
 * @param batchOutput  batch inference output
 * @param cacheRead    prompt-cache read
 * @param cacheWrite   prompt-cache write, 5-minute TTL
 * @param cacheWrite1h prompt-cache write, 1-hour TTL
 * @param source       key of the catalog's source
 * @param notes        caveats, or ""
 */
public record Prices(Optional<BigDecimal> input, Optional<BigDecimal> output, Optional<BigDecimal> batchInput,
                     Optional<BigDecimal> batchOutput, Optional<BigDecimal> cacheRead, Optional<BigDecimal> cacheWrite,
                     Optional<BigDecimal> cacheWrite1h, String source, String notes) {
}
