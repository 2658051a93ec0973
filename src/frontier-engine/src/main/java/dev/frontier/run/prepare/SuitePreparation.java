package dev.frontier.run.prepare;

import dev.frontier.catalog.Catalog;
import dev.frontier.config.CandidateSpec;
import dev.frontier.config.PromptRouterSpec;
import dev.frontier.config.DatasetSpec;
import dev.frontier.config.PricingSpec;
import dev.frontier.config.ScorerSpec;
import dev.frontier.config.Suggest;
import dev.frontier.config.SuiteSpec;
import dev.frontier.cost.ModelPrice;
import dev.frontier.cost.PriceCatalog;
import dev.frontier.dataset.Dataset;
import dev.frontier.dataset.DatasetReader;
import dev.frontier.dataset.HoldoutSplit;
import dev.frontier.dataset.OutputsReader;
import dev.frontier.logs.TrafficProfile;
import dev.frontier.logs.TrafficProfiles;
import dev.frontier.model.Location;
import dev.frontier.model.Problem;
import dev.frontier.model.Template;
import dev.frontier.score.HumanLabels;
import dev.frontier.score.LlmJudge;
import dev.frontier.score.Scorer;
import dev.frontier.score.CorpusScorer;
import dev.frontier.score.ParamProblem;
import dev.frontier.score.ScorerRegistry;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The checks that need more than the suite file: the dataset is read, every template field is looked up in it,
 * every scorer is built by the registry, and every model is looked up in the price catalog.
 */
public final class SuitePreparation {
    private SuitePreparation() {
    }

    /** A suite ready to run, or the problems that stop it. */
    public sealed interface Result permits Ready, Invalid {
    }

    /** Ready to run. */
    public record Ready(PreparedSuite suite) implements Result {
    }

    /** The problems; at least one is an error. */
    public record Invalid(List<Problem> problems) implements Result {
    }

    /**
     * Checks {@code suite} against the bundled model catalog in the suite's Region (the catalog's default Region when
     * the suite names none), with {@code prices}, and builds what the run needs.
     */
    public static Result prepare(SuiteSpec suite, PriceCatalog prices, ScorerRegistry registry) {
        return prepare(suite, prices, Catalog.bundled(),
                suite.execution().region().orElse(PriceCatalog.DEFAULT_REGION),
                LocalDate.now(ZoneOffset.UTC), registry);
    }

    /**
     * Checks {@code suite} against {@code catalog} for calls in {@code region} on {@code today} (how each model is
     * called, its limits and lifecycle), prices it in that Region, and builds what the run needs.
     */
    public static Result prepare(SuiteSpec suite, Catalog catalog, String region, LocalDate today,
                                 ScorerRegistry registry) {
        return prepare(suite, PriceCatalog.of(catalog, region), catalog, region, today, registry);
    }

