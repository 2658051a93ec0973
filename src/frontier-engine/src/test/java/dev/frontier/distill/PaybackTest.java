package dev.frontier.distill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.frontier.config.DistillationSpec;
import dev.frontier.cost.PriceCatalog;
import dev.frontier.results.RunResult;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class PaybackTest {

    private static RunResult.CandidateResult candidate(String id, String model, boolean incumbent, String per1k,
                                                       String monthly) {
        return RunResult.CandidateResult.builder().id(id).model(model).modelName(model).incumbent(incumbent)
                .calls(10).quality(new RunResult.Estimate(0.8, 0.7, 0.9, 10))
                .usage(new RunResult.Usage(10_000, 100, 0, 0)).meanInputTokens(1000).meanOutputTokens(10)
                .costPer1k(new BigDecimal(per1k)).monthlyCost(Optional.ofNullable(monthly).map(BigDecimal::new))
                .evalSpend(BigDecimal.ONE).latencyP50Ms(500.0).latencyP95Ms(900.0).onFrontier(true).build();
    }

    private static RunResult run(boolean keepIncumbent) {
        RunResult.Decision decision = new RunResult.Decision(keepIncumbent ? "pro" : "lite", keepIncumbent,
                "reason", 0.03, 0.95, List.of());
        return RunResult.builder().runId("20261127-100000-abcd").suite("s").simulated(true).traffic(5_000_000)
                .candidates(List.of(candidate("pro", "amazon.nova-pro-v1:0", true, "0.40", "2000.00"),
                        candidate("lite", "amazon.nova-lite-v1:0", false, "0.03", "150.00")))
                .decision(decision).build();
    }

    private static DistillationSpec spec(Optional<BigDecimal> training, DistillationSpec.Serving serving) {
        return new DistillationSpec(DistillationSpec.Method.DISTILLATION, "pro", "amazon.nova-lite-v1:0:300k", 100,
                Map.of(), OptionalDouble.empty(), training, Optional.of(new BigDecimal("1.95")), 12, serving,
                new DistillationSpec.FromDataset());
    }

    private static final DistillationSpec.Serving ON_DEMAND = new DistillationSpec.Serving(
            DistillationSpec.Mode.ON_DEMAND_DEPLOYMENT, OptionalInt.empty(), "none", Optional.empty());

    @Test
    void onDemandDistillationPaysBackFromHandComputedFigures() {
        RunResult.Distillation d = Payback.decide(spec(Optional.of(new BigDecimal("0.002")), ON_DEMAND), run(true),
                PriceCatalog.bundled(), 200);
        // 200 records × (1000 input + 10 output tokens) × 2 epochs (Nova's default)
        assertThat(d.trainingTokens()).isEqualTo(404_000);
        assertThat(d.teacherInference()).isEqualByComparingTo("0.08");   // 200 × $0.40 / 1000
        assertThat(d.training()).isEqualByComparingTo("0.81");           // 404,000 / 1000 × $0.002 = 0.808
        assertThat(d.oneOff()).isEqualByComparingTo("0.89");
        // Nova Lite: 1000 × 0.00006/1k + 10 × 0.00024/1k = $0.0000624 a request × 5,000,000
        assertThat(d.servingMonthly()).isEqualByComparingTo("312.00");
        assertThat(d.monthlySavings()).isEqualByComparingTo("1686.05");  // 2000 − 312 − 1.95
        assertThat(d.paybackMonths()).isCloseTo(0.888 / 1686.05, within(1e-9));
        assertThat(d.recommended()).isTrue();
        assertThat(d.unknownPrices()).isEmpty();
        assertThat(d.reason()).contains("save $1,686.05 a month", "under a day");
    }

    @Test
    void provisionedThroughputThatCostsMoreThanTheIncumbentNeverPaysBack() {
        DistillationSpec.Serving pt = new DistillationSpec.Serving(DistillationSpec.Mode.PROVISIONED,
                OptionalInt.of(1), "none", Optional.of(new BigDecimal("20")));
        RunResult.Distillation d = Payback.decide(spec(Optional.of(new BigDecimal("0.002")), pt), run(true),
                PriceCatalog.bundled(), 200);
        assertThat(d.servingMonthly()).isEqualByComparingTo("14600.00");  // 1 unit × $20 × 730 h
        assertThat(d.monthlySavings()).isEqualByComparingTo("-12601.95");
        assertThat(d.paybackMonths()).isNull();
        assertThat(d.recommended()).isFalse();
        assertThat(d.reason()).contains("would never pay for itself");
    }

    @Test
    void unknownPricesStayUnknownAndAreNamed() {
        DistillationSpec.Serving pt = new DistillationSpec.Serving(DistillationSpec.Mode.PROVISIONED,
                OptionalInt.of(1), "none", Optional.empty());
        RunResult.Distillation d = Payback.decide(spec(Optional.empty(), pt), run(true), PriceCatalog.bundled(), 200);
        assertThat(d.training()).isNull();
        assertThat(d.oneOff()).isNull();
        assertThat(d.servingMonthly()).isNull();
        assertThat(d.unknownPrices()).containsExactly("distillation.trainingPer1kTokens",
                "distillation.serving.hourlyPerModelUnit");
        assertThat(d.recommended()).isFalse();
    }

    @Test
    void aQualifiedCheaperCandidateComesFirst() {
        RunResult.Distillation d = Payback.decide(spec(Optional.of(new BigDecimal("0.002")), ON_DEMAND), run(false),
                PriceCatalog.bundled(), 200);
        assertThat(d.recommended()).isFalse();
        assertThat(d.reason()).contains("a cheaper candidate already qualifies (lite)");
    }
}
