package dev.frontier.score;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One scorer type the registry knows: its name, whether its scores are pass/fail, the parameters it accepts and
 * how to build it. A builder reads everything it needs from the {@link ParamReader} (so every problem is
 * recorded) and may return null only after recording a problem.
 *
 * @param type       kebab-case type name
 * @param binary     scores are only ever 0 or 1
 * @param parameters accepted parameter names, {@code negate} included for binary types
 * @param build      the builder
 */
record ScorerKind(String type, boolean binary, List<String> parameters, Function<ParamReader, Scorer> build) {

    ScorerKind {
        parameters = List.copyOf(parameters);
    }

    /** A pass/fail type; it also accepts {@code negate}. */
    static ScorerKind binary(String type, List<String> parameters, Function<ParamReader, Scorer> build) {
        List<String> all = new ArrayList<>(parameters);
        all.add("negate");
        return new ScorerKind(type, true, all, build);
    }

    /** A type whose scores range over [0, 1]. */
    static ScorerKind graded(String type, List<String> parameters, Function<ParamReader, Scorer> build) {
        return new ScorerKind(type, false, parameters, build);
    }
}
