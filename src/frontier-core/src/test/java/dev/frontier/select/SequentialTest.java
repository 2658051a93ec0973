package dev.frontier.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frontier.model.Cost;
import dev.frontier.stats.GroupSequential;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The looks of a sequential run on constructed 0/1 scores: who is decided when, and why. */
class SequentialTest {

    private static final int N = 400;
    private static final Qualification.Rules RULES = Qualification.Rules.of(0.05, 0.95);
    private static final Sequential.Design DESIGN = new Sequential.Design(4, GroupSequential.Spending.OBRIEN_FLEMING,
            OptionalDouble.of(0.1));

    /** The incumbent right on 80 % of items; a candidate right on the same items except {@code wrongEvery}th. */
    private static Map<String, Double> scores(int items, int wrongEvery, int offset) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < items; i++) {
            boolean incumbentRight = i % 5 != 0;
            boolean wrong = wrongEvery > 0 && (i + offset) % wrongEvery == 0;
            out.put(String.format("item-%04d", i), incumbentRight && !wrong ? 1.0 : 0.0);
        }
        return out;
    }

    private static Qualification.Candidate candidate(String id, boolean incumbent, String usd,
                                                     Map<String, Double> all, int seen) {
        Map<String, Double> first = new LinkedHashMap<>();
        all.entrySet().stream().limit(seen).forEach(e -> first.put(e.getKey(), e.getValue()));
        return Qualification.Candidate.of(id, incumbent, Cost.usd(new BigDecimal(usd)), first).asBinary();
    }

    private static List<Qualification.Candidate> at(int seen, Map<String, Map<String, Double>> scores,
                                                    Map<String, String> costs) {
        List<Qualification.Candidate> out = new ArrayList<>();
        scores.forEach((id, s) -> out.add(candidate(id, id.equals("incumbent"), costs.get(id), s, seen)));
        return out;
    }

    @Test
    void anEqualCandidateIsAcceptedEarlyAWorseOneStopsForFutilityAndTheDearerOneIsMoot() {
        // an O'Brien–Fleming first look at α/3 needs z ≈ 4.8; identical answers on 500 items give Tango's z ≈ 5.1
        int n = 2000;
        Map<String, Map<String, Double>> scores = new LinkedHashMap<>();
        scores.put("incumbent", scores(n, 0, 0));
        scores.put("equal", scores(n, 0, 0));            // the incumbent's answers exactly
        scores.put("worse", scores(n, 4, 1));            // wrong on a quarter more items: −0.2
        scores.put("dearer", scores(n, 40, 3));          // −0.02: good enough, but dearer than "equal"
        Map<String, String> costs = Map.of("incumbent", "4.00", "equal", "0.50", "worse", "0.20", "dearer", "1.00");
        Sequential.Run run = new Sequential.Run(DESIGN, RULES, n, true);

        Sequential.Look first = run.look(1, at(500, scores, costs));
        assertThat(first.items()).isEqualTo(500);
        assertThat(first.decided()).extracting(Sequential.Reading::id).containsExactlyInAnyOrder("equal", "worse",
                "dearer");
        Sequential.Reading equal = run.decided().get("equal");
        assertThat(equal.outcome()).isEqualTo(Sequential.Outcome.ACCEPTED);
        assertThat(equal.pValue()).isLessThanOrEqualTo(equal.nominalAlpha());
        // the first look of an O'Brien–Fleming design at α/3 is far stricter than α/3 itself
        assertThat(equal.nominalAlpha()).isLessThan(1e-5);
        assertThat(run.decided().get("worse").outcome()).isEqualTo(Sequential.Outcome.FUTILE);
        assertThat(run.decided().get("worse").note()).startsWith("stopped for futility at look 1");
        assertThat(run.decided().get("dearer").outcome()).isEqualTo(Sequential.Outcome.MOOT);
        assertThat(run.decided().get("dearer").note()).isEqualTo("stopped at look 1: equal is cheaper and was accepted");
        assertThat(first.open()).isEmpty();
        assertThat(run.finished(List.of("incumbent", "equal", "worse", "dearer"), "incumbent")).isTrue();

        // the decision with the looks' readings: recommended on the items it answered, the reason names the look
        Qualification.Result result = Qualification.decide(at(500, scores, costs), RULES, Map.of(), run.decided());
        assertThat(result.recommendation().id()).isEqualTo("equal");
        assertThat(result.recommendation().reason()).contains("look 1 of 4");
        assertThat(result.verdict("worse").orElseThrow().status()).isEqualTo(Verdict.Status.NOT_SHOWN);
        assertThat(result.verdict("dearer").orElseThrow().reason()).contains("equal is cheaper");
    }

    @Test
    void withoutMootStopsAndFutilityAnUndecidedCandidateGoesOnToTheLastLook() {
        Map<String, Map<String, Double>> scores = new LinkedHashMap<>();
        scores.put("incumbent", scores(N, 0, 0));
        scores.put("close", scores(N, 20, 2));   // −0.04 at margin 0.05: never clear
        Map<String, String> costs = Map.of("incumbent", "4.00", "close", "0.50");
        Sequential.Run run = new Sequential.Run(new Sequential.Design(4, GroupSequential.Spending.POCOCK,
                OptionalDouble.empty()), RULES, N, false);
        for (int look = 1; look <= 3; look++) {
            Sequential.Look l = run.look(look, at(N * look / 4, scores, costs));
            assertThat(l.decided()).as("look " + look).isEmpty();
            assertThat(l.open()).containsExactly("incumbent", "close");
        }
        Sequential.Look last = run.look(4, at(N, scores, costs));
        assertThat(last.decided()).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(Sequential.Outcome.NOT_SHOWN);
            assertThat(r.items()).isEqualTo(N);
        });
        assertThatThrownBy(() -> run.look(4, at(N, scores, costs))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aCandidateThatIsNotCheaperIsDecidedAtTheFirstLookAndNeverTested() {
        Map<String, Map<String, Double>> scores = new LinkedHashMap<>();
        scores.put("incumbent", scores(N, 0, 0));
        scores.put("pricier", scores(N, 0, 0));
        Sequential.Run run = new Sequential.Run(DESIGN, RULES, N, true);
        Sequential.Look first = run.look(1, at(100, scores, Map.of("incumbent", "1.00", "pricier", "2.00")));
        assertThat(first.decided()).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(Sequential.Outcome.NOT_CHEAPER);
            assertThat(r.family()).isZero();
        });
        assertThat(first.open()).isEmpty();
    }

    @Test
    void theDesignSplitsTheItemsIntoEqualStages() {
        assertThat(DESIGN.itemsBy(1, 122)).isEqualTo(31);
        assertThat(DESIGN.itemsBy(2, 122)).isEqualTo(61);
        assertThat(DESIGN.itemsBy(4, 122)).isEqualTo(122);
        assertThat(DESIGN.fractions(400)).containsExactly(0.25, 0.5, 0.75, 1.0);
        assertThatThrownBy(() -> new Sequential.Design(1, GroupSequential.Spending.POCOCK, OptionalDouble.empty()))
                .hasMessageContaining("between 2 and 10");
        assertThatThrownBy(() -> new Sequential.Run(DESIGN, RULES, 3, true)).hasMessageContaining("at least 4");
    }
}
