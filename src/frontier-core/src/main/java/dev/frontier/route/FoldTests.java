package dev.frontier.route;

import dev.frontier.stats.BootstrapDistribution;
import dev.frontier.stats.NonInferiorityTest;
import java.util.List;

/**
 * The non-inferiority test of a cross-fitted routing policy: shown only when it is shown in every held-out fold
 * (an intersection–union test; the p-value is the largest of the folds' p-values).
 *
 * <p><b>Why not one test on all held-out items.</b> Each fold is routed by a threshold chosen on the other folds,
 * so fold A's threshold depends on fold B's answers and B's on A's: when the choice follows noise, as it must when
 * the cuts are truly alike, the held-out outcomes of different folds are positively correlated, and a test that
 * treats them as independent understates the variance. Simulated at the margin (a cascade whose every cut is
 * truly −margin, 1,000 suites of 200 items, α = 5 %), one paired bootstrap test on all items accepted 8.6 % of the
 * time (7.0 % with the rule's fallback to a constant cut). Within one fold the items are independent of that fold's
 * threshold, so each fold's own test (paired bootstrap, or Tango's for 0/1 scores, as for single candidates) is
 * valid given its threshold. If the policy's true mean difference (the average over the folds) is at or below
 * −margin, some fold's is too, and that fold accepts with probability at most α: requiring all folds to accept
 * keeps the error at α whatever the dependence between folds. The price is power: each fold has 1/k of the items.
 *
 * <p>The reported interval of the difference is the matching one: from the smallest of the folds' one-sided lower
 * bounds to the largest of their upper bounds, each at 1 − α, so its lower end is above −margin exactly when the
 * test passes. The point figures (quality, cost, shares, the difference itself) stay those of all held-out items.
 */
final class FoldTests {
    private FoldTests() {
    }

    static void replaceTests(Routing.Figures[] figures, List<Routing.Tried> tried, double[] incumbentQ,
                             RoutingOptions o) {
        int n = incumbentQ.length;
        int k = o.folds();
        int[] fold = Evaluation.folds(n, k, o.seed());
        double alpha = o.alpha();
        int count = tried.size();
        double[] p = new double[count];
        double[] lower = new double[count];
        double[] upper = new double[count];
        java.util.Arrays.fill(lower, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(upper, Double.NEGATIVE_INFINITY);
        String paired = SharedBootstrap.description("paired-", o.method(), o.resamples(), o.seed());
        // each fold resamples with its own seed (seed + fold + 1), so that the folds' resamples are not alike
        for (int f = 0; f < k; f++) {
            int size = 0;
            for (int i = 0; i < n; i++) {
                size += fold[i] == f ? 1 : 0;
            }
            int[] items = new int[size];
            int m = 0;
            for (int i = 0; i < n; i++) {
                if (fold[i] == f) {
                    items[m++] = i;
                }
            }
            double[] inc = pick(incumbentQ, items);
            // the incumbent first, then every routing policy's quality on this fold
            int[] slot = new int[count];
            List<double[]> vectors = new java.util.ArrayList<>();
            vectors.add(inc);
            for (int c = 0; c < count; c++) {
                slot[c] = -1;
                if (routing(tried.get(c))) {
                    slot[c] = vectors.size();
                    vectors.add(pick(tried.get(c).outcome().quality(), items));
                }
            }
            double[][] means = SharedBootstrap.resampledMeans(vectors.toArray(double[][]::new), o.resamples(),
                    o.seed() + f + 1);
            for (int c = 0; c < count; c++) {
                if (slot[c] < 0) {
                    continue;
                }
                double[] q = vectors.get(slot[c]);
                double pf;
                double lo;
                double hi;
                if (size < Routing.MIN_ITEMS) {
                    pf = 1;
                    lo = Double.NEGATIVE_INFINITY;
                    hi = Double.POSITIVE_INFINITY;
                } else if (binary(q) && binary(inc)) {
                    NonInferiorityTest test = NonInferiorityTest.binary(q, inc, o.margin());
                    pf = test.pValue();
                    lo = test.lowerBound(1 - alpha);
                    hi = test.upperBound(1 - alpha);
                } else {
                    double[] d = new double[size];
                    for (int i = 0; i < size; i++) {
                        d[i] = q[i] - inc[i];
                    }
                    double[] dMeans = new double[o.resamples()];
                    for (int r = 0; r < dMeans.length; r++) {
                        dMeans[r] = means[slot[c]][r] - means[0][r];
                    }
                    BootstrapDistribution dist = BootstrapDistribution.ofMean(d, dMeans, o.method(),
                            paired);
                    pf = dist.pValueAtMost(-o.margin());
                    lo = dist.lowerBound(1 - alpha);
                    hi = dist.upperBound(1 - alpha);
                }
                p[c] = Math.max(p[c], pf);
                lower[c] = Math.min(lower[c], lo);
                upper[c] = Math.max(upper[c], hi);
            }
        }
        for (int c = 0; c < count; c++) {
            if (routing(tried.get(c))) {
                Routing.Figures old = figures[c];
                figures[c] = new Routing.Figures(old.quality(), old.difference(), lower[c], upper[c], p[c]);
            }
        }
    }

    private static boolean routing(Routing.Tried t) {
        return t.kind() == PolicyKind.CASCADE || t.kind() == PolicyKind.LEARNED;
    }

    private static double[] pick(double[] v, int[] items) {
        double[] out = new double[items.length];
        for (int i = 0; i < items.length; i++) {
            out[i] = v[items[i]];
        }
        return out;
    }

    private static boolean binary(double[] v) {
        for (double x : v) {
            if (x != 0 && x != 1) {
                return false;
            }
        }
        return true;
    }
}
