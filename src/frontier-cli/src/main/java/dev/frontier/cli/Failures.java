package dev.frontier.cli;

import dev.frontier.store.RunStore;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Failures with a known meaning, wherever they surface (a worker thread's exception arrives wrapped): the command's
 * own {@link CliFailure}, a run store that refuses or fails (exit 2 when the file is not a frontier store, else 3),
 * a file that cannot be read or written (3). Anything else is a defect (exit 4).
 */
final class Failures {
    private Failures() {
    }

    /** The failure {@code e} stands for, or null when it is a defect. */
    static CliFailure known(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CliFailure f) {
                return f;
            }
            if (t instanceof RunStore.StoreException s) {
                return store(s);
            }
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UncheckedIOException u) {
                t = u.getCause();
            }
            if (t instanceof IOException io) {
                return new CliFailure(Exit.PROVIDER, "cannot read or write a file: " + describe(io));
            }
        }
        return null;
    }

    /** A run store's failure: exit 2 when the file is not a frontier store (the --store argument is wrong), else 3. */
    static CliFailure store(RunStore.StoreException e) {
        return new CliFailure(e instanceof RunStore.NotAStore ? Exit.INVALID_INPUT : Exit.PROVIDER, e.getMessage());
    }

    /** The file and the reason, without Java's class names. */
    static String describe(IOException e) {
        if (e instanceof java.nio.file.FileSystemException fs) {
            String kind = e.getClass().getSimpleName().replace("Exception", "")
                    .replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
            return fs.getFile() + ": " + (fs.getReason() != null ? fs.getReason() : kind);
        }
        return String.valueOf(e.getMessage());
    }
}
