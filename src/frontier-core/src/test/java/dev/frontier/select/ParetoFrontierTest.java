package dev.frontier.select;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontier.select.ParetoFrontier.Point;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParetoFrontierTest {

    @Test
    void keepsTheNonDominatedCandidatesByAscendingCost() {
        List<Point> points = List.of(
                new Point("sonnet", 10.0, 0.90),
                new Point("haiku", 1.0, 0.80),
                new Point("lite", 0.3, 0.78),
                new Point("micro", 0.1, 0.60),
                new Point("llama", 0.5, 0.70),   // dominated by lite: dearer and worse
                new Point("pro", 4.0, 0.79));    // dominated by haiku
        assertThat(ParetoFrontier.of(points)).containsExactly("micro", "lite", "haiku", "sonnet");
    }

    @Test
    void equalCostKeepsOnlyTheBetterAndEqualPointsBothStay() {
        assertThat(ParetoFrontier.of(List.of(new Point("a", 1, 0.5), new Point("b", 1, 0.7)))).containsExactly("b");
        assertThat(ParetoFrontier.of(List.of(new Point("a", 1, 0.7), new Point("b", 1, 0.7))))
                .containsExactlyInAnyOrder("a", "b");
        assertThat(ParetoFrontier.of(List.of())).isEmpty();
    }
}
