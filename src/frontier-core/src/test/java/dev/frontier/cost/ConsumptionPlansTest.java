package dev.frontier.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frontier.cost.ConsumptionPlans.Kind;
import dev.frontier.cost.ConsumptionPlans.MeanUsage;
import dev.frontier.cost.ConsumptionPlans.Provisioned;
import dev.frontier.model.Cost;
import dev.frontier.model.TokenUsage;
import java.math.BigDecimal;
import java.util.Optional;
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
}
