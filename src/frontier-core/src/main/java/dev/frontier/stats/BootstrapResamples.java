package dev.frontier.stats;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The resamples of a seeded bootstrap and the means of values over them. A resample of n items says how often each
 * item is drawn in n draws with replacement: a multinomial draw of n over n equally likely items.
 *
 * <p>Resample r draws from its own SplitMix64 stream (the generator of {@code java.util.SplittableRandom}): that of
 * {@code new SplittableRandom(w)}, w the r-th {@code nextLong()} of {@code new SplittableRandom(seed)}. It is drawn in
 * two steps:
 * <ol>
 * <li><b>Poisson counts.</b> With λ = 1 − 3/√n, every item gets a Poisson(λ) count, five items per 64-bit output in
 * item order: item j of a group takes the 12-bit cell c = bits 63−12j … 52−12j, and its count is the smallest k with
 * u &lt; F(k), F the Poisson(λ) distribution function ({@link PoissonCells}) and u = (c + f)/4096, where f, the top 53
 * bits of one more output, is drawn (after the group's output, in item order) only when some F(k) lies inside the
 * cell. So most items cost a table look-up. If the counts add up to more than n (rarely: about one resample in 700
 * when n is large) they are drawn again from where the stream is. When λ ≤ 0 (n ≤ 9) there is no such step.</li>
 * <li><b>Top-up.</b> The n − S draws still missing are drawn one by one: each output gives two 32-bit values, the
 * high half first, and a value u becomes the index ⌊u·n / 2³²⌋ unless the low 32 bits of u·n are below 2³² mod n,
 * when it is skipped (Lemire's bounded draw: every index equally likely, with no division).</li>
 * </ol>
 * Independent Poisson counts with sum s are, given s, the counts of s uniform draws; adding n − s more uniform draws
 * gives the counts of n of them, whatever s was, and redrawing on the sum alone does not change that. So a resample is
 * exactly a multinomial draw of n (to the precision of F in doubles), for about one table look-up per item instead of
 * one bounded draw per item.
 *
 * <p>Because every resample has its own stream, any thread can compute any resample without drawing the ones before
 * it: large bootstraps are cut into one piece of resamples per core, and the means do not depend on the number of
 * pieces. A vector's sum over a resample is Σ count·x in a fixed order: the Poisson counts in five running sums (item
 * i in sum i mod 5 of its group), added as ((s0 + s1) + (s2 + s3)) + s4, then the top-up draws in draw order. Vectors
 * resampled together get the same resamples, and a vector alone gets exactly the means it gets in company.
 * {@code BootstrapResamplesTest} checks the counts against a plain transcription of this definition and their
 * distribution against the multinomial's.
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
     * {@code means[v][r]}: each resample is drawn once and every vector is averaged over it; {@code means[v]} equals
     * {@code means(vectors[v], resamples, seed)} to the last bit.
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
        PoissonCells cells = PoissonCells.of(n);
        IntStream.range(0, pieces).parallel().forEach(piece -> {
            int from = (int) ((long) piece * resamples / pieces);
            int to = (int) ((long) (piece + 1) * resamples / pieces);
            Resample resample = new Resample(n, cells, count > 1);
            double[] pair = new double[2];
            for (int r = from; r < to; r++) {
                means[0][r] = resample.draw(seed, r, vectors[0]) / n;
                // the others two at a time, one pass over the counts for both
                for (int v = 1; v < count; v += 2) {
                    resample.sums(vectors[v], vectors[Math.min(v + 1, count - 1)], pair);
                    means[v][r] = pair[0] / n;
                    if (v + 1 < count) {
                        means[v + 1][r] = pair[1] / n;
                    }
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

    /**
     * Poisson(λ) counts from 12-bit cells, λ = 1 − 3/√n: n·λ falls three standard deviations short of n, so the
     * counts of a resample rarely add up to more than n, and the top-up is about 3√n draws.
     */
    static final class PoissonCells {
        static final int CELL_BITS = 12;
        private static final int CELLS = 1 << CELL_BITS;
        /** 4096·F(k) for k below {@link #last}; F(k) in doubles, by summing e^−λ·λ^k/k!. */
        private final double[] bounds;
        /** The count that takes the rest: the first k whose term no longer changes the sum, or whose sum is 1. */
        private final int last;
        /** The count of every u in the cell, or −∞ when a bound lies inside it. */
        private final double[] cells;

        private PoissonCells(double lambda) {
            double[] b = new double[64];
            double term = StrictMath.exp(-lambda);
            double sum = term;
            int k = 0;
            while (sum < 1) {
                b[k] = CELLS * sum;
                k++;
                term = term * lambda / k;
                double next = sum + term;
                if (next == sum) {
                    break;
                }
                sum = next;
            }
            this.last = k;
            this.bounds = Arrays.copyOf(b, k);
            this.cells = new double[CELLS];
            for (int c = 0; c < CELLS; c++) {
                int below = countBelow(c);
                cells[c] = below == last || bounds[below] >= c + 1 ? below : Double.NEGATIVE_INFINITY;
            }
        }

        /** The cells for n items, or null when λ ≤ 0 (n ≤ 9) and a resample is all top-up. */
        static PoissonCells of(int n) {
            double lambda = 1 - 3 / Math.sqrt(n);
            return lambda > 0 ? new PoissonCells(lambda) : null;
        }

        /** 4096·F(k) for k = 0 … {@link #last()} − 1. */
        double[] bounds() {
            return bounds.clone();
        }

        int last() {
            return last;
        }

        /** How many bounds are at most {@code c}. */
        private int countBelow(double c) {
            int k = 0;
            while (k < last && bounds[k] <= c) {
                k++;
            }
            return k;
        }

        /**
         * The count of u = (c + f)/4096 in cell {@code c} that a bound cuts, f the top 53 bits of {@code word}:
         * u ≥ F(k) exactly when f ≥ 4096·F(k) − c, a difference without rounding for a bound inside the cell.
         */
        double resolve(int c, long word) {
            double f = (word >>> 11) * 0x1.0p-53;
            int k = countBelow(c);
            while (k < last && bounds[k] - c <= f) {
                k++;
            }
            return k;
        }
    }

    /** One resample at a time of n items, each drawn over the one before. */
    static final class Resample {
        private final int n;
        /** 2³² mod n: a 32-bit value whose product with n has fewer low bits than this is skipped. */
        private final long threshold;
        private final PoissonCells poisson;
        /** The Poisson counts, kept when more vectors than one are summed over the resample. */
        private final byte[] counts;
        /** The top-up draws, in draw order, kept with the counts. */
        private int[] topUp;
        private int topUps;
        /** What the Poisson counts last drawn add up to. */
        private int poissonTotal;
        /** The stream's state after the Poisson counts last summed. */
        private long after;
        /** The counts of the last, partial group of items. */
        private final double[] group = new double[5];

        Resample(int n, PoissonCells poisson, boolean keep) {
            if (n <= 0) {
                throw new IllegalArgumentException("no values to resample");
            }
            this.n = n;
            this.threshold = (1L << 32) % n;
            this.poisson = poisson;
            this.counts = keep ? new byte[n] : null;
            this.topUp = keep ? new int[16] : null;
        }

        /**
         * Draws resample {@code resample} of {@code seed} and returns Σ count·x over it, summing while it draws; a
         * resample that keeps its counts also stores them, for {@link #sums}.
         */
        double draw(long seed, int resample, double[] x) {
            long state = mix64(seed + (resample + 1L) * GOLDEN_GAMMA);
            if (poisson == null) {
                return topUp(state, x, 0);
            }
            double poissonSum = sumPoisson(state, x);
            return poissonSum + topUp(after, x, poissonTotal);
        }

        /**
         * Σ count·x over the Poisson counts as they are drawn, again while they add up to more than n; their sum in
         * {@link #poissonTotal}, the stream's state after them in {@link #after}, and the counts in {@link #counts}
         * when it keeps them.
         */
        private double sumPoisson(long state, double[] x) {
            double[] cells = poisson.cells;
            byte[] kept = counts;
            int whole = n - n % 5; // the items of whole groups
            while (true) {
                double s0 = 0;
                double s1 = 0;
                double s2 = 0;
                double s3 = 0;
                double s4 = 0;
                double total = 0;
                for (int i = 0; i < whole; i += 5) {
                    long word = mix64(state += GOLDEN_GAMMA);
                    double k0 = cells[(int) (word >>> 52)];
                    double k1 = cells[(int) (word >>> 40) & 0xfff];
                    double k2 = cells[(int) (word >>> 28) & 0xfff];
                    double k3 = cells[(int) (word >>> 16) & 0xfff];
                    double k4 = cells[(int) (word >>> 4) & 0xfff];
                    double sum = (k0 + k1) + (k2 + k3) + k4;
                    if (sum < 0) {
                        // a cell a bound cuts (about 1 % of groups); written out rather than through partialGroup,
                        // whose counts go through memory: that cost the whole loop 20 %
                        if (k0 < 0) {
                            k0 = poisson.resolve((int) (word >>> 52), mix64(state += GOLDEN_GAMMA));
                        }
                        if (k1 < 0) {
                            k1 = poisson.resolve((int) (word >>> 40) & 0xfff, mix64(state += GOLDEN_GAMMA));
                        }
                        if (k2 < 0) {
                            k2 = poisson.resolve((int) (word >>> 28) & 0xfff, mix64(state += GOLDEN_GAMMA));
                        }
                        if (k3 < 0) {
                            k3 = poisson.resolve((int) (word >>> 16) & 0xfff, mix64(state += GOLDEN_GAMMA));
                        }
                        if (k4 < 0) {
                            k4 = poisson.resolve((int) (word >>> 4) & 0xfff, mix64(state += GOLDEN_GAMMA));
                        }
                        sum = (k0 + k1) + (k2 + k3) + k4;
                    }
                    if (kept != null) {
                        kept[i] = (byte) k0;
                        kept[i + 1] = (byte) k1;
                        kept[i + 2] = (byte) k2;
                        kept[i + 3] = (byte) k3;
                        kept[i + 4] = (byte) k4;
                    }
                    s0 += k0 * x[i];
                    s1 += k1 * x[i + 1];
                    s2 += k2 * x[i + 2];
                    s3 += k3 * x[i + 3];
                    s4 += k4 * x[i + 4];
                    total += sum;
                }
                int rest = n - whole;
                if (rest > 0) {
                    long word = mix64(state += GOLDEN_GAMMA);
                    state += partialGroup(word, state, rest) * GOLDEN_GAMMA;
                    double[] lanes = {s0, s1, s2, s3, s4};
                    for (int j = 0; j < rest; j++) {
                        if (kept != null) {
                            kept[whole + j] = (byte) group[j];
                        }
                        lanes[j] += group[j] * x[whole + j];
                        total += group[j];
                    }
                    s0 = lanes[0];
                    s1 = lanes[1];
                    s2 = lanes[2];
                    s3 = lanes[3];
                    s4 = lanes[4];
                }
                if (total <= n) {
                    poissonTotal = (int) total;
                    after = state;
                    return ((s0 + s1) + (s2 + s3)) + s4;
                }
            }
        }

        /**
         * The counts of the last group's {@code items} items from its output {@code word} into {@link #group}: the
         * table's, or for a cell a bound cuts the top 53 bits of the stream's next output, in item order. Returns
         * how many outputs it took after {@code state}.
         */
        private int partialGroup(long word, long state, int items) {
            int more = 0;
            for (int j = 0; j < items; j++) {
                int c = cell(word, j);
                double k = poisson.cells[c];
                if (k < 0) {
                    more++;
                    k = poisson.resolve(c, mix64(state + more * GOLDEN_GAMMA));
                }
                group[j] = k;
            }
            return more;
        }

        /**
         * The top-up: draws until n items are drawn in all, {@code drawn} of them by the Poisson counts, kept when
         * the counts are; returns Σ x over them in draw order.
         */
        private double topUp(long state, double[] x, int drawn) {
            topUps = 0;
            double sum = 0;
            while (drawn < n) {
                long word = mix64(state += GOLDEN_GAMMA);
                long high = (word >>> 32) * n;
                if ((high & 0xffffffffL) >= threshold) {
                    int item = (int) (high >>> 32);
                    sum += x[item];
                    keepTopUp(item);
                    drawn++;
                }
                if (drawn == n) {
                    break;
                }
                long low = (word & 0xffffffffL) * n;
                if ((low & 0xffffffffL) >= threshold) {
                    int item = (int) (low >>> 32);
                    sum += x[item];
                    keepTopUp(item);
                    drawn++;
                }
            }
            return sum;
        }

        private static int cell(long word, int j) {
            return (int) (word >>> (64 - PoissonCells.CELL_BITS * (j + 1))) & 0xfff;
        }

        private void keepTopUp(int item) {
            if (topUp == null) {
                return;
            }
            if (topUps == topUp.length) {
                topUp = Arrays.copyOf(topUp, Math.min(n, 2 * topUps));
            }
            topUp[topUps++] = item;
        }

        /**
         * Σ count·x and Σ count·y over the resample last drawn, into {@code into[0]} and {@code into[1]}, in one pass
         * over the counts ({@code y} may be {@code x}); each in the order {@link #draw} sums its vector, so to the same
         * bits. Only for a resample that keeps its counts.
         */
        void sums(double[] x, double[] y, double[] into) {
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            double s4 = 0;
            double t0 = 0;
            double t1 = 0;
            double t2 = 0;
            double t3 = 0;
            double t4 = 0;
            if (poisson != null) {
                byte[] k = counts;
                int whole = n - n % 5;
                for (int i = 0; i < whole; i += 5) {
                    double k0 = k[i];
                    double k1 = k[i + 1];
                    double k2 = k[i + 2];
                    double k3 = k[i + 3];
                    double k4 = k[i + 4];
                    s0 += k0 * x[i];
                    s1 += k1 * x[i + 1];
                    s2 += k2 * x[i + 2];
                    s3 += k3 * x[i + 3];
                    s4 += k4 * x[i + 4];
                    t0 += k0 * y[i];
                    t1 += k1 * y[i + 1];
                    t2 += k2 * y[i + 2];
                    t3 += k3 * y[i + 3];
                    t4 += k4 * y[i + 4];
                }
                double[] xs = {s0, s1, s2, s3, s4};
                double[] ys = {t0, t1, t2, t3, t4};
                for (int j = 0; whole + j < n; j++) {
                    xs[j] += k[whole + j] * x[whole + j];
                    ys[j] += k[whole + j] * y[whole + j];
                }
                s0 = xs[0];
                s1 = xs[1];
                s2 = xs[2];
                s3 = xs[3];
                s4 = xs[4];
                t0 = ys[0];
                t1 = ys[1];
                t2 = ys[2];
                t3 = ys[3];
                t4 = ys[4];
            }
            double xTopUp = 0;
            double yTopUp = 0;
            for (int t = 0; t < topUps; t++) {
                xTopUp += x[topUp[t]];
                yTopUp += y[topUp[t]];
            }
            into[0] = (((s0 + s1) + (s2 + s3)) + s4) + xTopUp;
            into[1] = (((t0 + t1) + (t2 + t3)) + t4) + yTopUp;
        }

        /** How often each item was drawn in the resample last drawn; only for a resample that keeps its counts. */
        int[] counts() {
            int[] c = new int[n];
            if (poisson != null) {
                for (int i = 0; i < n; i++) {
                    c[i] = counts[i];
                }
            }
            for (int t = 0; t < topUps; t++) {
                c[topUp[t]]++;
            }
            return c;
        }
    }
}
