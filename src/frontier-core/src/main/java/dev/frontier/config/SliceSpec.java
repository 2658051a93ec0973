package dev.frontier.config;

import java.util.Objects;

/**
 * One entry of the suite's {@code slices:} list: a dataset field whose values split the items into segments, each
 * of which is compared with the incumbent on its own (see {@code select.Slices}).
 *
 * @param field    the dataset field, e.g. {@code intent}
 * @param minItems the fewest paired items a value needs to be tested; smaller segments are listed, not tested
 */
public record SliceSpec(String field, int minItems) {

    /** Items a slice needs unless the suite says otherwise. */
    public static final int DEFAULT_MIN_ITEMS = 30;

    public SliceSpec {
        Objects.requireNonNull(field, "field");
        if (minItems < 1) {
            throw new IllegalArgumentException("minItems must be at least 1");
        }
    }
}
