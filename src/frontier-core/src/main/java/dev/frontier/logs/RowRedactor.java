package dev.frontier.logs;

import java.util.List;

/**
 * Removes what must not leave production from the rows before anything is written: {@link RedactionRules}
 * (regular expressions), or a program the CLI runs. It returns one row for each row given, with the same id, in the
 * same order; the import refuses anything else.
 */
@FunctionalInterface
public interface RowRedactor {

    /** Redacts nothing. */
    RowRedactor NONE = rows -> rows;

    /**
     * The rows redacted.
     *
     * @throws RedactionFailed when the rows cannot be redacted (nothing is then written)
     */
    List<LogRow> redact(List<LogRow> rows);

    /** This redaction, then {@code next}. */
    default RowRedactor then(RowRedactor next) {
        return rows -> next.redact(redact(rows));
    }

    /** Why the rows could not be redacted; the message is fit to show the user. */
    final class RedactionFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public RedactionFailed(String message) {
            super(message);
        }
    }
}
