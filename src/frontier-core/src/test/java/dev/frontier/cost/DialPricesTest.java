package dev.frontier.cost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontier.model.CallResult;
import dev.frontier.model.CallSettings;
import dev.frontier.model.Cost;
import dev.frontier.model.TokenUsage;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A call is priced under its request settings, as its answer says it was served. */
class DialPricesTest {

    private static final PriceCatalog CATALOG = PriceCatalog.bundled();
    private static final TokenUsage USAGE = new TokenUsage(1000, 1000, 0, 0);

    private static BigDecimal usd(Cost c) {
        return ((Cost.Known) c).usd().stripTrailingZeros();
    }

    private static CallSettings tier(CallSettings.ServiceTier t) {
        return CallSettings.NONE.withServiceTier(t);
    }

    @Test
    void flexHalvesAndPriorityAddsThreeQuartersOnNovaPro() {
        // Nova Pro: $0.0008 in, $0.0032 out per 1k tokens
        assertThat(usd(CATALOG.find("amazon.nova-pro-v1:0").orElseThrow().cost(USAGE, ModelPrice.Mode.ON_DEMAND)))
                .isEqualByComparingTo("0.004");
        ModelPrice flex = CATALOG.find("amazon.nova-pro-v1:0", tier(CallSettings.ServiceTier.FLEX)).orElseThrow();
        assertThat(usd(flex.cost(USAGE, ModelPrice.Mode.ON_DEMAND))).isEqualByComparingTo("0.002");
        assertThat(flex.name()).isEqualTo("Amazon Nova Pro (flex)");
        assertThat(flex.source()).contains("Nova 2 Lite Flex 0.5x");
        ModelPrice priority = CATALOG.find("amazon.nova-pro-v1:0", tier(CallSettings.ServiceTier.PRIORITY))
                .orElseThrow();
        assertThat(usd(priority.cost(USAGE, ModelPrice.Mode.ON_DEMAND))).isEqualByComparingTo("0.007");
    }

    @Test
    void theTierTheAnswerNamesIsTheOneBilled() {
        CallResult.Completion servedStandard = new CallResult.Completion("x", "end_turn", USAGE, 10, 10, "", "",
                "default", "");
        assertThat(usd(CATALOG.forCall("amazon.nova-pro-v1:0", tier(CallSettings.ServiceTier.FLEX), servedStandard)
                .orElseThrow().cost(USAGE, ModelPrice.Mode.ON_DEMAND))).isEqualByComparingTo("0.004");
    }

    @Test
    void aTierTheModelLacksHasNoPriceRatherThanStandards() {
        Cost c = CATALOG.find("amazon.nova-micro-v1:0", tier(CallSettings.ServiceTier.FLEX)).orElseThrow()
                .cost(USAGE, ModelPrice.Mode.ON_DEMAND);
        assertThat(c).isInstanceOf(Cost.Unknown.class);
    }

    @Test
    void latencyOptimizedHasItsOwnPricesUnlessServedAtStandardLatency() {
        CallSettings fast = CallSettings.NONE.withLatencyOptimized(true);
        // Nova Pro latency-optimized: $0.001 in, $0.004 out
        assertThat(usd(CATALOG.find("us.amazon.nova-pro-v1:0", fast).orElseThrow()
                .cost(USAGE, ModelPrice.Mode.ON_DEMAND))).isEqualByComparingTo("0.005");
        CallResult.Completion fellBack = new CallResult.Completion("x", "end_turn", USAGE, 10, 10, "", "", "",
                "standard");
        assertThat(usd(CATALOG.forCall("us.amazon.nova-pro-v1:0", fast, fellBack).orElseThrow()
                .cost(USAGE, ModelPrice.Mode.ON_DEMAND))).isEqualByComparingTo("0.004");
    }

    @Test
    void oneHourCacheWritesAtTheirOwnPrice() {
        TokenUsage writes = new TokenUsage(0, 0, 0, 1000);
        CallSettings hour = CallSettings.NONE.withCacheTtl(Optional.of("1h"));
        String haiku = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";
        assertThat(usd(CATALOG.find(haiku).orElseThrow().cost(writes, ModelPrice.Mode.ON_DEMAND)))
                .isEqualByComparingTo("0.004125");
        assertThat(usd(CATALOG.find(haiku, hour).orElseThrow().cost(writes, ModelPrice.Mode.ON_DEMAND)))
                .isEqualByComparingTo("0.0066");
    }
}
