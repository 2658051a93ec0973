package dev.frontier.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The resamples are those of the documented definition, written out plainly here with {@code SplittableRandom}
 * itself and exact arithmetic; they are distributed as n draws with replacement; and pieces of resamples, or other
 * vectors in company, change nothing.
 */
class BootstrapResamplesTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 9, 10, 11, 64, 100, 1_000, 100_003, 1 << 20})
    void countsAreThoseOfTheDefinition(int n) {
        // 2^32 mod n is 1 for 3, 4 for 7 and 38,452 for 100,003: top-up draws are skipped at times
        for (long seed : new long[] {0, 42, -7, Long.MAX_VALUE}) {
            SplittableRandom seeds = new SplittableRandom(seed);
            BootstrapResamples.Resample resample = resample(n);
            for (int r = 0; r < 3; r++) {
                int[] expected = definition(seeds.nextLong(), n).counts();
                resample.draw(seed, r, new double[n]);
                assertThat(resample.counts()).as("resample %d, n %d, seed %d", r, n, seed).isEqualTo(expected);
            }
        }
    }

    @Test
    void countsRedrawnWhenTheyExceedNAreThoseOfTheDefinition() {
        int n = 40;
        SplittableRandom seeds = new SplittableRandom(3);
        BootstrapResamples.Resample resample = resample(n);
        int redraws = 0;
        int cutCells = 0;
        for (int r = 0; r < 20_000; r++) {
            Drawn expected = definition(seeds.nextLong(), n);
            redraws += expected.redraws();
            cutCells += expected.cutCells();
            resample.draw(3, r, new double[n]);
            assertThat(resample.counts()).as("resample %d", r).isEqualTo(expected.counts());
        }
        assertThat(redraws).as("resamples whose Poisson counts were drawn again").isPositive();
        assertThat(cutCells).as("counts that needed a further 53 bits").isPositive();
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 100, 10_000, 100_000})
    void cellsFollowThePoissonDistribution(int n) {
        double lambda = 1 - 3 / Math.sqrt(n);
        BootstrapResamples.PoissonCells cells = BootstrapResamples.PoissonCells.of(n);
        double[] bounds = cells.bounds();
        PoissonDistribution poisson = new PoissonDistribution(null, lambda, 1e-15, 1_000_000);
        for (int k = 0; k < bounds.length; k++) {
            assertThat(bounds[k] / 4096).as("F(%d) at λ %f", k, lambda)
                    .isCloseTo(poisson.cumulativeProbability(k), within(1e-15));
        }
        // what the last count takes is the rounding of the sum: a few units in the last place of 1
        assertThat(1 - bounds[bounds.length - 1] / 4096).isLessThan(1e-14);
        assertThat(cells.last()).isEqualTo(bounds.length).isLessThan(40);
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
    @ValueSource(ints = {3, 7, 10, 50, 1_000})
    void everyIndexIsEquallyLikely(int n) {
        BootstrapResamples.Resample resample = resample(n);
        long[] total = new long[n];
        int resamples = 2_000_000 / n;
        for (int r = 0; r < resamples; r++) {
            resample.draw(5, r, new double[n]);
            int[] counts = resample.counts();
            for (int i = 0; i < n; i++) {
                total[i] += counts[i];
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

    /**
     * n draws with replacement: one item's count is Binomial(n, 1/n) and the first half's total is Binomial(n, ½)
     * (Poisson counts without the conditioning would spread the half twice as wide).
     */
    @ParameterizedTest
    @ValueSource(ints = {10, 50, 1_000})
    void countsAreThoseOfNDrawsWithReplacement(int n) {
        BootstrapResamples.Resample resample = resample(n);
        int resamples = 40_000;
        int half = n / 2;
        long[] itemCounts = new long[n + 1];
        long[] halfTotals = new long[n + 1];
        for (int r = 0; r < resamples; r++) {
            resample.draw(11, r, new double[n]);
            int[] counts = resample.counts();
            int sum = 0;
            for (int c : counts) {
                sum += c;
            }
            assertThat(sum).isEqualTo(n);
            itemCounts[counts[r % n]]++;
            int halfTotal = 0;
            for (int i = 0; i < half; i++) {
                halfTotal += counts[i];
            }
            halfTotals[halfTotal]++;
        }
        assertFits(itemCounts, new BinomialDistribution(null, n, 1.0 / n), resamples);
        assertFits(halfTotals, new BinomialDistribution(null, n, (double) half / n), resamples);
    }

    @Test
    void meansAreTheCountWeightedMeansAndDoNotDependOnThePieces() {
        double[] values = values(1_003, 3);
        int resamples = 500;
        long seed = 42;
        SplittableRandom seeds = new SplittableRandom(seed);
        double[] one = BootstrapResamples.means(values, resamples, seed, 1);
        for (int r = 0; r < resamples; r++) {
            int[] counts = definition(seeds.nextLong(), values.length).counts();
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

    @ParameterizedTest
    @ValueSource(ints = {7, 300, 1_003})
    void sharedMeansAreEachVectorsMeansAlone(int n) {
        // the first vector is summed while drawing, the others two at a time, the last of an even count alone
        for (int count = 2; count <= 5; count++) {
            double[][] vectors = new double[count][];
            for (int v = 0; v < count; v++) {
                vectors[v] = values(n, v + 1);
            }
            double[][] one = BootstrapResamples.sharedMeans(vectors, 200, 9, 1);
            double[][] three = BootstrapResamples.sharedMeans(vectors, 200, 9, 3);
            for (int v = 0; v < count; v++) {
                assertThat(three[v]).as("vector %d of %d", v, count).containsExactly(one[v]);
                assertThat(BootstrapResamples.means(vectors[v], 200, 9)).as("vector %d of %d", v, count)
                        .containsExactly(one[v]);
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

    private static BootstrapResamples.Resample resample(int n) {
        return new BootstrapResamples.Resample(n, BootstrapResamples.PoissonCells.of(n), true);
    }

    /** χ² of observed counts per value against the distribution, values pooled from each end to expect ≥ 5. */
    private static void assertFits(long[] observed, BinomialDistribution distribution, int draws) {
        int bins = 0;
        double chiSquare = 0;
        long seen = 0;
        double expected = 0;
        for (int v = 0; v < observed.length; v++) {
            seen += observed[v];
            expected += draws * distribution.probability(v);
            boolean restIsSmall = draws * (1 - distribution.cumulativeProbability(v)) < 5;
            if (expected >= 5 && !restIsSmall || v == observed.length - 1) {
                chiSquare += (seen - expected) * (seen - expected) / expected;
                bins++;
                seen = 0;
                expected = 0;
            }
        }
        assertThat(bins).isGreaterThan(2);
        assertThat(chiSquare).isLessThan(new ChiSquaredDistribution(bins - 1).inverseCumulativeProbability(0.999));
    }

    private record Drawn(int[] counts, int redraws, int cutCells) {
    }

    /**
     * The definition, transcribed: draws from {@code new SplittableRandom(resampleSeed)}; for λ = 1 − 3/√n &gt; 0,
     * a Poisson count per item from its 12-bit cell (five per {@code nextLong()}, from the top), with the top 53 bits
     * of one more {@code nextLong()} when a bound 4096·F(k) lies inside the cell, compared exactly; again while they
     * add up to more than n; then the top-up: two 32-bit values per {@code nextLong()} (high half first), u kept as
     * ⌊u·n / 2³²⌋ unless (u·n mod 2³²) &lt; (2³² mod n).
     */
    private static Drawn definition(long resampleSeed, int n) {
        SplittableRandom random = new SplittableRandom(resampleSeed);
        int[] counts = new int[n];
        int drawn = 0;
        int redraws = 0;
        int cutCells = 0;
        if (1 - 3 / Math.sqrt(n) > 0) {
            double[] bounds = BootstrapResamples.PoissonCells.of(n).bounds();
            boolean[] cut = new boolean[4096];
            for (int c = 0; c < cut.length; c++) {
                for (double b : bounds) {
                    cut[c] |= b > c && b < c + 1;
                }
            }
            while (true) {
                drawn = 0;
                for (int first = 0; first < n; first += 5) {
                    long word = random.nextLong();
                    for (int j = 0; j < 5 && first + j < n; j++) {
                        int c = (int) ((word >>> (52 - 12 * j)) & 0xfff);
                        int k = 0;
                        if (cut[c]) {
                            // 4096·u = c + f, compared exactly with each bound
                            long more = random.nextLong() >>> 11;
                            BigDecimal u = BigDecimal.valueOf(c)
                                    .add(new BigDecimal(more).divide(BigDecimal.valueOf(2).pow(53)));
                            while (k < bounds.length && new BigDecimal(bounds[k]).compareTo(u) <= 0) {
                                k++;
                            }
                            cutCells++;
                        } else {
                            // any u in the cell has the count of its left end, c / 4096
                            while (k < bounds.length && bounds[k] <= c) {
                                k++;
                            }
                        }
                        counts[first + j] = k;
                        drawn += k;
                    }
                }
                if (drawn <= n) {
                    break;
                }
                redraws++;
            }
        }
        long twoTo32 = 1L << 32;
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
        return new Drawn(counts, redraws, cutCells);
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
