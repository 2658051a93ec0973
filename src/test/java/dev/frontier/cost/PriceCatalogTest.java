package dev.frontier.cost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontier.model.Cost;
import dev.frontier.model.TokenUsage;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PriceCatalogTest {

    private final PriceCatalog catalog = PriceCatalog.bundled();

    @Test
    void bundledCatalogCoversTheModelFamiliesWithSourcesAndDates() {
        assertThat(catalog.version()).isNotBlank();
        for (String id : List.of("amazon.nova-micro-v1:0", "amazon.nova-lite-v1:0", "amazon.nova-pro-v1:0",
                "anthropic.claude-3-haiku-20240307-v1:0", "anthropic.claude-3-5-sonnet-20241022-v2:0",
                "meta.llama3-1-8b-instruct-v1:0", "mistral.mistral-7b-instruct-v0:2")) {
            ModelPrice p = catalog.find(id).orElseThrow(() -> new AssertionError("missing " + id));
            assertThat(p.input()).isPresent();
            assertThat(p.output()).isPresent();
            assertThat(p.source()).isNotBlank();
            assertThat(p.asOf()).matches("\\d{4}-\\d{2}-\\d{2}");
        }
        for (ModelPrice p : catalog.models().values()) {
            // batch is half of on-demand wherever the catalog has a batch price
            p.batchInput().ifPresent(b -> assertThat(b.multiply(BigDecimal.valueOf(2))).isEqualByComparingTo(p.input().get()));
        }
    }

    @Test
    void findsGeoProfilesAndContextWindowVariantsAsTheirBaseModel() {
        assertThat(catalog.find("us.amazon.nova-lite-v1:0")).isEqualTo(catalog.find("amazon.nova-lite-v1:0"));
        assertThat(catalog.find("anthropic.claude-3-haiku-20240307-v1:0:200k")).isPresent();
        assertThat(catalog.find("amazon.nova-giant-v9:0")).isEmpty();
    }

    @Test
    void pricesUsageIncludingCacheReadsAndWrites() {
        ModelPrice sonnet = catalog.find("anthropic.claude-3-5-sonnet-20241022-v2:0").orElseThrow();
        // 1000 in × 0.003 + 200 out × 0.015 + 2000 cache read × 0.0003 + 1000 cache write × 0.00375 (per 1k)
        // = 0.003 + 0.003 + 0.0006 + 0.00375 = 0.01035
        Cost c = sonnet.cost(new TokenUsage(1000, 200, 2000, 1000), ModelPrice.Mode.ON_DEMAND);
        assertThat(c.usdOrNull()).isEqualByComparingTo("0.01035");
        // batch: 1000 × 0.0015 + 200 × 0.0075 = 0.0015 + 0.0015
        assertThat(sonnet.cost(new TokenUsage(1000, 200, 0, 0), ModelPrice.Mode.BATCH).usdOrNull())
                .isEqualByComparingTo("0.003");
    }

    @Test
    void aMissingPriceIsUnknownNeverZero() {
        ModelPrice haiku = catalog.find("anthropic.claude-3-haiku-20240307-v1:0").orElseThrow();
        Cost c = haiku.cost(new TokenUsage(10, 10, 5, 0), ModelPrice.Mode.ON_DEMAND);
        assertThat(c).isInstanceOf(Cost.Unknown.class);
        assertThat(((Cost.Unknown) c).reason()).contains("cache read");
        // no cache tokens: the missing cache price does not matter
        assertThat(haiku.cost(new TokenUsage(1000, 1000, 0, 0), ModelPrice.Mode.ON_DEMAND).usdOrNull())
                .isEqualByComparingTo("0.0015");
        ModelPrice sonnet4 = catalog.find("anthropic.claude-sonnet-4-20250514-v1:0").orElseThrow();
        assertThat(sonnet4.cost(new TokenUsage(1, 1, 0, 0), ModelPrice.Mode.BATCH)).isInstanceOf(Cost.Unknown.class);
    }

    @Test
    void overridesReplaceOnlyTheGivenPrices() {
        PriceCatalog c = catalog.with(new ModelPrice("amazon.nova-lite-v1:0", "x", Optional.of(new BigDecimal("1")),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), "contract",
                "2026-01-01"));
        ModelPrice p = c.find("amazon.nova-lite-v1:0").orElseThrow();
        assertThat(p.input()).hasValue(new BigDecimal("1"));
        assertThat(p.output()).isEqualTo(catalog.find("amazon.nova-lite-v1:0").orElseThrow().output());
        assertThat(p.source()).isEqualTo("contract");
        assertThat(c.version()).endsWith("+overrides");
    }
}
