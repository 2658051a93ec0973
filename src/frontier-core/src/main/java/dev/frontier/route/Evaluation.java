package dev.frontier.route;

import java.util.SplittableRandom;

/**
 * Per-item arithmetic of each kind of policy, and the cross-fitting around the learned ones: what a policy answered
 * on each analysed item and what it paid.
 */
final class Evaluation {
    private Evaluation() {
    }

    /** How a fitted policy's figures are made: held out (the reported way) or on the items it was fitted on. */
    enum Fitting {
        /** Each fold routed by a threshold (and model) chosen on the other folds. */
        CROSS_FITTED,
        /** Fitted and scored on all items: optimistic, for showing what cross-fitting protects against. */
        IN_SAMPLE
    }

    static Outcome single(Table t, int a) {
        int[] by = new int[t.n];
        java.util.Arrays.fill(by, a);
        return new Outcome(t.quality[a], t.cost[a], new double[t.n], by);
    }

    /**
     * The oracle over {@code arms} (all with a known cost): per item the cheapest arm whose quality is at least the
     * item's best quality among them minus {@code margin}; at equal cost the better, then the first given.
     */
    static Outcome oracle(Table t, int[] arms, double margin) {
        double[] q = new double[t.n];
        double[] c = new double[t.n];
        int[] by = new int[t.n];
        for (int i = 0; i < t.n; i++) {
            double best = Double.NEGATIVE_INFINITY;
            for (int a : arms) {
                best = Math.max(best, t.quality[a][i]);
            }
            int chosen = -1;
            for (int a : arms) {
                if (t.quality[a][i] < best - margin - 1e-12) {
                    continue;
                }
                if (chosen < 0 || t.cost[a][i] < t.cost[chosen][i]
                        || (t.cost[a][i] == t.cost[chosen][i] && t.quality[a][i] > t.quality[chosen][i])) {
                    chosen = a;
                }
            }
            q[i] = t.quality[chosen][i];
            c[i] = t.cost[chosen][i];
            by[i] = chosen;
        }
        return new Outcome(q, c, new double[t.n], by);
    }

    /** The figures a cascade's choice would give on each item, given the choice made for it. */
    static final class CascadeInputs {
        final int first;
        final int then;
        final double[] signal;
        final double[] signalCost;
        final boolean costKnown;
        final Thresholds.Candidates candidates;

        CascadeInputs(Table t, int first, int then, Signal s) {
            this.first = first;
            this.then = then;
            this.signal = t.restrict(s.values());
            double[] sc = t.signalCost(s);
            this.costKnown = sc != null && t.cost[first] != null && t.cost[then] != null;
            this.signalCost = sc == null ? new double[t.n] : sc;
            double[] stay = null;
            double[] escalate = null;
            if (costKnown) {
                stay = new double[t.n];
                escalate = new double[t.n];
                for (int i = 0; i < t.n; i++) {
                    stay[i] = t.cost[first][i] + signalCost[i];
                    escalate[i] = stay[i] + t.cost[then][i];
                }
            }
            this.candidates = new Thresholds.Candidates(signal, Order.ascending(signal), t.quality[first],
                    t.quality[then], t.quality[t.incumbent], stay, escalate);
        }
    }

    /** A cascade routed item by item with {@code choiceOf[i]}. */
    static Outcome cascade(Table t, CascadeInputs in, Thresholds.Choice[] choiceOf) {
        double[] q = new double[t.n];
        double[] c = in.costKnown ? new double[t.n] : null;
        int[] by = new int[t.n];
        for (int i = 0; i < t.n; i++) {
            boolean escalate = choiceOf[i].switches(in.signal[i]);
            q[i] = escalate ? t.quality[in.then][i] : t.quality[in.first][i];
            by[i] = escalate ? in.then : in.first;
            if (c != null) {
                c[i] = in.candidates.stayCost()[i] + (escalate ? t.cost[in.then][i] : 0);
            }
        }
        return new Outcome(q, c, in.signalCost.clone(), by);
    }

    /** A fixed cascade policy on every item (for hand-checked arithmetic). */
    static Outcome cascade(Table t, Policy.Cascade p) {
        int first = t.arm(p.first());
        Signal s = signal(t, first, p.signal());
        CascadeInputs in = new CascadeInputs(t, first, t.arm(p.then()), s);
        Thresholds.Choice[] each = new Thresholds.Choice[t.n];
        java.util.Arrays.fill(each, new Thresholds.Choice(p.threshold(), p.escalateWhenBelow()));
        return cascade(t, in, each);
    }

    /** A learned router's routing: {@code cheap} where {@code probability[i] >= threshold[i]}. */
    static Outcome learned(Table t, int cheap, int dear, double[] probability, double[] threshold) {
        double[] q = new double[t.n];
        boolean known = t.cost[cheap] != null && t.cost[dear] != null;
        double[] c = known ? new double[t.n] : null;
        int[] by = new int[t.n];
        for (int i = 0; i < t.n; i++) {
            int a = probability[i] >= threshold[i] ? cheap : dear;
            q[i] = t.quality[a][i];
            by[i] = a;
            if (c != null) {
                c[i] = t.cost[a][i];
            }
        }
        return new Outcome(q, c, new double[t.n], by);
    }

    static Signal signal(Table t, int arm, String name) {
        Signal s = t.armRecord(arm).signals().get(name);
        if (s == null) {
            throw new IllegalArgumentException("arm " + t.armIds.get(arm) + " has no signal " + name + " (it has "
                    + t.armRecord(arm).signals().keySet() + ")");
        }
        return s;
    }

    /**
     * Assigns each of {@code n} items to one of {@code k} folds: a seeded shuffle dealt round-robin, so the folds
     * differ in size by at most one and do not depend on the order of anything but the items.
     */
    static int[] folds(int n, int k, long seed) {
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = perm[i];
            perm[i] = perm[j];
            perm[j] = tmp;
        }
        int[] fold = new int[n];
        for (int p = 0; p < n; p++) {
            fold[perm[p]] = p % k;
        }
        return fold;
    }

    /** The training mask of fold {@code f}: every item not in it. */
    static boolean[] training(int[] fold, int f) {
        boolean[] use = new boolean[fold.length];
        for (int i = 0; i < fold.length; i++) {
            use[i] = fold[i] != f;
        }
        return use;
    }
}
