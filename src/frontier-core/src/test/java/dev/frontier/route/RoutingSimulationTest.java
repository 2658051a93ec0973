package dev.frontier.route;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontier.stats.Bootstrap;
import dev.frontier.stats.Holm;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Seeded simulations with a known truth: a learned router finds the items on which the cheap candidate is worse, and
 * the cascade's non-inferiority verdict accepts a policy that is truly at the margin at most α of the time.
 */
class RoutingSimulationTest {

    private static final double MARGIN = 0.05;

    /**
     * The cheap candidate is as good as the dear one within the margin, but on "hard" items (30 %, flagged by the
     * feature {@code hard}) 0.6 worse. Two more features are noise; a signal of the cheap answer is noisy quality.
     */
    static RoutingData hardSubset(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] dear = new double[n];
        double[] cheap = new double[n];
        double[] mid = new double[n];
        double[] check = new double[n];
        double[][] rows = new double[n][3];
        for (int i = 0; i < n; i++) {
            boolean hard = random.nextDouble() < 0.3;
            dear[i] = 0.7 + 0.3 * random.nextDouble();
            cheap[i] = Runs.clamp(hard ? dear[i] - 0.6 : dear[i] - 0.04 * random.nextDouble());
            mid[i] = Runs.clamp(dear[i] - 0.1 * random.nextDouble());
            check[i] = cheap[i] + 0.1 * Runs.gaussian(random);
            rows[i][0] = hard ? 1 : 0;
            rows[i][1] = Runs.gaussian(random);
            rows[i][2] = 100 + 20 * Runs.gaussian(random);
        }
        return new RoutingData(Runs.items(n), List.of(
                Runs.arm("cheap", cheap, 0.001, Signal.free("check", check)),
                Runs.arm("mid", mid, 0.004),
                Runs.arm("dear", dear, 0.01)), "dear",
                new Features(List.of("hard", "noise", "length"), rows));
    }

    @Test
    void theLearnedRouterFindsTheItemsWhereTheCheapCandidateIsWorse() {
        RoutingData data = hardSubset(2000, 5);
        RoutingAnalysis a = Routing.analyse(data, RoutingOptions.defaults(MARGIN, 0.95));
        PolicyResult learned = a.policy("learned:cheap>dear").orElseThrow();
        Policy.Learned policy = (Policy.Learned) learned.policy();
        int hard = 0;
        int hardToDear = 0;
        int easy = 0;
        int easyToCheap = 0;
        for (double[] row : data.features().rows()) {
            boolean cheap = policy.routesToCheap(row);
            if (row[0] == 1) {
                hard++;
                hardToDear += cheap ? 0 : 1;
            } else {
                easy++;
                easyToCheap += cheap ? 1 : 0;
            }
        }
        double hardRate = (double) hardToDear / hard;
        double easyRate = (double) easyToCheap / easy;
        System.out.printf("learned router: %.1f%% of hard items to dear, %.1f%% of the rest to cheap; cross-fitted "
                        + "share %s, difference %+.4f, %s%n", 100 * hardRate, 100 * easyRate, learned.share(),
                learned.difference(), learned.verdict());
        assertThat(hardRate).isGreaterThanOrEqualTo(0.9);
        assertThat(easyRate).isGreaterThan(0.5);
        // the cross-fitted figures agree: about 70 % cheap, non-inferior and far cheaper than the incumbent
        assertThat(learned.share().get("cheap")).isBetween(0.5, 0.8);
        assertThat(learned.verdict()).isEqualTo(RouteVerdict.NON_INFERIOR);
        assertThat(a.best()).isPresent();
        PolicyResult best = a.policy(a.best().get()).orElseThrow();
        assertThat(best.costPerItem()).isLessThan(a.policy("dear").orElseThrow().costPerItem());
        assertThat(best.routing()).isTrue();
        assertThat(a.frontier()).contains(a.best().get());
    }

    @Test
    void holmRunsOverEveryRoutingPolicyTriedAndOnlyThose() {
        RoutingAnalysis a = Routing.analyse(hardSubset(1000, 6), RoutingOptions.defaults(MARGIN, 0.95));
        List<PolicyResult> family = a.policies().stream().filter(PolicyResult::routing).toList();
        // cheap>dear and mid>dear (dear is incumbent and best), cheap>mid is not a default pair: 1 cascade + 2 learned
        assertThat(family).extracting(PolicyResult::id).containsExactly("cascade:cheap>dear@check",
                "learned:cheap>dear", "learned:mid>dear");
        double[] raw = family.stream().mapToDouble(PolicyResult::pValue).toArray();
        double[] adjusted = Holm.adjust(raw);
        for (int k = 0; k < family.size(); k++) {
            assertThat(family.get(k).adjustedPValue()).isEqualTo(adjusted[k]);
            assertThat(family.get(k).adjustedPValue()).isGreaterThanOrEqualTo(family.get(k).pValue());
            assertThat(family.get(k).verdict()).isEqualTo(family.get(k).adjustedPValue() <= 0.05
                    ? RouteVerdict.NON_INFERIOR : RouteVerdict.NOT_SHOWN);
        }
        List<PolicyResult> byRaw = family.stream().sorted(Comparator.comparingDouble(PolicyResult::pValue)).toList();
        for (int k = 1; k < byRaw.size(); k++) {
            assertThat(byRaw.get(k).adjustedPValue()).isGreaterThanOrEqualTo(byRaw.get(k - 1).adjustedPValue());
        }
        assertThat(byRaw.get(0).adjustedPValue()).isEqualTo(Math.min(1, family.size() * byRaw.get(0).pValue()));
        assertThat(a.policies().stream().filter(p -> !p.routing())).allSatisfy(p ->
                assertThat(p.adjustedPValue()).isNaN());
        // the interval says what the (unadjusted) test says
        assertThat(family).allSatisfy(p -> assertThat(p.differenceLower() > -MARGIN).isEqualTo(p.pValue() <= 0.05));
    }

    @Test
    void theBestRoutingPolicyIsCheaperThanEverySingleThatIsItselfNonInferior() {
        RoutingData base = hardSubset(2000, 8);
        // mid becomes as good as dear and cheaper than any router could be
        Arm dear = base.arm("dear").orElseThrow();
        Arm mid = Runs.arm("mid", dear.quality(), 0.002);
        RoutingData data = new RoutingData(base.items(), List.of(base.arm("cheap").orElseThrow(), mid, dear),
                "dear", base.features());
        RoutingAnalysis a = Routing.analyse(data, RoutingOptions.defaults(MARGIN, 0.95));
        PolicyResult single = a.policy("mid").orElseThrow();
        assertThat(single.pValue()).isLessThanOrEqualTo(0.05);
        assertThat(a.policies().stream().filter(p -> p.verdict() == RouteVerdict.NON_INFERIOR)).isNotEmpty();
        a.best().ifPresent(id -> assertThat(a.policy(id).orElseThrow().costPerItem())
                .isLessThan(single.costPerItem()));
        // learned:cheap>mid (mid is now the best-quality single at a lower cost than dear) can be cheaper than mid
        assertThat(a.policies()).extracting(PolicyResult::id).contains("learned:cheap>mid");
    }

    /**
     * A null at the margin: the first and the second candidate of the cascade are both exactly {@code margin}
     * below the incumbent on every item in expectation, and the signal is noise, so whatever threshold is chosen the
     * policy's true difference is −margin. Non-inferiority must be accepted at most α of the time. (One test on all
     * held-out items accepted 7–8.6 % here: see {@link FoldTests}.)
     */
    @Test
    void theCascadesFalseAcceptanceAtTheMarginIsAtMostAlpha() {
        int repetitions = 1000;
        int n = 200;
        int accepted = 0;
        SplittableRandom random = new SplittableRandom(2024);
        for (int r = 0; r < repetitions; r++) {
            double[] inc = new double[n];
            double[] cheap = new double[n];
            double[] mid = new double[n];
            double[] noise = new double[n];
            for (int i = 0; i < n; i++) {
                inc[i] = 0.6 + 0.5 * (random.nextDouble() - 0.5);
                cheap[i] = inc[i] - MARGIN + 0.4 * (random.nextDouble() - 0.5);
                mid[i] = inc[i] - MARGIN + 0.4 * (random.nextDouble() - 0.5);
                noise[i] = random.nextDouble();
            }
            RoutingData data = new RoutingData(Runs.items(n), List.of(
                    Runs.arm("cheap", cheap, 0.001, Signal.free("noise", noise)), Runs.arm("mid", mid, 0.005),
                    Runs.arm("inc", inc, 0.01)), "inc", Features.none(n));
            RoutingOptions options = RoutingOptions.defaults(MARGIN, 0.95).withPolicies(false, true, false)
                    .withCascadeSpecs(List.of(new CascadeSpec("cheap", "mid", "noise")))
                    .withBootstrap(1000, 1000L + r, Bootstrap.Method.BCA);
            PolicyResult cascade = Routing.analyse(data, options).policy("cascade:cheap>mid@noise").orElseThrow();
            if (cascade.verdict() == RouteVerdict.NON_INFERIOR) {
                accepted++;
            }
        }
        double rate = (double) accepted / repetitions;
        double se = Math.sqrt(0.05 * 0.95 / repetitions);
        System.out.printf("cascade at the margin: NON_INFERIOR in %d of %d suites (%.1f%%; α = 5%%, Monte Carlo SE "
                + "%.1f%%)%n", accepted, repetitions, 100 * rate, 100 * se);
        assertThat(rate).isLessThanOrEqualTo(0.05 + 2 * se);
    }
}
