package dev.frontier.cli;

import dev.frontier.report.ReportWriter;
import dev.frontier.store.RunResult;
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

    /** Ends the command with exit 2 unless the run store exists: "no run store at FILE" and {@code more}. */
    void requireStore(String more) {
        if (!Files.isRegularFile(store)) {
            throw new CliFailure(Exit.INVALID_INPUT, "no run store at " + store + more);
        }
    }

    /** The folder of a run's reports: {@code <reports>/<suite>/<run id>}. */
    Path reportDir(RunResult result) {
        return reports.resolve(result.suite()).resolve(result.runId());
    }

    /** Writes the run's reports into {@link #reportDir} and returns that folder. */
    Path writeReport(RunResult result) throws IOException {
        Path dir = reportDir(result);
        new ReportWriter().write(result, dir);
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
}
