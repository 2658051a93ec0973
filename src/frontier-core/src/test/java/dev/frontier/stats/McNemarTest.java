package dev.frontier.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class McNemarTest {

    @Test
    void exactTwoSidedIsTwiceTheBinomialTail() {
        // b = 10, c = 2: P(X ≤ 2 | n = 12) = (1 + 12 + 66)/4096 = 79/4096; two-sided 158/4096 = 0.0386
        assertThat(McNemar.exact(10, 2)).isCloseTo(158.0 / 4096, within(1e-12));
        assertThat(McNemar.exact(2, 10)).isCloseTo(158.0 / 4096, within(1e-12));
        // b = 0, c = 5: 2 · 1/32
        assertThat(McNemar.exact(0, 5)).isCloseTo(0.0625, within(1e-12));
    }

    @Test
    void oneSidedTails() {
        assertThat(McNemar.exact(10, 2, Alternative.GREATER)).isCloseTo(79.0 / 4096, within(1e-12));
        // P(X ≤ 10 | n = 12) = 1 − (12 + 1)/4096
        assertThat(McNemar.exact(10, 2, Alternative.LESS)).isCloseTo(4083.0 / 4096, within(1e-12));
        assertThat(McNemar.exact(2, 10, Alternative.LESS)).isCloseTo(79.0 / 4096, within(1e-12));
    }

    @Test
    void balancedAndEmptyGiveOne() {
        assertThat(McNemar.exact(0, 0)).isEqualTo(1.0);
        assertThat(McNemar.exact(7, 7)).isEqualTo(1.0);
        assertThat(McNemar.exact(0, 0, Alternative.GREATER)).isEqualTo(1.0);
        assertThatThrownBy(() -> McNemar.exact(-1, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void smallTailsKeepTheirPrecision() {
        // b = 60, c = 0: 2 · 2^-60, which 1 − cdf would round to 0
        assertThat(McNemar.exact(60, 0)).isCloseTo(2 * Math.pow(2, -60), within(1e-30));
        assertThat(McNemar.exact(60, 0, Alternative.GREATER)).isCloseTo(Math.pow(2, -60), within(1e-30));
    }
}
