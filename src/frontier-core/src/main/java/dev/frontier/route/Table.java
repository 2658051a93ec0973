package dev.frontier.route;

import java.util.ArrayList;
import java.util.List;

/**
 * The analysed part of a run in primitive arrays: the items every arm could be scored on (so that every policy,
 * the oracle included, is compared with the incumbent on the same items), quality and cost per arm.
 */
final class Table {

    final RoutingData data;
    final int n;
    /** Position in {@code data.items()} of each analysed item. */
    final int[] itemIndex;
    final List<String> armIds;
    /** {@code quality[arm][item]}. */
    final double[][] quality;
    /** {@code cost[arm][item]}; null for an arm whose cost is unknown. */
    final double[][] cost;
    final int incumbent;

    private Table(RoutingData data, int[] itemIndex) {
        this.data = data;
        this.itemIndex = itemIndex;
        this.n = itemIndex.length;
        List<Arm> arms = data.arms();
        List<String> ids = new ArrayList<>();
        this.quality = new double[arms.size()][];
        this.cost = new double[arms.size()][];
        for (int a = 0; a < arms.size(); a++) {
            Arm arm = arms.get(a);
            ids.add(arm.id());
            quality[a] = restrict(arm.quality());
            cost[a] = arm.costKnown() ? restrict(arm.cost()) : null;
        }
        this.armIds = List.copyOf(ids);
        this.incumbent = ids.indexOf(data.incumbent());
    }

    static Table of(RoutingData data) {
        int total = data.items().size();
        int[] keep = new int[total];
        int n = 0;
        for (int i = 0; i < total; i++) {
            boolean all = true;
            for (Arm arm : data.arms()) {
                if (Double.isNaN(arm.quality()[i])) {
                    all = false;
                    break;
                }
            }
            if (all) {
                keep[n++] = i;
            }
        }
        return new Table(data, java.util.Arrays.copyOf(keep, n));
    }

    int arms() {
        return armIds.size();
    }

    int arm(String id) {
        int a = armIds.indexOf(id);
        if (a < 0) {
            throw new IllegalArgumentException("no arm " + id + " among " + armIds);
        }
        return a;
    }

    Arm armRecord(int a) {
        return data.arms().get(a);
    }

    /** The mean cost per analysed item of an arm; NaN when unknown. */
    double costPerItem(int a) {
        return cost[a] == null ? Double.NaN : mean(cost[a]);
    }

    double meanQuality(int a) {
        return mean(quality[a]);
    }

    double[] restrict(double[] all) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = all[itemIndex[i]];
        }
        return out;
    }

    /** The feature rows of the analysed items. */
    double[][] featureRows() {
        double[][] rows = data.features().rows();
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) {
            out[i] = rows[itemIndex[i]];
        }
        return out;
    }

    static double mean(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x;
        }
        return sum / v.length;
    }

    /** The signal's cost per analysed item, or null when one is unknown. */
    double[] signalCost(Signal s) {
        double[] c = restrict(s.cost());
        for (double x : c) {
            if (Double.isNaN(x)) {
                return null;
            }
        }
        return c;
    }
}
