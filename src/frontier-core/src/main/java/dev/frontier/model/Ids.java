package dev.frontier.model;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The shapes of the ids that become folder and file names: suite ids ({@code reports/<suite>/<run>/}), candidate and
 * scorer ids (junit.xml test names, S3 keys). They are checked with these patterns wherever they are read — the suite
 * file, the run store, a {@code results.json} given to {@code report} or {@code gate} — so that an id is always data
 * and never a path: no {@code /}, no {@code ..}, no control characters. Run ids are {@link RunId}.
 */
public final class Ids {
    /** A suite id: lower-case kebab, e.g. {@code support-summaries}. */
    public static final Pattern SUITE = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    /** A candidate or scorer id: letters, digits, {@code .}, {@code _} and {@code -}, starting with a letter or digit. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}");

    private Ids() {
    }

    /** What is wrong with {@code value} as a suite id, if anything. */
    public static Optional<String> suiteProblem(String value) {
        return value != null && SUITE.matcher(value).matches() ? Optional.empty()
                : Optional.of("'" + shown(value) + "' is not a suite id (lower-case letters, digits and '-', at most 63)");
    }

    /** What is wrong with {@code value} as a candidate or scorer id, if anything. */
    public static Optional<String> nameProblem(String value) {
        return value != null && NAME.matcher(value).matches() ? Optional.empty()
                : Optional.of("'" + shown(value) + "' is not a valid id (letters, digits, '.', '_' and '-', starting "
                        + "with a letter or digit, at most 63)");
    }

    /** What is wrong with {@code value} as a run id, if anything. */
    public static Optional<String> runProblem(String value) {
        return RunId.isValid(value) ? Optional.empty()
                : Optional.of("'" + shown(value) + "' is not a run id (like 20261127-183000-ab12)");
    }

    /** {@code value} fit for a message: control characters as {@code \\uXXXX}, cut after 80 characters. */
    public static String shown(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length() && i < 80; i++) {
            char ch = value.charAt(i);
            if (UntrustedText.isHidden(ch)) {
                out.append(String.format(java.util.Locale.ROOT, "\\u%04X", (int) ch));
            } else {
                out.append(ch);
            }
        }
        return value.length() > 80 ? out.append('…').toString() : out.toString();
    }
}
