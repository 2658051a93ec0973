package dev.frontier.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Lan–DeMets boundaries against published values: Reboussin, DeMets, Kim &amp; Lan (2000), "Computations for group
 * sequential boundaries using the Lan-DeMets spending function method", Controlled Clinical Trials 21:190–207, the
 * five equally spaced looks at two-sided 0.05 (one-sided 0.025 upper boundary), as also printed by R's ldbounds and
 * gsDesign.
 */
class GroupSequentialTest {
    private static final double[] FIVE = {0.2, 0.4, 0.6, 0.8, 1.0};

    @Test
    void obrienFlemingTypeFiveLooks() {
        double[] c = GroupSequential.boundaries(0.025, FIVE, GroupSequential.Spending.OBRIEN_FLEMING);
        assertThat(c[0]).isCloseTo(4.8769, within(2e-3));
        assertThat(c[1]).isCloseTo(3.3569, within(2e-3));
        assertThat(c[2]).isCloseTo(2.6803, within(2e-3));
        assertThat(c[3]).isCloseTo(2.2898, within(2e-3));
        assertThat(c[4]).isCloseTo(2.0310, within(2e-3));
    }

    @Test
    void pocockTypeFiveLooks() {
        double[] c = GroupSequential.boundaries(0.025, FIVE, GroupSequential.Spending.POCOCK);
        assertThat(c[0]).isCloseTo(2.4380, within(2e-3));
        assertThat(c[1]).isCloseTo(2.4268, within(2e-3));
        assertThat(c[2]).isCloseTo(2.4101, within(2e-3));
        assertThat(c[3]).isCloseTo(2.3966, within(2e-3));
        assertThat(c[4]).isCloseTo(2.3859, within(2e-3));
    }

    @Test
    void oneLookIsTheFixedSampleTest() {
        double[] c = GroupSequential.boundaries(0.05, new double[] {1.0}, GroupSequential.Spending.OBRIEN_FLEMING);
        assertThat(c[0]).isCloseTo(1.6449, within(1e-4));
    }

    @Test
    void nominalLevelsSpendNoMoreThanAlpha() {
        double[] levels = GroupSequential.nominalLevels(0.05, new double[] {0.25, 0.5, 0.75, 1},
                GroupSequential.Spending.OBRIEN_FLEMING);
        double sum = 0;
        for (int k = 0; k < levels.length; k++) {
            sum += levels[k];
            if (k > 0) {
                assertThat(levels[k]).isGreaterThan(levels[k - 1]);
            }
        }
        // the nominal levels overlap (the looks are correlated), so they add up to more than the α actually spent,
        // yet the last is below the fixed-sample α
        assertThat(levels[3]).isLessThan(0.05).isGreaterThan(0.04);
        assertThat(sum).isGreaterThan(0.05);
    }

    @Test
    void predictivePowerIsLessSureThanTheCurrentTrendEarlyOn() {
        // at a quarter of the items, z = 0: CP(current trend) = 1 − Φ(1.645 / √0.75) = 2.9 %,
        // PP = Φ((0 − 1.645·0.5) / √0.75) = Φ(−0.9497) = 17.1 %
        assertThat(GroupSequential.predictivePower(0, 0.25, 1.645)).isCloseTo(0.1711, within(1e-3));
        // on the trend that lands exactly on the boundary both are one half
        assertThat(GroupSequential.predictivePower(1.645 * 0.5, 0.25, 1.645)).isCloseTo(0.5, within(1e-9));
    }
}
