package dev.frontier.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A run of the size the analysis is meant for (100,000 items × 3 candidates, three signals each, four features):
 * it completes, and its figures are those of a smaller rerun's order of magnitude. The wall time is printed, not
 * asserted (timing belongs in benchmarks).
 */
class RoutingScaleTest {

    static RoutingData large(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] q = new double[3][n];
        double[][] cost = new double[3][n];
        double[][] sig = new double[3][n];
        double[][] tokens = new double[3][n];
        double[][] judge = new double[3][n];
        double[][] rows = new double[n][4];
        double[] base = {0.55, 0.7, 0.8};
        double[] price = {0.0002, 0.001, 0.004};
        for (int i = 0; i < n; i++) {
            double difficulty = random.nextDouble();
            rows[i][0] = difficulty + 0.3 * Runs.gaussian(random);
            rows[i][1] = 200 + 50 * Runs.gaussian(random);
            rows[i][2] = random.nextDouble() < 0.3 ? 1 : 0;
            rows[i][3] = Runs.gaussian(random);
            for (int a = 0; a < 3; a++) {
                q[a][i] = Runs.clamp(base[a] + 0.25 - 0.5 * difficulty * (1.5 - a * 0.5) + 0.1 * Runs.gaussian(random));
                cost[a][i] = price[a] * (0.8 + 0.4 * random.nextDouble());
                sig[a][i] = q[a][i] + 0.2 * Runs.gaussian(random) > 0.5 ? 1 : 0;
                tokens[a][i] = 100 + 30 * Runs.gaussian(random);
                judge[a][i] = random.nextDouble() < 0.02 ? Double.NaN : q[a][i] + 0.1 * Runs.gaussian(random);
            }
        }
        String[] ids = {"nova-micro", "nova-lite", "nova-pro"};
        Arm[] arms = new Arm[3];
        for (int a = 0; a < 3; a++) {
            arms[a] = Runs.arm(ids[a], q[a], cost[a], Signal.free("json-valid", sig[a]),
                    Signal.free("output-tokens", tokens[a]),
                    new Signal("judge", judge[a], Runs.fill(n, 0.00005)));
        }
        return new RoutingData(Runs.items(n), List.of(arms), "nova-pro",
                new Features(List.of("difficulty", "prompt-tokens", "has-code", "noise"), rows));
    }

    @Test
    void oneHundredThousandItemsByThreeCandidates() {
        RoutingData data = large(100_000, 7);
        long start = System.nanoTime();
        RoutingAnalysis analysis = Routing.analyse(data, RoutingOptions.defaults(0.03, 0.95));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("routing analysis of 100,000 items x 3 candidates (%d policies): %.1f s%n",
                analysis.policies().size(), seconds);
        analysis.policies().forEach(p -> System.out.printf("  %-45s q=%.4f [%.4f, %.4f] cost/1k=%.4f d=%+.4f p=%.3g "
                        + "adj=%.3g %s %s%n", p.id(), p.quality(), p.qualityLower(), p.qualityUpper(), p.costPer1k(),
                p.difference(), p.pValue(), p.adjustedPValue(), p.verdict(), p.share()));
        System.out.println("  frontier " + analysis.frontier() + ", best " + analysis.best());
        // 2 pairs x 3 signals + 2 learned routers, 3 singles and the oracle
        assertThat(analysis.policies()).hasSize(3 + 1 + 2 * 3 + 2);
        assertThat(analysis.policies()).allSatisfy(p -> assertThat(p.n()).isEqualTo(100_000));
    }
}
