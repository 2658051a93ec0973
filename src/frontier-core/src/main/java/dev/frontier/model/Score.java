package dev.frontier.model;

/**
 * One scorer's verdict on one output: a value in [0, 1], or an explicit failure to score (never a silent NaN).
 */
public sealed interface Score permits Score.Value, Score.Failed {

    /** A score in [0, 1] with an optional short explanation (e.g. a judge's reason, or "matched 'refund'"). */
    record Value(double value, String note) implements Score {
        public Value {
            if (!(value >= 0.0 && value <= 1.0)) {
                throw new IllegalArgumentException("score must be in [0, 1], was " + value);
            }
            note = note == null ? "" : note;
        }

        public static Value of(double value) {
            return new Value(value, "");
        }
    }

    /** The scorer could not score this output; the reason says why. */
    record Failed(String reason) implements Score {
    }

    /** Convenience: 1 when the condition holds, else 0. */
    static Value pass(boolean ok, String note) {
        return new Value(ok ? 1.0 : 0.0, note);
    }
}
