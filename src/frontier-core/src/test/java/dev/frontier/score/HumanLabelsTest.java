package dev.frontier.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.frontier.model.Score;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Human labels: scales, preferences, and how several annotators combine. */
class HumanLabelsTest {

    private static HumanLabels labels(Map<String, Object> params) {
        ScorerRegistry.Creation c = Fixtures.REGISTRY.create("human-labels", params);
        assertThat(c).isInstanceOf(ScorerRegistry.Creation.Created.class);
        return (HumanLabels) ((ScorerRegistry.Creation.Created) c).scorer();
    }

    private static HumanLabels.Output out(String item, String candidate) {
        return new HumanLabels.Output(item, candidate);
    }

    @Test
    void gradesAreNormalizedOnTheScaleAndAnnotatorsAveraged() {
        HumanLabels h = labels(Map.of("file", "l.csv", "scale", List.of(1, 5)));
        assertThat(h.normalize("4")).hasValue(0.75);
        assertThat(h.normalize(" 1 ")).hasValue(0.0);
        assertThat(h.normalize("6")).isEmpty();
        assertThat(h.normalize("good")).isEmpty();
        HumanLabels bound = h.withLabels(Map.of(out("t1", "a"), Map.of("ana", 1.0, "ben", 0.5)));
        assertThat(bound.score("t1", "a")).isEqualTo(new Score.Value(0.75, "ana: 5, ben: 3"));
        assertThat(bound.score("t1", "b")).isEqualTo(new Score.Failed("no human label"));
        assertThat(bound.effectiveFormat()).isEqualTo(HumanLabels.Format.CSV);
    }

    @Test
    void labelsTakeTheMajorityAndASplitTakesTheLowerMiddle() {
        HumanLabels h = labels(Map.of("file", "l.jsonl", "kind", "label", "scale", List.of("bad", "ok", "good")));
        assertThat(h.effectiveFormat()).isEqualTo(HumanLabels.Format.JSONL);
        assertThat(h.aggregate()).isEqualTo(HumanLabels.Aggregate.MAJORITY);
        assertThat(h.normalize("OK")).hasValue(0.5);
        HumanLabels bound = h.withLabels(Map.of(
                out("t1", "a"), Map.of("ana", 1.0, "ben", 1.0, "chen", 0.0),
                out("t2", "a"), Map.of("ana", 1.0, "ben", 0.0)));
        assertThat(((Score.Value) bound.score("t1", "a")).value()).isEqualTo(1.0);
        assertThat(((Score.Value) bound.score("t2", "a")).value()).isEqualTo(0.0);
    }

    @Test
    void preferencesAreWinsTiesAndLosses() {
        HumanLabels h = labels(Map.of("file", "p.csv", "kind", "preference"));
        assertThat(h.normalize("win")).hasValue(1.0);
        assertThat(h.normalize("Tie")).hasValue(0.5);
        assertThat(h.normalize("loss")).hasValue(0.0);
        assertThat(h.normalize("maybe")).isEqualTo(Optional.empty());
        assertThat(h.expected()).contains("win, tie or loss");
    }

    @Test
    void anEvenSplitOfPreferencesIsATieUnderMajorityAsInAJury() {
        HumanLabels h = labels(Map.of("file", "p.csv", "kind", "preference"));
        assertThat(h.aggregate()).isEqualTo(HumanLabels.Aggregate.MAJORITY);
        HumanLabels bound = h.withLabels(Map.of(
                out("t1", "a"), Map.of("ana", 1.0, "ben", 0.0),
                out("t2", "a"), Map.of("ana", 1.0, "ben", 0.0, "chen", 0.5),
                out("t3", "a"), Map.of("ana", 1.0, "ben", 1.0, "chen", 0.0, "dan", 0.0),
                out("t4", "a"), Map.of("ana", 1.0, "ben", 0.0, "chen", 0.0),
                out("t5", "a"), Map.of("ana", 0.5, "ben", 0.5, "chen", 1.0)));
        assertThat(bound.score("t1", "a")).isEqualTo(new Score.Value(0.5, "ana: win, ben: loss"));
        assertThat(((Score.Value) bound.score("t2", "a")).value()).isEqualTo(0.5);
        assertThat(((Score.Value) bound.score("t3", "a")).value()).isEqualTo(0.5);
        assertThat(((Score.Value) bound.score("t4", "a")).value()).isEqualTo(0.0);
        assertThat(((Score.Value) bound.score("t5", "a")).value()).isEqualTo(0.5);
        // the same votes as pairwise judges give the same outcomes
        LlmJudge jury = (LlmJudge) ((ScorerRegistry.Creation.Created) Fixtures.REGISTRY.create("llm-judge",
                Map.of("models", List.of("m1", "m2"), "mode", "pairwise", "jury", "majority",
                        "rubric", "better"))).scorer();
        assertThat(jury.combine(List.of(1.0, 0.0))).isEqualTo(((Score.Value) bound.score("t1", "a")).value());
        assertThat(jury.combine(List.of(1.0, 0.0, 0.0))).isEqualTo(((Score.Value) bound.score("t4", "a")).value());
    }

