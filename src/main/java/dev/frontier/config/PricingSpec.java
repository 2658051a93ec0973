package dev.frontier.config;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** Price overrides on top of the bundled catalog, USD per 1,000 tokens. */
public record PricingSpec(List<Override> overrides) {
    public PricingSpec {
        overrides = List.copyOf(overrides);
    }

    /** One model's prices; an empty value keeps the catalog's. */
    public record Override(String model, Optional<BigDecimal> input, Optional<BigDecimal> output,
                           Optional<BigDecimal> batchInput, Optional<BigDecimal> batchOutput,
                           Optional<BigDecimal> cacheRead, Optional<BigDecimal> cacheWrite, String source) {
    }
}
