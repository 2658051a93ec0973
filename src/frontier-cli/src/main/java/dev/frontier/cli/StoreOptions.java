package dev.frontier.cli;

import dev.frontier.model.RunId;
import dev.frontier.report.ReportWriter;
import dev.frontier.results.ResultsJson;
import dev.frontier.results.RunResult;
import dev.frontier.store.RunStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the run store and the reports live; shared by the commands that use them. */
final class StoreOptions {
    @Option(names = "--store", paramLabel = "FILE", defaultValue = ".frontier/frontier.db",
            description = "run store (SQLite), default: ${DEFAULT-VALUE}")
    Path store;

    @Option(names = "--reports", paramLabel = "DIR", defaultValue = "reports",
            description = "reports folder, default: ${DEFAULT-VALUE}")
    Path reports;

    /** The run id given on the command line, or exit 2 with what a run id looks like. */
    static RunId runId(String run) {
        if (!RunId.isValid(run)) {
            throw new CliFailure(Exit.INVALID_INPUT, "'" + run + "' is not a run id (like 20261127-183000-ab12); "
                    + "'frontier report' and the reports folder name the runs");
        }
        return new RunId(run);
    }

    /**
     * The finished run's record from the store: exit 2 when the store has none for {@code id}, 3 when it cannot be
     * read.
     */
    RunResult record(RunStore store, RunId id) {
        String json = store.resultsJson(id).orElseThrow(() -> new CliFailure(Exit.INVALID_INPUT, "run " + id
                + " has no results in " + this.store + " (it is unknown, or did not finish)"));
        try {
            return ResultsJson.fromJson(json);
        } catch (IOException e) {
            throw new CliFailure(Exit.PROVIDER, "run " + id + " has unreadable results in " + this.store + ": "
                    + e.getMessage());
        }
    }

    /** Ends the command with exit 2 unless the run store exists: "no run store at FILE" and {@code more}. */
    void requireStore(String more) {
        if (!Files.isRegularFile(store)) {
            throw new CliFailure(Exit.INVALID_INPUT, "no run store at " + store + more);
        }
    }

    /**
     * The folder of a run's reports: {@code <reports>/<suite>/<run id>}, checked to stay under {@code --reports}
     * (exit 2 naming the field otherwise).
     */
    Path reportDir(RunResult result) {
        try {
            return ReportWriter.folder(reports, result.suite(), result.runId());
        } catch (IllegalArgumentException e) {
            throw new CliFailure(Exit.INVALID_INPUT, "the run record's " + e.getMessage()
                    + "; nothing was written");
        }
    }

    /** Writes the run's reports into {@link #reportDir} and returns that folder (exit 3 when it cannot be written). */
    Path writeReport(RunResult result) {
        Path dir = reportDir(result);
        try {
            new ReportWriter().write(result, dir);
        } catch (IOException e) {
            throw new CliFailure(Exit.PROVIDER, "cannot write the report into " + dir + ": " + Failures.describe(e)
                    + "; the run record is kept, so 'frontier report " + result.runId()
                    + " --reports DIR' writes it elsewhere");
        }
        return dir;
    }

    /**
     * Writes one more file into a run's report folder ({@link #reportDir}) through a temporary file, so a reader never
     * sees half of it; {@code name} is one of the fixed names frontier writes there.
     */
    void writeInReportDir(Path dir, String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Path tmp = Files.createTempFile(dir, "." + name, ".tmp");
        try {
            Files.writeString(tmp, text, java.nio.charset.StandardCharsets.UTF_8);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Checks, before anything is paid, that the run store and the reports folder can be written: {@code --store}
     * is not a folder, {@code --reports} is not a file, and a file can be made in it. Exit 2 naming the option.
     */
    void checkWritable() {
        if (Files.isDirectory(store)) {
            throw new CliFailure(Exit.INVALID_INPUT, "--store " + store + " is a folder; give the path of the "
                    + "run store file, e.g. .frontier/frontier.db");
        }
        if (Files.exists(store) && !Files.isRegularFile(store)) {
            throw new CliFailure(Exit.INVALID_INPUT, "--store " + store + " is not a regular file");
        }
        Path storeDir = store.toAbsolutePath().getParent();
        if (storeDir != null && !Files.exists(store)) {
            try {
                tryWriting(storeDir);
            } catch (IOException | SecurityException e) {
                throw new CliFailure(Exit.INVALID_INPUT, "--store " + store + " cannot be created (" + reason(e)
                        + "); choose another --store");
            }
        }
        if (Files.exists(reports) && !Files.isDirectory(reports)) {
            throw new CliFailure(Exit.INVALID_INPUT, "--reports " + reports + " is a file, not a folder; choose "
                    + "another --reports");
        }
        try {
            tryWriting(reports.toAbsolutePath());
        } catch (IOException | SecurityException e) {
            throw new CliFailure(Exit.INVALID_INPUT, "--reports " + reports + " cannot be written (" + reason(e)
                    + "); choose another --reports");
        }
    }

    /** Makes and deletes a file in {@code dir}; folders it had to create are removed again, so nothing is left. */
    private static void tryWriting(Path dir) throws IOException {
        Path missing = null;
        for (Path p = dir; p != null && !Files.exists(p); p = p.getParent()) {
            missing = p;
        }
        try {
            Files.createDirectories(dir);
            Files.delete(Files.createTempFile(dir, ".frontier-check", ".tmp"));
        } finally {
            if (missing != null) {
                for (Path p = dir; p != null && p.startsWith(missing); p = p.getParent()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static String reason(Exception e) {
        return e instanceof IOException io ? Failures.describe(io) : String.valueOf(e.getMessage());
    }
}
