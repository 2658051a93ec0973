package dev.frontier.model;

import java.util.Locale;
import java.util.Optional;

/**
 * How large an input file may be, so that a wrong path ({@code /dev/zero}, a multi-gigabyte log given as labels) ends
 * with a message instead of running out of memory. Only regular files are read: a device, a pipe or a folder has no
 * size to check. Each reader checks its file with {@link #problem} before it reads a byte.
 */
public final class InputLimits {
    /** A suite file, or a judge's prompt file. */
    public static final long SUITE_BYTES = 1L << 20;
    /** A dataset, a labels file or a file of imported outputs (they are held in memory). */
    public static final long DATA_BYTES = 256L << 20;
    /** A {@code results.json} given to {@code report}, {@code gate} or {@code --baseline}. */
    public static final long RESULTS_BYTES = 256L << 20;

    private InputLimits() {
    }

    /**
     * What stops {@code what} from being read, if anything.
     *
     * @param regularFile whether the path is a regular file (not a device, pipe or folder)
     * @param size        its size in bytes
     * @param limit       the largest size accepted
     */
    public static Optional<String> problem(String what, boolean regularFile, long size, long limit) {
        if (!regularFile) {
            return Optional.of("the " + what + " is not a regular file (a folder, device or pipe cannot be read as one)");
        }
        if (size > limit) {
            return Optional.of(String.format(Locale.ROOT, "the %s is %s, more than the %s frontier reads", what,
                    size(size), size(limit)));
        }
        return Optional.empty();
    }

    private static String size(long bytes) {
        return bytes >= 1L << 20 ? String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1L << 20))
                : bytes + " bytes";
    }
}
