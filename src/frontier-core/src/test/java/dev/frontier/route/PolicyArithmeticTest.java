package dev.frontier.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.frontier.stats.Bootstrap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each policy's per-item arithmetic on a four-item table worked out by hand. */
class PolicyArithmeticTest {

    private static final double EPS = 1e-12;

    // item:             0    1    2    3
    // dear quality:     1.0  0.9  0.8  1.0   cost 0.01 each
    // cheap quality:    1.0  0.5  0.8  0.2   cost 0.001 each
    // cheap's "check":  0.9  0.2  0.7  NaN   cost 0.0005 each
    static RoutingData table() {
        Signal check = new Signal("check", new double[] {0.9, 0.2, 0.7, Double.NaN}, Runs.fill(4, 0.0005));
        Arm dear = Runs.arm("dear", new double[] {1.0, 0.9, 0.8, 1.0}, 0.01);
        Arm cheap = Runs.arm("cheap", new double[] {1.0, 0.5, 0.8, 0.2}, 0.001, check);
        return new RoutingData(Runs.items(4), List.of(cheap, dear), "dear", Features.none(4));
    }

    @Test
    void aCascadePaysTheFirstCallAndTheSignalAlwaysAndTheSecondCallWhenItEscalates() {
        Table t = Table.of(table());
        Outcome o = Evaluation.cascade(t, new Policy.Cascade("cheap", "dear", "check", 0.5, true));
        // 0.2 < 0.5 escalates item 1; the missing signal escalates item 3
        assertThat(o.quality()).containsExactly(1.0, 0.9, 0.8, 1.0);
        assertThat(o.cost()).containsExactly(new double[] {0.0015, 0.0115, 0.0015, 0.0115}, within(EPS));
        assertThat(o.costPerItem()).isCloseTo(0.0065, within(EPS));
        assertThat(o.signalCostPerItem()).isCloseTo(0.0005, within(EPS));
        assertThat(o.share(t)).isEqualTo(Map.of("cheap", 0.5, "dear", 0.5));
    }

    @Test
    void aCascadeEscalatingAboveTheThresholdEscalatesTheHighValues() {
        Table t = Table.of(table());
        Outcome o = Evaluation.cascade(t, new Policy.Cascade("cheap", "dear", "check", 0.8, false));
        // only 0.9 > 0.8 (item 0) and the missing item 3 escalate
        assertThat(o.quality()).containsExactly(1.0, 0.5, 0.8, 1.0);
        assertThat(o.costPerItem()).isCloseTo((0.0115 + 0.0015 + 0.0015 + 0.0115) / 4, within(EPS));
    }

    @Test
    void theOracleTakesTheCheapestAnswerWithinTheMarginOfTheItemsBest() {
        Table t = Table.of(table());
        Outcome o = Evaluation.oracle(t, new int[] {0, 1}, 0.05);
        // item 0: cheap ties the best; item 1: 0.5 < 0.9 - 0.05; item 2: tie; item 3: 0.2 < 0.95
        assertThat(o.answeredBy()).containsExactly(0, 1, 0, 1);
        assertThat(o.costPerItem()).isCloseTo((0.001 + 0.01 + 0.001 + 0.01) / 4, within(EPS));
        assertThat(Table.mean(o.quality())).isCloseTo(0.925, within(EPS));
    }

    @Test
    void aLearnedRouterPaysOnlyTheCandidateItChose() {
        Table t = Table.of(table());
        Outcome o = Evaluation.learned(t, 0, 1, new double[] {0.9, 0.1, 0.6, 0.3}, Runs.fill(4, 0.5));
        assertThat(o.answeredBy()).containsExactly(0, 1, 0, 1);
        assertThat(o.quality()).containsExactly(1.0, 0.9, 0.8, 1.0);
        assertThat(o.costPerItem()).isCloseTo(0.0055, within(EPS));
        assertThat(o.signalCostPerItem()).isZero();
    }

    @Test
    void theLearnedPolicysProbabilityIsTheLogisticOfTheStandardizedFeatures() {
        Policy.Learned p = new Policy.Learned("cheap", "dear", List.of("x"), new double[] {1}, new double[] {2},
                new double[] {0.5}, -0.25, 0.5);
        // z = -0.25 + 0.5 * (5 - 1) / 2 = 0.75
        assertThat(p.probability(new double[] {5})).isCloseTo(1 / (1 + Math.exp(-0.75)), within(EPS));
        assertThat(p.routesToCheap(new double[] {5})).isTrue();
        // a missing feature counts as its mean: z = -0.25
        assertThat(p.probability(new double[] {Double.NaN})).isCloseTo(1 / (1 + Math.exp(0.25)), within(EPS));
        assertThat(p.routesToCheap(new double[] {Double.NaN})).isFalse();
    }

