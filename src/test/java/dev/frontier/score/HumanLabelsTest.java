package dev.frontier.score;

import static org.assertj.core.api.Assertions.assertThat;

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
        return ((ScorerRegistry.Creation.Created) c).humanLabels().orElseThrow();
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
    void badParametersAreAllReported() {
        ScorerRegistry.Creation c = Fixtures.REGISTRY.create("human-labels", Map.of("kind", "label",
                "columns", Map.of("item", "id", "rater", "who"), "onMissing", "ignore", "calibrate", "judge"));
        assertThat(((ScorerRegistry.Creation.Invalid) c).problems()).extracting(ParamProblem::param)
                .containsExactlyInAnyOrder("file", "scale", "columns.rater", "onMissing", "calibrate");
        ScorerRegistry.Creation pref = Fixtures.REGISTRY.create("human-labels", Map.of("file", "p.csv",
                "kind", "preference", "scale", List.of(1, 5)));
        assertThat(((ScorerRegistry.Creation.Invalid) pref).problems()).extracting(ParamProblem::param)
                .containsExactly("scale");
    }
}
