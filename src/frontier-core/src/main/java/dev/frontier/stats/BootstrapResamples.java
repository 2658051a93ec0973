package dev.frontier.stats;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The resamples of a seeded bootstrap and the means of values over them. Resample r of n items holds the n indices
 * drawn from its own SplitMix64 stream (the generator of {@code java.util.SplittableRandom}): the stream starts at
 * {@code mix64(seed + (r + 1)·γ)} and steps by the golden gamma γ; each 64-bit output gives two 32-bit values, the
 * high half first, and a value u becomes the index ⌊u·n / 2³²⌋ unless the low 32 bits of u·n are below 2³² mod n,
 * when it is skipped (Lemire's bounded draw: every index equally likely, with no division per draw).
 *
 * <p>So resample r draws from {@code new SplittableRandom(w)}, w the r-th {@code nextLong()} of
 * {@code new SplittableRandom(seed)}. Because every resample has its own stream, any thread can compute any resample
 * without drawing the ones before it: large bootstraps are cut into one piece of resamples per core, and the means
 * do not depend on the number of pieces. A resample's draws are counted per item, and a vector's mean on it is the
 * count-weighted sum in item order (four running sums, added pairwise), so every vector resampled together gets the
 * same resamples, and a vector alone gets exactly the means it gets in company. {@code BootstrapResamplesTest}
 * checks the draws against a plain transcription of this definition.
 */
public final class BootstrapResamples {
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
    /** Below this many draws (resamples × items) one thread does it all: about a millisecond of work. */
    static final long PARALLEL_DRAWS = 2_000_000L;

    private BootstrapResamples() {
    }

    /**
     * The mean of {@code values} in each of {@code resamples} resamples drawn from {@code seed}, in parallel when
     * the bootstrap is large; the same numbers whatever the number of cores.
     */
    public static double[] means(double[] values, int resamples, long seed) {
        return sharedMeans(new double[][] {values}, resamples, seed)[0];
    }

    /** {@link #means(double[], int, long)} cut into {@code pieces} pieces of resamples. */
    static double[] means(double[] values, int resamples, long seed, int pieces) {
        return sharedMeans(new double[][] {values}, resamples, seed, pieces)[0];
    }

    /**
     * The resampled means of each of {@code vectors} (all of one length n) on one shared set of resamples,
     * {@code means[v][r]}: each resample's indices are drawn once, counted per item, and every vector is averaged
     * with those counts; {@code means[v]} equals {@code means(vectors[v], resamples, seed)} to the last bit.
     */
    public static double[][] sharedMeans(double[][] vectors, int resamples, long seed) {
        long n = vectors.length == 0 ? 0 : vectors[0].length;
        return sharedMeans(vectors, resamples, seed, pieces(resamples * n * Math.max(1, vectors.length / 4),
                resamples));
    }

    /** {@link #sharedMeans(double[][], int, long)} cut into {@code pieces} pieces of resamples. */
    static double[][] sharedMeans(double[][] vectors, int resamples, long seed, int pieces) {
        int count = vectors.length;
        double[][] means = new double[count][resamples];
        if (count == 0) {
            return means;
        }
        int n = vectors[0].length;
        for (double[] v : vectors) {
            if (v.length != n) {
                throw new IllegalArgumentException("vectors differ in length: " + n + " vs " + v.length);
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("no values to resample");
        }
        IntStream.range(0, pieces).parallel().forEach(piece -> {
            int from = (int) ((long) piece * resamples / pieces);
            int to = (int) ((long) (piece + 1) * resamples / pieces);
            Counts counts = new Counts(n);
            for (int r = from; r < to; r++) {
                counts.draw(seed, r);
                for (int v = 0; v < count; v++) {
                    means[v][r] = counts.weightedSum(vectors[v]) / n;
                }
            }
        });
        return means;
    }

    private static int pieces(long work, int resamples) {
        if (work < PARALLEL_DRAWS || resamples < 2) {
            return 1;
        }
        return Math.max(1, Math.min(resamples, Runtime.getRuntime().availableProcessors()));
    }

    /** SplitMix64's output function (Stafford's variant 13), as in {@code SplittableRandom}. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** How often each of n items is drawn in one resample; reused from resample to resample. */
    static final class Counts {
        private final int n;
        /** 2³² mod n: a 32-bit value whose product with n has fewer low bits than this is skipped. */
        private final long threshold;
        private final int[] counts;

        Counts(int n) {
            if (n <= 0) {
                throw new IllegalArgumentException("no values to resample");
            }
            this.n = n;
            this.threshold = (1L << 32) % n;
            this.counts = new int[n];
        }

        /** Draws resample {@code resample} of {@code seed}, replacing the counts of the one before. */
        void draw(long seed, int resample) {
            Arrays.fill(counts, 0);
            long state = mix64(seed + (resample + 1L) * GOLDEN_GAMMA);
            int drawn = 0;
            while (drawn < n) {
                long word = mix64(state += GOLDEN_GAMMA);
                long high = (word >>> 32) * n;
                if ((high & 0xffffffffL) >= threshold) {
                    counts[(int) (high >>> 32)]++;
                    drawn++;
                }
                if (drawn == n) {
                    break;
                }
                long low = (word & 0xffffffffL) * n;
                if ((low & 0xffffffffL) >= threshold) {
                    counts[(int) (low >>> 32)]++;
                    drawn++;
                }
            }
        }

        /** How often {@code item} was drawn. */
        int count(int item) {
            return counts[item];
        }

        /** Σ counts[i] · x[i] in item order, with four running sums so that the additions overlap. */
        double weightedSum(double[] x) {
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            int i = 0;
            for (; i + 3 < n; i += 4) {
                s0 += counts[i] * x[i];
                s1 += counts[i + 1] * x[i + 1];
                s2 += counts[i + 2] * x[i + 2];
                s3 += counts[i + 3] * x[i + 3];
            }
            for (; i < n; i++) {
                s0 += counts[i] * x[i];
            }
            return (s0 + s1) + (s2 + s3);
        }
    }
}
