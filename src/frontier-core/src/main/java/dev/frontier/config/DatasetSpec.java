package dev.frontier.config;

import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * Where a suite's items come from.
 *
 * @param path    resolved against the suite file's folder
 * @param format  file format (from {@code format:} or the file extension)
 * @param idField the field that identifies an item
 * @param holdout share of items kept out of training data, in [0, 1)
 * @param seed    seed of the holdout split
 * @param limit   use only the first N items, when set
 */
public record DatasetSpec(Path path, Format format, String idField, double holdout, long seed, OptionalInt limit) {

    /** Supported dataset formats. */
    public enum Format { JSONL, CSV }
}
