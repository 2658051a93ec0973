package dev.frontier.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WilsonTest {

    private static void assertWilson(long successes, long trials, double lower, double upper) {
        Interval ci = Wilson.interval(successes, trials, 0.95).orElseThrow();
        assertThat(ci.lower()).as("lower of %d/%d", successes, trials).isCloseTo(lower, within(5e-5));
        assertThat(ci.upper()).as("upper of %d/%d", successes, trials).isCloseTo(upper, within(5e-5));
        assertThat(ci.estimate()).isCloseTo((double) successes / trials, within(1e-15));
        assertThat(ci.method()).isEqualTo("wilson");
        assertThat(ci.n()).isEqualTo((int) trials);
    }

    @Test
    void matchesNewcombesPublishedScoreIntervals() {
        // Newcombe (1998), Statistics in Medicine 17:857–872, Table II, method 3 (score interval, no correction)
        assertWilson(81, 263, 0.2553, 0.3662);
        assertWilson(15, 148, 0.0624, 0.1605);
        assertWilson(0, 20, 0.0000, 0.1611);
        assertWilson(1, 29, 0.0061, 0.1718);
    }

    @Test
    void handComputedCentreAndHalfWidth() {
        // 29/29: p̂ = 1, so half-width = (z²/2n)/(1 + z²/n) and lower = 1/(1 + z²/n) = n/(n + z²)
        // = 29/(29 + 3.841459) = 0.88303; upper = 1
        Interval ci = Wilson.interval(29, 29, 0.95).orElseThrow();
        assertThat(ci.lower()).isCloseTo(0.88303, within(1e-5));
        assertThat(ci.upper()).isEqualTo(1.0);
    }

    @Test
    void noTrialsIsEmptyAndBadCountsAreRejected() {
        assertThat(Wilson.interval(0, 0, 0.95)).isEmpty();
        assertThatThrownBy(() -> Wilson.interval(3, 2, 0.95)).hasMessageContaining("successes <= trials");
        assertThatThrownBy(() -> Wilson.interval(-1, 2, 0.95)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Wilson.interval(1, 2, 1.0)).hasMessageContaining("confidence");
    }

    @Test
    void widerAtHigherConfidenceAndAlwaysInsideTheUnitInterval() {
        for (int n = 1; n <= 40; n++) {
            for (int s = 0; s <= n; s++) {
                Interval ninety = Wilson.interval(s, n, 0.90).orElseThrow();
                Interval ninetyNine = Wilson.interval(s, n, 0.99).orElseThrow();
                assertThat(ninetyNine.lower()).isBetween(0.0, ninety.lower());
                assertThat(ninetyNine.upper()).isBetween(ninety.upper(), 1.0);
                assertThat(ninety.lower()).isLessThanOrEqualTo(ninety.estimate());
                assertThat(ninety.upper()).isGreaterThanOrEqualTo(ninety.estimate());
            }
        }
    }
}
