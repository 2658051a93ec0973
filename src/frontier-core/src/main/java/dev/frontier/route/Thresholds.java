package dev.frontier.route;

/**
 * Chooses where a policy switches from its "stay" answer to its "switch" answer by a score: a cascade stays with
 * {@code first} and switches (escalates) to {@code then} on its signal; a learned router stays with {@code cheap}
 * and switches to {@code dear} when the predicted probability is low.
 *
 * <p><b>The rule.</b> Among all cuts of the training items by the score (switch none, switch all, or switch the
 * items on one side of a midpoint between two adjacent distinct scores), take the cheapest cut whose mean quality
 * difference d̄ against the incumbent on the training items is at least −margin/2 and whose
 * d̄ − {@value #SAFETY_Z}·s/√m is at least −margin, where s is the standard deviation of the per-item differences
 * and m the number of items the cut will be tested on (one held-out fold); at equal cost the better one, then the
 * one that switches fewer items. Aiming at half the margin leaves room for the held-out noise and the test's own
 * lower bound: a cut chosen at exactly −margin would be non-inferior at best half the time even when it is truly
 * at the boundary. The second condition does the same for the sample size: a fold of a few hundred items cannot
 * show a cut whose differences are noisy, so the rule prefers the cut that switches the items it is sure of
 * (z = {@value #SAFETY_Z} covers the test's one-sided level after Holm's correction across a family of about ten
 * policies, and some optimism of the training folds). When no cut reaches −margin/2, the score has shown no cut worth making, and the rule takes
 * the better (then the cheaper) of the two cuts that do not depend on it: switch none or switch all. Taking the best
 * of all cuts instead would chase the noise of the training folds (see {@link FoldTests} for what that does to a
 * test on held-out items). An item without a score always switches. When the cost is unknown,
 * the number of switched items stands in for it.
 */
final class Thresholds {

    /** How many standard errors of a held-out fold's mean a chosen cut keeps above −margin. */
    static final double SAFETY_Z = 3.0;

    private Thresholds() {
    }

    /**
     * A chosen cut: switch when the score is below {@code threshold} (or above, when {@code switchWhenBelow} is
     * false).
     */
    record Choice(double threshold, boolean switchWhenBelow) {
        boolean switches(double score) {
            if (Double.isNaN(score)) {
                return true;
            }
            return switchWhenBelow ? score < threshold : score > threshold;
        }
    }

    /**
     * The per-item figures of the two answers.
     *
     * @param score      the deciding score per item (NaN: missing)
     * @param ascending  {@link Order#ascending(double[])} of {@code score}
     * @param stayQ      quality when staying
     * @param switchQ    quality when switching
     * @param incumbentQ the incumbent's quality
     * @param stayCost   cost when staying; null when unknown
     * @param switchCost cost when switching; null when unknown
     */
    record Candidates(double[] score, int[] ascending, double[] stayQ, double[] switchQ, double[] incumbentQ,
                      double[] stayCost, double[] switchCost) {
        double dq(int i) {
            return switchQ[i] - stayQ[i];
        }

        double dc(int i) {
            return stayCost == null || switchCost == null ? 1 : switchCost[i] - stayCost[i];
        }

        double c0(int i) {
            return stayCost == null || switchCost == null ? 0 : stayCost[i];
        }
    }

    /**
     * The cut by the rule on the items where {@code use} is true (all items when {@code use} is null).
     *
     * @param bothDirections whether switching on high scores is tried too (cascades: the signal's direction is not
     *                       known in advance); else only low scores switch
     */
    static Choice choose(Candidates c, boolean[] use, double margin, boolean bothDirections) {
        return choose(c, use, margin, bothDirections, 0);
    }

