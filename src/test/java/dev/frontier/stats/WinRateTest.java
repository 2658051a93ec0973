package dev.frontier.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

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
