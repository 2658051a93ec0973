package dev.frontier.stats;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One-sided group-sequential boundaries by Lan and DeMets' alpha-spending functions (Lan &amp; DeMets 1983,
 * "Discrete sequential boundaries for clinical trials", Biometrika 70:659–663; Jennison &amp; Turnbull 2000,
 * <i>Group Sequential Methods with Applications to Clinical Trials</i>, §7.2 and ch. 19).
 *
 * <p>A statistic Z<sub>k</sub> is looked at after information fractions 0 &lt; t<sub>1</sub> &lt; … &lt;
 * t<sub>K</sub> = 1; under H0 the Z<sub>k</sub> have the canonical joint distribution (standard normal, corr(Z<sub>j
 * </sub>, Z<sub>k</sub>) = √(t<sub>j</sub>/t<sub>k</sub>)). H0 is rejected at the first look where Z<sub>k</sub> ≥
 * c<sub>k</sub>; the c<sub>k</sub> are chosen so that the probability of a first crossing at look k is α(t<sub>k</sub>)
 * − α(t<sub>k−1</sub>), where α(t) is the spending function, so the probability of any crossing is exactly α. The
 * crossing probabilities are computed by the recursive numerical integration of Armitage, McPherson and Rowe (1969)
 * on the score scale S<sub>k</sub> = Z<sub>k</sub>√t<sub>k</sub>, whose increments are independent N(0, t<sub>k</sub> −
 * t<sub>k−1</sub>).
 *
 * <p>Only an upper (efficacy) boundary is computed: a futility rule on top of it is non-binding and can only lower the
 * chance of rejecting.
 */
public final class GroupSequential {

    /** Grid points per unit of the score scale in the numerical integration. */
    private static final int POINTS_PER_UNIT = 200;
    /** Paths below this many standard deviations of the score are negligible (P &lt; 1e-15). */
    private static final double LOWER = -8.5;

    /** Boundaries already computed (a run looks up the same few designs at every look). */
    private static final Map<Key, double[]> KNOWN = new ConcurrentHashMap<>();

    private record Key(double alpha, List<Double> fractions, Spending spending) {
    }

    private GroupSequential() {
    }

    /** How α is spent over the looks. */
    public enum Spending {
        /**
         * O'Brien–Fleming-type: α(t) = 2 − 2Φ(z<sub>1−α/2</sub> / √t). Spends almost nothing early, so the last look's
         * boundary is close to the fixed-sample one.
         */
        OBRIEN_FLEMING("obrien-fleming"),
        /** Pocock-type: α(t) = α ln(1 + (e − 1) t). Spends evenly; stops earlier, at a higher final boundary. */
        POCOCK("pocock");

        private final String key;

        Spending(String key) {
            this.key = key;
        }

        /** The suite's spelling. */
        public String key() {
            return key;
        }

        /** The α spent by information fraction {@code t} in [0, 1], for a total one-sided level {@code alpha}. */
        public double spent(double alpha, double t) {
            if (t <= 0) {
                return 0;
            }
            if (t >= 1) {
                return alpha;
            }
            return switch (this) {
                case OBRIEN_FLEMING -> 2 * StandardNormal.upperTail(StandardNormal.quantile(1 - alpha / 2)
                        / Math.sqrt(t));
                case POCOCK -> alpha * Math.log(1 + (Math.E - 1) * t);
            };
        }
    }

    /**
     * The boundaries c<sub>1</sub> … c<sub>K</sub> on the z-scale: reject at look k when Z<sub>k</sub> ≥ c<sub>k</sub>.
     * A look that may spend nothing measurable gets {@link Double#POSITIVE_INFINITY}.
     *
     * @param alpha     one-sided level, in (0, 0.5)
     * @param fractions information fractions, strictly increasing, in (0, 1]; the last is normally 1
     * @throws IllegalArgumentException when the arguments are out of range
     */
    public static double[] boundaries(double alpha, double[] fractions, Spending spending) {
        if (!(alpha > 0 && alpha < 0.5)) {
            throw new IllegalArgumentException("alpha must be in (0, 0.5), got " + alpha);
        }
        check(fractions);
        int looks = fractions.length;
        double[] c = new double[looks];
        // the density of S_k on a grid over [LOWER·√t_k, c_k·√t_k), carried from look to look
        double[] grid = null;
        double[] density = null;
        double previousT = 0;
        double spentBefore = 0;
        for (int k = 0; k < looks; k++) {
            double t = fractions[k];
            double target = spending.spent(alpha, t) - spentBefore;
            double dt = t - previousT;
            if (k == 0) {
                c[k] = target <= 0 ? Double.POSITIVE_INFINITY : StandardNormal.quantile(1 - target);
            } else {
                c[k] = solve(grid, density, dt, t, target);
            }
            double[][] next = carry(grid, density, dt, t, c[k], k == 0);
            grid = next[0];
            density = next[1];
            spentBefore = spending.spent(alpha, t);
            previousT = t;
        }
        return c;
    }

