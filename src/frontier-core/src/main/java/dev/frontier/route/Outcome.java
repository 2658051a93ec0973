package dev.frontier.route;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a policy did on each analysed item: the quality of the answer used, the cost paid, the part of it spent on
 * the signal, and which arm's answer was used.
 *
 * @param quality    per item
 * @param cost       per item, everything paid; null when a cost it needs is unknown
 * @param signalCost per item
 * @param answeredBy per item, the index of the arm whose answer was used
 */
record Outcome(double[] quality, double[] cost, double[] signalCost, int[] answeredBy) {

    Map<String, Double> share(Table t) {
        int[] counts = new int[t.arms()];
        for (int a : answeredBy) {
            counts[a]++;
        }
        Map<String, Double> share = new LinkedHashMap<>();
        for (int a = 0; a < counts.length; a++) {
            if (counts[a] > 0) {
                share.put(t.armIds.get(a), (double) counts[a] / answeredBy.length);
            }
        }
        return share;
    }

    double costPerItem() {
        return cost == null ? Double.NaN : Table.mean(cost);
    }

    double signalCostPerItem() {
        return Table.mean(signalCost);
    }
}
