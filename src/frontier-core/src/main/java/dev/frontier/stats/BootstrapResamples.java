package dev.frontier.stats;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The resamples of a seeded bootstrap: resample r of n items is the draws r·n … r·n + n − 1 of
 * {@code new java.util.SplittableRandom(seed).nextInt(n)}, the stream {@link Bootstrap} has always used, so a seed
 * means what it meant. The generator is written out here (SplitMix64's {@code mix32} on a counter stepped by the
 * golden gamma, and the JDK's rejection rule for a bound) because that lets a thread start at any resample: it
 * skips the draws before it, counting the rare rejected values, without reading any data. Large bootstraps are
 * cut into one piece of resamples per core; every piece computes exactly the means a single thread would, so the
 * result does not depend on the number of cores. {@code BootstrapResamplesTest} checks the draws against
 * {@code SplittableRandom} itself.
 *
 * <p>The remainder {@code u % n} is taken through a floating-point reciprocal and corrected to the exact integer,
 * which costs a few cycles where an integer division costs tens; a resample's mean is summed in draw order, as
 * {@link Bootstrap} always did, so its value is the same to the last bit.
 */
public final class BootstrapResamples {
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
    /** Below this many draws (resamples × items) one thread does it all: about a millisecond of work. */
    static final long PARALLEL_DRAWS = 2_000_000L;

    private BootstrapResamples() {
    }

    /**
     * The mean of {@code values} in each of {@code resamples} resamples drawn from {@code seed}, in parallel when
     * the bootstrap is large; the same numbers as one thread computes.
     */
    public static double[] means(double[] values, int resamples, long seed) {
        return means(values, resamples, seed, pieces((long) resamples * values.length, resamples));
    }

    /** {@link #means(double[], int, long)} cut into {@code pieces} pieces of resamples. */
    static double[] means(double[] values, int resamples, long seed, int pieces) {
        int n = values.length;
        if (n == 0) {
            throw new IllegalArgumentException("no values to resample");
        }
        double[] means = new double[resamples];
        IntStream.range(0, pieces).parallel().forEach(piece -> {
            int from = (int) ((long) piece * resamples / pieces);
            int to = (int) ((long) (piece + 1) * resamples / pieces);
            Draws draws = new Draws(seed, n);
            draws.skip((long) from * n);
            for (int r = from; r < to; r++) {
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    sum += values[draws.next()];
                }
                means[r] = sum / n;
            }
        });
        return means;
    }

    /**
     * The resampled means of each of {@code vectors} (all of one length n) on one shared set of resamples,
     * {@code means[v][r]}: each resample's indices are drawn once, counted per item, and every vector is averaged
     * with those counts in a sequential pass. The sums run in item order rather than draw order, so a mean can
     * differ from {@link #means(double[], int, long)}'s in the last bits (about 1e-15 relative).
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
            Draws draws = new Draws(seed, n);
            draws.skip((long) from * n);
            int[] counts = new int[n];
            for (int r = from; r < to; r++) {
                Arrays.fill(counts, 0);
                for (int i = 0; i < n; i++) {
                    counts[draws.next()]++;
                }
                for (int v = 0; v < count; v++) {
                    means[v][r] = weightedSum(counts, vectors[v]) / n;
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

    /** Σ counts[i] · x[i], with four running sums so that the additions overlap. */
    private static double weightedSum(int[] counts, double[] x) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int n = x.length;
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

    /** {@code new SplittableRandom(seed).nextInt(bound)}, draw after draw, with a skip. */
    static final class Draws {
        private long state;
        private final int bound;
        private final int mask;
        private final boolean powerOfTwo;
        private final double reciprocal;
        private final int limit;

        Draws(long seed, int bound) {
            if (bound <= 0) {
                throw new IllegalArgumentException("bound must be positive");
            }
            this.state = seed;
            this.bound = bound;
            this.mask = bound - 1;
            this.powerOfTwo = (bound & mask) == 0;
            this.reciprocal = 1.0 / bound;
            // u (31 bits) is rejected when u + (bound - 1) - u % bound overflows, i.e. from the last whole multiple on
            this.limit = (int) ((1L << 31) / bound * bound);
        }

        private static int mix32(long z) {
            z = (z ^ (z >>> 33)) * 0x62a9d9ed799705f5L;
            return (int) (((z ^ (z >>> 28)) * 0xcb24d0a5c88c35b3L) >>> 32);
        }

        int next() {
            int r = mix32(state += GOLDEN_GAMMA);
            if (powerOfTwo) {
                return r & mask;
            }
            int u = r >>> 1;
            while (u >= limit) {
                u = mix32(state += GOLDEN_GAMMA) >>> 1;
            }
            return remainder(u);
        }

        /** u % bound, exact: the quotient from the reciprocal is off by at most one either way. */
        private int remainder(int u) {
            long q = (long) (u * reciprocal);
            long rem = u - q * bound;
            if (rem < 0) {
                rem += bound;
            } else if (rem >= bound) {
                rem -= bound;
            }
            return (int) rem;
        }

        /** Moves past {@code draws} accepted draws without computing them. */
        void skip(long draws) {
            if (powerOfTwo) {
                state += draws * GOLDEN_GAMMA;
                return;
            }
            long s = state;
            for (long d = 0; d < draws; d++) {
                while ((mix32(s += GOLDEN_GAMMA) >>> 1) >= limit) {
                    // a rejected value: draw again
                }
            }
            state = s;
        }
    }
}
