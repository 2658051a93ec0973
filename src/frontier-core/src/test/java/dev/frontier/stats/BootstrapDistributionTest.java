package dev.frontier.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BootstrapDistributionTest {

    private static double[] exponential(SplittableRandom random, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = -Math.log(1 - random.nextDouble());
        }
        return v;
    }

    private static double[] normal(SplittableRandom random, int n, double mean, double sd) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            // Box–Muller
            double u = 1 - random.nextDouble();
            v[i] = mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
        }
        return v;
    }

    @Test
    void accelerationIsTheJackknifeSkewness() {
        // {1, 2, 3, 10}: leave-one-out means 5, 4.667, 4.333, 2; their mean 4; u_i = 4 − θ_(i) = −1, −0.667,
        // −0.333, 2; a = Σu³ / (6 (Σu²)^1.5) = 6.6667 / (6 · 5.5556^1.5) = 0.084853
        double[] v = {1, 2, 3, 10};
        double[] u = new double[4];
        for (int i = 0; i < 4; i++) {
            u[i] = 4 - (16 - v[i]) / 3;
        }
        double s2 = 0;
        double s3 = 0;
        for (double x : u) {
            s2 += x * x;
            s3 += x * x * x;
        }
        double jackknife = s3 / (6 * Math.pow(s2, 1.5));
        BootstrapDistribution d = new Bootstrap(1000, 3, 0.95).distribution(v, Bootstrap.Method.BCA);
        assertThat(d.acceleration()).isCloseTo(jackknife, within(1e-12)).isCloseTo(0.084853, within(1e-6));
        assertThat(new Bootstrap(1000, 3, 0.95).distribution(v, Bootstrap.Method.PERCENTILE).acceleration())
                .isZero();
    }

    @Test
    void onSymmetricDataBcaEqualsPercentileWithinTolerance() {
        double[] v = new double[41];
        for (int i = 0; i < v.length; i++) {
            v[i] = i / 40.0; // 0, 0.025, …, 1: symmetric about 0.5
        }
        Bootstrap bootstrap = new Bootstrap(4000, 11, 0.95);
        Interval bca = bootstrap.meanBca(v).orElseThrow();
        Interval percentile = bootstrap.mean(v, Bootstrap.Method.PERCENTILE).orElseThrow();
        assertThat(bootstrap.distribution(v, Bootstrap.Method.BCA).acceleration()).isCloseTo(0, within(1e-15));
        // standard error ≈ 0.0456; the two agree to a few hundredths of it
        assertThat(bca.lower()).isCloseTo(percentile.lower(), within(0.004));
        assertThat(bca.upper()).isCloseTo(percentile.upper(), within(0.004));
        assertThat(bca.method()).isEqualTo("bca-bootstrap(4000, seed=11)");
        assertThat(percentile.method()).isEqualTo("percentile-bootstrap(4000, seed=11)");
    }

    @Test
    void percentileThroughTheDistributionAgreesWithTheOriginalMean() {
        double[] v = normal(new SplittableRandom(5), 200, 0.7, 0.1);
        Bootstrap bootstrap = new Bootstrap(2000, 42, 0.95);
        Interval original = bootstrap.mean(v).orElseThrow();
        Interval viaDistribution = bootstrap.mean(v, Bootstrap.Method.PERCENTILE).orElseThrow();
        // same resamples; R-7 interpolation and the (B+1)α order statistic differ by at most one spacing
        assertThat(viaDistribution.lower()).isCloseTo(original.lower(), within(0.001));
        assertThat(viaDistribution.upper()).isCloseTo(original.upper(), within(0.001));
        assertThat(viaDistribution.estimate()).isEqualTo(original.estimate());
    }

    @Test
    void onRightSkewedDataBcaMovesTheIntervalRight() {
        double[] v = exponential(new SplittableRandom(2), 30);
        Bootstrap bootstrap = new Bootstrap(4000, 1, 0.95);
        BootstrapDistribution bca = bootstrap.distribution(v, Bootstrap.Method.BCA);
        Interval b = bca.interval(0.95);
        Interval p = bootstrap.mean(v, Bootstrap.Method.PERCENTILE).orElseThrow();
        assertThat(bca.acceleration()).isPositive();
        assertThat(b.lower()).isGreaterThan(p.lower());
        assertThat(b.upper()).isGreaterThan(p.upper());
    }

    @Test
    void bcaCoverageOnSkewedSamplesIsNearNominalAndBetterThanPercentile() {
        // Exponential(1) samples of 20: the percentile interval misses the true mean 1 mostly from below (the
        // upper bound is too low); BCa corrects part of that. 600 samples, 90 % two-sided intervals.
        SplittableRandom random = new SplittableRandom(20240601);
        int samples = 600;
        int bcaCovers = 0;
        int percentileCovers = 0;
        int bcaMissesHigh = 0;
        int percentileMissesHigh = 0;
        for (int s = 0; s < samples; s++) {
            double[] v = exponential(random, 20);
            Bootstrap bootstrap = new Bootstrap(1000, s, 0.90);
            Interval b = bootstrap.meanBca(v).orElseThrow();
            Interval p = bootstrap.mean(v, Bootstrap.Method.PERCENTILE).orElseThrow();
            bcaCovers += b.lower() <= 1 && 1 <= b.upper() ? 1 : 0;
            percentileCovers += p.lower() <= 1 && 1 <= p.upper() ? 1 : 0;
            bcaMissesHigh += b.upper() < 1 ? 1 : 0;
            percentileMissesHigh += p.upper() < 1 ? 1 : 0;
        }
        double bcaCoverage = (double) bcaCovers / samples;
        assertThat(bcaCoverage).isBetween(0.84, 0.93);
        assertThat(bcaCovers).isGreaterThan(percentileCovers);
        assertThat(bcaMissesHigh).isLessThan(percentileMissesHigh);
    }

    @Test
    void boundsAndPValuesAreDual() {
        SplittableRandom random = new SplittableRandom(9);
        for (Bootstrap.Method method : Bootstrap.Method.values()) {
            for (int trial = 0; trial < 5; trial++) {
                double[] v = trial % 2 == 0 ? exponential(random, 25) : normal(random, 60, 0, 0.2);
                BootstrapDistribution d = new Bootstrap(999, trial, 0.95).distribution(v, method);
                for (double alpha : new double[] {0.005, 0.01, 0.025, 0.05, 0.1, 0.3}) {
                    for (int k = -40; k <= 40; k++) {
                        double value = d.estimate() + k * 0.01;
                        assertThat(d.lowerBound(1 - alpha) > value)
                                .as("%s lower bound vs p-value at %s, α=%s", method, value, alpha)
                                .isEqualTo(d.pValueAtMost(value) <= alpha);
                        assertThat(d.upperBound(1 - alpha) < value)
                                .as("%s upper bound vs p-value at %s, α=%s", method, value, alpha)
                                .isEqualTo(d.pValueAtLeast(value) <= alpha);
                    }
                }
            }
        }
    }

    @Test
    void negatingTheDataMirrorsBoundsAndPValues() {
        double[] v = exponential(new SplittableRandom(4), 30);
        double[] negated = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            negated[i] = -v[i];
        }
        Bootstrap bootstrap = new Bootstrap(2000, 8, 0.95);
        BootstrapDistribution d = bootstrap.distribution(v, Bootstrap.Method.BCA);
        BootstrapDistribution m = bootstrap.distribution(negated, Bootstrap.Method.BCA);
        assertThat(m.acceleration()).isCloseTo(-d.acceleration(), within(1e-12));
        assertThat(m.biasCorrection()).isCloseTo(-d.biasCorrection(), within(1e-12));
        assertThat(m.lowerBound(0.95)).isCloseTo(-d.upperBound(0.95), within(1e-12));
        assertThat(m.pValueAtLeast(-0.8)).isCloseTo(d.pValueAtMost(0.8), within(1e-12));
    }

    @Test
    void pairedDifferenceResamplesItemsJointly() {
        SplittableRandom random = new SplittableRandom(13);
        double[] baseline = normal(random, 100, 0.7, 0.2);
        double[] candidate = new double[100];
        double[] differences = new double[100];
        for (int i = 0; i < 100; i++) {
            candidate[i] = baseline[i] - 0.02 + 0.01 * (random.nextDouble() - 0.5);
            differences[i] = candidate[i] - baseline[i];
        }
        Bootstrap bootstrap = new Bootstrap(2000, 42, 0.95);
        Interval paired = bootstrap.pairedDifference(candidate, baseline).orElseThrow();
        Interval ofDifferences = bootstrap.mean(differences, Bootstrap.Method.PERCENTILE).orElseThrow();
        assertThat(paired.lower()).isEqualTo(ofDifferences.lower());
        assertThat(paired.upper()).isEqualTo(ofDifferences.upper());
        assertThat(paired.method()).isEqualTo("paired-percentile-bootstrap(2000, seed=42)");
        // the pairing removes the items' own spread: the interval is far narrower than the means' intervals
        Interval c = bootstrap.mean(candidate).orElseThrow();
        assertThat(paired.upper() - paired.lower()).isLessThan((c.upper() - c.lower()) / 10);
        assertThat(paired.estimate()).isCloseTo(-0.02, within(0.002));
        assertThat(bootstrap.pairedDifference(candidate, baseline, Bootstrap.Method.BCA).orElseThrow().method())
                .isEqualTo("paired-bca-bootstrap(2000, seed=42)");
    }

    @Test
    void pairedEdgeCases() {
        Bootstrap bootstrap = new Bootstrap(500, 1, 0.95);
        assertThat(bootstrap.pairedDifference(new double[0], new double[0])).isEmpty();
        assertThatThrownBy(() -> bootstrap.pairedDifference(new double[] {1}, new double[] {1, 2}))
                .hasMessageContaining("differ in length: 1 vs 2");
        assertThat(bootstrap.meanBca(new double[0])).isEmpty();
        // a single pair, and constant differences: the interval collapses, BCa included
        Interval one = bootstrap.pairedDifference(new double[] {0.9}, new double[] {0.5}, Bootstrap.Method.BCA)
                .orElseThrow();
        assertThat(one.lower()).isCloseTo(0.4, within(1e-12));
        assertThat(one.upper()).isCloseTo(0.4, within(1e-12));
        BootstrapDistribution constant = bootstrap.distribution(new double[] {0.5, 0.5, 0.5}, Bootstrap.Method.BCA);
        assertThat(constant.pValueAtMost(0.4)).isCloseTo(1.0 / 501, within(1e-15));
        assertThat(constant.pValueAtMost(0.5)).isEqualTo(1.0);
    }

    @Test
    void levelsBeyondTheResamplesGiveInfiniteBounds() {
        // with B = 99 the smallest reachable one-sided level is 1 − 1/100
        BootstrapDistribution d = new Bootstrap(99, 1, 0.95).distribution(new double[] {1, 2, 3, 4},
                Bootstrap.Method.PERCENTILE);
        assertThat(d.lowerBound(0.995)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(d.upperBound(0.995)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(d.lowerBound(0.99)).isFinite();
    }
}
