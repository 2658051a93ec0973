package dev.frontier.score;

/**
 * Something wrong with one scorer parameter, reported by the registry so that the suite loader can point at
 * the file position of that parameter.
 *
 * @param param   the parameter name as written in the suite ("" for the scorer as a whole)
 * @param problem what is wrong
 * @param hint    what to do about it
 */
public record ParamProblem(String param, String problem, String hint) {
}
