package dev.frontier.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.frontier.stats.Bootstrap;
import dev.frontier.stats.BootstrapDistribution;
import dev.frontier.stats.Interval;
import dev.frontier.stats.NonInferiorityTest;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The shared bootstrap gives what {@link Bootstrap} and {@link NonInferiorityTest#bootstrap} give, policy by policy:
 * the same resamples, the same reading of bounds and p-values.
 */
class SharedBootstrapTest {

    private static final double TOLERANCE = 1e-12;

    @ParameterizedTest
    @EnumSource(Bootstrap.Method.class)
    void theSameIntervalsAndPValuesAsTheStatsPackage(Bootstrap.Method method) {
        SplittableRandom random = new SplittableRandom(3);
        int n = 700;
        int resamples = 999;
        long seed = 11;
        double[] incumbent = new double[n];
        double[] policy = new double[n];
        for (int i = 0; i < n; i++) {
            incumbent[i] = Runs.clamp(0.7 + 0.2 * Runs.gaussian(random));
            // skewed: now and then a much worse answer
            policy[i] = random.nextDouble() < 0.1 ? 0 : Runs.clamp(incumbent[i] + 0.05 * Runs.gaussian(random));
        }
        double[][] means = SharedBootstrap.resampledMeans(new double[][] {incumbent, policy}, resamples, seed);

        Interval expected = new Bootstrap(resamples, seed, 0.95).mean(policy, method).orElseThrow();
        Interval actual = BootstrapDistribution.ofMean(policy, means[1], method,
                SharedBootstrap.description("", method, resamples, seed)).interval(0.95);
        assertThat(actual.estimate()).isEqualTo(expected.estimate());
        assertThat(actual.lower()).isCloseTo(expected.lower(), within(TOLERANCE));
        assertThat(actual.upper()).isCloseTo(expected.upper(), within(TOLERANCE));
        assertThat(actual.method()).isEqualTo(expected.method());

        for (double margin : new double[] {0.01, 0.05, 0.08, 0.12}) {
            NonInferiorityTest test = NonInferiorityTest.bootstrap(policy, incumbent, margin,
                    new Bootstrap(resamples, seed, 0.9), method);
            double[] d = new double[n];
            double[] dMeans = new double[resamples];
            for (int i = 0; i < n; i++) {
                d[i] = policy[i] - incumbent[i];
            }
            for (int r = 0; r < resamples; r++) {
                dMeans[r] = means[1][r] - means[0][r];
            }
            BootstrapDistribution shared = BootstrapDistribution.ofMean(d, dMeans, method,
                    SharedBootstrap.description("paired-", method, resamples, seed));
            assertThat(shared.pValueAtMost(-margin)).isCloseTo(test.pValue(), within(TOLERANCE));
            assertThat(shared.interval(0.9).lower()).isCloseTo(test.interval(0.9).lower(), within(TOLERANCE));
            assertThat(shared.interval(0.9).upper()).isCloseTo(test.interval(0.9).upper(), within(TOLERANCE));
            assertThat(shared.estimate()).isCloseTo(test.difference(), within(TOLERANCE));
        }
    }
}
