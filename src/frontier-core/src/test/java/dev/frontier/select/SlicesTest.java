package dev.frontier.select;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontier.model.Cost;
import dev.frontier.select.Qualification.Candidate;
import dev.frontier.select.Qualification.Rules;
import dev.frontier.stats.Bootstrap;
import dev.frontier.stats.NonInferiorityTest;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlicesTest {

    // 360 items of intent "a", 40 of "b", 20 of "c"; the incumbent answers every one right
    private static final Map<String, String> INTENT = new LinkedHashMap<>();

    static {
        for (int i = 0; i < 420; i++) {
            INTENT.put(String.format("i%03d", i), i < 360 ? "a" : i < 400 ? "b" : "c");
        }
    }

    private static final Rules RULES = Rules.of(0.1, 0.95);
    private static final Bootstrap MEANS = new Bootstrap(2000, 42, 0.95);

    /** 0/1 quality: right everywhere except {@code wrong} items of intent {@code value}. */
    private static Map<String, Double> rightExcept(String value, int wrong) {
        Map<String, Double> q = new LinkedHashMap<>();
        int[] left = {wrong};
        INTENT.forEach((item, v) -> {
            boolean miss = v.equals(value) && left[0]-- > 0;
            q.put(item, miss ? 0.0 : 1.0);
        });
        return q;
    }

    private static Candidate candidate(String id, boolean incumbent, String usd, Map<String, Double> q) {
        return Candidate.of(id, incumbent, Cost.usd(new BigDecimal(usd)), q).asBinary();
    }

    private static final Candidate INCUMBENT = candidate("sonnet", true, "3.00", rightExcept("a", 0));
    // non-inferior overall (-12/420 = -0.029) but wrong on 12 of the 40 "b" items: -0.30 there
    private static final Candidate CHEAP = candidate("micro", false, "0.10", rightExcept("b", 12));
    private static final Candidate SAME = candidate("haiku", false, "1.00", rightExcept("a", 0));
    private static final List<Candidate> ALL = List.of(INCUMBENT, CHEAP, SAME);

    private static Slices.Field intent(int minItems) {
        return new Slices.Field("intent", minItems, INTENT);
    }

    @Test
    void aCandidateShownWorseOnOneSliceFailsTheRuleAndTheReasonNamesTheSlice() {
        Slices.Result r = Slices.of(ALL, List.of(intent(30)), RULES, Slices.Rule.NOT_SHOWN_WORSE, MEANS);

        assertThat(r.slices()).extracting(Slices.Slice::value).containsExactly("a", "b", "c");
        assertThat(r.slices()).extracting(Slices.Slice::items).containsExactly(360, 40, 20);
        assertThat(r.slices()).extracting(Slices.Slice::tested).containsExactly(true, true, false);
        Slices.Slice b = r.slices().get(1);
        Slices.Comparison micro = b.comparison("micro").orElseThrow();
        assertThat(micro.n()).isEqualTo(40);
        assertThat(micro.difference()).isEqualTo(-0.3);
        assertThat(micro.status()).isEqualTo(Slices.Status.SHOWN_WORSE);
        assertThat(micro.interval().orElseThrow().upper()).isLessThan(-0.1);
        assertThat(micro.adjustedWorsePValue()).isLessThanOrEqualTo(0.05);
        assertThat(b.comparison("haiku").orElseThrow().status()).isEqualTo(Slices.Status.NON_INFERIOR);
        assertThat(r.slices().get(0).comparison("micro").orElseThrow().status())
                .isEqualTo(Slices.Status.NON_INFERIOR);
        assertThat(r.slices().get(2).comparison("micro").orElseThrow().status())
                .isEqualTo(Slices.Status.TOO_FEW_ITEMS);
        assertThat(b.quality().get("sonnet").estimate()).isEqualTo(1.0);
        assertThat(b.quality().get("micro").estimate()).isEqualTo(0.7);

        assertThat(r.failures()).containsOnlyKeys("micro");
        assertThat(r.failures().get("micro")).startsWith("worse on intent = b: -0.300 [")
                .contains("n=40").contains("shown worse than -0.1");
    }

    @Test
    void theNextCheapestQualifiedCandidateIsRecommendedInstead() {
        Qualification.Result without = Qualification.decide(ALL, RULES);
        assertThat(without.recommendation().id()).isEqualTo("micro");

        Slices.Result s = Slices.of(ALL, List.of(intent(30)), RULES, Slices.Rule.NOT_SHOWN_WORSE, MEANS);
        Qualification.Result with = Qualification.decide(ALL, RULES, s.failures());
        assertThat(with.recommendation().id()).isEqualTo("haiku");
        Verdict micro = with.verdict("micro").orElseThrow();
        assertThat(micro.status()).isEqualTo(Verdict.Status.WORSE_ON_SLICE);
        assertThat(micro.reason()).contains("worse on intent = b");
        assertThat(micro.evidence()).isPresent();
        assertThat(micro.evidence().get().shown()).isTrue(); // non-inferior overall all the same
    }

    @Test
    void aSliceBelowItsMinimumIsListedButNeverCountsAgainstACandidate() {
        Slices.Result r = Slices.of(ALL, List.of(intent(41)), RULES, Slices.Rule.NOT_SHOWN_WORSE, MEANS);
        assertThat(r.slices().get(1).tested()).isFalse();
        assertThat(r.slices().get(1).comparison("micro").orElseThrow().status())
                .isEqualTo(Slices.Status.TOO_FEW_ITEMS);
        assertThat(r.failures()).isEmpty();
    }

    @Test
    void theStricterRuleAlsoFailsASliceWhereNonInferiorityIsNotShown() {
        // 2 of the 20 "c" items wrong: -0.10 there, neither shown worse nor shown non-inferior
        Candidate unsure = candidate("lite", false, "0.50", rightExcept("c", 2));
        List<Candidate> all = List.of(INCUMBENT, unsure);
        Slices.Result lenient = Slices.of(all, List.of(intent(20)), RULES, Slices.Rule.NOT_SHOWN_WORSE, MEANS);
        Slices.Comparison c = lenient.slices().get(2).comparison("lite").orElseThrow();
        assertThat(c.status()).isEqualTo(Slices.Status.NOT_SHOWN);
        assertThat(lenient.failures()).isEmpty();

        Slices.Result strict = Slices.of(all, List.of(intent(20)), RULES, Slices.Rule.NON_INFERIOR, MEANS);
        assertThat(strict.failures().get("lite")).startsWith("not shown non-inferior on intent = c: -0.100 [");
    }

    @Test
    void eachSliceIsItsOwnHolmFamilyOverTheCheaperCandidates() {
        Candidate dearer = candidate("opus", false, "9.00", rightExcept("b", 40));
        Slices.Result r = Slices.of(List.of(INCUMBENT, CHEAP, SAME, dearer), List.of(intent(30)), RULES,
                Slices.Rule.NOT_SHOWN_WORSE, MEANS);
        // the dearer candidate is not in the family: it is not tested, so it cannot fail a slice
        assertThat(r.slices().get(1).comparisons()).extracting(Slices.Comparison::candidate)
                .containsExactly("micro", "haiku");
        Slices.Comparison micro = r.slices().get(1).comparison("micro").orElseThrow();
        // two in the family: the smaller worse p-value is doubled by Holm
        assertThat(micro.adjustedWorsePValue()).isEqualTo(Math.min(1, 2 * micro.worsePValue()));
    }

    @Test
    void theWorsePValueIsDualToTheUpperBound() {
        double[] candidate = new double[40];
        double[] baseline = new double[40];
        for (int i = 0; i < 40; i++) {
            candidate[i] = i < 12 ? 0 : 1;
            baseline[i] = 1;
        }
        NonInferiorityTest t = NonInferiorityTest.binary(candidate, baseline, 0.1);
        double p = Slices.worsePValue(t::upperBound, 0.1);
        assertThat(p).isBetween(1e-9, 0.05);
        for (double alpha : new double[] {p * 0.9, p * 1.1, 0.01, 0.05, 0.2}) {
            assertThat(t.upperBound(1 - alpha) < -0.1).as("alpha %s", alpha).isEqualTo(p <= alpha);
        }
        NonInferiorityTest same = NonInferiorityTest.binary(baseline, baseline, 0.1);
        assertThat(Slices.worsePValue(same::upperBound, 0.1)).isGreaterThan(0.9);
    }
}
