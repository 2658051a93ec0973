package dev.frontier.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NonInferiorityTestTest {

    private static NonInferiorityTest.PairedBinary tango(int both, int candidateOnly, int baselineOnly, int n,
                                                         double margin) {
        return new NonInferiorityTest.PairedBinary(n, both, candidateOnly, baselineOnly, margin);
    }

    @Test
    void tangoReducesToMcNemarsStatisticAtZero() {
        // θ0 = 0: q̃ = (b + c)/2n, so Z = (b − c)/√(b + c)
        NonInferiorityTest.PairedBinary t = tango(50, 12, 4, 100, 0.05);
        assertThat(t.score(0)).isCloseTo(8 / Math.sqrt(16), within(1e-12));
    }

    @Test
    void tangoRestrictedEstimateMaximisesTheRestrictedLikelihood() {
        // log L(q) = b log(q + θ0) + c log q + (n − b − c) log(1 − 2q − θ0); its derivative vanishes at q̃
        int b = 7;
        int c = 11;
        int n = 60;
        NonInferiorityTest.PairedBinary t = tango(30, b, c, n, 0.1);
        for (double theta : new double[] {-0.3, -0.1, -0.03, 0.05, 0.2}) {
            double q = t.restrictedBaselineOnly(theta);
            double derivative = b / (q + theta) + c / q - 2.0 * (n - b - c) / (1 - 2 * q - theta);
            assertThat(derivative).as("score equation at θ0=%s", theta).isCloseTo(0, within(1e-8));
            assertThat(q + theta).isPositive();
        }
    }

    @Test
    void tangoIntervalAndPValueMatchAnIndependentComputation() {
        // b = 40, c = 20, n = 160 (the example of PropCIs::scoreci.mp). Computed independently by maximising the
        // restricted likelihood numerically (scipy minimize_scalar) and root-finding Z(θ0) = ±1.959964:
        // 95 % interval (0.030865, 0.218064); one-sided p of H0: θ ≤ −0.05 is 1.8449e-4.
        NonInferiorityTest.PairedBinary t = tango(50, 40, 20, 160, 0.05);
        assertThat(t.difference()).isCloseTo(0.125, within(1e-15));
        assertThat(t.lowerBound(0.975)).isCloseTo(0.030865, within(2e-6));
        assertThat(t.upperBound(0.975)).isCloseTo(0.218064, within(2e-6));
        Interval ci = t.interval(0.95);
        assertThat(ci.lower()).isEqualTo(t.lowerBound(0.975));
        assertThat(ci.estimate()).isEqualTo(0.125);
        assertThat(t.pValue()).isCloseTo(1.8449e-4, within(1e-7));
        // b = 3, c = 7, n = 50, margin 0.1: p = 0.37531, one-sided 95 % lower bound −0.191837
        NonInferiorityTest.PairedBinary u = tango(20, 3, 7, 50, 0.1);
        assertThat(u.pValue()).isCloseTo(0.37531, within(1e-5));
        assertThat(u.lowerBound(0.95)).isCloseTo(-0.191837, within(2e-6));
        assertThat(u.method()).isEqualTo("tango-score(paired binary, b=3, c=7)");
    }

    @Test
    void tangoWithNoDiscordantPairsNeedsEnoughItems() {
        // b = c = 0: q̃ = δ, Z = nδ / √(n(δ − δ²)) = √n · √(δ/(1 − δ))
        double delta = 0.03;
        NonInferiorityTest.PairedBinary five = tango(5, 0, 0, 5, delta);
        NonInferiorityTest.PairedBinary hundred = tango(100, 0, 0, 100, delta);
        double z100 = 10 * Math.sqrt(delta / (1 - delta));
        assertThat(hundred.score(-delta)).isCloseTo(z100, within(1e-12));
        assertThat(five.shown(0.05)).isFalse();
        assertThat(hundred.pValue()).isCloseTo(0.0393, within(1e-4)); // 1 − Φ(1.75863)
        assertThat(hundred.shown(0.05)).isTrue();
        assertThat(hundred.sdUnderNull()).isCloseTo(Math.sqrt(delta * (1 - delta)), within(1e-12));
        assertThat(hundred.sdDifference()).isZero();
    }

    @Test
    void tangoBoundAndPValueAreDual() {
        for (int b = 0; b <= 12; b += 3) {
            for (int c = 0; c <= 12; c += 4) {
                NonInferiorityTest.PairedBinary t = tango(20, b, c, 50, 0.08);
                for (double alpha : new double[] {0.01, 0.025, 0.05, 0.2}) {
                    assertThat(t.lowerBound(1 - alpha) > -0.08).as("b=%d c=%d α=%s", b, c, alpha)
                            .isEqualTo(t.pValue() <= alpha);
                }
            }
        }
        // everything lost: the bound is −1
        assertThat(tango(0, 0, 10, 10, 0.1).lowerBound(0.95)).isCloseTo(-1, within(1e-9));
    }

    @Test
    void binaryExtrasForTheReport() {
        NonInferiorityTest.PairedBinary t = NonInferiorityTest.binary(
                new double[] {1, 1, 1, 0, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1},
                new double[] {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 1}, 0.05);
        assertThat(t.both()).isEqualTo(3);
        assertThat(t.candidateOnly()).isEqualTo(9);
        assertThat(t.baselineOnly()).isEqualTo(1);
        assertThat(t.mcNemarExact()).isCloseTo(McNemar.exact(9, 1), within(0.0));
        assertThat(t.candidateRate(0.95).estimate()).isCloseTo(12.0 / 14, within(1e-15));
        assertThat(t.baselineRate(0.95).estimate()).isCloseTo(4.0 / 14, within(1e-15));
        // per-item differences: nine +1, one −1, four 0 → mean 8/14, sd √((10 − 14·(8/14)²)/13)
        assertThat(t.sdDifference()).isCloseTo(Math.sqrt((10 - 64.0 / 14) / 13), within(1e-12));
        assertThatThrownBy(() -> NonInferiorityTest.binary(new double[] {0.5}, new double[] {1}, 0.05))
                .hasMessageContaining("0 or 1, got 0.5");
    }

    @Test
    void bootstrapTestUsesThePairedDistribution() {
        SplittableRandom random = new SplittableRandom(3);
        double[] baseline = new double[200];
        double[] candidate = new double[200];
        for (int i = 0; i < 200; i++) {
            baseline[i] = random.nextDouble();
            candidate[i] = baseline[i] + (random.nextDouble() - 0.5) * 0.2;
        }
        Bootstrap bootstrap = new Bootstrap(2000, 42, 0.95);
        NonInferiorityTest.Bootstrapped t = NonInferiorityTest.bootstrap(candidate, baseline, 0.03, bootstrap,
                Bootstrap.Method.BCA);
        BootstrapDistribution d = bootstrap.pairedDistribution(candidate, baseline, Bootstrap.Method.BCA);
        assertThat(t.pValue()).isEqualTo(d.pValueAtMost(-0.03));
        assertThat(t.lowerBound(0.95)).isEqualTo(d.lowerBound(0.95));
        assertThat(t.n()).isEqualTo(200);
        // differences uniform on ±0.1: sd ≈ 0.2/√12 = 0.0577
        assertThat(t.sdDifference()).isCloseTo(0.0577, within(0.006));
        assertThat(t.method()).isEqualTo("paired-bca-bootstrap(2000, seed=42)");
        assertThatThrownBy(() -> NonInferiorityTest.bootstrap(new double[0], new double[0], 0.03, bootstrap,
                Bootstrap.Method.BCA)).hasMessageContaining("no paired items");
        assertThatThrownBy(() -> NonInferiorityTest.bootstrap(candidate, baseline, 0, bootstrap,
                Bootstrap.Method.BCA)).hasMessageContaining("margin must be positive");
    }
}