    private static Result prepare(SuiteSpec suite, PriceCatalog bundled, Catalog models, String region,
                                  LocalDate today, ScorerRegistry registry) {
        Set<Problem> problems = new LinkedHashSet<>();
        DatasetSpec ds = suite.dataset();
        DatasetReader.Result read = DatasetReader.read(ds.path(),
                ds.format() == DatasetSpec.Format.CSV ? DatasetReader.Format.CSV : DatasetReader.Format.JSONL,
                ds.idField());
        if (read instanceof DatasetReader.Invalid invalid) {
            return new Invalid(invalid.problems());
        }
        Dataset dataset = ((DatasetReader.Loaded) read).dataset();
        if (ds.limit().isPresent()) {
            dataset = dataset.limit(ds.limit().getAsInt());
        }
        Set<String> fields = dataset.fields();

        for (int i = 0; i < suite.candidates().size(); i++) {
            CandidateSpec c = suite.candidates().get(i);
            checkTemplate(suite, c.prompt().system(), "candidates[" + i + "].prompt.system", "prompt.system", fields,
                    problems);
            checkTemplate(suite, c.prompt().user(), "candidates[" + i + "].prompt.user", "prompt.user", fields,
                    problems);
        }

        missingInItems(suite, dataset, problems);

        List<PreparedSuite.BoundScorer> scorers = new ArrayList<>();
        for (ScorerSpec s : suite.scorers()) {
            for (Map.Entry<String, Object> p : s.params().entrySet()) {
                checkTemplates(suite, p.getValue(), s.path() + "." + p.getKey(), fields, problems);
            }
            ScorerRegistry.Creation creation = registry.create(s.type(), s.params(), suiteFolder(suite));
            if (creation instanceof ScorerRegistry.Creation.Created created) {
                Scorer bound = created.scorer();
                if (bound instanceof LlmJudge judge) {
                    LlmJudge prompted = LateScorers.judge(suite, s, judge, problems);
                    if (prompted != null) {
                        ModelChecks.judge(suite, s, prompted, models, region, today, problems);
                    }
                    bound = prompted;
                } else if (bound instanceof HumanLabels labels) {
                    bound = LateScorers.labels(suite, s, labels, dataset, problems);
                }
                if (bound != null) {
                    scorers.add(new PreparedSuite.BoundScorer(s, bound, registry.isBinary(s.type())));
                }
            } else {
                for (ParamProblem pp : ((ScorerRegistry.Creation.Invalid) creation).problems()) {
                    String path = pp.param().isEmpty() ? s.path() + ".type" : s.path() + "." + pp.param();
                    problems.add(Problem.error(suite.at(path), path, pp.problem(), pp.hint()));
                }
            }
        }

        routingFeatures(suite, fields, problems);
        sliceFields(suite, fields, problems);
        sequential(suite, scorers, dataset.items().size(), problems);

        PriceCatalog catalog = bundled;
        for (PricingSpec.Override o : suite.pricing().overrides()) {
            catalog = catalog.with(new ModelPrice(o.model(), o.model(), o.input(), o.output(), o.batchInput(),
                    o.batchOutput(), o.cacheRead(), o.cacheWrite(), o.source(), "suite"));
        }
        // a suite's own router is priced, before it exists, as the dearest of the models it names
        for (PromptRouterSpec r : suite.promptRouters()) {
            catalog = catalog.withRoute(r.reference(), r.models());
        }
        LateScorers.check(suite, scorers, catalog, problems);
        ModelChecks.promptRouters(suite, models, region, problems);
        ModelChecks.candidates(suite, models, region, today, dataset, problems);
        Map<String, Map<String, OutputsReader.Imported>> imported = ImportedOutputs.read(suite, dataset, problems);
        for (int i = 0; i < suite.candidates().size(); i++) {
            CandidateSpec c = suite.candidates().get(i);
            if (c.isImported() && !c.imported().get().priced()) {
                String path = "candidates[" + i + "].outputs";
                problems.add(Problem.warning(suite.at(path), path, "the imported outputs of '" + c.id()
                        + "' are not priced: their cost will be reported as unknown",
                        "add 'priceAs: <model id>' to price them as that model"));
                continue;
            }
            if (c.model().startsWith("arn:") || catalog.find(c.model()).isPresent()
                    || models.model(c.model()).isPresent()) {
                continue; // a known model without a price here was named by the model checks
            }
            String path = "candidates[" + i + "].model";
            String near = Suggest.closest(PriceCatalog.baseModelId(c.model()), catalog.models().keySet())
                    .map(k -> "did you mean '" + k + "'? Otherwise add its prices under pricing.overrides")
                    .orElse("add its prices under pricing.overrides");
            problems.add(Problem.warning(suite.at(path), path, "no price for '" + c.model()
                    + "': its cost will be reported as unknown", near));
        }

        if (suite.budget().maxUsd().isPresent()) {
            for (int i = 0; i < suite.candidates().size(); i++) {
                CandidateSpec c = suite.candidates().get(i);
                if (!c.isImported() && !catalog.find(c.model()).map(WorstCase::guardable).orElse(false)) {
                    String path = "candidates[" + i + "].model";
                    problems.add(Problem.error(suite.at(path), path, "budget.maxUsd is set but '" + c.model()
                            + "' has no input and output price, so its spend cannot be guarded",
                            "add its prices under pricing.overrides, or remove budget.maxUsd"));
                }
            }
        }
        Optional<TrafficProfile> traffic = traffic(suite, problems);
        List<Problem> all = new ArrayList<>(problems);
        if (all.stream().anyMatch(Problem::isError)) {
            return new Invalid(all);
        }
        // every monthly figure reads the suite's requests per month: with a profile, the profile's
        SuiteSpec priced = traffic.map(t -> suite.withTraffic(suite.traffic().measured(t.monthlyRequests())))
                .orElse(suite);
        return new Ready(new PreparedSuite(priced, dataset, new HoldoutSplit(ds.holdout(), ds.seed()), scorers,
                catalog, all, imported, traffic));
    }

