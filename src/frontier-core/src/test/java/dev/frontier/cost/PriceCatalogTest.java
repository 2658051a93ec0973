package dev.frontier.cost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontier.catalog.Catalog;
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
                "us.anthropic.claude-haiku-4-5-20251001-v1:0", "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
                "us.meta.llama3-1-8b-instruct-v1:0", "mistral.mistral-7b-instruct-v0:2")) {
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
    void findsProfilesArnsAndContextWindowVariantsAsTheModelTheyServe() {
        assertThat(catalog.find("us.amazon.nova-lite-v1:0")).isEqualTo(catalog.find("amazon.nova-lite-v1:0"));
        assertThat(catalog.find("amazon.nova-lite-v1:0:300k")).isEqualTo(catalog.find("amazon.nova-lite-v1:0"));
        assertThat(catalog.find("arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0"))
                .isEqualTo(catalog.find("amazon.nova-lite-v1:0"));
        assertThat(catalog.find("arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.amazon.nova-lite-v1:0"))
                .isEqualTo(catalog.find("amazon.nova-lite-v1:0"));
        assertThat(catalog.find("amazon.nova-giant-v9:0")).isEmpty();
        // an application inference profile does not say which model it serves: only an override prices it
        String app = "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc123";
        assertThat(catalog.find(app)).isEmpty();
        assertThat(catalog.with(new ModelPrice(app, app, Optional.of(BigDecimal.ONE), Optional.of(BigDecimal.ONE),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), "suite", "suite"))
                .find(app)).isPresent();
    }

    @Test
    void globalProfilesHaveTheirOwnPricesAndRegionalOnesTheRegionsPrice() {
        // Claude Sonnet 4.5: $3 / $15 per 1M through global., 10 % more by the bare id or a geo profile
        assertThat(catalog.find("global.anthropic.claude-sonnet-4-5-20250929-v1:0").orElseThrow().input())
                .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0.003"));
        assertThat(catalog.find("us.anthropic.claude-sonnet-4-5-20250929-v1:0").orElseThrow().input())
                .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0.0033"));
        // a model without a global price is billed at the Region's price through global. too
        assertThat(catalog.find("global.amazon.nova-lite-v1:0")).isEqualTo(catalog.find("amazon.nova-lite-v1:0"));
    }

    @Test
    void aRegionTheCatalogDoesNotListHasNoPriceNeverAnotherRegions() {
        PriceCatalog paris = PriceCatalog.of(Catalog.bundled(), "eu-west-3");
        assertThat(paris.find("amazon.nova-lite-v1:0")).isEmpty();
        assertThat(paris.name()).endsWith("/eu-west-3");
        assertThat(PriceCatalog.of(Catalog.bundled(), "us-west-2").find("us.amazon.nova-lite-v1:0")).isPresent();
    }

    @Test
    void pricesUsageIncludingCacheReadsAndWrites() {
        ModelPrice sonnet = catalog.find("us.anthropic.claude-sonnet-4-5-20250929-v1:0").orElseThrow();
        // 1000 in × 0.0033 + 200 out × 0.0165 + 2000 cache read × 0.00033 + 1000 cache write × 0.004125 (per 1k)
        // = 0.0033 + 0.0033 + 0.00066 + 0.004125 = 0.011385
        Cost c = sonnet.cost(new TokenUsage(1000, 200, 2000, 1000), ModelPrice.Mode.ON_DEMAND);
        assertThat(c.usdOrNull()).isEqualByComparingTo("0.011385");
        // batch: 1000 × 0.0004 + 200 × 0.0016 = 0.0004 + 0.00032
        ModelPrice pro = catalog.find("amazon.nova-pro-v1:0").orElseThrow();
        assertThat(pro.cost(new TokenUsage(1000, 200, 0, 0), ModelPrice.Mode.BATCH).usdOrNull())
                .isEqualByComparingTo("0.00072");
    }

    @Test
    void aMissingPriceIsUnknownNeverZero() {
        ModelPrice llama = catalog.find("us.meta.llama3-1-8b-instruct-v1:0").orElseThrow();
        Cost c = llama.cost(new TokenUsage(10, 10, 5, 0), ModelPrice.Mode.ON_DEMAND);
        assertThat(c).isInstanceOf(Cost.Unknown.class);
        assertThat(((Cost.Unknown) c).reason()).contains("cache read");
        // no cache tokens: the missing cache price does not matter
        assertThat(llama.cost(new TokenUsage(1000, 1000, 0, 0), ModelPrice.Mode.ON_DEMAND).usdOrNull())
                .isEqualByComparingTo("0.00044");
        ModelPrice haiku45 = catalog.find("us.anthropic.claude-haiku-4-5-20251001-v1:0").orElseThrow();
        assertThat(haiku45.cost(new TokenUsage(1, 1, 0, 0), ModelPrice.Mode.BATCH)).isInstanceOf(Cost.Unknown.class);
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
