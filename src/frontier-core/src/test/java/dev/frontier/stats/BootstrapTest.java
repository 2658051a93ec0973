package dev.frontier.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BootstrapTest {

    @Test
    void sameSeedSameInterval() {
        double[] v = {0.1, 0.5, 0.9, 0.3, 0.7, 0.2, 0.8};
        Interval a = new Bootstrap(2000, 42, 0.95).mean(v).orElseThrow();
        Interval b = new Bootstrap(2000, 42, 0.95).mean(v).orElseThrow();
        assertThat(a).isEqualTo(b);
        assertThat(a.estimate()).isCloseTo(3.5 / 7, within(1e-12));
        assertThat(a.lower()).isLessThan(a.estimate());
        assertThat(a.upper()).isGreaterThan(a.estimate());
        assertThat(a.method()).isEqualTo("percentile-bootstrap(2000, seed=42)");
    }

    @Test
    void intervalWidthMatchesTheNormalApproximationForLargeSamples() {
        // Bernoulli(0.5) sample of 400: standard error sqrt(.25/400) = 0.025, so the 95% half-width is ≈ 0.049
        double[] v = new double[400];
        for (int i = 0; i < v.length; i++) {
            v[i] = i % 2;
        }
        Interval ci = new Bootstrap(4000, 1, 0.95).mean(v).orElseThrow();
        assertThat((ci.upper() - ci.lower()) / 2).isCloseTo(0.049, within(0.005));
    }

    @Test
    void emptyConstantAndSingleSamples() {
        assertThat(new Bootstrap(100, 1, 0.95).mean(new double[0])).isEmpty();
        Interval constant = new Bootstrap(100, 1, 0.95).mean(new double[] {0.4, 0.4, 0.4}).orElseThrow();
        assertThat(constant.lower()).isCloseTo(0.4, within(1e-12));
        assertThat(constant.upper()).isCloseTo(0.4, within(1e-12));
        assertThat(new Bootstrap(100, 1, 0.95).mean(new double[] {1}).orElseThrow().n()).isEqualTo(1);
    }

    @Test
    void percentilesInterpolateLikeNumpy() {
        // numpy.percentile([1, 2, 3, 4], 95) = 3.85; 50 -> 2.5
        assertThat(Percentiles.of(new double[] {4, 1, 3, 2}, 95).getAsDouble()).isCloseTo(3.85, within(1e-12));
        assertThat(Percentiles.of(new double[] {4, 1, 3, 2}, 50).getAsDouble()).isCloseTo(2.5, within(1e-12));
        assertThat(Percentiles.of(new double[0], 50)).isEmpty();
    }
}
