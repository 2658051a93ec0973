package dev.frontier.cli;

import dev.frontier.invoke.CloudException;
import dev.frontier.invoke.SetupException;
import dev.frontier.run.Runner;
import dev.frontier.store.RunStore;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one map from failures to exit codes, for every command (picocli's execution exception handler in
 * {@link Main} asks it), wherever a failure surfaces (a worker thread's exception arrives wrapped): the command's
 * own {@link CliFailure}; a run store that refuses or fails (exit 2 when the file is not a frontier store, else 3);
 * AWS or the sandbox that cannot be reached, set up or that refuses (3: {@link SetupException},
 * {@link CloudException}); a run stopped by its provider ({@link Runner.Aborted}, 3); a file that cannot be read
 * or written (3). Anything else is a defect (exit 4). Commands catch only to add what the user should do next.
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
            if (t instanceof SetupException || t instanceof CloudException) {
                return new CliFailure(Exit.PROVIDER, t.getMessage());
            }
            if (t instanceof Runner.Aborted a) {
                return new CliFailure(Exit.PROVIDER, "run stopped: " + a.getMessage());
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
