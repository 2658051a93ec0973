package dev.frontier.run.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.frontier.model.CallSettings;
import dev.frontier.results.RunResult;
import dev.frontier.stats.Bootstrap;
import dev.frontier.stats.Interval;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PromptSavingsTest {

    private static final Bootstrap BOOTSTRAP = new Bootstrap(2000, 42, 0.95);
    private static final String LITE = "amazon.nova-lite-v1:0";
    private static final Optional<BigDecimal> LITE_INPUT = Optional.of(new BigDecimal("0.00006"));
    private static final CallSettings FLEX = CallSettings.NONE.withServiceTier(CallSettings.ServiceTier.FLEX);

    /** {@code n} items {@code i0 … i(n-1)}, each with {@code tokens} input tokens and quality from {@code q}. */
    private static PromptSavings.Input input(String id, String model, boolean variant, CallSettings settings,
                                             int n, long tokens, double[] q) {
        Map<String, Long> t = new LinkedHashMap<>();
        Map<String, Double> quality = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            t.put("i" + i, tokens);
            quality.put("i" + i, q[i % q.length]);
        }
        return new PromptSavings.Input(id, model, variant, settings, t, quality, LITE_INPUT);
    }

    @Test
    void aShorterPromptSavesTokensAndMoneyWithThePairedQualityDifference() {
        double[] base = {0.8, 0.6, 0.9, 0.7};
        double[] terse = {0.7, 0.6, 0.8, 0.7};
        List<PromptSavings.Input> candidates = List.of(
                input("lite", LITE, false, CallSettings.NONE, 40, 1200, base),
                input("micro", "amazon.nova-micro-v1:0", false, CallSettings.NONE, 40, 1200, base),
                input("lite-terse", LITE, true, CallSettings.NONE, 40, 800, terse));

        Map<String, RunResult.PromptSaving> out = PromptSavings.of(candidates, 2_000_000, BOOTSTRAP);

        assertThat(out).containsOnlyKeys("lite-terse");
        RunResult.PromptSaving s = out.get("lite-terse");
        assertThat(s.baseline()).isEqualTo("lite");
        assertThat(s.inputTokensSaved()).isEqualTo(400.0);
        // 400 tokens × $0.00006 / 1,000 tokens × 2,000,000 requests = $48.00
        assertThat(s.monthlySaved()).hasValue(new BigDecimal("48.00"));
        // paired differences -0.1, 0, -0.1, 0 repeated: mean -0.05, the same as the project's paired bootstrap says
        Interval expected = BOOTSTRAP.pairedDifference(repeat(terse, 40), repeat(base, 40), Bootstrap.Method.BCA)
                .orElseThrow();
        RunResult.Estimate d = s.qualityDifference().orElseThrow();
        assertThat(d.mean()).isCloseTo(-0.05, within(1e-12));
        assertThat(d.lower()).isEqualTo(expected.lower());
        assertThat(d.upper()).isEqualTo(expected.upper());
        assertThat(d.n()).isEqualTo(40);
        assertThat(d.upper()).isLessThan(0);
        assertThat(s.note()).startsWith("saves 400 input tokens a request against lite ($48.00 a month at "
                + "2,000,000 requests); quality −0.050 [").endsWith("(95% CI, n=40): its prompt is worse");
    }

    @Test
    void aLongerPromptIsANegativeSaving() {
        double[] q = {0.8, 0.6};
        Map<String, RunResult.PromptSaving> out = PromptSavings.of(List.of(
                input("lite", LITE, false, CallSettings.NONE, 10, 1000, q),
                input("lite-verbose", LITE, true, CallSettings.NONE, 10, 1500, q)), 1_000_000, BOOTSTRAP);
        RunResult.PromptSaving s = out.get("lite-verbose");
        assertThat(s.inputTokensSaved()).isEqualTo(-500.0);
        // -500 × 0.00006 / 1000 × 1,000,000 = -$30.00
        assertThat(s.monthlySaved()).hasValue(new BigDecimal("-30.00"));
        assertThat(s.qualityDifference().orElseThrow().mean()).isEqualTo(0.0);
        assertThat(s.note()).startsWith("costs 500 more input tokens a request against lite (−$30.00 more a month")
                .endsWith("no difference shown");
    }

    @Test
    void noBaselineNoSaving() {
        double[] q = {0.5};
        // the only candidate on the model with the suite's prompt is called at another tier
        Map<String, RunResult.PromptSaving> out = PromptSavings.of(List.of(
                input("lite-flex", LITE, false, FLEX, 5, 1000, q),
                input("lite-terse", LITE, true, CallSettings.NONE, 5, 500, q),
                input("pro-terse", "amazon.nova-pro-v1:0", true, CallSettings.NONE, 5, 500, q)), 1000, BOOTSTRAP);
        assertThat(out).isEmpty();
    }

    @Test
    void theFirstBaselineWithTheSameSettingsCountsAndOnlyItemsBothAnswered() {
        double[] q = {1.0, 0.0};
        PromptSavings.Input flexBase = input("lite-flex", LITE, false, FLEX, 6, 1000, q);
        PromptSavings.Input secondBase = input("lite-flex-2", LITE, false, FLEX, 6, 2000, q);
        // the variant answered only items i0 … i3
        PromptSavings.Input variant = input("lite-flex-terse", LITE, true, FLEX, 4, 600, q);
        Map<String, RunResult.PromptSaving> out = PromptSavings.of(List.of(
                input("lite", LITE, false, CallSettings.NONE, 6, 9000, q), flexBase, secondBase, variant), 0,
                BOOTSTRAP);
        RunResult.PromptSaving s = out.get("lite-flex-terse");
        assertThat(s.baseline()).isEqualTo("lite-flex");
        assertThat(s.inputTokensSaved()).isEqualTo(400.0);
        // no traffic declared: no monthly figure
        assertThat(s.monthlySaved()).isEmpty();
        assertThat(s.qualityDifference().orElseThrow().n()).isEqualTo(4);
    }

    @Test
    void anUnknownInputPriceLeavesTheMonthlyFigureEmpty() {
        PromptSavings.Input base = new PromptSavings.Input("x", "vendor.x", false, CallSettings.NONE,
                Map.of("a", 100L), Map.of("a", 0.5), Optional.empty());
        PromptSavings.Input variant = new PromptSavings.Input("x-terse", "vendor.x", true, CallSettings.NONE,
                Map.of("a", 50L), Map.of("a", 0.5), Optional.empty());
        RunResult.PromptSaving s = PromptSavings.of(List.of(base, variant), 1000, BOOTSTRAP).get("x-terse");
        assertThat(s.inputTokensSaved()).isEqualTo(50.0);
        assertThat(s.monthlySaved()).isEmpty();
        assertThat(s.note()).contains("(monthly figure unknown: no input price)");
    }

    private static double[] repeat(double[] q, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = q[i % q.length];
        }
        return out;
    }
}
