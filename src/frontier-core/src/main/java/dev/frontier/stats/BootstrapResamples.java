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
 * <p>Indices are drawn a batch at a time and then read, so that the reads of the values (at 100,000 items they no
 * longer fit a core's cache) overlap instead of waiting behind the generator; a resample's mean is still summed in
 * draw order, as {@link Bootstrap} always did, so its value is the same to the last bit.
 */
public final class BootstrapResamples {
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
    /** Below this many draws (resamples × items) one thread does it all: about a millisecond of work. */
    static final long PARALLEL_DRAWS = 2_000_000L;
    /** Indices are drawn this many at a time, then read: the reads no longer wait behind the generator. */
    private static final int BATCH = 512;
    /** Skipping a draw costs about this share of drawing and reading it (measured at 100,000 items). */
    private static final double SKIP_COST = 0.45;

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
        int[] starts = starts(resamples, pieces);
        IntStream.range(0, pieces).parallel().forEach(piece -> {
            int from = starts[piece];
            int to = starts[piece + 1];
            Draws draws = new Draws(seed, n);
            draws.skip((long) from * n);
            int[] batch = new int[Math.min(n, BATCH)];
            for (int r = from; r < to; r++) {
                double sum = 0;
                for (int done = 0; done < n; done += batch.length) {
                    int k = Math.min(batch.length, n - done);
                    draws.fill(batch, k);
                    for (int j = 0; j < k; j++) {
                        sum += values[batch[j]];
                    }
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
            int[] batch = new int[Math.min(n, BATCH)];
            for (int r = from; r < to; r++) {
                Arrays.fill(counts, 0);
                for (int done = 0; done < n; done += batch.length) {
                    int k = Math.min(batch.length, n - done);
                    draws.fill(batch, k);
                    for (int j = 0; j < k; j++) {
                        counts[batch[j]]++;
                    }
                }
                for (int v = 0; v < count; v++) {
                    means[v][r] = weightedSum(counts, vectors[v]) / n;
                }
            }
        });
        return means;
    }

    /**
     * Where each piece's resamples start, so that pieces end together: a piece that starts later first skips the
     * draws before it, at about half the cost of using them ({@code SKIP_COST}), so it gets fewer resamples.
     */
    static int[] starts(int resamples, int pieces) {
        double[] lengths = new double[pieces];
        double at = 0;
        double total = 0;
        for (int k = 0; k < pieces; k++) {
            lengths[k] = 1 - SKIP_COST * at; // in units of the first piece's length
            at += lengths[k];
            total += lengths[k];
        }
        int[] starts = new int[pieces + 1];
        double sum = 0;
        for (int k = 0; k < pieces; k++) {
            starts[k] = (int) Math.round(sum / total * resamples);
            sum += lengths[k];
        }
        starts[pieces] = resamples;
        return starts;
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
        private final int limit;

        Draws(long seed, int bound) {
            if (bound <= 0) {
                throw new IllegalArgumentException("bound must be positive");
            }
            this.state = seed;
            this.bound = bound;
            this.mask = bound - 1;
            this.powerOfTwo = (bound & mask) == 0;
            // u (31 bits) is rejected when u + (bound - 1) - u % bound overflows, i.e. from the last whole multiple on
            this.limit = (int) ((1L << 31) / bound * bound);
        }

        private static int mix32(long z) {
            z = (z ^ (z >>> 33)) * 0x62a9d9ed799705f5L;
            return (int) (((z ^ (z >>> 28)) * 0xcb24d0a5c88c35b3L) >>> 32);
        }

        /** The next {@code count} draws into {@code out[0..count)}. */
        void fill(int[] out, int count) {
            long s = state;
            if (powerOfTwo) {
                for (int j = 0; j < count; j++) {
                    out[j] = mix32(s += GOLDEN_GAMMA) & mask;
                }
            } else {
                for (int j = 0; j < count; j++) {
                    int u = mix32(s += GOLDEN_GAMMA) >>> 1;
                    while (u >= limit) {
                        u = mix32(s += GOLDEN_GAMMA) >>> 1;
                    }
                    out[j] = u % bound;
                }
            }
            state = s;
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
