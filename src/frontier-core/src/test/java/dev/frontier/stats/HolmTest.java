package dev.frontier.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HolmTest {

    @Test
    void textbookExample() {
        // Holm–Bonferroni (Wikipedia's example): p = 0.01, 0.04, 0.03, 0.005 at α = 0.05.
        // Sorted 0.005, 0.01, 0.03, 0.04 against 0.05/4, 0.05/3, 0.05/2, 0.05/1: the first two pass, 0.03 > 0.025
        // stops. Adjusted: 4·0.005 = 0.02, 3·0.01 = 0.03, max(0.03, 2·0.03) = 0.06, max(0.06, 0.04) = 0.06
        // (R: p.adjust(c(.01, .04, .03, .005), "holm") = 0.03 0.06 0.06 0.02).
        double[] p = {0.01, 0.04, 0.03, 0.005};
        assertThat(Holm.adjust(p)).containsExactly(new double[] {0.03, 0.06, 0.06, 0.02}, within(1e-12));
        assertThat(Holm.reject(p, 0.05)).containsExactly(true, false, false, true);
        assertThat(Holm.steps(p)).containsExactly(2, 4, 3, 1);
    }

    @Test
    void adjustedValuesAreCappedAtOneAndMonotoneInTheRawOrder() {
        double[] p = {0.5, 0.2, 0.9};
        // sorted 0.2, 0.5, 0.9: 3·0.2 = 0.6, 2·0.5 = 1.0, max(1.0, 0.9) = 1.0
        assertThat(Holm.adjust(p)).containsExactly(new double[] {1.0, 0.6, 1.0}, within(1e-12));
    }

    @Test
    void aLaterSmallPValueCannotPassWhenAnEarlierStepFailed() {
        // 0.02 at step 1 of 2 needs ≤ 0.025 → passes; 0.03 at step 2 needs ≤ 0.05 → passes
        assertThat(Holm.reject(new double[] {0.02, 0.03}, 0.05)).containsExactly(true, true);
        // 0.03 at step 1 needs ≤ 0.025 → fails, so 0.04 fails too although 0.04 ≤ 0.05
        assertThat(Holm.reject(new double[] {0.03, 0.04}, 0.05)).containsExactly(false, false);
    }

    @Test
    void edgeCases() {
        assertThat(Holm.adjust(new double[0])).isEmpty();
        assertThat(Holm.adjust(new double[] {0.04})).containsExactly(0.04);
        assertThatThrownBy(() -> Holm.adjust(new double[] {Double.NaN})).hasMessageContaining("[0, 1]");
        assertThatThrownBy(() -> Holm.adjust(new double[] {1.5})).hasMessageContaining("[0, 1]");
    }
}
