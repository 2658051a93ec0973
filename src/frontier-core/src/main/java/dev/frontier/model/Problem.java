package dev.frontier.model;

import java.nio.file.Path;

/**
 * One problem with an input file, printed as {@code file:line:col path: problem (hint)}.
 *
 * @param file     the file, as the user named it
 * @param line     1-based line, 0 when unknown
 * @param column   1-based column, 0 when unknown
 * @param path     where in the document, e.g. {@code candidates[2].model}; empty for the file as a whole
 * @param problem  what is wrong
 * @param hint     what to do; may be empty
 * @param severity errors stop the command, warnings are printed
 */
public record Problem(Path file, int line, int column, String path, String problem, String hint, Severity severity) {

    /** Whether the problem stops the command. */
    public enum Severity { ERROR, WARNING }

    public static Problem error(Location at, String path, String problem, String hint) {
        return new Problem(at.file(), at.line(), at.column(), path, problem, hint, Severity.ERROR);
    }

    public static Problem warning(Location at, String path, String problem, String hint) {
        return new Problem(at.file(), at.line(), at.column(), path, problem, hint, Severity.WARNING);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        s.append(file);
        if (line > 0) {
            s.append(':').append(line);
            if (column > 0) {
                s.append(':').append(column);
            }
        }
        s.append(' ');
        if (severity == Severity.WARNING) {
            s.append("warning: ");
        }
        if (!path.isEmpty()) {
            s.append(path).append(": ");
        }
        s.append(problem);
        if (!hint.isEmpty()) {
            s.append(" (").append(hint).append(')');
        }
        return s.toString();
    }
}
