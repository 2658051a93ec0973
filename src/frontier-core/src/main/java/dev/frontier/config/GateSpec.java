package dev.frontier.config;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One CI gate: an absolute threshold on a run's figure, or a regression check against a baseline run.
 *
 * @param kind        threshold or regression
 * @param metric      {@code quality}, {@code score} (with {@code scorer}), {@code costPer1kRequests},
 *                    {@code latencyP95Ms} or {@code errorRate}
 * @param scorer      the scorer id for {@code metric: score}
 * @param candidate   the candidate the gate applies to; empty for the incumbent (or the only candidate)
 * @param min         threshold: the figure must be at least this
 * @param max         threshold: the figure must be at most this
 * @param maxDrop     regression: fail when the paired drop exceeds this and is significant
 * @param maxIncrease regression (cost, latency): fail when the relative increase exceeds this (0.10 = 10 %)
 * @param path        document path of the gate, e.g. {@code gates[1]}
 */
public record GateSpec(Kind kind, String metric, Optional<String> scorer, Optional<String> candidate,
                       OptionalDouble min, OptionalDouble max, OptionalDouble maxDrop, OptionalDouble maxIncrease,
                       String path) {

    /** Threshold or regression. */
    public enum Kind { THRESHOLD, REGRESSION }
}