    @Test
    void continuousPreferencesAreWinProbabilitiesOnTheirScale() {
        // AlpacaEval's weighted annotator: 1 = the first output (the reference: our baseline) preferred, 2 = the
        // second (the model evaluated: our candidate)
        HumanLabels h = labels(Map.of("file", "p.jsonl", "kind", "preference", "scale", List.of(1, 2)));
        assertThat(h.continuous()).isTrue();
        assertThat(h.aggregate()).isEqualTo(HumanLabels.Aggregate.MEAN);
        assertThat(h.normalize("2")).hasValue(1.0);
        assertThat(h.normalize("1")).hasValue(0.0);
        assertThat(h.normalize("1.5")).hasValue(0.5);
        assertThat(h.normalize("1.9900139974").orElseThrow()).isCloseTo(0.9900139974, within(1e-12));
        assertThat(h.normalize("0")).isEmpty();
        assertThat(h.normalize("2.01")).isEmpty();
        assertThat(h.normalize("win")).isEmpty();
        assertThat(h.normalize("NaN")).isEmpty();
        assertThat(h.expected()).isEqualTo("a number from 1 (baseline preferred) to 2 (candidate preferred)");
        HumanLabels bound = h.withLabels(Map.of(out("t1", "a"), Map.of("gpt4", 0.75, "ana", 0.25)));
        assertThat(bound.score("t1", "a")).isEqualTo(new Score.Value(0.5, "ana: 1.25, gpt4: 1.75"));

        // a scale may run the other way: here the candidate is the first output
        HumanLabels reversed = labels(Map.of("file", "p.csv", "kind", "preference", "scale", List.of(2, 1)));
        assertThat(reversed.normalize("1")).hasValue(1.0);
        assertThat(reversed.normalize("1.25")).hasValue(0.75);

        // majority over continuous values votes on the outcome and keeps the winners' strength
        HumanLabels majority = labels(Map.of("file", "p.csv", "kind", "preference", "scale", List.of(1, 2),
                "aggregate", "majority")).withLabels(Map.of(
                out("t1", "a"), Map.of("ana", 0.9, "ben", 0.7, "chen", 0.2),
                out("t2", "a"), Map.of("ana", 0.9, "ben", 0.2)));
        assertThat(((Score.Value) majority.score("t1", "a")).value()).isCloseTo(0.8, within(1e-12));
        assertThat(((Score.Value) majority.score("t2", "a")).value()).isEqualTo(0.5);
    }

    @Test
    void badParametersAreAllReported() {
        ScorerRegistry.Creation c = Fixtures.REGISTRY.create("human-labels", Map.of("kind", "label",
                "columns", Map.of("item", "id", "rater", "who"), "onMissing", "ignore", "calibrate", "judge"));
        assertThat(((ScorerRegistry.Creation.Invalid) c).problems()).extracting(ParamProblem::param)
                .containsExactlyInAnyOrder("file", "scale", "columns.rater", "onMissing", "calibrate");
        for (Object bad : List.of(List.of("worse", "better"), List.of(1, 1), List.of(1, 2, 3), "1-2")) {
            ScorerRegistry.Creation pref = Fixtures.REGISTRY.create("human-labels", Map.of("file", "p.csv",
                    "kind", "preference", "scale", bad));
            assertThat(((ScorerRegistry.Creation.Invalid) pref).problems()).as(bad.toString())
                    .extracting(ParamProblem::param).containsExactly("scale");
        }
    }
}
