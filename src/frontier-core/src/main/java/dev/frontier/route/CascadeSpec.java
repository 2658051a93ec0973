package dev.frontier.route;

import java.util.Objects;

/**
 * A cascade to try: call {@code first}; when its {@code signal} says the answer is not good enough, also call
 * {@code then} and use its answer. The threshold and its direction are learned, not given.
 *
 * @param first  the arm called for every item
 * @param then   the arm called when the first answer is escalated
 * @param signal the name of a signal of {@code first}
 */
public record CascadeSpec(String first, String then, String signal) {

    public CascadeSpec {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(then, "then");
        Objects.requireNonNull(signal, "signal");
        if (first.equals(then)) {
            throw new IllegalArgumentException("a cascade needs two arms, got " + first + " twice");
        }
    }
}
