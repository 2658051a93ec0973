package dev.frontier.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.frontier.model.Cost;
import dev.frontier.select.Qualification.Candidate;
import dev.frontier.select.Qualification.Rules;
import dev.frontier.select.Verdict.Status;
import dev.frontier.stats.SampleSize;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class QualificationTest {

    private static final int N = 200;
    private static final double[] BASE = new double[N];

    static {
        SplittableRandom random = new SplittableRandom(77);
        for (int i = 0; i < N; i++) {
            BASE[i] = 0.5 + 0.4 * random.nextDouble();
        }
    }

    /** Incumbent quality plus {@code shift} plus uniform noise with standard deviation {@code sd}. */
    private static Map<String, Double> quality(double shift, double sd, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, Double> q = new LinkedHashMap<>();
        for (int i = 0; i < N; i++) {
            double noise = sd == 0 ? 0 : (random.nextDouble() - 0.5) * sd * Math.sqrt(12);
            q.put("t" + i, BASE[i] + shift + noise);
        }
        return q;
    }

    private static Cost usd(String amount) {
        return Cost.usd(new BigDecimal(amount));
    }

    private static Candidate candidate(String id, String cost, double shift, double sd, long seed) {
        return Candidate.of(id, false, usd(cost), quality(shift, sd, seed)).withLatencyP95Ms(2000)
                .withScorerMeans(Map.of("json-valid", 0.9));
    }

    private static final Candidate SONNET = Candidate.of("sonnet", true, usd("3.00"), quality(0, 0, 0))
            .withLatencyP95Ms(3000);

    private static final Rules RULES = Rules.of(0.03, 0.95).withMaxLatencyP95Ms(4000)
            .withScorerMinimums(Map.of("json-valid", 0.75));

    @Test
    void everyCandidateGetsAVerdictWithAReason() {
        List<Candidate> candidates = List.of(
                SONNET,
                candidate("haiku", "0.30", 0, 0.05, 1),
                candidate("lite", "0.06", -0.08, 0.05, 2),
                Candidate.of("micro", false, new Cost.Unknown("no output price for amazon.nova-micro-v1:0"),
                        quality(0, 0.05, 3)),
                candidate("pro", "4.00", 0.01, 0.05, 4),
                candidate("slow", "0.10", 0, 0.05, 5).withLatencyP95Ms(5200),
                candidate("noisy", "0.20", -0.01, 0.3, 6),
                candidate("terse", "0.25", 0, 0.05, 7).withScorerMeans(Map.of("json-valid", 0.7)));
        Qualification.Result result = Qualification.decide(candidates, RULES);

        assertThat(result.recommendation().id()).isEqualTo("haiku");
        assertThat(result.recommendation().incumbent()).isFalse();
        assertThat(result.verdicts()).extracting(Verdict::id)
                .containsExactly("sonnet", "haiku", "lite", "micro", "pro", "slow", "noisy", "terse");
        assertThat(result.verdicts()).extracting(Verdict::status).containsExactly(Status.INCUMBENT,
                Status.RECOMMENDED, Status.NOT_SHOWN, Status.COST_UNKNOWN, Status.COSTS_MORE, Status.TOO_SLOW,
                Status.NOT_SHOWN, Status.BELOW_SCORER_MINIMUM);

        Verdict haiku = result.verdict("haiku").orElseThrow();
        // five cheaper candidates (haiku, lite, slow, noisy, terse) form Holm's family
        assertThat(haiku.reason()).matches("cheapest qualified candidate: \\$0\\.30 vs \\$3\\.00 per 1k requests, "
                + "non-inferior to sonnet at margin 0\\.03 \\(CI lower bound -0\\.0\\d\\d > -0\\.03, one-sided "
                + "\\d\\d(\\.\\d+)? %, Holm step \\d of 5\\)");
        assertThat(haiku.qualified()).isTrue();
        Verdict.Evidence e = haiku.evidence().orElseThrow();
        assertThat(e.n()).isEqualTo(N);
        assertThat(e.family()).isEqualTo(5);
        assertThat(e.shown()).isTrue();
        assertThat(e.adjustedPValue()).isLessThanOrEqualTo(0.05).isGreaterThanOrEqualTo(e.pValue());
        assertThat(e.interval().confidence()).isCloseTo(0.90, within(1e-12));
        assertThat(e.interval().lower()).isLessThan(e.difference()).isGreaterThan(-0.03);
        assertThat(e.holmLowerBound()).isLessThanOrEqualTo(e.interval().lower());
        assertThat(e.method()).isEqualTo("paired-bca-bootstrap(2000, seed=42)");
        assertThat(e.binary()).isEmpty();

        assertThat(result.verdict("sonnet").orElseThrow().reason())
                .isEqualTo("incumbent; haiku is cheaper and qualifies");
        // lite is 0.08 worse: the bound is far below −0.03 and more items cannot change that
        assertThat(result.verdict("lite").orElseThrow().reason()).matches("non-inferiority not shown: CI lower "
                + "bound -0\\.0\\d\\d < -0\\.03 \\(one-sided \\d+(\\.\\d+)? %, Holm step \\d of 5\\); more items would "
                + "not help: the observed difference -0\\.0\\d\\d is at or below -0\\.03");
        assertThat(result.verdict("micro").orElseThrow().reason())
                .isEqualTo("cost unknown: no output price for amazon.nova-micro-v1:0");
        assertThat(result.verdict("micro").orElseThrow().evidence()).isEmpty();
        assertThat(result.verdict("pro").orElseThrow().reason())
                .isEqualTo("costs more than the incumbent ($4.00 vs $3.00 per 1k requests)");
        assertThat(result.verdict("slow").orElseThrow().reason()).isEqualTo("p95 latency 5.2 s > 4 s");
        assertThat(result.verdict("slow").orElseThrow().evidence().orElseThrow().shown()).isTrue();
        // noisy: SD 0.3 on 200 items cannot decide at 0.03; the planner says how many items would
        Verdict noisy = result.verdict("noisy").orElseThrow();
        assertThat(noisy.reason()).matches("non-inferiority not shown: CI lower bound -0\\.\\d+ < -0\\.03 "
                + "\\(one-sided \\d+(\\.\\d+)? %, Holm step \\d of 5\\); needs ~\\d+ items to decide \\(observed "
                + "[+-]0\\.\\d{3}, SD 0\\.\\d{3}, n=200\\)");
        Verdict.Evidence ne = noisy.evidence().orElseThrow();
        SampleSize.Plan plan = SampleSize.pairedNonInferiority(ne.difference(), ne.sdDifference(), 0.03, 0.05 / 5,
                0.8);
        assertThat(ne.holmConfidence()).isCloseTo(1 - 0.05 / (5 - ne.holmStep() + 1), within(1e-12));
        assertThat(ne.itemsNeeded()).isEqualTo(plan);
        long needed = ((SampleSize.Items) plan).items();
        assertThat(noisy.reason()).contains("needs ~" + Figures.roughlyUp(needed) + " items");
        assertThat(result.verdict("terse").orElseThrow().reason()).isEqualTo("json-valid mean 0.700 < minimum 0.75");
    }

    @Test
    void theIncumbentIsRecommendedWhenNoCheaperCandidateQualifies() {
        Qualification.Result result = Qualification.decide(List.of(SONNET,
                candidate("lite", "0.06", -0.08, 0.05, 2), candidate("pro", "4.00", 0, 0.05, 4)), RULES);
        assertThat(result.recommendation()).isEqualTo(new Qualification.Recommendation("sonnet", true,
                "keep the incumbent sonnet: no cheaper candidate qualifies (1 tested)"));
        Verdict sonnet = result.verdict("sonnet").orElseThrow();
        assertThat(sonnet.status()).isEqualTo(Status.RECOMMENDED);
        assertThat(sonnet.reason()).isEqualTo("incumbent, recommended: no cheaper candidate qualifies (1 tested)");
        assertThat(sonnet.qualified()).isFalse();
        // with a single test there is no Holm step to name
        assertThat(result.verdict("lite").orElseThrow().reason()).contains("(one-sided 95 %)");

        Qualification.Result alone = Qualification.decide(List.of(SONNET, candidate("pro", "4.00", 0, 0.05, 4)),
                RULES);
        assertThat(alone.recommendation().reason())
                .isEqualTo("keep the incumbent sonnet: no candidate is cheaper than the incumbent");
    }

    @Test
    void theCheapestQualifiedWinsAndTheOthersAreDominatedOrJustDearer() {
        Qualification.Result result = Qualification.decide(List.of(SONNET,
                candidate("better", "2.00", 0.02, 0.02, 11),
                candidate("haiku", "0.30", 0, 0.02, 12),
                candidate("worse", "1.00", -0.01, 0.02, 13),
                candidate("twin", "3.00", 0, 0.02, 14)), RULES);
        assertThat(result.recommendation().id()).isEqualTo("haiku");
        assertThat(result.verdict("worse").orElseThrow().status()).isEqualTo(Status.DOMINATED);
        assertThat(result.verdict("worse").orElseThrow().reason())
                .isEqualTo("dominated by haiku (qualified, but haiku is cheaper and no worse)");
        assertThat(result.verdict("better").orElseThrow().status()).isEqualTo(Status.QUALIFIED);
        assertThat(result.verdict("better").orElseThrow().reason()).isEqualTo("qualified, but haiku is cheaper");
        assertThat(result.verdict("better").orElseThrow().qualified()).isTrue();
        assertThat(result.verdict("twin").orElseThrow().reason())
                .isEqualTo("costs the same as the incumbent ($3.00 per 1k requests)");
    }

    @Test
    void holmCorrectionCanWithholdWhatEachTestAloneWouldShow() {
        // 60 binary items all right for everyone: Tango's Z at −0.05 is √60 · √(0.05/0.95) = 1.7770, p = 0.0378.
        // Alone that is shown at α = 0.05; two such candidates need p ≤ 0.025 at Holm's first step.
        Map<String, Double> allRight = new LinkedHashMap<>();
        for (int i = 0; i < 60; i++) {
            allRight.put("q" + i, 1.0);
        }
        Candidate incumbent = Candidate.of("sonnet", true, usd("3"), allRight).asBinary();
        Candidate a = Candidate.of("a", false, usd("1"), allRight).asBinary();
        Candidate b = Candidate.of("b", false, usd("2"), allRight).asBinary();
        Rules rules = Rules.of(0.05, 0.95);

        Qualification.Result one = Qualification.decide(List.of(incumbent, a), rules);
        assertThat(one.recommendation().id()).isEqualTo("a");
        Verdict.Evidence e = one.verdict("a").orElseThrow().evidence().orElseThrow();
        assertThat(e.pValue()).isCloseTo(0.0378, within(1e-4));
        assertThat(e.method()).isEqualTo("tango-score(paired binary, b=0, c=0)");
        Verdict.BinaryEvidence binary = e.binary().orElseThrow();
        assertThat(binary.mcNemarP()).isEqualTo(1.0);
        assertThat(binary.candidateRate().estimate()).isEqualTo(1.0);
        assertThat(binary.candidateRate().method()).isEqualTo("wilson");

        Qualification.Result two = Qualification.decide(List.of(incumbent, a, b), rules);
        assertThat(two.recommendation().incumbent()).isTrue();
        Verdict first = two.verdict("a").orElseThrow();
        Verdict second = two.verdict("b").orElseThrow();
        assertThat(first.evidence().orElseThrow().adjustedPValue()).isCloseTo(2 * 0.0378, within(2e-4));
        // planned with Tango's SD under H0, √(0.05 · 0.95), at α/2: (1.959964 · 0.217945 / 0.05)² = 72.99 → 73
        assertThat(first.evidence().orElseThrow().itemsNeeded()).isEqualTo(new SampleSize.Items(73));
        assertThat(first.reason()).isEqualTo("non-inferiority not shown: CI lower bound -0.060 < -0.05 "
                + "(one-sided 97.5 %, Holm step 1 of 2); needs ~73 items to decide (observed +0.000, SD 0.000, n=60)");
        // b's own step (α/1) would pass, but Holm stops at the first failure
        assertThat(second.reason()).startsWith("non-inferiority not shown after Holm: CI lower bound -0.04")
                .contains("> -0.05 at step 2 of 2, but a failed an earlier step");
    }

    @Test
    void tooFewOrNoCommonItems() {
        Map<String, Double> three = Map.of("t0", 0.7, "t1", 0.8, "t2", 0.9);
        Map<String, Double> elsewhere = Map.of("x0", 0.7, "x1", 0.8);
        Qualification.Result result = Qualification.decide(List.of(SONNET,
                Candidate.of("few", false, usd("1"), three).withLatencyP95Ms(100)
                        .withScorerMeans(Map.of("json-valid", 1.0)),
                Candidate.of("none", false, usd("1"), elsewhere).withScorerMeans(Map.of("json-valid", 1.0))),
                RULES);
        assertThat(result.verdict("few").orElseThrow().status()).isEqualTo(Status.TOO_FEW_ITEMS);
        assertThat(result.verdict("few").orElseThrow().reason())
                .isEqualTo("too few items in common with the incumbent: 3 < 10");
        // several failures are all named, the first one sets the status
        assertThat(result.verdict("none").orElseThrow().status()).isEqualTo(Status.TOO_FEW_ITEMS);
        assertThat(result.verdict("none").orElseThrow().reason())
                .isEqualTo("no items in common with the incumbent; p95 latency unknown (limit 4 s)");
    }

    @Test
    void anUnknownIncumbentCostMeansNothingIsCheaper() {
        Candidate incumbent = Candidate.of("sonnet", true, new Cost.Unknown("no price for x"), quality(0, 0, 0));
        Qualification.Result result = Qualification.decide(List.of(incumbent, candidate("haiku", "0.3", 0, 0.05, 1)),
                Rules.of(0.03, 0.95));
        assertThat(result.verdict("haiku").orElseThrow().reason())
                .isEqualTo("cost of the incumbent unknown (no price for x), so no candidate can be called cheaper");
        assertThat(result.recommendation().incumbent()).isTrue();
    }

    @Test
    void verdictsDoNotDependOnTheOrderOfCandidates() {
        Candidate h = candidate("haiku", "0.30", -0.01, 0.1, 1);
        Candidate l = candidate("lite", "0.06", -0.02, 0.1, 2);
        Qualification.Result forward = Qualification.decide(List.of(SONNET, h, l), RULES);
        Qualification.Result backward = Qualification.decide(List.of(l, h, SONNET), RULES);
        assertThat(backward.verdict("haiku")).isEqualTo(forward.verdict("haiku"));
        assertThat(backward.verdict("lite")).isEqualTo(forward.verdict("lite"));
        assertThat(backward.recommendation()).isEqualTo(forward.recommendation());
    }

    @Test
    void badInputIsRejectedWithExactMessages() {
        Candidate h = candidate("haiku", "0.30", 0, 0.05, 1);
        assertThatThrownBy(() -> Qualification.decide(List.of(h), RULES))
                .hasMessage("exactly one incumbent is needed, found 0");
        assertThatThrownBy(() -> Qualification.decide(List.of(SONNET, h, h), RULES))
                .hasMessage("candidate id repeated: haiku");
        assertThatThrownBy(() -> Qualification.decide(List.of(SONNET, h),
                RULES.withBootstrap(10, 1, RULES.method())))
                .hasMessage("too few bootstrap resamples (10) to test 1 candidates at 95 %: at least 19 are needed");
        assertThatThrownBy(() -> Rules.of(0, 0.95)).hasMessage("margin must be positive, got 0.0");
        assertThatThrownBy(() -> Rules.of(0.03, 0.4)).hasMessage("confidence must be in (0.5, 1), got 0.4");
        Candidate broken = Candidate.of("b", false, usd("1"), Map.of("t0", Double.NaN));
        assertThatThrownBy(() -> Qualification.decide(List.of(SONNET, broken), RULES.withMinItems(1)))
                .hasMessage("quality of b must be finite, got NaN");
    }
}
