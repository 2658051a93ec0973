package dev.frontier.config;

import java.util.List;
import java.util.Map;

/**
 * Checks one scorer's type and parameters while the suite is loaded, so that their problems are reported with
 * every other problem of the file. The scorer registry provides it; {@code config} does not know scorer types.
 */
@FunctionalInterface
public interface ScorerCheck {

    /** Accepts everything; the checks then happen when the scorers are built. */
    ScorerCheck NONE = (type, params) -> List.of();

    /** The problems of a scorer declared with {@code type} and {@code params}; empty when it is fine. */
    List<Issue> check(String type, Map<String, Object> params);

    /**
     * One problem.
     *
     * @param param   the parameter, or "" for the type itself
     * @param problem what is wrong
     * @param hint    what to do
     */
    record Issue(String param, String problem, String hint) {
    }
}
