package dev.frontier.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The threshold rule on small hand-made cases. */
class ThresholdsTest {

    private static Thresholds.Candidates candidates(double[] score, double[] stay, double[] sw, double[] inc,
                                                    double[] stayCost, double[] switchCost) {
        return new Thresholds.Candidates(score, Order.ascending(score), stay, sw, inc, stayCost, switchCost);
    }

    @Test
    void equalScoresAreNeverSplit() {
        // items 0 and 1 share the score 0.3: switching one means switching both
        double[] score = {0.3, 0.3, 0.9};
        double[] stay = {0.0, 1.0, 1.0};
        double[] sw = {1.0, 1.0, 1.0};
        Thresholds.Choice c = Thresholds.choose(candidates(score, stay, sw, sw, new double[3], Runs.fill(3, 1)),
                null, 0.1, false);
        assertThat(c.threshold()).isCloseTo(0.6, within(1e-12));
        assertThat(c.switches(0.3)).isTrue();
        assertThat(c.switches(0.9)).isFalse();
    }

    @Test
    void whenNoCutReachesHalfTheMarginTheBestQualityIsTaken() {
        // switching makes things worse, so the best is never to switch
        double[] score = {0.1, 0.5, 0.9};
        double[] stay = {0.5, 0.5, 0.5};
        double[] sw = {0.0, 0.0, 0.0};
        double[] inc = {1.0, 1.0, 1.0};
        Thresholds.Choice c = Thresholds.choose(candidates(score, stay, sw, inc, new double[3], Runs.fill(3, 1)),
                null, 0.1, true);
        assertThat(c.switches(0.1)).isFalse();
        assertThat(c.switches(0.9)).isFalse();
        assertThat(c.switches(Double.NaN)).isTrue();
    }

    @Test
    void theDirectionIsChosenByTheData() {
        // the stay answer is bad when the score is high: switching above 0.5 is the cheap feasible cut
        double[] score = {0.1, 0.2, 0.8, 0.9};
        double[] stay = {1, 1, 0, 0};
        double[] sw = {1, 1, 1, 1};
        Thresholds.Choice c = Thresholds.choose(candidates(score, stay, sw, sw, new double[4], Runs.fill(4, 1)),
                null, 0.1, true);
        assertThat(c.switchWhenBelow()).isFalse();
        assertThat(c.threshold()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void onlyTheTrainingItemsCount() {
        double[] score = {0.1, 0.2, 0.8, 0.9};
        double[] stay = {0, 1, 1, 1};
        double[] sw = {1, 1, 1, 1};
        // without item 0 nothing needs switching
        Thresholds.Choice c = Thresholds.choose(candidates(score, stay, sw, sw, new double[4], Runs.fill(4, 1)),
                new boolean[] {false, true, true, true}, 0.1, false);
        assertThat(c.threshold()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(c.switches(0.1)).isFalse();
    }

    @Test
    void foldsAreSeededAndBalanced() {
        int[] a = Evaluation.folds(103, 5, 42);
        assertThat(Evaluation.folds(103, 5, 42)).containsExactly(a);
        assertThat(Evaluation.folds(103, 5, 43)).isNotEqualTo(a);
        int[] sizes = new int[5];
        for (int f : a) {
            sizes[f]++;
        }
        assertThat(sizes).containsExactlyInAnyOrder(21, 21, 21, 20, 20);
    }

    @Test
    void theIndexSortIsStableAndLeavesOutMissingValues() {
        assertThat(Order.ascending(new double[] {3, Double.NaN, 1, 3, 2})).containsExactly(2, 4, 0, 3);
    }
}
