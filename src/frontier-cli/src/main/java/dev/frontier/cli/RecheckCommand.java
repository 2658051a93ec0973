package dev.frontier.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.frontier.catalog.Catalog;
import dev.frontier.cost.PriceCatalog;
import dev.frontier.cost.PriceFile;
import dev.frontier.model.RunId;
import dev.frontier.run.aggregate.Recheck;
import dev.frontier.results.RunResult;
import dev.frontier.store.RunStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * {@code frontier recheck RUN}: a stored run re-priced with today's catalog (or a price file) and decided again,
 * without a model call. Exit 1 when the decision changed, for scheduled CI.
 */
@Command(name = "recheck", mixinStandardHelpOptions = true,
        description = {"Re-price a stored run with today's model catalog (or a price file), decide again with the same "
                + "statistics, flag Legacy and end-of-life models. No model is called.",
                "Exit 0 when the decision is unchanged, 1 when it changed, 2 for bad input, 3 for store problems."})
final class RecheckCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Parameters(index = "0", paramLabel = "RUN", description = "a run id in the run store (e.g. 20261127-183000-ab12)")
    String run;

    @Option(names = "--prices", paramLabel = "FILE",
            description = "JSON prices that replace the catalog's for some models (see README, Re-checking a "
                    + "decision)")
    Path prices;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD",
            description = "the day to read model lifecycles for, default today (UTC)")
    String date;

    @Mixin
    StoreOptions storage;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RunId id = StoreOptions.runId(run);
        LocalDate today = today();
        Catalog catalog = Catalog.bundled();
        // the price file is checked before the store is opened: bad input is reported as such whatever the store
        Optional<PriceFile> file = prices == null ? Optional.empty() : Optional.of(priceFile(catalog, err));
        storage.requireStore(" (run a suite first, or pass --store)");
        RunResult result;
        Map<String, Map<String, Double>> quality;
        try (RunStore store = RunStore.open(storage.store)) {
            result = storage.record(store, id);
            if (result.provenance() == null) {
                throw new CliFailure(Exit.PROVIDER, "run " + id + " has no provenance in its results; it cannot be "
                        + "re-priced");
            }
            Optional<Map<String, Map<String, Double>>> recorded = Recheck.quality(result);
            quality = recorded.isPresent() ? recorded.get() : Recheck.quality(result.scorers(), store.scores(id));
        }
        String region = Recheck.regionOf(result);
        if (file.isPresent() && file.get().region().isPresent() && !file.get().region().get().equals(region)) {
            throw new CliFailure(Exit.INVALID_INPUT, prices + ": \"region\" is " + file.get().region().get()
                    + " but run " + id + " was priced in " + region + " (give prices for " + region
                    + ", or leave \"region\" out)");
        }
        PriceCatalog priced = PriceCatalog.of(catalog, region);
        if (file.isPresent()) {
            priced = file.get().applyTo(priced);
        }
        Recheck.Result r = Recheck.of(result, quality, priced, catalog, today, region);
        RecheckText.print(r, result.simulated(), out);
        Path dir = storage.reportDir(result);
        try {
            Files.createDirectories(dir);
            storage.writeInReportDir(dir, "recheck.json", JSON.writeValueAsString(r));
            storage.writeInReportDir(dir, "recheck.md", RecheckText.markdown(r, result.simulated()));
        } catch (IOException e) {
            throw new CliFailure(Exit.PROVIDER, "cannot write recheck.json / recheck.md into " + dir + ": "
                    + e.getMessage() + " (the figures above are complete; choose another --reports)");
        }
        out.printf("recheck: %s%n", dir.resolve("recheck.md"));
        return r.changed() ? Exit.GATE_FAILED.code() : Exit.OK.code();
    }

    private LocalDate today() {
        if (date == null) {
            return LocalDate.now(ZoneOffset.UTC);
        }
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new CliFailure(Exit.INVALID_INPUT, "--date " + date + " is not a date; give YYYY-MM-DD");
        }
    }

    private PriceFile priceFile(Catalog catalog, PrintWriter err) {
        String text;
        try {
            text = Files.readString(prices, StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new CliFailure(Exit.INVALID_INPUT, "--prices " + prices + ": cannot read it ("
                    + e.getClass().getSimpleName().replace("Exception", "") + " " + e.getMessage() + ")");
        }
        PriceFile.Result read = PriceFile.parse(text, prices, catalog);
        if (read instanceof PriceFile.Invalid invalid) {
            SuiteInput.print(invalid.problems(), err);
            long errors = invalid.problems().stream().filter(dev.frontier.model.Problem::isError).count();
            throw new CliFailure(Exit.INVALID_INPUT, errors + (errors == 1 ? " problem" : " problems") + " in "
                    + prices + "; nothing was re-priced");
        }
        PriceFile.Loaded loaded = (PriceFile.Loaded) read;
        SuiteInput.print(loaded.warnings(), err);
        return loaded.file();
    }
}
