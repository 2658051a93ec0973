package dev.frontier.cli;

import dev.frontier.gate.GateReport;
import dev.frontier.gate.Gates;
import dev.frontier.model.RunId;
import dev.frontier.report.ReportWriter;
import dev.frontier.results.ResultsJson;
import dev.frontier.results.RunResult;
import dev.frontier.store.RunStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code frontier gate RUN [--baseline results.json|RUN]}: exit 0 when every gate passes, 1 when one fails. */
@Command(name = "gate", mixinStandardHelpOptions = true,
        description = "Check a run's gates (thresholds, and regressions against a baseline); writes junit.xml and "
                + "summary.md. Exit 0 passed, 1 failed.")
final class GateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN", description = "a run id or a results.json")
    String run;

    @Option(names = "--baseline", paramLabel = "RUN|FILE", description = "the run to compare with: a run id or a "
            + "results.json (e.g. from the main branch)")
    String baseline;

    @Mixin
    StoreOptions storage;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        return check(load(run, "RUN", storage), baseline, storage, spec.commandLine().getOut());
    }

    /** Checks {@code head}'s gates, writes junit.xml and summary.md, and returns the exit code. */
    static int check(RunResult head, String baseline, StoreOptions storage, PrintWriter out) throws IOException {
        Optional<RunResult> base = baseline == null ? Optional.empty()
                : Optional.of(load(baseline, "--baseline", storage));
        if (base.isPresent() && !base.get().suite().equals(head.suite())) {
            throw new CliFailure(Exit.INVALID_INPUT, "the baseline is a run of suite '" + base.get().suite()
                    + "', not '" + head.suite() + "'");
        }
        GateReport report = Gates.evaluate(head, base);
        Path dir = storage.reportDir(head);
        Files.createDirectories(dir);
        String markdown = new ReportWriter().markdown(head) + "\n" + report.markdown();
        write(dir.resolve("junit.xml"), report.junitXml());
        write(dir.resolve("summary.md"), markdown);
        String stepSummary = System.getenv("GITHUB_STEP_SUMMARY");
        if (stepSummary != null && !stepSummary.isBlank()) {
            Files.writeString(Path.of(stepSummary), markdown, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
        for (GateReport.Outcome o : report.outcomes()) {
            out.printf("%-8s %s: %s%n", o.status().name().toLowerCase(java.util.Locale.ROOT), o.name(), o.evidence());
        }
        out.printf("gates %s: %d passed, %d failed, %d skipped — %s%n", report.passed() ? "passed" : "FAILED",
                report.count(GateReport.Status.PASSED), report.count(GateReport.Status.FAILED),
                report.count(GateReport.Status.SKIPPED), dir.resolve("junit.xml"));
        out.flush();
        return report.passed() ? Exit.OK.code() : Exit.GATE_FAILED.code();
    }

    /** Writes through a temporary file so a reader never sees half a file. */
    private static void write(Path file, String text) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
        // no control or bidi-override character from a run record reaches a CI page (nor breaks the XML)
        Files.writeString(tmp, dev.frontier.model.UntrustedText.strip(text), StandardCharsets.UTF_8);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static RunResult load(String ref, String what, StoreOptions storage) {
        if (RunId.isValid(ref)) {
            storage.requireStore(" to find " + ref);
            try (RunStore store = RunStore.open(storage.store)) {
                String json = store.resultsJson(new RunId(ref)).orElseThrow(() -> new CliFailure(Exit.INVALID_INPUT,
                        what + ": run " + ref + " has no results in " + storage.store));
                return ResultsJson.fromJson(json);
            } catch (IOException e) {
                throw new CliFailure(Exit.PROVIDER, "run " + ref + " has unreadable results: " + e.getMessage());
            }
        }
        Path file = Path.of(ref);
        if (!Files.isRegularFile(file)) {
            throw new CliFailure(Exit.INVALID_INPUT, what + ": '" + ref + "' is neither a run id (like "
                    + "20261127-183000-ab12) nor a results.json file");
        }
        try {
            return ResultsJson.read(file);
        } catch (IOException e) {
            throw new CliFailure(Exit.INVALID_INPUT, file + ": not a frontier results.json (" + e.getMessage() + ")");
        }
    }
}
