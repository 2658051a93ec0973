package dev.frontier.run.flow;

/**
 * Where an answer came from: paid in this run on demand ({@code CALLED}) or in a batch job ({@code BATCH}), or
 * before a resume ({@code RESUMED_*}); {@code CACHED} answers were not paid; {@code IMPORTED} outputs were made
 * elsewhere and {@code STORED} ones are a re-scored run's.
 */
public enum Source {
    CALLED, RESUMED_CALLED, RESUMED_CACHED, CACHED, BATCH, RESUMED_BATCH, IMPORTED, STORED;

    /** Whether this run paid for an answer from here (before a resume included). */
    public boolean paid() {
        return this == CALLED || this == RESUMED_CALLED || this == BATCH || this == RESUMED_BATCH;
    }

    /** Whether the answer came from a batch job, which measures no latency. */
    public boolean batch() {
        return this == BATCH || this == RESUMED_BATCH;
    }
}