    /**
     * The traffic profile the suite names, read; a file that is missing or not a profile is an error naming it (at
     * the line and column the JSON parser gives). A profile without arrivals (made from metrics) cannot replay a
     * client cache: a warning says so.
     */
    private static Optional<TrafficProfile> traffic(SuiteSpec suite, Set<Problem> problems) {
        if (suite.traffic().profile().isEmpty()) {
            return Optional.empty();
        }
        Path file = suite.traffic().profile().get();
        if (!java.nio.file.Files.isRegularFile(file)) {
            problems.add(Problem.error(suite.at("traffic.profile"), "traffic.profile", "traffic profile not found: "
                    + file, "give the file `frontier logs import … --profile FILE` wrote, relative to this suite file"));
            return Optional.empty();
        }
        TrafficProfiles.Read read = TrafficProfiles.read(file);
        if (read instanceof TrafficProfiles.Invalid invalid) {
            problems.add(invalid.problem());
            return Optional.empty();
        }
        TrafficProfile profile = ((TrafficProfiles.Loaded) read).profile();
        if (suite.traffic().clientCache().isPresent() && profile.arrivals().isEmpty()) {
            problems.add(Problem.warning(suite.at("traffic.clientCache"), "traffic.clientCache", "the profile "
                    + file.getFileName() + " has no arrivals (made from metrics): the client cache is not priced",
                    "import the profile from invocation logs"));
        }
        return Optional.of(profile);
    }

    /** The folder of the suite file: a {@code command} scorer's program runs there. */
    private static Path suiteFolder(SuiteSpec suite) {
        Path dir = suite.file().toAbsolutePath().getParent();
        return dir == null ? Path.of("") : dir;
    }

    /**
     * A learned router's dataset fields ({@code routing.features}) must exist, and must not be what a scorer compares
     * the answers against: a router sees only what is known before the call.
     */
    private static void routingFeatures(SuiteSpec suite, Set<String> fields, Set<Problem> problems) {
        if (suite.routing().isEmpty()) {
            return;
        }
        Map<String, String> compared = new java.util.LinkedHashMap<>();
        for (ScorerSpec sc : suite.scorers()) {
            for (Object v : sc.params().values()) {
                if (v instanceof String text) {
                    new Template(text).fields().forEach(f -> compared.putIfAbsent(f, sc.id()));
                }
            }
        }
        List<String> features = suite.routing().get().features();
        for (int i = 0; i < features.size(); i++) {
            String f = features.get(i);
            String path = "routing.features[" + i + "]";
            if (!fields.contains(f)) {
                problems.add(Problem.error(suite.at(path), path, "no field '" + f + "' in the dataset",
                        "one of " + String.join(", ", fields)));
            } else if (compared.containsKey(f)) {
                problems.add(Problem.error(suite.at(path), path, "'" + f + "' is what scorer '" + compared.get(f)
                        + "' compares the answers against", "a router may only use what is known before the call: "
                        + "the prompt's fields, or a number or embedding computed from them"));
            }
        }
    }

    /** A sliced field ({@code slices[i].field}) must be a field of the dataset. */
    /**
     * What a sequential run needs: an incumbent to test against, each answer's quality as it arrives (no weighted
     * judge, human label or corpus metric, which score only once every answer is in) and an item per look at least.
     */
    private static void sequential(SuiteSpec suite, List<PreparedSuite.BoundScorer> scorers, int items,
                                   Set<Problem> problems) {
        if (suite.execution().sequential().isEmpty()) {
            return;
        }
        String path = "execution.sequential";
        if (suite.incumbent().isEmpty()) {
            problems.add(Problem.error(suite.at(path), path, "a sequential run tests the cheaper candidates against "
                    + "the incumbent, and no candidate is the incumbent", "mark one candidate 'role: incumbent', or "
                    + "remove 'sequential:'"));
        }
        for (PreparedSuite.BoundScorer s : scorers) {
            if (s.spec().weight() > 0 && (s.late() || s.scorer() instanceof CorpusScorer)) {
                String at = s.spec().path() + ".weight";
                problems.add(Problem.error(suite.at(at).line() > 0 ? suite.at(at) : suite.at(s.spec().path()),
                        s.spec().path(), "'" + s.spec().id() + "' counts toward quality but scores only once every "
                        + "answer is in, and a sequential run decides from each answer's quality as it arrives",
                        "give it 'weight: 0' (it is still reported), or remove 'sequential:'"));
            }
        }
        int looks = suite.execution().sequential().get().looks();
        if (items < looks) {
            problems.add(Problem.error(suite.at(path), path, "a sequential run of " + looks + " looks needs at least "
                    + looks + " items; the dataset has " + items, "use fewer looks, or remove 'sequential:'"));
        }
    }