    @Test
    void theInSampleCascadeIsTheCheapestCutWithinHalfTheMargin() {
        // margin 0.1, so the training mean difference must be ≥ -0.05. Escalating nothing but the missing item
        // leaves item 1 at -0.4 (mean -0.1); escalating item 1 too (signal below (0.2 + 0.7) / 2) reaches 0 at a
        // cost of 0.0065 per item; every other feasible cut costs more
        RoutingAnalysis a = Routing.analyse(table(), RoutingOptions.defaults(0.1, 0.95).withFolds(2)
                .withPolicies(true, true, false), Evaluation.Fitting.IN_SAMPLE);
        PolicyResult cascade = a.policy("cascade:cheap>dear@check").orElseThrow();
        Policy.Cascade chosen = (Policy.Cascade) cascade.policy();
        assertThat(chosen.escalateWhenBelow()).isTrue();
        assertThat(chosen.threshold()).isCloseTo(0.45, within(EPS));
        assertThat(cascade.costPerItem()).isCloseTo(0.0065, within(EPS));
        assertThat(cascade.costPer1k()).isCloseTo(6.5, within(1e-9));
        assertThat(cascade.signalCostPerItem()).isCloseTo(0.0005, within(EPS));
        assertThat(cascade.monthlyCost()).isCloseTo(6500, within(1e-6));
        assertThat(cascade.quality()).isCloseTo(0.925, within(EPS));
        assertThat(cascade.difference()).isCloseTo(0, within(EPS));
        assertThat(cascade.share()).isEqualTo(Map.of("cheap", 0.5, "dear", 0.5));
        // too few items for a test: no verdict of non-inferiority
        assertThat(cascade.pValue()).isEqualTo(1.0);
        assertThat(cascade.verdict()).isEqualTo(RouteVerdict.NOT_SHOWN);

        PolicyResult dear = a.policy("dear").orElseThrow();
        assertThat(dear.verdict()).isEqualTo(RouteVerdict.BASELINE);
        assertThat(dear.difference()).isNaN();
        assertThat(dear.pValue()).isNaN();
        assertThat(dear.costPerItem()).isCloseTo(0.01, within(EPS));
        PolicyResult cheap = a.policy("cheap").orElseThrow();
        assertThat(cheap.verdict()).isEqualTo(RouteVerdict.REFERENCE);
        assertThat(cheap.difference()).isCloseTo(-0.3, within(EPS));
        assertThat(cheap.adjustedPValue()).isNaN();
        PolicyResult oracle = a.policy("oracle").orElseThrow();
        assertThat(oracle.verdict()).isEqualTo(RouteVerdict.BOUND);
        assertThat(oracle.costPerItem()).isCloseTo(0.0055, within(EPS));
        // (cost, quality): cheap (0.001, 0.625), cascade (0.0065, 0.925), dear (0.01, 0.925): dear is dominated
        assertThat(a.frontier()).containsExactly("cheap", "cascade:cheap>dear@check");
    }

    @Test
    void anUnscorableItemLeavesTheAnalysisForEveryPolicy() {
        RoutingData d = table();
        double[] q = d.arms().get(0).quality().clone();
        q[1] = Double.NaN;
        Arm cheap = new Arm("cheap", "m", q, d.arms().get(0).cost(), d.arms().get(0).signals());
        RoutingAnalysis a = Routing.analyse(new RoutingData(d.items(), List.of(cheap, d.arms().get(1)), "dear",
                d.features()), RoutingOptions.defaults(0.1, 0.95).withFolds(2).withPolicies(true, false, false));
        assertThat(a.policies()).allSatisfy(p -> assertThat(p.n()).isEqualTo(3));
        assertThat(a.policy("dear").orElseThrow().quality()).isCloseTo((1.0 + 0.8 + 1.0) / 3, within(EPS));
        assertThat(a.method()).startsWith("3 of 4 items");
    }

    @Test
    void anUnknownCostLeavesTheArmWithoutCostAndOutOfTheDefaultPairs() {
        RoutingData d = table();
        double[] cost = d.arms().get(0).cost().clone();
        cost[2] = Double.NaN;
        Arm cheap = new Arm("cheap", "m", d.arms().get(0).quality(), cost, d.arms().get(0).signals());
        RoutingAnalysis a = Routing.analyse(new RoutingData(d.items(), List.of(cheap, d.arms().get(1)), "dear",
                d.features()), RoutingOptions.defaults(0.1, 0.95).withFolds(2));
        assertThat(a.policy("cheap").orElseThrow().costPerItem()).isNaN();
        assertThat(a.policy("cheap").orElseThrow().monthlyCost()).isNaN();
        assertThat(a.policies()).extracting(PolicyResult::id).containsExactly("cheap", "dear", "oracle");
        assertThat(((Policy.Oracle) a.policy("oracle").orElseThrow().policy()).arms()).containsExactly("dear");
    }

    @Test
    void whatCannotBeDecidedIsRefusedWithTheReason() {
        assertThatThrownBy(() -> Routing.analyse(table(), RoutingOptions.defaults(0.1, 0.95)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("too few items to cross-fit: 4 analysed items for 5 folds (at least 10)");
        assertThatThrownBy(() -> Routing.analyse(table(), RoutingOptions.defaults(0.1, 0.95).withFolds(2)
                .withBootstrap(10, 1, Bootstrap.Method.BCA)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("too few bootstrap resamples (10) to test 1 routing policies");
        assertThatThrownBy(() -> Routing.analyse(table(), RoutingOptions.defaults(0.1, 0.95).withFolds(2)
                .withCascadeSpecs(List.of(new CascadeSpec("cheap", "dear", "length")))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("arm cheap has no signal length");
    }
}
