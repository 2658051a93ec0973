package dev.frontier.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class WinRateTest {

    @Test
    void handComputedSmallCase() {
        // 6 wins, 3 losses, 1 tie: rate = (6 + 0.5)/10 = 0.65. Squared deviations 6·0.35² + 3·0.65² + 1·0.15²
        // = 0.735 + 1.2675 + 0.0225 = 2.025; s² = 2.025/9 = 0.225; SE = √(0.225/10) = 0.15.
        // 95 %: z = 1.959964, half-width 0.293995, interval [0.356005, 0.943995].
        WinRate w = WinRate.of(6, 3, 1, 0.95);
        assertThat(w.rate()).isCloseTo(0.65, within(1e-15));
        assertThat(w.standardError()).isCloseTo(0.15, within(1e-15));
        assertThat(w.interval().lower()).isCloseTo(0.356005, within(1e-6));
        assertThat(w.interval().upper()).isCloseTo(0.943995, within(1e-6));
        assertThat(w.interval().estimate()).isEqualTo(w.rate());
        assertThat(w.interval().n()).isEqualTo(10);
        assertThat(w.interval().confidence()).isEqualTo(0.95);
        assertThat(w.interval().method()).isEqualTo("normal-approximation");
        assertThat(w.wins()).isEqualTo(6);
        assertThat(w.losses()).isEqualTo(3);
        assertThat(w.ties()).isEqualTo(1);
    }

    @Test
    void continuousOutcomesGiveTheWeightedWinRate() {
        // AlpacaEval's weighted preferences 1.9, 1.7, 1.5, 1.2 (2 = the evaluated model preferred) are outcomes
        // p - 1 = 0.9, 0.7, 0.5, 0.2. Mean 2.3/4 = 0.575; squared deviations 0.325² + 0.125² + 0.075² + 0.375²
        // = 0.105625 + 0.015625 + 0.005625 + 0.140625 = 0.2675; s² = 0.2675/3; SE = √(0.2675/12) = 0.1493039
        // (pandas' sem). AlpacaEval reports win_rate 57.5 and standard_error 14.93; wins > 0.5: 2, ties 1, losses 1.
        WinRate w = WinRate.ofOutcomes(new double[] {0.9, 0.7, 0.5, 0.2}, 0.95);
        assertThat(w.rate()).isCloseTo(0.575, within(1e-12));
        assertThat(w.standardError()).isCloseTo(0.1493039406, within(1e-9));
        assertThat(w.wins()).isEqualTo(2);
        assertThat(w.ties()).isEqualTo(1);
        assertThat(w.losses()).isEqualTo(1);
        // 95 %: half-width 1.959964 × 0.1493039 = 0.2926303
        assertThat(w.interval().lower()).isCloseTo(0.575 - 0.2926303, within(1e-6));
        assertThat(w.interval().upper()).isCloseTo(0.575 + 0.2926303, within(1e-6));
        assertThat(w.interval().n()).isEqualTo(4);
    }

    @Test
    void outcomesOfWinTieAndLossGiveTheCountedRate() {
        double[] outcomes = {1, 1, 1, 1, 1, 1, 0, 0, 0, 0.5};
        WinRate counted = WinRate.of(6, 3, 1, 0.9);
        WinRate mean = WinRate.ofOutcomes(outcomes, 0.9);
        assertThat(mean.rate()).isCloseTo(counted.rate(), within(1e-15));
        assertThat(mean.standardError()).isCloseTo(counted.standardError(), within(1e-15));
        assertThat(mean.interval().lower()).isCloseTo(counted.interval().lower(), within(1e-15));
        assertThat(List.of(mean.wins(), mean.losses(), mean.ties())).containsExactly(6, 3, 1);
        assertThatThrownBy(() -> WinRate.ofOutcomes(new double[] {0.5, 1.5}, 0.95))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1.5");
        assertThatThrownBy(() -> WinRate.ofOutcomes(new double[] {Double.NaN}, 0.95))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(WinRate.ofOutcomes(new double[] {0.7}, 0.95).standardError()).isNaN();
        assertThat(WinRate.ofOutcomes(new double[0], 0.95).rate()).isNaN();
    }

    @Test
    void intervalIsClippedToTheUnitInterval() {
        // 4 wins, 1 loss: rate 0.8, s² = (4·0.04 + 0.64)/4 = 0.2, SE = √(0.2/5) = 0.2; 0.8 + 1.96·0.2 > 1
        WinRate w = WinRate.of(4, 1, 0, 0.95);
        assertThat(w.standardError()).isCloseTo(0.2, within(1e-15));
        assertThat(w.interval().upper()).isEqualTo(1.0);
        assertThat(w.interval().lower()).isCloseTo(0.8 - 1.959964 * 0.2, within(1e-6));
    }

    @Test
    void degenerateCounts() {
        WinRate none = WinRate.of(0, 0, 0, 0.95);
        assertThat(none.rate()).isNaN();
        assertThat(none.standardError()).isNaN();
        assertThat(none.interval().lower()).isNaN();
        assertThat(none.interval().n()).isZero();
        // one comparison: a rate but no sample variance
        WinRate one = WinRate.of(1, 0, 0, 0.95);
        assertThat(one.rate()).isEqualTo(1.0);
        assertThat(one.standardError()).isNaN();
        assertThat(one.interval().upper()).isNaN();
        // all ties: no spread at all
        WinRate ties = WinRate.of(0, 0, 4, 0.95);
        assertThat(ties.rate()).isEqualTo(0.5);
        assertThat(ties.standardError()).isZero();
        assertThat(ties.interval().lower()).isEqualTo(0.5);
        assertThat(ties.interval().upper()).isEqualTo(0.5);
    }

    @Test
    void badArgumentsAreRejected() {
        assertThatThrownBy(() -> WinRate.of(-1, 0, 0, 0.95)).hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> WinRate.of(1, 1, 0, 1.0)).hasMessage("confidence must be in (0, 1)");
        assertThatThrownBy(() -> WinRate.of(Integer.MAX_VALUE, 1, 0, 0.95)).hasMessageContaining("too many");
    }
}
