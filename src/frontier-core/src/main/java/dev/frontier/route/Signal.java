package dev.frontier.route;

import java.util.Objects;

/**
 * A cheap per-item signal about one arm's answer that a cascade can read before deciding whether to escalate: a
 * heuristic scorer's score, the answer's output tokens, its stop reason as a number, a cheaper judge's score.
 *
 * @param name   signal name, e.g. {@code json-valid} or {@code judge:haiku}
 * @param values the signal per item; NaN when missing (a cascade then escalates: it cannot vouch for the answer)
 * @param cost   extra USD per item to obtain the signal (0 for heuristics; the judge call's own cost for a judge)
 */
public record Signal(String name, double[] values, double[] cost) {

    public Signal {
        Objects.requireNonNull(name, "name");
        values = values.clone();
        cost = cost.clone();
        if (cost.length != values.length) {
            throw new IllegalArgumentException("signal " + name + ": " + cost.length + " costs for " + values.length
                    + " values");
        }
    }

    /** A signal that costs nothing to obtain (a heuristic over the answer). */
    public static Signal free(String name, double[] values) {
        return new Signal(name, values, new double[values.length]);
    }
}
