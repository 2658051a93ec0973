package dev.frontier.cli;

import dev.frontier.catalog.Catalog;
import dev.frontier.config.DatasetSpec;
import dev.frontier.config.RoutingSpec;
import dev.frontier.config.SuiteLoader;
import dev.frontier.config.SuiteSpec;
import dev.frontier.cost.PriceCatalog;
import dev.frontier.dataset.DatasetReader;
import dev.frontier.model.RunId;
import dev.frontier.model.Template;
import dev.frontier.results.ResultsJson;
import dev.frontier.results.RunResult;
import dev.frontier.run.aggregate.Recheck;
import dev.frontier.run.aggregate.Routes;
import dev.frontier.store.RunStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code frontier route RUN}: routing policies tried on a stored run's answers — the oracle bound, cascades on cheap
 * signals, routers learned from the prompt — with cross-fitted figures, paired intervals and Holm-corrected
 * non-inferiority verdicts against the incumbent. No model is called.
 */
@Command(name = "route", mixinStandardHelpOptions = true,
        description = {"Try routing policies on a stored run's answers (no model call): the oracle bound, cascades "
                + "on cheap signals, routers learned from the prompt, each cross-fitted, with intervals and "
                + "Holm-corrected non-inferiority verdicts against the incumbent. Writes them into the run's "
                + "results.json and report, the best policy as routing-policy.json and the closest "
                + "CreatePromptRouter request as prompt-router.json.",
                "Exit 0 when done, 2 for bad input, 3 for store problems."})
final class RouteCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN", description = "a run id in the run store (e.g. 20261127-183000-ab12)")
    String run;

    @Option(names = "--folds", paramLabel = "K",
            description = "folds of the cross-fitting, by item (default: the suite's routing.folds, else 5)")
    Integer folds;

    @Option(names = "--no-learned", description = "skip routers learned from the prompt")
    boolean noLearned;

    @Mixin
    StoreOptions storage;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        RunId id = StoreOptions.runId(run);
        if (folds != null && (folds < 2 || folds > 20)) {
            throw new CliFailure(Exit.INVALID_INPUT, "--folds " + folds + " must be between 2 and 20");
        }
        storage.requireStore(" (run a suite first, or pass --store)");
        RunResult result;
        Routes.Stored stored;
        try (RunStore store = RunStore.open(storage.store)) {
            result = storage.record(store, id);
            if (result.candidates().stream().noneMatch(RunResult.CandidateResult::incumbent)) {
                throw new CliFailure(Exit.INVALID_INPUT, "run " + id + " has no incumbent to route against (mark one "
                        + "candidate 'role: incumbent' in the suite)");
            }
            stored = Routes.Stored.read(store, id);
        }
        Optional<SuiteSpec> suite = suiteOf(result);
        Optional<Routes.Prompts> prompts = suite.flatMap(s -> prompts(s, result));
        RoutingSpec routing = suite.flatMap(SuiteSpec::routing).orElse(RoutingSpec.DEFAULT);
        routing = routing.with(routing.learned() && !noLearned, folds == null ? routing.folds() : folds);
        String region = Recheck.regionOf(result);
        RunResult.Routing section;
        try {
            section = Routes.analyse(result, routing, stored, prompts, PriceCatalog.of(Catalog.bundled(), region),
                    Catalog.bundled());
        } catch (Routes.NotAnalysable e) {
            throw new CliFailure(Exit.INVALID_INPUT, "run " + id + " cannot be routed as asked: " + e.getMessage()
                    + " (fewer --folds, or a run with more items)");
        }
        RunResult routed = result.withRouting(section);
        print(routed, section, out);

        try (RunStore store = RunStore.open(storage.store)) {
            store.replaceResults(id, ResultsJson.toJson(routed));
        }
        Path dir = storage.writeReport(routed);
        try {
            if (section.policy().isPresent()) {
                storage.writeInReportDir(dir, "routing-policy.json", section.policy().get());
            }
            if (section.promptRouter().isPresent()) {
                storage.writeInReportDir(dir, "prompt-router.json", section.promptRouter().get());
            }
        } catch (IOException e) {
            throw new CliFailure(Exit.PROVIDER, "cannot write routing-policy.json / prompt-router.json into " + dir
                    + ": " + Failures.describe(e) + " (the figures above are complete and in results.json)");
        }
        out.printf("report: %s%n", dir.resolve("report.html"));
        section.policy().ifPresent(p -> out.printf("policy: %s%n", dir.resolve("routing-policy.json")));
        section.promptRouter().ifPresent(p -> out.printf("prompt router: %s%n", dir.resolve("prompt-router.json")));
        return Exit.OK.code();
    }

    /** The suite the run used, when its file is still there unchanged (for its routing section and prompts). */
    private static Optional<SuiteSpec> suiteOf(RunResult result) {
        RunResult.Provenance p = result.provenance();
        if (p == null || p.suiteFile() == null || p.suiteFile().isEmpty()) {
            return Optional.empty();
        }
        Path file = Path.of(p.suiteFile());
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return SuiteLoader.load(file) instanceof SuiteLoader.Loaded loaded
                && loaded.suite().sha256().equals(p.suiteSha256()) ? Optional.of(loaded.suite()) : Optional.empty();
    }

    /** The run's items and the fields its prompts fill in, when the dataset is the one the run read. */
    private static Optional<Routes.Prompts> prompts(SuiteSpec suite, RunResult result) {
        DatasetReader.Format format = suite.dataset().format() == DatasetSpec.Format.CSV ? DatasetReader.Format.CSV
                : DatasetReader.Format.JSONL;
        if (!(DatasetReader.read(suite.dataset().path(), format, suite.dataset().idField())
                instanceof DatasetReader.Loaded loaded)
                || !loaded.dataset().sha256().equals(result.provenance().datasetSha256())) {
            return Optional.empty();
        }
        List<Template> templates = new ArrayList<>();
        suite.candidates().forEach(c -> {
            templates.add(c.prompt().system());
            templates.add(c.prompt().user());
        });
        return Optional.of(new Routes.Prompts(loaded.dataset().items(), Routes.Prompts.fieldsOf(templates),
                suite.scorers()));
    }

    private static void print(RunResult run, RunResult.Routing r, PrintWriter out) {
        out.printf(Locale.ROOT, "routing of run %s (%s): incumbent %s, margin %s, no model call%n", run.runId(),
                run.suite(), r.incumbent(), run.rules().margin());
        out.printf(Locale.ROOT, "%-44s %-8s %-22s %10s %-26s %8s  %s%n", "policy", "kind", "quality [CI]", "$/1k",
                "difference [CI]", "p (Holm)", "verdict");
        for (RunResult.RoutePolicy p : r.policies()) {
            String q = String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", p.quality().mean(), p.quality().lower(),
                    p.quality().upper());
            String d = p.difference() == null ? "—" : String.format(Locale.ROOT, "%+.3f [%+.3f, %+.3f]",
                    p.difference(), p.differenceLower(), p.differenceUpper());
            String pv = p.adjustedPValue() == null ? "—" : String.format(Locale.ROOT, "%.4f", p.adjustedPValue());
            out.printf(Locale.ROOT, "%-44s %-8s %-22s %10s %-26s %8s  %s%n", p.id(), p.kind(), q, money(p.costPer1k()),
                    d, pv, p.verdict());
        }
        out.printf("recommendation: %s%n", r.recommendation());
        r.notes().forEach(n -> out.printf("note: %s%n", n));
    }

    private static String money(BigDecimal usd) {
        return usd == null ? "unknown" : String.format(Locale.ROOT, "%.4f", usd);
    }
}
