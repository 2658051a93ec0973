package dev.frontier.route;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One policy's figures on the analysed items. For cascades and learned routers they are the cross-fitted ones: every
 * item is routed by a threshold (and model) chosen without it.
 *
 * @param id               readable, stable id: {@code nova-lite}, {@code oracle},
 *                         {@code cascade:nova-lite>nova-pro@json-valid}, {@code learned:nova-lite>nova-pro}
 * @param kind             the kind of policy
 * @param description      what it does, in one line
 * @param share            share of items each candidate answered (an escalated item counts for the candidate it was
 *                         escalated to, though both were paid)
 * @param quality          mean quality
 * @param qualityLower     lower end of the two-sided bootstrap interval of the mean at the analysis' confidence
 * @param qualityUpper     upper end of that interval
 * @param costPerItem      mean USD per item, signal included; NaN when a cost it needs is unknown
 * @param signalCostPerItem mean USD per item spent on the signal (0 but for cascades on a paid signal)
 * @param monthlyCost      {@code costPerItem} × requests per month; NaN when the cost is unknown
 * @param difference       mean paired difference of quality, policy − incumbent; NaN for the incumbent
 * @param differenceLower  lower end of the two-sided (1 − 2α) interval: the one-sided bound the test is read at
 *                         (for a cross-fitted routing policy the smallest of its held-out folds' bounds)
 * @param differenceUpper  upper end of that interval (for a routing policy the largest of the folds' bounds)
 * @param pValue           one-sided p-value of H0: difference ≤ −margin (for a cross-fitted routing policy the largest
 *                         of its held-out folds' p-values); NaN for the incumbent and the oracle
 * @param adjustedPValue   Holm-adjusted across all routing policies tried; NaN outside that family (singles, oracle)
 * @param verdict          what the figures say
 * @param n                items analysed
 * @param policy           the policy as it would be deployed (fitted on all items)
 */
public record PolicyResult(String id, PolicyKind kind, String description, Map<String, Double> share,
                           double quality, double qualityLower, double qualityUpper,
                           double costPerItem, double signalCostPerItem, double monthlyCost,
                           double difference, double differenceLower, double differenceUpper,
                           double pValue, double adjustedPValue, RouteVerdict verdict, int n, Policy policy) {

    public PolicyResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(policy, "policy");
        share = Collections.unmodifiableMap(new LinkedHashMap<>(share));
    }

    /** USD per 1,000 requests; NaN when the cost is unknown. */
    public double costPer1k() {
        return costPerItem * 1000;
    }

    /** Whether the cost is known. */
    public boolean costKnown() {
        return !Double.isNaN(costPerItem);
    }

    /** Whether this is a deployable routing policy (cascade or learned), the family Holm's correction runs over. */
    public boolean routing() {
        return kind == PolicyKind.CASCADE || kind == PolicyKind.LEARNED;
    }
}
