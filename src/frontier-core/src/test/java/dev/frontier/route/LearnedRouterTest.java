package dev.frontier.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;

/** The weights read off Tribuo's model predict what the model predicts, and a fit is reproducible. */
class LearnedRouterTest {

    private static final List<String> NAMES = List.of("length", "code", "noise");

    private static double[][] rows(int n, SplittableRandom random) {
        double[][] rows = new double[n][3];
        for (int i = 0; i < n; i++) {
            rows[i][0] = 300 + 100 * Runs.gaussian(random);
            rows[i][1] = random.nextDouble() < 0.3 ? 1 : 0;
            rows[i][2] = Runs.gaussian(random);
        }
        return rows;
    }

    private static boolean[] labels(double[][] rows, SplittableRandom random) {
        boolean[] good = new boolean[rows.length];
        for (int i = 0; i < rows.length; i++) {
            double z = 1.5 - 2.5 * rows[i][1] - (rows[i][0] - 300) / 100;
            good[i] = random.nextDouble() < 1 / (1 + Math.exp(-z));
        }
        return good;
    }

    @Test
    void theExportedLogisticFunctionIsTribuosPrediction() {
        SplittableRandom random = new SplittableRandom(1);
        double[][] rows = rows(600, random);
        boolean[] good = labels(rows, random);
        LearnedRouter.Trained trained = LearnedRouter.fit(NAMES, rows, null, good, 42);
        LearnedRouter.Fit fit = trained.fit();
        for (int i = 0; i < 50; i++) {
            double[] z = new double[3];
            for (int j = 0; j < 3; j++) {
                z[j] = (rows[i][j] - fit.means()[j]) / fit.scales()[j];
            }
            Prediction<Label> p = trained.model().predict(new ArrayExample<>(new Label("?"),
                    NAMES.toArray(String[]::new), z));
            double tribuo = p.getOutputScores().get(LearnedRouter.GOOD).getScore();
            assertThat(fit.probability(rows[i])).isCloseTo(tribuo, within(1e-9));
        }
        // it learned the direction of the two real features and little of the noise
        assertThat(fit.weights()[0]).isNegative();
        assertThat(fit.weights()[1]).isNegative();
        assertThat(Math.abs(fit.weights()[2])).isLessThan(Math.abs(fit.weights()[1]));
        assertThat(fit.means()[0]).isCloseTo(300, within(15.0));
    }

    @Test
    void theSameSeedGivesTheSameModel() {
        SplittableRandom random = new SplittableRandom(2);
        double[][] rows = rows(300, random);
        boolean[] good = labels(rows, random);
        LearnedRouter.Fit a = LearnedRouter.fit(NAMES, rows, null, good, 7).fit();
        LearnedRouter.Fit b = LearnedRouter.fit(NAMES, rows, null, good, 7).fit();
        assertThat(b.weights()).containsExactly(a.weights());
        assertThat(b.intercept()).isEqualTo(a.intercept());
    }

    @Test
    void oneClassGivesTheConstantLogOdds() {
        double[][] rows = rows(10, new SplittableRandom(3));
        LearnedRouter.Trained t = LearnedRouter.fit(NAMES, rows, null, new boolean[10], 7);
        assertThat(t.model()).isNull();
        assertThat(t.fit().weights()).containsOnly(0.0);
        assertThat(t.fit().intercept()).isCloseTo(Math.log(0.5 / 10.5), within(1e-12));
    }
}
