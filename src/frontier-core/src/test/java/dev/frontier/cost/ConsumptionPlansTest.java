package dev.frontier.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.frontier.cost.ConsumptionPlans.Kind;
import dev.frontier.cost.ConsumptionPlans.MeanUsage;
import dev.frontier.cost.ConsumptionPlans.Provisioned;
import dev.frontier.model.Cost;
import dev.frontier.model.TokenUsage;
import dev.frontier.catalog.Catalog;
import dev.frontier.catalog.ModelFacts;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ConsumptionPlansTest {

    private static Optional<BigDecimal> p(String v) {
        return Optional.of(new BigDecimal(v));
    }

    // Nova Lite as in the bundled catalog, USD per 1,000 tokens
    private static final ModelPrice LITE = new ModelPrice("amazon.nova-lite-v1:0", "Nova Lite", p("0.00006"),
            p("0.00024"), p("0.00003"), p("0.00012"), p("0.000015"), p("0.00006"), "test", "2025-07-20");

    // a Sonnet-like price without batch or cache prices
    private static final ModelPrice DEAR = new ModelPrice("vendor.dear-v1:0", "Dear", p("0.003"), p("0.015"),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), "test", "2025-01-01");

    private static Cost usd(String v) {
        return Cost.usd(new BigDecimal(v));
    }

    @Test
    void perTokenPlansByHand() {
        // per request: 200 uncached + 800 cache-read input tokens, 100 output; 2,000,000 requests a month
        MeanUsage usage = new MeanUsage(200, 800, 0, 100);
        ConsumptionPlans.Result r = ConsumptionPlans.of(LITE, usage, 2_000_000, Optional.empty());

        // on-demand: 1000 × 0.00006/1000 + 100 × 0.00024/1000 = 0.00006 + 0.000024 = 0.000084 a request
        ConsumptionPlans.OnDemand onDemand = (ConsumptionPlans.OnDemand) r.plan(Kind.ON_DEMAND);
        assertThat(onDemand.monthly()).isEqualTo(usd("168.00"));
        assertThat(onDemand.per1k()).isEqualTo(usd("0.084000"));
        assertThat(onDemand.notes()).containsExactly("without prompt caching: cached input billed at the input price");

        // batch: 1000 × 0.00003/1000 + 100 × 0.00012/1000 = 0.000042 → 84.00
        ConsumptionPlans.Batch batch = (ConsumptionPlans.Batch) r.plan(Kind.BATCH);
        assertThat(batch.monthly()).isEqualTo(usd("84.00"));
        assertThat(batch.notes()).contains("needs latency tolerance (24 h window)");

        // caching as measured: 200 × 0.00006 + 800 × 0.000015 + 100 × 0.00024, /1000 = 0.000048 → 96.00
        ConsumptionPlans.PromptCaching caching = (ConsumptionPlans.PromptCaching) r.plan(Kind.PROMPT_CACHING);
        assertThat(caching.monthly()).isEqualTo(usd("96.00"));
        assertThat(caching.per1k()).isEqualTo(usd("0.048000"));
        assertThat(caching.cacheReadShare()).isEqualTo(0.8);
        assertThat(caching.notes()).first().isEqualTo("as measured: 80 % of input read from the cache, 0 % written");

        assertThat(r.plan(Kind.PROVISIONED_THROUGHPUT).monthly()).isEqualTo(new Cost.Unknown(
                "no provisioned-throughput quote given (hourly price per model unit and throughput per unit)"));
        assertThat(r.cheapest().orElseThrow().kind()).isEqualTo(Kind.BATCH);
        assertThat(r.summary()).isEqualTo("cheapest: batch at $84.00 a month (needs latency tolerance (24 h window))");
    }

    @Test
    void cachingIsNotMeasuredWhenTheRunDidNotCache() {
        ConsumptionPlans.Result r = ConsumptionPlans.of(LITE, new MeanUsage(1000, 0, 0, 100), 1000,
                Optional.empty());
        Cost caching = r.plan(Kind.PROMPT_CACHING).monthly();
        assertThat(caching).isInstanceOf(Cost.Unknown.class);
        assertThat(((Cost.Unknown) caching).reason()).startsWith("not measured: the run did not use prompt caching");
        // 1000 requests × 0.000084 = 0.084 → 0.08
        assertThat(r.plan(Kind.ON_DEMAND).monthly()).isEqualTo(usd("0.08"));
        assertThat(r.plan(Kind.ON_DEMAND).notes()).isEmpty();
    }

    @Test
    void missingPricesMakeTheirPlansUnknownNeverFree() {
        ConsumptionPlans.Result r = ConsumptionPlans.of(DEAR, new MeanUsage(500, 400, 100, 300), 1000,
                Optional.empty());
        assertThat(r.plan(Kind.BATCH).monthly()).isEqualTo(new Cost.Unknown("no batch input price for vendor.dear-v1:0"));
        assertThat(r.plan(Kind.PROMPT_CACHING).monthly())
                .isEqualTo(new Cost.Unknown("no cache read price for vendor.dear-v1:0"));
        // on-demand: 1000 × 0.003 + 300 × 0.015 = 7.5 per 1,000 requests → 7.50 a month
        assertThat(r.plan(Kind.ON_DEMAND).monthly()).isEqualTo(usd("7.50"));
        assertThat(r.cheapest().orElseThrow().kind()).isEqualTo(Kind.ON_DEMAND);

        ModelPrice nothing = new ModelPrice("x", "x", Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), "", "");
        ConsumptionPlans.Result none = ConsumptionPlans.of(nothing, new MeanUsage(10, 0, 0, 10), 5, Optional.empty());
        assertThat(none.cheapest()).isEmpty();
        assertThat(none.summary()).isEqualTo("no plan has a known cost");
        assertThat(none.plan(Kind.ON_DEMAND).monthly()).isEqualTo(new Cost.Unknown("no input price for x"));
    }

    @Test
    void provisionedThroughputSizedByRequestsWithABreakEven() {
        // on-demand: 1000 × 0.003/1000 + 300 × 0.015/1000 = 0.0075 a request; 2,000,000 → 15,000.00
        // one unit: $20/h × 730 h = 14,600 a month, carries 60 requests a minute = 2,628,000 a month
        // average rate 2,000,000 / 43,800 = 45.66 a minute → 1 unit; break-even 14,600 / 0.0075 = 1,946,667
        MeanUsage usage = new MeanUsage(1000, 0, 0, 300);
        Provisioned quote = Provisioned.of(new BigDecimal("20"), new ConsumptionPlans.RequestsPerMinute(60));
        ConsumptionPlans.Result r = ConsumptionPlans.of(DEAR, usage, 2_000_000, Optional.of(quote));
        ConsumptionPlans.ProvisionedThroughput pt =
                (ConsumptionPlans.ProvisionedThroughput) r.plan(Kind.PROVISIONED_THROUGHPUT);
        assertThat(pt.units()).isEqualTo(OptionalLong.of(1));
        assertThat(pt.monthly()).isEqualTo(usd("14600.00"));
        assertThat(pt.breakEvenRequestsPerMonth()).isEqualTo(OptionalLong.of(1_946_667));
        assertThat(pt.notes()).containsExactly(
                "1 model unit × $20/h × 730 h, billed whether used or not",
                "sized for the average rate (peak factor 1): traffic peaks need more units",
                "breaks even with on-demand at 1946667 requests a month per unit");
        assertThat(r.plan(Kind.ON_DEMAND).monthly()).isEqualTo(usd("15000.00"));
        assertThat(r.cheapest().orElseThrow().kind()).isEqualTo(Kind.PROVISIONED_THROUGHPUT);

        // peak factor 2: 91.32 a minute at peak → 2 units → 29,200.00; on-demand is cheaper again
        ConsumptionPlans.Result peaky = ConsumptionPlans.of(DEAR, usage, 2_000_000,
                Optional.of(new Provisioned(new BigDecimal("20"), new ConsumptionPlans.RequestsPerMinute(60), 2)));
        assertThat(peaky.plan(Kind.PROVISIONED_THROUGHPUT).monthly()).isEqualTo(usd("29200.00"));
        assertThat(peaky.cheapest().orElseThrow().kind()).isEqualTo(Kind.ON_DEMAND);
        assertThat(peaky.plan(Kind.PROVISIONED_THROUGHPUT).notes()).contains("sized for 2 × the average rate");
    }

    @Test
    void provisionedThroughputSizedByTokensThatNeverBreaksEven() {
        // Nova Lite, 1,100 tokens a request, 0.000084 on demand; a unit of 100,000 tokens a minute carries
        // 90.9 requests a minute = 3,981,818 a month worth 334.47 on demand, against 14,600 for the unit
        MeanUsage usage = new MeanUsage(200, 800, 0, 100);
        Provisioned quote = Provisioned.of(new BigDecimal("20"), new ConsumptionPlans.TokensPerMinute(100_000));
        ConsumptionPlans.ProvisionedThroughput pt = (ConsumptionPlans.ProvisionedThroughput) ConsumptionPlans
                .of(LITE, usage, 2_000_000, Optional.of(quote)).plan(Kind.PROVISIONED_THROUGHPUT);
        assertThat(pt.units()).isEqualTo(OptionalLong.of(1));
        assertThat(pt.breakEvenRequestsPerMonth()).isEmpty();
        assertThat(pt.notes()).contains("never breaks even with on-demand: one unit ($14600 a month) costs more than "
                + "the 3981818 requests a month it can carry cost on demand");
        // 100 M requests: 100,000,000 / 43,800 × 1,100 = 2,511,416 tokens a minute → 26 units
        ConsumptionPlans.ProvisionedThroughput big = (ConsumptionPlans.ProvisionedThroughput) ConsumptionPlans
                .of(LITE, usage, 100_000_000, Optional.of(quote)).plan(Kind.PROVISIONED_THROUGHPUT);
        assertThat(big.units()).isEqualTo(OptionalLong.of(26));
        assertThat(big.monthly()).isEqualTo(usd("379600.00"));
    }

    // Nova Pro's tiers as the catalog states them: Flex 0.5 × (latency 1.6), Priority 1.75 × (latency 0.8)
    private static ConsumptionPlans.Serving novaProTiers() {
        Map<String, Optional<BigDecimal>> tiers = new LinkedHashMap<>();
        tiers.put("flex", p("0.5"));
        tiers.put("priority", p("1.75"));
        return new ConsumptionPlans.Serving(tiers, Map.of("flex", 1.6, "priority", 0.8), OptionalDouble.empty(),
                "default", OptionalLong.empty());
    }

    @Test
    void flexAndPriorityAreTheOnDemandFigureTimesTheMultiplierAfterTheOtherPlans() {
        MeanUsage usage = new MeanUsage(1000, 0, 0, 100); // on demand: 0.000084 a request, $168.00 at 2M
        ConsumptionPlans.Result r = ConsumptionPlans.of(LITE, usage, 2_000_000, Optional.empty(), novaProTiers());

        assertThat(r.plans()).extracting(ConsumptionPlans.Plan::kind).containsExactly(Kind.ON_DEMAND, Kind.BATCH,
                Kind.PROMPT_CACHING, Kind.PROVISIONED_THROUGHPUT, Kind.FLEX, Kind.PRIORITY);
        assertThat(r.plan(Kind.ON_DEMAND).monthly()).isEqualTo(usd("168.00"));
        ConsumptionPlans.TierPlan flex = (ConsumptionPlans.TierPlan) r.plan(Kind.FLEX);
        assertThat(flex.monthly()).isEqualTo(usd("84.00"));
        assertThat(flex.per1k()).isEqualTo(usd("0.042000"));
        assertThat(flex.notes()).first().isEqualTo("Standard's on-demand prices × 0.5");
        // 168 × 1.75 = 294
        assertThat(r.plan(Kind.PRIORITY).monthly()).isEqualTo(usd("294.00"));
        // batch and flex tie at $84.00: the first in order wins
        assertThat(r.cheapest().orElseThrow().kind()).isEqualTo(Kind.BATCH);
        assertThat(ConsumptionPlans.name(Kind.FLEX)).isEqualTo("flex");

        // the existing plans are what they were without tiers
        ConsumptionPlans.Result plain = ConsumptionPlans.of(LITE, usage, 2_000_000, Optional.empty());
        for (Kind k : List.of(Kind.ON_DEMAND, Kind.BATCH, Kind.PROMPT_CACHING, Kind.PROVISIONED_THROUGHPUT)) {
            assertThat(r.plan(k).monthly()).isEqualTo(plain.plan(k).monthly());
            assertThat(r.plan(k).notes()).isEqualTo(plain.plan(k).notes());
        }
        assertThat(plain.find(Kind.FLEX)).isEmpty();
        assertThat(plain.summary()).isEqualTo(r.summary());
    }

    @Test
    void aTierWithoutAMultiplierIsUnknownNotFree() {
        Map<String, Optional<BigDecimal>> tiers = new LinkedHashMap<>();
        tiers.put("flex", Optional.empty());
        ConsumptionPlans.Result r = ConsumptionPlans.of(LITE, new MeanUsage(1000, 0, 0, 100), 2_000_000,
                Optional.empty(), new ConsumptionPlans.Serving(tiers, Map.of(), OptionalDouble.empty(), "default",
                        OptionalLong.empty()));
        assertThat(r.plan(Kind.FLEX).monthly()).isEqualTo(new Cost.Unknown(
                "no flex price multiplier for the model in the catalog"));
        // and an unknown on-demand cost stays unknown under a known multiplier
        ModelPrice nothing = new ModelPrice("x", "x", Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), "test", "2025-01-01");
        assertThat(ConsumptionPlans.of(nothing, new MeanUsage(10, 0, 0, 10), 5, Optional.empty(), novaProTiers())
                .plan(Kind.PRIORITY).monthly()).isEqualTo(new Cost.Unknown("no input price for x"));
    }

    @Test
    void reservedIsSizedInTokensPerMinuteAndPricedByTheAccountTeam() {
        Map<String, Optional<BigDecimal>> tiers = Map.of("reserved", p("1"));
        ConsumptionPlans.Serving serving = new ConsumptionPlans.Serving(tiers, Map.of("reserved", 1.0),
                OptionalDouble.empty(), "default", OptionalLong.empty());
        // 4,380,000 requests a month = 100 a minute (730 h × 60); 1,200 input (200 + 1,000 cached) and 300 output
        MeanUsage usage = new MeanUsage(200, 900, 100, 300);
        ConsumptionPlans.Reserved r = (ConsumptionPlans.Reserved) ConsumptionPlans.of(DEAR, usage, 4_380_000,
                Optional.empty(), serving).plan(Kind.RESERVED);
        assertThat(r.monthly()).isEqualTo(new Cost.Unknown("priced by the AWS account team; not public"));
        assertThat(r.inputTokensPerMinute()).isEqualTo(OptionalLong.of(120_000));
        assertThat(r.outputTokensPerMinute()).isEqualTo(OptionalLong.of(30_000));
        assertThat(r.notes()).containsExactly(
                "reserve 120,000 input and 30,000 output tokens per minute (sized for the average rate (peak "
                        + "factor 1): traffic peaks need more)",
                "overflow above the reservation is billed at Standard",
                "1- or 3-month term, priced per 1,000 tokens per minute by the AWS account team");

        // the provisioned-throughput quote's peak factor sizes the reservation too
        Provisioned peaky = new Provisioned(new BigDecimal("20"), new ConsumptionPlans.RequestsPerMinute(60), 2);
        ConsumptionPlans.Reserved atPeak = (ConsumptionPlans.Reserved) ConsumptionPlans.of(DEAR, usage, 4_380_000,
                Optional.of(peaky), serving).plan(Kind.RESERVED);
        assertThat(atPeak.inputTokensPerMinute()).isEqualTo(OptionalLong.of(240_000));
        assertThat(atPeak.outputTokensPerMinute()).isEqualTo(OptionalLong.of(60_000));
        assertThat(atPeak.notes().get(0)).endsWith("(sized for 2 × the average rate)");
    }

    @Test
    void latencyIsProjectedFromTheTierItWasMeasuredAt() {
        MeanUsage usage = new MeanUsage(1000, 0, 0, 100);
        // measured at Standard: 2,000 ms p95
        ConsumptionPlans.Result standard = ConsumptionPlans.of(LITE, usage, 2_000_000, Optional.empty(),
                novaProTiers().measured(OptionalDouble.of(2000), "default"));
        assertThat(standard.plan(Kind.ON_DEMAND).latency().p95Ms()).isEqualTo(OptionalDouble.of(2000));
        assertThat(standard.plan(Kind.ON_DEMAND).latency().words()).isEqualTo("2,000 ms (measured)");
        assertThat(standard.plan(Kind.PROMPT_CACHING).latency().p95Ms()).isEqualTo(OptionalDouble.of(2000));
        assertThat(standard.plan(Kind.FLEX).latency().p95Ms().getAsDouble()).isCloseTo(3200, within(1e-9));
        assertThat(standard.plan(Kind.FLEX).latency().words()).isEqualTo("3,200 ms (2,000 ms measured at standard × 1.6)");
        assertThat(standard.plan(Kind.PRIORITY).latency().p95Ms().getAsDouble()).isCloseTo(1600, within(1e-9));
        assertThat(standard.plan(Kind.BATCH).latency().p95Ms()).isEmpty();
        assertThat(standard.plan(Kind.BATCH).latency().words()).isEqualTo("up to 24 h");
        assertThat(standard.plans()).noneMatch(p -> p.latency().isExcluded());

        // measured at Flex: 3,200 ms there is 2,000 ms at Standard (÷ 1.6) and 1,600 ms at Priority (× 0.8 / 1.6)
        ConsumptionPlans.Result flex = ConsumptionPlans.of(LITE, usage, 2_000_000, Optional.empty(),
                novaProTiers().measured(OptionalDouble.of(3200), "flex"));
        assertThat(flex.plan(Kind.ON_DEMAND).latency().p95Ms().getAsDouble()).isCloseTo(2000, within(1e-9));
        assertThat(flex.plan(Kind.ON_DEMAND).latency().words())
                .isEqualTo("2,000 ms (3,200 ms measured at flex × 0.625)");
        assertThat(flex.plan(Kind.FLEX).latency().words()).isEqualTo("3,200 ms (measured)");
        assertThat(flex.plan(Kind.PRIORITY).latency().p95Ms().getAsDouble()).isCloseTo(1600, within(1e-9));

        // measured at a tier the catalog has no factor for: nothing projected
        ConsumptionPlans.Result unknown = ConsumptionPlans.of(LITE, usage, 2_000_000, Optional.empty(),
                novaProTiers().measured(OptionalDouble.of(1000), "reserved"));
        assertThat(unknown.plan(Kind.FLEX).latency().p95Ms()).isEmpty();
        assertThat(unknown.plan(Kind.FLEX).latency().words())
                .isEqualTo("unknown: the catalog states no latency factor for reserved");
    }

    @Test
    void theLatencyRuleExcludesSlowPlansAndBatchFromTheCheapest() {
        MeanUsage usage = new MeanUsage(1000, 0, 0, 100);
        // 2,000 ms at Standard; limit 2,500 ms: Flex (3,200 ms) and batch out, on-demand $168, Priority $294
        ConsumptionPlans.Result r = ConsumptionPlans.of(LITE, usage, 2_000_000, Optional.empty(),
                novaProTiers().measured(OptionalDouble.of(2000), "default").limit(OptionalLong.of(2500)));
        assertThat(r.plan(Kind.FLEX).latency().excluded())
                .hasValue("projected p95 3,200 ms exceeds the limit of 2,500 ms");
        assertThat(r.plan(Kind.BATCH).latency().excluded())
                .hasValue("batch answers within 24 h, not within the p95 limit of 2,500 ms");
        assertThat(r.plan(Kind.ON_DEMAND).latency().isExcluded()).isFalse();
        assertThat(r.plan(Kind.PRIORITY).latency().isExcluded()).isFalse();
        // flex and batch ($84.00) are cheaper but excluded
        assertThat(r.cheapest().orElseThrow().kind()).isEqualTo(Kind.ON_DEMAND);
        assertThat(r.summary()).isEqualTo("cheapest: on-demand at $168.00 a month");
        // the figures of excluded plans are still shown
        assertThat(r.plan(Kind.FLEX).monthly()).isEqualTo(usd("84.00"));

        // a limit below everything: Priority's 1,600 ms only
        ConsumptionPlans.Result tight = ConsumptionPlans.of(LITE, usage, 2_000_000, Optional.empty(),
                novaProTiers().measured(OptionalDouble.of(2000), "default").limit(OptionalLong.of(1700)));
        assertThat(tight.cheapest().orElseThrow().kind()).isEqualTo(Kind.PRIORITY);
        // and below that: no plan qualifies, which the summary says
        ConsumptionPlans.Result none = ConsumptionPlans.of(LITE, usage, 2_000_000, Optional.empty(),
                novaProTiers().measured(OptionalDouble.of(2000), "default").limit(OptionalLong.of(1000)));
        assertThat(none.cheapest()).isEmpty();
        assertThat(none.summary()).isEqualTo("no plan with a known cost meets the p95 limit of 1,000 ms");
    }

    @Test
    void theCatalogOffersTiersOnlyInItsRegions() {
        Catalog catalog = Catalog.bundled();
        ModelFacts pro = catalog.model("amazon.nova-pro-v1:0").orElseThrow();
        PriceCatalog east = PriceCatalog.of(catalog, "us-east-1");
        ModelPrice price = east.find("amazon.nova-pro-v1:0").orElseThrow();
        ConsumptionPlans.Serving s = ConsumptionPlans.Serving.offered(pro.dials().serviceTiers(), "us-east-1", price);
        assertThat(s.tiers()).containsOnlyKeys("flex", "priority");
        assertThat(s.tiers().get("flex")).hasValue(new BigDecimal("0.5"));
        assertThat(s.latencyFactors()).containsEntry("flex", 1.6).containsEntry("priority", 0.8);
        assertThat(ConsumptionPlans.Serving.offered(pro.dials().serviceTiers(), "eu-west-9", price).tiers())
                .isEmpty();
        ModelFacts sonnet = catalog.model("anthropic.claude-sonnet-4-5-20250929-v1:0").orElseThrow();
        assertThat(ConsumptionPlans.Serving.offered(sonnet.dials().serviceTiers(), "us-east-1",
                east.find("us.anthropic.claude-sonnet-4-5-20250929-v1:0").orElseThrow()).tiers())
                .containsOnlyKeys("reserved");
        ModelFacts micro = catalog.model("amazon.nova-micro-v1:0").orElseThrow();
        assertThat(ConsumptionPlans.Serving.offered(micro.dials().serviceTiers(), "us-east-1",
                east.find("amazon.nova-micro-v1:0").orElseThrow())).isEqualTo(ConsumptionPlans.Serving.NONE);
    }

    @Test
    void meanUsageFromTotalsAndBadInput() {
        MeanUsage m = MeanUsage.of(new TokenUsage(1000, 300, 4000, 200), 10);
        assertThat(m).isEqualTo(new MeanUsage(100, 400, 20, 30));
        assertThat(m.totalInput()).isEqualTo(520);
        assertThat(m.cached()).isTrue();
        assertThatThrownBy(() -> MeanUsage.of(TokenUsage.ZERO, 0)).hasMessage("requests must be positive");
        assertThatThrownBy(() -> new MeanUsage(-1, 0, 0, 0)).hasMessageContaining("not negative");
        assertThatThrownBy(() -> new Provisioned(BigDecimal.ONE, new ConsumptionPlans.RequestsPerMinute(1), 0.5))
                .hasMessage("peak factor must be at least 1, got 0.5");
        assertThatThrownBy(() -> ConsumptionPlans.of(LITE, m, -1, Optional.empty()))
                .hasMessage("requests per month must not be negative");
    }
    private static ConsumptionPlans.Measured measured(String ttl, double hit, long min,
                                                      Optional<ConsumptionPlans.ClientCacheRate> client, double peak) {
        return new ConsumptionPlans.Measured("profile traffic.json", ttl, OptionalDouble.of(hit), min, client, peak);
    }

    @Test
    void promptCachingIsPricedAtTheReplayedHitRate() {
        // the run: 200 uncached, 500 read + 300 written (a prefix of 800), 100 output; the profile's arrivals hit
        // 75 % of the time: 200 × 0.00006 + 800 × (0.75 × 0.000015 + 0.25 × 0.00006) + 100 × 0.00024
        // = 0.012 + 800 × 0.00002625 + 0.024 = 0.012 + 0.021 + 0.024 = 0.057 per 1,000 requests → 2M: 114.00
        MeanUsage usage = new MeanUsage(200, 500, 300, 100);
        ConsumptionPlans.Result r = ConsumptionPlans.of(LITE, usage, 2_000_000, Optional.empty(),
                ConsumptionPlans.Serving.NONE, Optional.of(measured("5m", 0.75, 512, Optional.empty(), 1)));
        ConsumptionPlans.PromptCaching caching = (ConsumptionPlans.PromptCaching) r.plan(Kind.PROMPT_CACHING);
        assertThat(caching.per1k()).isEqualTo(usd("0.057000"));
        assertThat(caching.monthly()).isEqualTo(usd("114.00"));
        assertThat(caching.cacheReadShare()).isEqualTo(0.6); // 600 of 1,000 input tokens
        assertThat(caching.notes()).first().isEqualTo("replayed on the arrivals of profile traffic.json: 75 % of "
                + "requests read the 800-token prefix from the 5m cache, the rest write it");
        assertThat(r.find(Kind.CLIENT_CACHE)).isEmpty();
    }

    @Test
    void aPrefixBelowTheMinimumIsBilledAsInputAndAnHourLongTtlWritesAtItsOwnPrice() {
        MeanUsage usage = new MeanUsage(200, 500, 300, 100);
        ConsumptionPlans.Result below = ConsumptionPlans.of(LITE, usage, 1_000_000, Optional.empty(),
                ConsumptionPlans.Serving.NONE, Optional.of(measured("5m", 0.9, 1024, Optional.empty(), 1)));
        // nothing cached: the on-demand figure, 1,000 × 0.00006 + 100 × 0.00024 = 0.084 per 1,000
        assertThat(below.plan(Kind.PROMPT_CACHING).monthly()).isEqualTo(below.plan(Kind.ON_DEMAND).monthly());
        assertThat(below.plan(Kind.PROMPT_CACHING).notes()).first().asString()
                .contains("800 tokens is below the model's minimum of 1024");

        ModelPrice hour = new ModelPrice(LITE.modelId(), LITE.name(), LITE.input(), LITE.output(),
                LITE.batchInput(), LITE.batchOutput(), LITE.cacheRead(), LITE.cacheWrite(), "test", "2025-07-20",
                new ModelPrice.Dials(p("0.00012"), Map.of(), Optional.empty(), Optional.empty(), "test"));
        // 200 × 0.00006 + 800 × (0.5 × 0.000015 + 0.5 × 0.00012) + 100 × 0.00024 = 0.012 + 0.054 + 0.024 = 0.09
        ConsumptionPlans.Result r = ConsumptionPlans.of(hour, usage, 1_000_000, Optional.empty(),
                ConsumptionPlans.Serving.NONE, Optional.of(measured("1h", 0.5, 0, Optional.empty(), 1)));
        assertThat(r.plan(Kind.PROMPT_CACHING).monthly()).isEqualTo(usd("90.00"));
    }

    @Test
    void anUncachedRunStaysNotMeasuredWithAProfile() {
        ConsumptionPlans.Result r = ConsumptionPlans.of(LITE, new MeanUsage(1000, 0, 0, 100), 1000,
                Optional.empty(), ConsumptionPlans.Serving.NONE,
                Optional.of(measured("5m", 0.8, 0, Optional.empty(), 1)));
        assertThat(((Cost.Unknown) r.plan(Kind.PROMPT_CACHING).monthly()).reason()).startsWith("not measured");
    }

    @Test
    void theClientCacheTakesItsHitsOffTheOnDemandMonth() {
        // on-demand 0.084 per 1,000 → 168.00 at 2M; 30 % answered by the cache: 168 × 0.7 = 117.60
        ConsumptionPlans.Result r = ConsumptionPlans.of(LITE, new MeanUsage(1000, 0, 0, 100), 2_000_000,
                Optional.empty(), ConsumptionPlans.Serving.NONE, Optional.of(measured("5m", 0, 0,
                        Optional.of(new ConsumptionPlans.ClientCacheRate(0.3, "1h TTL, at most 100 answers")), 1)));
        ConsumptionPlans.ClientCache client = (ConsumptionPlans.ClientCache) r.plan(Kind.CLIENT_CACHE);
        assertThat(client.monthly()).isEqualTo(usd("117.60"));
        assertThat(client.per1k()).isEqualTo(usd("0.058800"));
        assertThat(client.notes()).first().asString().contains("30 % of requests answered from it");
        assertThat(ConsumptionPlans.name(Kind.CLIENT_CACHE)).isEqualTo("client cache");
        assertThat(r.plans()).extracting(ConsumptionPlans.Plan::kind).containsSubsequence(Kind.PROMPT_CACHING,
                Kind.CLIENT_CACHE, Kind.PROVISIONED_THROUGHPUT);
    }

    @Test
    void theMeasuredPeakReplacesTheQuotes() {
        // 43,800,000 requests a month = 1,000 a minute on average; 2,000 tokens a request; a unit carries 1M
        // tokens a minute = 500 requests: the average needs 2 units, the measured peak of 3 × needs 6
        Provisioned quote = Provisioned.of(new BigDecimal("20"), new ConsumptionPlans.TokensPerMinute(1_000_000));
        MeanUsage usage = new MeanUsage(1900, 0, 0, 100);
        ConsumptionPlans.Result plain = ConsumptionPlans.of(LITE, usage, 43_800_000, Optional.of(quote));
        ConsumptionPlans.Result peak = ConsumptionPlans.of(LITE, usage, 43_800_000, Optional.of(quote),
                ConsumptionPlans.Serving.NONE, Optional.of(measured("5m", 0, 0, Optional.empty(), 3)));
        var pt = (ConsumptionPlans.ProvisionedThroughput) peak.plan(Kind.PROVISIONED_THROUGHPUT);
        assertThat(((ConsumptionPlans.ProvisionedThroughput) plain.plan(Kind.PROVISIONED_THROUGHPUT)).units())
                .hasValue(2);
        assertThat(pt.units()).hasValue(6);
        assertThat(pt.notes()).anyMatch(n -> n.equals("sized for the measured peak: 3 × the average rate (the "
                + "busiest minute of profile traffic.json; replaces the quote's peak factor)"));
    }
}