    /**
     * The nominal one-sided levels of the boundaries: a p-value at look k that is at most {@code levels[k]} crosses.
     */
    public static double[] nominalLevels(double alpha, double[] fractions, Spending spending) {
        double[] c = KNOWN.computeIfAbsent(new Key(alpha, List.of(Arrays.stream(fractions).boxed()
                .toArray(Double[]::new)), spending), k -> boundaries(alpha, fractions, spending));
        double[] levels = new double[c.length];
        for (int k = 0; k < c.length; k++) {
            levels[k] = Double.isInfinite(c[k]) ? 0 : StandardNormal.upperTail(c[k]);
        }
        return levels;
    }

    /**
     * The predictive power of crossing the last boundary {@code finalBoundary} at information 1, given Z = {@code z}
     * at fraction {@code t}: the conditional power averaged over what the data so far say about the drift (flat
     * prior; Spiegelhalter, Freedman &amp; Blackburn 1986, "Monitoring clinical trials: conditional or predictive
     * power?", Controlled Clinical Trials 7:8–17): Φ((z − c<sub>K</sub>√t) / √(1 − t)). Early, when the trend is
     * uncertain, it stays nearer one half than the conditional power under the current trend (Φ((z/√t − c<sub>K</sub>)
     * / √(1 − t))), so a candidate is not stopped on the noise of a first small stage.
     */
    public static double predictivePower(double z, double t, double finalBoundary) {
        if (!(t > 0 && t < 1)) {
            throw new IllegalArgumentException("t must be in (0, 1), got " + t);
        }
        return StandardNormal.cdf((z - finalBoundary * Math.sqrt(t)) / Math.sqrt(1 - t));
    }

    /** The z of a one-sided p-value: Φ⁻¹(1 − p), finite for p in (0, 1) and clipped to ±8.3 at the ends. */
    public static double zOf(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("p must be in [0, 1], got " + p);
        }
        double z = StandardNormal.quantile(1 - p);
        return Math.max(-8.3, Math.min(8.3, z));
    }

    private static void check(double[] fractions) {
        if (fractions.length == 0) {
            throw new IllegalArgumentException("at least one look is needed");
        }
        double before = 0;
        for (double t : fractions) {
            if (!(t > before && t <= 1)) {
                throw new IllegalArgumentException("information fractions must increase within (0, 1]: "
                        + Arrays.toString(fractions));
            }
            before = t;
        }
    }

    /** The c_k at which the chance of a first crossing at this look (not having crossed before) is {@code target}. */
    private static double solve(double[] grid, double[] density, double dt, double t, double target) {
        if (target <= 0) {
            return Double.POSITIVE_INFINITY;
        }
        double lo = -2;
        double hi = 12;
        if (crossing(grid, density, dt, t, hi) > target) {
            return hi;
        }
        for (int i = 0; i < 80; i++) {
            double mid = (lo + hi) / 2;
            if (crossing(grid, density, dt, t, mid) > target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    /** P(not crossed before, S_k ≥ c·√t), from the previous look's sub-density. */
    private static double crossing(double[] grid, double[] density, double dt, double t, double c) {
        if (grid == null) {
            return 0;
        }
        double b = c * Math.sqrt(t);
        double sd = Math.sqrt(dt);
        double sum = 0;
        for (int i = 0; i < grid.length; i++) {
            sum += density[i] * StandardNormal.upperTail((b - grid[i]) / sd);
        }
        return sum;
    }

    /**
     * The sub-density of S_k on [LOWER·√t, c·√t) as weights on grid points (each weight the probability mass of its
     * cell, Simpson-integrated), from the previous look's weights.
     */
    private static double[][] carry(double[] grid, double[] weights, double dt, double t, double c, boolean first) {
        if (Double.isInfinite(c)) {
            c = 12;
        }
        double top = c * Math.sqrt(t);
        double bottom = LOWER * Math.sqrt(t);
        int n = Math.max(200, (int) Math.ceil((top - bottom) * POINTS_PER_UNIT));
        if (n % 2 == 1) {
            n++;
        }
        double h = (top - bottom) / n;
        double[] points = new double[n + 1];
        double[] mass = new double[n + 1];
        double sd = Math.sqrt(first ? t : dt);
        for (int i = 0; i <= n; i++) {
            double s = bottom + i * h;
            points[i] = s;
            double f;
            if (first) {
                f = phi(s / sd) / sd;
            } else {
                f = 0;
                for (int j = 0; j < grid.length; j++) {
                    f += weights[j] * phi((s - grid[j]) / sd);
                }
                f /= sd;
            }
            double simpson = (i == 0 || i == n) ? 1 : (i % 2 == 1 ? 4 : 2);
            mass[i] = f * simpson * h / 3;
        }
        return new double[][] {points, mass};
    }

    private static double phi(double x) {
        return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
    }
}
