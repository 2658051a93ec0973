package dev.frontier.cli;

import dev.frontier.config.DatasetSpec;
import dev.frontier.config.SuiteLoader;
import dev.frontier.config.SuiteSpec;
import dev.frontier.dataset.Dataset;
import dev.frontier.dataset.DatasetReader;
import dev.frontier.dataset.HoldoutSplit;
import dev.frontier.export.RunExport;
import dev.frontier.export.Slice;
import dev.frontier.model.Item;
import dev.frontier.model.Problem;
import dev.frontier.model.RunId;
import dev.frontier.results.ResultsJson;
import dev.frontier.results.RunResult;
import dev.frontier.store.RunStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code frontier export [RUN]}: every candidate × item row of a stored run (output, scores, usage, cost, latency,
 * source, judges' reasons) as JSON Lines or CSV, streamed from the run store. No model is called.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write every candidate x item row of a stored run (output, scores with their notes and an LLM "
                + "judge's reasons, usage, cost, latency, where the answer came from) as JSON Lines or CSV, to "
                + "standard output or --out FILE, streamed from the run store whatever the run's size. No model is "
                + "called.",
                "Exit 0 when done, 2 for bad input, 3 for store or file problems."})
final class ExportCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "RUN",
            description = "a run id in the run store (default: the newest finished run)")
    String run;

    @Option(names = "--format", paramLabel = "jsonl|csv", defaultValue = "jsonl",
            description = "jsonl (one JSON object a line, default) or csv (a header line, one score.<id> column a "
                    + "scorer)")
    String format;

    @Option(names = "--slice", paramLabel = "FIELD=VALUE",
            description = "only items whose dataset field has this value; repeat it: values of one field are "
                    + "alternatives, different fields must all match. Reads the run's dataset (through --config, or "
                    + "the suite file the run recorded)")
    List<String> slices = new ArrayList<>();

    @Option(names = "--config", paramLabel = "SUITE",
            description = "the suite whose dataset --slice reads (default: the suite file the run recorded); the "
                    + "dataset must be the one the run read")
    Path config;

    @Option(names = "--out", paramLabel = "FILE",
            description = "write to FILE (replaced whole, never half-written) instead of standard output")
    Path outFile;

    @Mixin
    StoreOptions storage;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        RunExport.Format fmt = format();
        Slice slice = slice();
        RunId given = run == null ? null : StoreOptions.runId(run);
        Path target = target();
        storage.requireStore(" (run a suite first, or pass --store)");
        try (RunStore store = RunStore.open(storage.store)) {
            RunId id = given != null ? given : newest(store);
            if (store.run(id).isEmpty()) {
                throw new CliFailure(Exit.INVALID_INPUT, "run " + id + " is not in " + storage.store
                        + " ('frontier report' and the reports folder name the runs)");
            }
            Optional<RunResult> record = store.resultsJson(id).isPresent() ? Optional.of(storage.record(store, id))
                    : Optional.empty();
            Optional<HoldoutSplit> split = record.map(RunResult::provenance)
                    .map(p -> new HoldoutSplit(p.holdoutShare(), p.splitSeed()));
            Predicate<String> items = slice.isAll() ? itemId -> true : sliced(slice, id, record);
            RunExport.Options options = new RunExport.Options(fmt, split, items);
            long rows = target == null ? toStandardOutput(store, id, options) : toFile(store, id, options, target);
            spec.commandLine().getErr().printf(Locale.ROOT, "exported %d rows of run %s%s%s%n", rows, id,
                    slice.isAll() ? "" : " (slice " + slice + ")", target == null ? "" : " to " + target);
        }
        return Exit.OK.code();
    }

    private RunExport.Format format() {
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "jsonl" -> RunExport.Format.JSONL;
            case "csv" -> RunExport.Format.CSV;
            default -> throw new CliFailure(Exit.INVALID_INPUT, "--format " + format + " is not a format; give jsonl "
                    + "or csv");
        };
    }

    private Slice slice() {
        try {
            return Slice.of(slices);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(Exit.INVALID_INPUT, "--slice " + e.getMessage());
        }
    }

    /** The --out file, checked before the store is read: its folder must exist, and it must not be a folder. */
    private Path target() {
        if (outFile == null) {
            return null;
        }
        if (Files.isDirectory(outFile)) {
            throw new CliFailure(Exit.INVALID_INPUT, "--out " + outFile + " is a folder; give a file name");
        }
        Path parent = outFile.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new CliFailure(Exit.INVALID_INPUT, "--out " + outFile + ": the folder " + parent + " does not "
                    + "exist (create it first)");
        }
        return outFile;
    }

    /** The newest run that finished; exit 2 when the store has none. */
    private RunId newest(RunStore store) {
        return store.runs().stream().filter(r -> r.finishedAt() != null && RunId.isValid(r.runId())).findFirst()
                .map(r -> new RunId(r.runId()))
                .orElseThrow(() -> new CliFailure(Exit.INVALID_INPUT, "no finished run in " + storage.store
                        + "; name a run (frontier export RUN)"));
    }

    /** The item ids of the slice, from the run's dataset (checked to be the one the run read). */
    private Predicate<String> sliced(Slice slice, RunId id, Optional<RunResult> record) {
        Path suiteFile = config;
        if (suiteFile == null) {
            suiteFile = record.map(RunResult::provenance).map(RunResult.Provenance::suiteFile)
                    .filter(f -> !f.isEmpty()).map(Path::of).filter(Files::isRegularFile)
                    .orElseThrow(() -> new CliFailure(Exit.INVALID_INPUT, "--slice reads the items' fields from the "
                            + "run's dataset, and run " + id + "'s suite file is not at hand; pass --config SUITE"));
        }
        if (!Files.isRegularFile(suiteFile)) {
            throw new CliFailure(Exit.INVALID_INPUT, "--config " + suiteFile + ": no such file");
        }
        SuiteLoader.Result loadedSuite = SuiteLoader.load(suiteFile);
        if (!(loadedSuite instanceof SuiteLoader.Loaded loaded)) {
            throw new CliFailure(Exit.INVALID_INPUT, suiteFile + " is not a valid suite: " + loadedSuite.problems()
                    .stream().filter(p -> p.severity() == Problem.Severity.ERROR).findFirst().map(Problem::toString)
                    .orElse("") + " (frontier validate " + suiteFile + ")");
        }
        SuiteSpec suite = loaded.suite();
        DatasetSpec ds = suite.dataset();
        DatasetReader.Result read = DatasetReader.read(ds.path(), ds.format() == DatasetSpec.Format.CSV
                ? DatasetReader.Format.CSV : DatasetReader.Format.JSONL, ds.idField());
        if (!(read instanceof DatasetReader.Loaded loadedDataset)) {
            throw new CliFailure(Exit.INVALID_INPUT, ds.path() + " cannot be read: "
                    + ((DatasetReader.Invalid) read).problems().get(0));
        }
        Dataset dataset = loadedDataset.dataset();
        if (record.isPresent() && record.get().provenance() != null
                && !dataset.sha256().equals(record.get().provenance().datasetSha256())) {
            throw new CliFailure(Exit.INVALID_INPUT, ds.path() + " is not the dataset run " + id + " read (it "
                    + "changed since); --slice needs the run's own dataset");
        }
        List<String> unknown = slice.unknownFields(dataset.fields());
        if (!unknown.isEmpty()) {
            throw new CliFailure(Exit.INVALID_INPUT, "--slice names " + String.join(", ", unknown) + ", not a field "
                    + "of " + ds.path() + " (its fields: " + String.join(", ", dataset.fields()) + ")");
        }
        Set<String> ids = dataset.items().stream().filter(slice::matches).map(Item::id)
                .collect(Collectors.toCollection(HashSet::new));
        return ids::contains;
    }

    private long toStandardOutput(RunStore store, RunId id, RunExport.Options options) {
        PrintWriter out = spec.commandLine().getOut();
        try {
            long rows = RunExport.write(store, id, options, out);
            out.flush();
            if (out.checkError()) {
                throw new CliFailure(Exit.PROVIDER, "standard output could not be written (closed early?); "
                        + "the export is incomplete");
            }
            return rows;
        } catch (IOException e) {
            throw new CliFailure(Exit.PROVIDER, "cannot write the export: " + Failures.describe(e));
        }
    }

    /** Writes into a temporary file beside {@code target}, then moves it over: a reader never sees half of it. */
    private static long toFile(RunStore store, RunId id, RunExport.Options options, Path target) {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            // a new file of its own (not createTempFile's owner-only one), so the result has the usual permissions
            tmp = dir.resolve("." + target.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".tmp");
            long rows;
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                rows = RunExport.write(store, id, options, w);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return rows;
        } catch (IOException e) {
            throw new CliFailure(Exit.PROVIDER, "cannot write " + target + ": " + Failures.describe(e));
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the export's own outcome is the one worth reporting
                }
            }
        }
    }
}
