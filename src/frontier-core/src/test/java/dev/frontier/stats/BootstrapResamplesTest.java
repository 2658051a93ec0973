package dev.frontier.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The written-out generator draws what {@code SplittableRandom} draws, and pieces of resamples change nothing. */
class BootstrapResamplesTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 64, 100, 1_000, 100_000, 1 << 20, (1 << 30) + 1, 1_500_000_000, Integer.MAX_VALUE})
    void drawsAreThoseOfSplittableRandomNextInt(int bound) {
        // the last three bounds reject about a quarter to a half of the raw values
        for (long seed : new long[] {0, 42, -7, Long.MAX_VALUE}) {
            SplittableRandom random = new SplittableRandom(seed);
            BootstrapResamples.Draws draws = new BootstrapResamples.Draws(seed, bound);
            int[] batch = new int[997];
            for (int b = 0; b < 20; b++) {
                draws.fill(batch, b == 0 ? 1 : batch.length);
                for (int i = 0; i < (b == 0 ? 1 : batch.length); i++) {
                    assertThat(batch[i]).as("draw %d of batch %d, bound %d, seed %d", i, b, bound, seed)
                            .isEqualTo(random.nextInt(bound));
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 64, 1_000, (1 << 30) + 1})
    void skippingLandsWhereDrawingDoes(int bound) {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 12_345; i++) {
            random.nextInt(bound);
        }
        BootstrapResamples.Draws draws = new BootstrapResamples.Draws(11, bound);
        draws.skip(12_345);
        int[] batch = new int[1_000];
        draws.fill(batch, batch.length);
        for (int i = 0; i < batch.length; i++) {
            assertThat(batch[i]).isEqualTo(random.nextInt(bound));
        }
    }

    @Test
    void meansAreBootstrapsOriginalLoopToTheLastBit() {
        double[] values = values(1_003, 3);
        int resamples = 500;
        long seed = 42;
        double[] expected = new double[resamples];
        SplittableRandom random = new SplittableRandom(seed);
        for (int r = 0; r < resamples; r++) {
            double sum = 0;
            for (int i = 0; i < values.length; i++) {
                sum += values[random.nextInt(values.length)];
            }
            expected[r] = sum / values.length;
        }
        for (int pieces : new int[] {1, 2, 3, 7}) {
            assertThat(BootstrapResamples.means(values, resamples, seed, pieces)).as("%d pieces", pieces)
                    .containsExactly(expected);
        }
        assertThat(BootstrapResamples.means(values, resamples, seed)).containsExactly(expected);
    }

    @Test
    void laterPiecesGetFewerResamplesSinceTheyFirstSkip() {
        // lengths 1 and 1 - 0.45: the second piece skips 1,290 resamples' draws before its 710
        assertThat(BootstrapResamples.starts(2000, 2)).containsExactly(0, 1290, 2000);
        assertThat(BootstrapResamples.starts(10, 1)).containsExactly(0, 10);
        int[] eight = BootstrapResamples.starts(2000, 8);
        assertThat(eight).startsWith(0).endsWith(2000).isSorted();
    }

    @Test
    void sharedMeansDoNotDependOnThePiecesAndMatchEachVectorAlone() {
        double[][] vectors = {values(300, 1), values(300, 2), values(300, 3)};
        double[][] one = BootstrapResamples.sharedMeans(vectors, 200, 9, 1);
        double[][] three = BootstrapResamples.sharedMeans(vectors, 200, 9, 3);
        for (int v = 0; v < vectors.length; v++) {
            assertThat(three[v]).containsExactly(one[v]);
            double[] alone = BootstrapResamples.means(vectors[v], 200, 9, 1);
            for (int r = 0; r < 200; r++) {
                // summed in item order instead of draw order
                assertThat(one[v][r]).isCloseTo(alone[r], org.assertj.core.api.Assertions.within(1e-14));
            }
        }
    }

    @Test
    void nothingToResampleIsRefused() {
        assertThatThrownBy(() -> BootstrapResamples.means(new double[0], 10, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no values to resample");
        assertThatThrownBy(() -> BootstrapResamples.sharedMeans(new double[][] {{1}, {1, 2}}, 10, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("differ in length");
    }

    private static double[] values(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextDouble();
        }
        return v;
    }
}
