package dev.frontier.store;

import dev.frontier.model.Labels;

/**
 * Where a stored answer came from: the {@code source} of a call or a judge call, stored as the word in
 * {@link #label()}.
 */
public enum CallSource {
    /** Paid in this run, on demand. */
    CALLED("called"),
    /** Paid in this run, in a batch inference job. */
    BATCH("batch"),
    /** From the response cache: an identical request answered before, not paid again. */
    CACHED("cached"),
    /** Made elsewhere and imported; nothing was called. */
    IMPORTED("imported"),
    /** Taken from the stored outputs of an earlier run (a rescore). */
    STORED("stored");

    private final String label;

    CallSource(String label) {
        this.label = label;
    }

    /** The word in the store. */
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }

    /**
     * The kind a stored word names.
     *
     * @throws RunStore.StoreException for a word no version of frontier writes
     */
    public static CallSource of(String label) {
        try {
            return Labels.of(CallSource.class, values(), CallSource::label, label);
        } catch (IllegalArgumentException e) {
            throw new RunStore.StoreException("the run store holds " + e.getMessage());
        }
    }
}