    private static void sliceFields(SuiteSpec suite, Set<String> fields, Set<Problem> problems) {
        for (int i = 0; i < suite.slices().size(); i++) {
            String f = suite.slices().get(i).field();
            String path = "slices[" + i + "].field";
            if (!fields.contains(f)) {
                problems.add(Problem.error(suite.at(path), path, "no field '" + f + "' in the dataset",
                        dev.frontier.config.Suggest.closest(f, fields).map(k -> "did you mean '" + k + "'?")
                                .orElse("one of " + String.join(", ", fields))));
            }
        }
    }

    private static void checkTemplate(SuiteSpec suite, Template t, String candidatePath, String suitePath,
                                      Set<String> fields, Set<Problem> problems) {
        String path = suite.locations().containsKey(candidatePath) ? candidatePath : suitePath;
        unclosed(suite, t, path).ifPresent(problems::add);
        for (String f : t.fields()) {
            if (!fields.contains(f)) {
                problems.add(missingField(suite, path, f, fields));
            }
        }
    }

    private static void checkTemplates(SuiteSpec suite, Object value, String path, Set<String> fields,
                                       Set<Problem> problems) {
        if (value instanceof String s) {
            unclosed(suite, new Template(s), path).ifPresent(problems::add);
            for (String f : new Template(s).fields()) {
                if (!fields.contains(f)) {
                    problems.add(missingField(suite, path, f, fields));
                }
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                checkTemplates(suite, list.get(i), path + "[" + i + "]", fields, problems);
            }
        }
    }

    /**
     * Items without a field some template uses (a JSONL row that leaves the key out or makes it null): the run could
     * not render their requests, so they are reported here, with the line, before anything is paid. The first ten are
     * listed.
     */
    private static void missingInItems(SuiteSpec suite, Dataset dataset, Set<Problem> problems) {
        Map<String, String> used = new java.util.LinkedHashMap<>();
        for (int i = 0; i < suite.candidates().size(); i++) {
            CandidateSpec c = suite.candidates().get(i);
            if (c.isImported()) {
                continue;
            }
            String at = "candidates[" + i + "].prompt";
            c.prompt().system().fields().forEach(f -> used.putIfAbsent(f, at + ".system"));
            c.prompt().user().fields().forEach(f -> used.putIfAbsent(f, at + ".user"));
        }
        for (ScorerSpec s : suite.scorers()) {
            for (Map.Entry<String, Object> p : s.params().entrySet()) {
                templateFields(p.getValue(), s.path() + "." + p.getKey(), used);
            }
        }
        used.keySet().retainAll(dataset.fields());
        int reported = 0;
        for (dev.frontier.model.Item item : dataset.items()) {
            for (Map.Entry<String, String> f : used.entrySet()) {
                if (!item.fields().containsKey(f.getKey()) && reported++ < 10) {
                    problems.add(new Problem(dataset.path(), dataset.line(item.id()), 0, "", "item '"
                            + dev.frontier.model.Ids.shown(item.id()) + "' has no value for '" + f.getKey()
                            + "' (missing or null), which " + f.getValue() + " uses",
                            "give every row that field (\"\" when it is empty)", Problem.Severity.ERROR));
                }
            }
        }
        if (reported > 10) {
            problems.add(new Problem(dataset.path(), 0, 0, "", "and " + (reported - 10) + " more values missing "
                    + "for fields a template uses", "fix the ones above first", Problem.Severity.ERROR));
        }
    }

    private static void templateFields(Object value, String path, Map<String, String> used) {
        if (value instanceof String s) {
            new Template(s).fields().forEach(f -> used.putIfAbsent(f, path));
        } else if (value instanceof List<?> list) {
            for (Object o : list) {
                templateFields(o, path, used);
            }
        }
    }

    private static Optional<Problem> unclosed(SuiteSpec suite, Template t, String path) {
        return t.unclosedPlaceholder().map(text -> Problem.error(suite.at(path), path, "'"
                + dev.frontier.model.Ids.shown(text) + "' is not a closed placeholder",
                "write {{field}} with both pairs of braces"));
    }

    private static Problem missingField(SuiteSpec suite, String path, String field, Set<String> fields) {
        Location at = suite.at(path);
        String hint = Suggest.closest(field, fields).map(k -> "did you mean '{{" + k + "}}'?")
                .orElse("the dataset's fields are: " + String.join(", ", fields));
        return Problem.error(at, path, "the dataset has no field '" + field + "'", hint);
    }
}
