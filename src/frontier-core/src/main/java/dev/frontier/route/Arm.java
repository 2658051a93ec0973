package dev.frontier.route;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One candidate's figures on every item of a run, by item position.
 *
 * <p>Arrays are copied once when the record is made and handed out as they are (the analysis reads them in tight
 * loops); do not modify what an accessor returns.
 *
 * @param id      candidate id, e.g. {@code nova-lite}
 * @param model   the model id the candidate calls
 * @param quality weighted quality of the answer in [0, 1]; NaN when the item could not be scored (a failed call)
 * @param cost    USD of the call; NaN when unknown, and then the arm as a whole has no known cost
 * @param signals cheap signals about each answer, by signal name
 */
public record Arm(String id, String model, double[] quality, double[] cost, Map<String, Signal> signals) {

    public Arm {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(model, "model");
        quality = quality.clone();
        cost = cost.clone();
        if (cost.length != quality.length) {
            throw new IllegalArgumentException("arm " + id + ": " + cost.length + " costs for " + quality.length
                    + " quality values");
        }
        for (double q : quality) {
            if (!Double.isNaN(q) && !(q >= 0 && q <= 1)) {
                throw new IllegalArgumentException("arm " + id + ": quality must be in [0, 1] or NaN, got " + q);
            }
        }
        signals = Collections.unmodifiableMap(new LinkedHashMap<>(signals));
        for (Map.Entry<String, Signal> e : signals.entrySet()) {
            String name = e.getKey();
            Signal s = e.getValue();
            if (!name.equals(s.name())) {
                throw new IllegalArgumentException("arm " + id + ": signal " + s.name() + " filed under " + name);
            }
            if (s.values().length != quality.length) {
                throw new IllegalArgumentException("arm " + id + ": signal " + name + " has " + s.values().length
                        + " values for " + quality.length + " items");
            }
        }
    }

    /** Whether every call's cost is known (an arm with one unknown cost has no cost per item). */
    public boolean costKnown() {
        for (double c : cost) {
            if (Double.isNaN(c)) {
                return false;
            }
        }
        return true;
    }
}
