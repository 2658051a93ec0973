package dev.frontier.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The resamples are those of the documented definition, written out plainly here with {@code SplittableRandom}
 * itself, every index is equally likely, and pieces of resamples change nothing.
 */
class BootstrapResamplesTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 64, 100, 1_000, 100_003, 1 << 20})
    void countsAreThoseOfTheDefinition(int n) {
        // 2^32 mod n is 1 for 3, 4 for 7 and 38,452 for 100,003: refusals happen (about 11 at 100,003 here)
        for (long seed : new long[] {0, 42, -7, Long.MAX_VALUE}) {
            SplittableRandom seeds = new SplittableRandom(seed);
            for (int r = 0; r < 3; r++) {
                int[] expected = definition(seeds.nextLong(), n);
                BootstrapResamples.Counts counts = new BootstrapResamples.Counts(n);
                counts.draw(seed, r);
                for (int i = 0; i < n; i++) {
                    assertThat(counts.count(i)).as("item %d of resample %d, n %d, seed %d", i, r, n, seed)
                            .isEqualTo(expected[i]);
                }
            }
        }
    }

    @Test
    void mix64IsSplittableRandomsOutput() {
        for (long seed : new long[] {0, 1, 42, -7, Long.MIN_VALUE, Long.MAX_VALUE}) {
            SplittableRandom random = new SplittableRandom(seed);
            long state = seed;
            for (int i = 0; i < 100; i++) {
                state += 0x9e3779b97f4a7c15L;
                assertThat(BootstrapResamples.mix64(state)).isEqualTo(random.nextLong());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 7, 10, 1_000})
    void everyIndexIsEquallyLikely(int n) {
        BootstrapResamples.Counts counts = new BootstrapResamples.Counts(n);
        long[] total = new long[n];
        int resamples = 2_000_000 / n;
        for (int r = 0; r < resamples; r++) {
            counts.draw(5, r);
            for (int i = 0; i < n; i++) {
                total[i] += counts.count(i);
            }
        }
        double expected = (double) resamples;
        double chiSquare = 0;
        for (long t : total) {
            chiSquare += (t - expected) * (t - expected) / expected;
        }
        // p > 0.001 for a fair draw; a bias of 1 % in one index would give a statistic far above it
        assertThat(chiSquare).isLessThan(new ChiSquaredDistribution(n - 1).inverseCumulativeProbability(0.999));
    }

    @Test
    void meansAreTheCountWeightedMeansAndDoNotDependOnThePieces() {
        double[] values = values(1_003, 3);
        int resamples = 500;
        long seed = 42;
        SplittableRandom seeds = new SplittableRandom(seed);
        double[] one = BootstrapResamples.means(values, resamples, seed, 1);
        for (int r = 0; r < resamples; r++) {
            int[] counts = definition(seeds.nextLong(), values.length);
            double sum = 0;
            for (int i = 0; i < values.length; i++) {
                sum += counts[i] * values[i];
            }
            assertThat(one[r]).isCloseTo(sum / values.length, within(1e-15));
        }
        for (int pieces : new int[] {2, 3, 7}) {
            assertThat(BootstrapResamples.means(values, resamples, seed, pieces)).as("%d pieces", pieces)
                    .containsExactly(one);
        }
        assertThat(BootstrapResamples.means(values, resamples, seed)).containsExactly(one);
    }

    @Test
    void sharedMeansAreEachVectorsMeansAlone() {
        double[][] vectors = {values(300, 1), values(300, 2), values(300, 3)};
        double[][] one = BootstrapResamples.sharedMeans(vectors, 200, 9, 1);
        double[][] three = BootstrapResamples.sharedMeans(vectors, 200, 9, 3);
        for (int v = 0; v < vectors.length; v++) {
            assertThat(three[v]).containsExactly(one[v]);
            assertThat(BootstrapResamples.means(vectors[v], 200, 9)).containsExactly(one[v]);
        }
    }

    @Test
    void nothingToResampleIsRefused() {
        assertThatThrownBy(() -> BootstrapResamples.means(new double[0], 10, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no values to resample");
        assertThatThrownBy(() -> BootstrapResamples.sharedMeans(new double[][] {{1}, {1, 2}}, 10, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("differ in length");
    }

    /**
     * The definition, transcribed: n draws from {@code new SplittableRandom(resampleSeed)}, two 32-bit values per
     * {@code nextLong()} (high half first), u kept as ⌊u·n / 2³²⌋ unless (u·n mod 2³²) < (2³² mod n); the counts.
     */
    private static int[] definition(long resampleSeed, int n) {
        SplittableRandom random = new SplittableRandom(resampleSeed);
        long twoTo32 = 1L << 32;
        int[] counts = new int[n];
        int drawn = 0;
        while (drawn < n) {
            long word = random.nextLong();
            for (long u : new long[] {word >>> 32, word & (twoTo32 - 1)}) {
                if (drawn == n) {
                    break;
                }
                long product = u * n; // below 2^63: u < 2^32, n < 2^31
                if (product % twoTo32 < twoTo32 % n) {
                    continue;
                }
                counts[(int) (product / twoTo32)]++;
                drawn++;
            }
        }
        return counts;
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
