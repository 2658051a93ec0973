package dev.frontier.cli;

import dev.frontier.model.RunId;
import dev.frontier.results.ResultsJson;
import dev.frontier.results.RunResult;
import dev.frontier.store.RunStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code frontier report RUN}: re-renders a run's report from the run store (or from a results.json). */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Re-render a run's report from the run store, or from a results.json file.")
final class ReportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN", description = "a run id (e.g. 20261127-183000-ab12) or a results.json")
    String run;

    @Mixin
    StoreOptions storage;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        RunResult result = RunId.isValid(run) ? fromStore(new RunId(run)) : fromFile(Path.of(run));
        Path dir = storage.writeReport(result);
        spec.commandLine().getOut().printf("report: %s%n", dir.resolve("report.html"));
        return Exit.OK.code();
    }

    private RunResult fromStore(RunId id) {
        storage.requireStore(" (run a suite first, or pass --store)");
        try (RunStore store = RunStore.open(storage.store)) {
            return storage.record(store, id);
        }
    }

    private static RunResult fromFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new CliFailure(Exit.INVALID_INPUT, "'" + file + "' is neither a run id (like 20261127-183000-ab12)"
                    + " nor a results.json file");
        }
        try {
            return ResultsJson.read(file);
        } catch (IOException e) {
            throw new CliFailure(Exit.INVALID_INPUT, file + ": not a frontier results.json (" + e.getMessage() + ")");
        }
    }
}
