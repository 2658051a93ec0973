package dev.frontier.config;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Price overrides on top of the bundled catalog (USD per 1,000 tokens) and Provisioned Throughput terms.
 *
 * @param overrides   per-model token prices
 * @param provisioned per-model Provisioned Throughput terms, for the consumption plans
 */
public record PricingSpec(List<Override> overrides, List<ProvisionedSpec> provisioned) {
    public PricingSpec {
        overrides = List.copyOf(overrides);
        provisioned = List.copyOf(provisioned);
    }

    /** One model's prices; an empty value keeps the catalog's. */
    public record Override(String model, Optional<BigDecimal> input, Optional<BigDecimal> output,
                           Optional<BigDecimal> batchInput, Optional<BigDecimal> batchOutput,
                           Optional<BigDecimal> cacheRead, Optional<BigDecimal> cacheWrite, String source) {
    }
}