    /**
     * The cut by the rule, for a policy tested on held-out folds of {@code folds} (the training items are
     * {@code folds − 1} of them, or all of them when {@code use} is null); {@code folds} 0 leaves the sample-size
     * condition out.
     */
    static Choice choose(Candidates c, boolean[] use, double margin, boolean bothDirections, int folds) {
        int total = 0;
        double q = 0;
        double q2 = 0;
        double cost = 0;
        int n = c.score().length;
        for (int i = 0; i < n; i++) {
            if (use != null && !use[i]) {
                continue;
            }
            total++;
            double d = Double.isNaN(c.score()[i]) ? c.switchQ()[i] - c.incumbentQ()[i]
                    : c.stayQ()[i] - c.incumbentQ()[i];
            q += d;
            q2 += d * d;
            cost += c.c0(i);
            if (Double.isNaN(c.score()[i])) {
                cost += c.dc(i);
            }
        }
        if (total == 0) {
            throw new IllegalArgumentException("no training items to choose a threshold on");
        }
        double tested = folds <= 0 ? Double.POSITIVE_INFINITY
                : use == null ? (double) total / folds : (double) total / Math.max(1, folds - 1);
        Target target = new Target(margin, total, tested);
        Best best = new Best(target);
        best.offer(q, q2, cost, Double.NEGATIVE_INFINITY, true);
        Best none = new Best(target);
        none.offer(q, q2, cost, Double.NEGATIVE_INFINITY, true);
        walk(c, use, q, q2, cost, true, best);
        if (bothDirections) {
            walk(c, use, q, q2, cost, false, best);
        }
        if (best.feasible) {
            return new Choice(best.threshold, best.below);
        }
        // nothing reaches the target: the better of "switch none" and "switch all" (the last cut of the walk)
        Best constant = new Best(target);
        constant.offer(none.q, none.q2, none.cost, none.threshold, true);
        constant.offer(best.lastQ, best.lastQ2, best.lastCost, Double.POSITIVE_INFINITY, true);
        return new Choice(constant.threshold, constant.below);
    }

    /** Whether a cut with these sums over the training items meets the rule. */
    private record Target(double margin, int total, double tested) {
        boolean met(double q, double q2) {
            double slack = 1e-9 * Math.max(1, total);
            if (q < -margin / 2 * total - slack) {
                return false;
            }
            if (Double.isInfinite(tested)) {
                return true;
            }
            double mean = q / total;
            double variance = Math.max(0, q2 / total - mean * mean);
            return mean - SAFETY_Z * Math.sqrt(variance / tested) >= -margin - slack / total;
        }
    }

    private static void walk(Candidates c, boolean[] use, double q, double q2, double cost, boolean below,
                             Best best) {
        int[] order = c.ascending();
        int m = order.length;
        double[] s = c.score();
        for (int k = 0; k < m; k++) {
            int i = order[below ? k : m - 1 - k];
            if (use != null && !use[i]) {
                continue;
            }
            double stay = c.stayQ()[i] - c.incumbentQ()[i];
            double moved = c.switchQ()[i] - c.incumbentQ()[i];
            q += c.dq(i);
            q2 += moved * moved - stay * stay;
            cost += c.dc(i);
            // the next used item in walking order: a cut is only possible between distinct scores
            int next = -1;
            for (int l = k + 1; l < m; l++) {
                int j = order[below ? l : m - 1 - l];
                if (use == null || use[j]) {
                    next = j;
                    break;
                }
            }
            if (next >= 0 && s[next] == s[i]) {
                continue;
            }
            double threshold;
            if (next < 0) {
                threshold = below ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            } else {
                threshold = s[i] + (s[next] - s[i]) / 2;
                if (threshold == s[i]) { // adjacent doubles: the midpoint rounds onto the switched one
                    threshold = s[next];
                }
            }
            best.offer(q, q2, cost, threshold, below);
        }
    }

    /** The best cut so far by the rule. */
    private static final class Best {
        final Target target;
        double q = Double.NaN;
        double q2;
        double cost;
        double threshold;
        boolean below;
        boolean feasible;
        // the last cut offered: after the ascending walk, "switch all"
        double lastQ;
        double lastQ2;
        double lastCost;

        Best(Target target) {
            this.target = target;
        }

        void offer(double q, double q2, double cost, double threshold, boolean below) {
            lastQ = q;
            lastQ2 = q2;
            lastCost = cost;
            boolean meets = target.met(q, q2);
            if (Double.isNaN(this.q) || better(q, cost, meets)) {
                this.q = q;
                this.q2 = q2;
                this.cost = cost;
                this.threshold = threshold;
                this.below = below;
                this.feasible = meets;
            }
        }

        private boolean better(double q, double cost, boolean meets) {
            if (meets != feasible) {
                return meets;
            }
            double eps = 1e-12 * Math.max(1, Math.abs(this.cost));
            if (meets) {
                return cost < this.cost - eps || (Math.abs(cost - this.cost) <= eps && q > this.q + 1e-12);
            }
            return q > this.q + 1e-12 || (Math.abs(q - this.q) <= 1e-12 && cost < this.cost - eps);
        }
    }
}
