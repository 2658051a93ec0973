package dev.frontier.stats;

/** The alternative hypothesis of a test, stated for the first argument against the second (or against 0). */
public enum Alternative {
    /** The two differ, in either direction. */
    TWO_SIDED,
    /** The first is greater. */
    GREATER,
    /** The first is less. */
    LESS
}
