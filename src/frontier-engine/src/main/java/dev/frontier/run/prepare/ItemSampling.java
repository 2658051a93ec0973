package dev.frontier.run.prepare;

/**
 * Which items a run's record lists one by one. Up to {@value #EMBEDDED} items are all listed; beyond that every
 * n-th item of the dataset is, so that the record, the report and the memory they take stay bounded while the
 * sample still spreads over the whole dataset. Figures are always computed from all items.
 */
public final class ItemSampling {

    /** Most items a record lists. */
    public static final int EMBEDDED = 10_000;

    private ItemSampling() {
    }

    /** The stride of the sample for {@code items} items: 1 (all) up to {@value #EMBEDDED}. */
    public static int every(int items) {
        return items <= EMBEDDED ? 1 : (items + EMBEDDED - 1) / EMBEDDED;
    }

    /** Whether the item at {@code index} is listed. */
    public static boolean embedded(int index, int every) {
        return index % every == 0;
    }
}
