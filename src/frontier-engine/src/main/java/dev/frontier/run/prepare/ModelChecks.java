package dev.frontier.run.prepare;

import dev.frontier.catalog.Catalog;
import dev.frontier.catalog.ModelFacts;
import dev.frontier.catalog.ModelId;
import dev.frontier.catalog.PromptRouting;
import dev.frontier.config.PromptRouterSpec;
import dev.frontier.config.CandidateSpec;
import dev.frontier.config.PromptSpec;
import dev.frontier.config.ScorerSpec;
import dev.frontier.config.SuiteSpec;
import dev.frontier.dataset.Dataset;
import dev.frontier.model.Item;
import dev.frontier.model.Problem;
import dev.frontier.score.LlmJudge;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the model catalog says of the models a suite calls, in the Region it calls them: an id Bedrock would refuse
 * (a bare id served only through an inference profile, a profile the Region does not offer, a model past its end of
 * life) is an error; a Legacy model, a model the catalog does not know there, and a cache checkpoint that would be
 * dropped or ignored are warnings; a {@code maxTokens} above the model's limit and structured output on a judge
 * model without it are errors. The sandbox refuses the same requests from the same catalog.
 *
 * <p>A prompt router (a default or configured router's ARN, or a suite's {@code router:<id>}) is checked as Bedrock
 * documents routers (user guide, prompt-routing; API reference, {@code CreatePromptRouter}): a router ARN is
 * regional, so its Region must be the suite's; a default router must be one Bedrock offers in that Region; a
 * suite's router names two models of one routable family offered there, with a fallback among them. Batch inference
 * does not list routers among the ids a job may name, so a router candidate is called on demand. A cache checkpoint
 * goes through a router only when every model it may route to offers prompt caching.
 */
final class ModelChecks {
    private ModelChecks() {
    }

    static void candidates(SuiteSpec suite, Catalog catalog, String region, LocalDate today, Dataset dataset,
                           Set<Problem> problems) {
        for (int i = 0; i < suite.candidates().size(); i++) {
            CandidateSpec c = suite.candidates().get(i);
            if (c.isImported()) {
                continue;
            }
            String path = "candidates[" + i + "]";
            if (RouterModels.isRouter(c.model())) {
                router(suite, catalog, region, c, path, problems);
                if (!c.inference().settings().isDefault()) {
                    problems.add(Problem.error(suite.at(path), path, "'" + c.id() + "' is a prompt router with "
                            + "request settings (" + c.inference().settings().describe() + "): which model serves "
                            + "a request is known only from the answer, so whether it takes them cannot be checked",
                            "set the tier, latency or reasoning on model candidates only"));
                }
                continue;
            }
            Optional<ModelFacts> facts = invocation(suite, catalog, c.model(), region, today, path + ".model",
                    "candidate '" + c.id() + "'", problems);
            if (facts.isEmpty()) {
                continue;
            }
            ModelFacts m = facts.get();
            String max = suite.locations().containsKey(path + ".inference.maxTokens") ? path + ".inference.maxTokens"
                    : "inference.maxTokens";
            if (m.maxOutputTokens() > 0 && c.inference().maxTokens() > m.maxOutputTokens()) {
                problems.add(Problem.error(suite.at(max), max, "maxTokens " + c.inference().maxTokens() + " is above "
                        + m.name() + "'s limit of " + m.maxOutputTokens() + " output tokens; Bedrock refuses the call",
                        "set maxTokens to at most " + m.maxOutputTokens() + " for '" + c.id() + "'"));
            }
            if (c.prompt().cache() == PromptSpec.CacheMode.SYSTEM) {
                String cache = suite.locations().containsKey(path + ".prompt.cache") ? path + ".prompt.cache"
                        : "prompt.cache";
                cache(suite, c, m, cache, dataset, problems);
            }
            SettingsChecks.check(suite, catalog, region, today, c, m, path, problems);
        }
    }

    /** A router candidate: its Region, a default router's offer there, its models' limits and caching, batch. */
    private static void router(SuiteSpec suite, Catalog catalog, String region, CandidateSpec c, String path,
                               Set<Problem> problems) {
        String at = path + ".model";
        ModelId id = ModelId.parse(c.model());
        if (id.region().isPresent() && !id.region().get().equals(region)) {
            problems.add(Problem.error(suite.at(at), at, "the prompt router of '" + c.id() + "' is in "
                    + id.region().get() + " but the suite calls " + region + ": a router ARN is regional and "
                    + "Bedrock answers it only in its own Region", "use the router's ARN in " + region
                    + ", or set 'execution.region: " + id.region().get() + "'"));
            return;
        }
        Optional<String> defaultId = id.defaultRouterId();
        if (defaultId.isPresent()) {
            Optional<PromptRouting.DefaultRouter> known = catalog.promptRouting().defaultRouter(defaultId.get());
            if (known.isEmpty()) {
                problems.add(Problem.error(suite.at(at), at, "'" + defaultId.get() + "' is not a default prompt "
                        + "router the model catalog knows", "use one of: "
                        + String.join(", ", catalog.promptRouting().defaultRouters().keySet())));
                return;
            }
            if (!known.get().regions().contains(region)) {
                List<String> here = catalog.promptRouting().defaultRouters().values().stream()
                        .filter(r -> r.regions().contains(region)).map(PromptRouting.DefaultRouter::id).toList();
                problems.add(Problem.error(suite.at(at), at, "Bedrock offers the default prompt router '"
                        + defaultId.get() + "' in " + String.join(", ", known.get().regions()) + ", not in "
                        + region, here.isEmpty() ? "no default router is offered in " + region + "; run the suite "
                        + "in " + String.join(" or ", known.get().regions()) : "use one of: " + String.join(", ",
                        here)));
                return;
            }
        }
        Optional<List<String>> models = RouterModels.of(suite, catalog, c.model());
        if (models.isEmpty()) {
            if (c.prompt().cache() == PromptSpec.CacheMode.SYSTEM) {
                String cache = cachePath(suite, path);
                problems.add(Problem.warning(suite.at(cache), cache, "frontier cannot tell which models the "
                        + "prompt router of '" + c.id() + "' routes to: the cache checkpoint is sent as asked, and "
                        + "Bedrock refuses it if the router picks a model without prompt caching",
                        "set 'prompt: { cache: none }' on '" + c.id() + "', or create the router with "
                        + "'promptRouters:' so that its models are known"));
            }
        } else {
            int limit = models.get().stream().map(catalog::model).flatMap(Optional::stream)
                    .mapToInt(ModelFacts::maxOutputTokens).filter(n -> n > 0).min().orElse(0);
            String max = suite.locations().containsKey(path + ".inference.maxTokens") ? path + ".inference.maxTokens"
                    : "inference.maxTokens";
            if (limit > 0 && c.inference().maxTokens() > limit) {
                problems.add(Problem.error(suite.at(max), max, "maxTokens " + c.inference().maxTokens() + " is above "
                        + "the limit of " + limit + " output tokens of a model the router of '" + c.id() + "' may "
                        + "route to; Bedrock refuses the call when it routes there",
                        "set maxTokens to at most " + limit + " for '" + c.id() + "'"));
            }
            if (c.prompt().cache() == PromptSpec.CacheMode.SYSTEM && !RouterModels.allCache(catalog, models.get())) {
                String cache = cachePath(suite, path);
                List<String> without = models.get().stream()
                        .filter(m -> catalog.model(m).flatMap(ModelFacts::caching).isEmpty()).toList();
                problems.add(Problem.warning(suite.at(cache), cache, "the prompt router of '" + c.id() + "' may "
                        + "route to " + String.join(", ", without) + (without.size() == 1 ? ", which has" : ", which have")
                        + " no prompt caching (Bedrock refuses a cachePoint for such a model): no checkpoint is sent "
                        + "through the router",
                        "nothing to do; set 'prompt: { cache: none }' on '" + c.id() + "' to silence this"));
            }
        }
        if (suite.execution().mode() == SuiteSpec.ExecutionSpec.Mode.BATCH) {
            problems.add(Problem.warning(suite.at("execution.mode"), "execution.mode", "'" + c.id() + "' is a "
                    + "prompt router, which Bedrock's batch inference documentation does not list among the model "
                    + "ids a job may name: it is called on demand", "nothing to do; the other candidates still go "
                    + "to batch"));
        }
    }

    /**
     * The suite's own routers ({@code promptRouters:}): each model known to the catalog, routable (its family's
     * Regions include the suite's) and callable there as written, both of one family, and a name Bedrock accepts.
     */
    static void promptRouters(SuiteSpec suite, Catalog catalog, String region, Set<Problem> problems) {
        PromptRouting routing = catalog.promptRouting();
        for (PromptRouterSpec r : suite.promptRouters()) {
            String models = r.path() + ".models";
            Set<String> families = new TreeSet<>();
            for (int j = 0; j < r.models().size(); j++) {
                String model = r.models().get(j);
                String at = models + "[" + j + "]";
                Optional<PromptRouting.Family> family = routing.familyOf(ModelId.parse(model).baseId());
                if (family.isEmpty()) {
                    problems.add(Problem.error(suite.at(at), at, "'" + model + "' is not a model Bedrock's prompt "
                            + "routing supports", "use models of one family: " + routable(routing)));
                    continue;
                }
                families.add(family.get().name());
                if (!family.get().regions().contains(region)) {
                    problems.add(Problem.error(suite.at(at), at, "prompt routing for " + family.get().name()
                            + " models is offered in " + String.join(", ", family.get().regions()) + ", not in "
                            + region, "run the suite in one of those Regions"));
                    continue;
                }
                Catalog.Invocation how = catalog.invocation(model, region);
                if (how instanceof Catalog.Invocation.NeedsProfile need) {
                    problems.add(Problem.error(suite.at(at), at, "'" + model + "' is served in " + region
                            + " only through an inference profile", "use " + quoted(need.use())));
                } else if (how instanceof Catalog.Invocation.NoSuchProfile none) {
                    problems.add(Problem.error(suite.at(at), at, "'" + model + "' is not an inference profile "
                            + region + " offers", "use " + quoted(none.use())));
                }
            }
            if (families.size() > 1) {
                problems.add(Problem.error(suite.at(models), models, "a prompt router routes between models of "
                        + "one family; these are of " + String.join(" and ", families),
                        "use two models of one family: " + routable(routing)));
            }
            String name = suite.name() + "-" + r.id();
            if (name.length() > 64) {
                String at = r.path() + ".id";
                problems.add(Problem.error(suite.at(at), at, "the router's name '" + name + "' is longer than the "
                        + "64 characters Bedrock allows", "shorten the router id (or the suite name) by "
                        + (name.length() - 64) + " characters"));
            }
            if (suite.candidates().stream().noneMatch(c -> c.model().equals(r.reference()))) {
                problems.add(Problem.warning(suite.at(r.path()), r.path(), "no candidate names '" + r.reference()
                        + "': the router is not created", "add a candidate with 'model: " + r.reference() + "'"));
            }
        }
    }

    private static String routable(PromptRouting routing) {
        StringBuilder out = new StringBuilder();
        routing.families().values().forEach(f -> out.append(out.length() == 0 ? "" : "; ").append(f.name())
                .append(": ").append(String.join(", ", f.models())));
        return out.toString();
    }

    private static String cachePath(SuiteSpec suite, String path) {
        return suite.locations().containsKey(path + ".prompt.cache") ? path + ".prompt.cache" : "prompt.cache";
    }

    /** A judge's models: how they are called, and structured output where the judge asks for it. */
    static void judge(SuiteSpec suite, ScorerSpec s, LlmJudge judge, Catalog catalog, String region, LocalDate today,
                      Set<Problem> problems) {
        String path = s.path() + (s.params().containsKey("models") ? ".models" : ".model");
        for (String model : judge.models()) {
            Optional<ModelFacts> facts = invocation(suite, catalog, model, region, today, path,
                    "judge model", problems);
            if (facts.isPresent() && judge.structured() && !facts.get().structuredOutput()) {
                String at = s.path() + ".structuredOutput";
                List<String> able = catalog.models().values().stream().filter(ModelFacts::structuredOutput)
                        .filter(f -> f.in(region).isPresent()).map(ModelFacts::id).toList();
                problems.add(Problem.error(suite.at(at), at, facts.get().name() + " does not support structured "
                        + "output (Converse outputConfig); Bedrock refuses the request",
                        "remove structuredOutput, or judge with a model that has it: " + String.join(", ", able)));
            }
        }
    }

    private static Optional<ModelFacts> invocation(SuiteSpec suite, Catalog catalog, String model, String region,
                                                   LocalDate today, String path, String who, Set<Problem> problems) {
        Optional<ModelFacts> known = catalog.model(model);
        if (known.isPresent()) {
            ModelFacts.Lifecycle life = known.get().lifecycle();
            if (life.endedBy(today)) {
                problems.add(Problem.error(suite.at(path), path, known.get().name() + " (" + model + ") reached its "
                        + "end of life on " + life.endOfLife().orElseThrow() + ": Bedrock no longer answers it ("
                        + life.describe() + ")", "replace it with a current model; 'frontier models' lists them"));
                return Optional.empty();
            }
            if (life.status() == ModelFacts.Status.LEGACY) {
                problems.add(Problem.warning(suite.at(path), path, known.get().name() + " is a Legacy model: "
                        + life.describe(), "plan a move to a current model; 'frontier models' lists them"));
            }
        }
        Catalog.Invocation how = catalog.invocation(model, region);
        if (how instanceof Catalog.Invocation.Allowed allowed) {
            return Optional.of(allowed.model());
        }
        if (how instanceof Catalog.Invocation.NeedsProfile need) {
            problems.add(Problem.error(suite.at(path), path, "'" + model + "' (" + need.model().name() + ") is served "
                    + "on demand in " + region + " only through an inference profile; Bedrock refuses the bare id",
                    "use " + quoted(need.use()) + " for " + who));
        } else if (how instanceof Catalog.Invocation.NoSuchProfile none) {
            problems.add(Problem.error(suite.at(path), path, "'" + model + "' is not an inference profile "
                    + region + " offers for " + none.model().name(), "use " + quoted(none.use())));
        } else if (how instanceof Catalog.Invocation.NotInCatalog missing) {
            problems.add(Problem.warning(suite.at(path), path, "the model catalog has no facts for "
                    + missing.model().name() + " in " + region + ": its price is unknown there and how it is called "
                    + "is not checked", "it is known in " + String.join(", ", missing.model().regions().keySet())));
        }
        return Optional.empty();
    }

    private static void cache(SuiteSpec suite, CandidateSpec c, ModelFacts m, String path, Dataset dataset,
                              Set<Problem> problems) {
        if (m.caching().isEmpty()) {
            problems.add(Problem.warning(suite.at(path), path, m.name() + " has no prompt caching (Bedrock refuses a "
                    + "cachePoint for it): no checkpoint is sent for '" + c.id() + "'",
                    "nothing to do; set 'prompt: { cache: none }' on '" + c.id() + "' to silence this"));
            return;
        }
        int min = m.caching().get().minTokens();
        long longest = 0;
        for (Item item : dataset.items()) {
            longest = Math.max(longest, (c.prompt().system().render(item).length() + 3) / 4);
        }
        if (longest < min) {
            problems.add(Problem.warning(suite.at(path), path, "the system prompt of '" + c.id() + "' is about "
                    + longest + " tokens at most, below the " + min + " tokens " + m.name() + " needs before a "
                    + "checkpoint: Bedrock ignores the checkpoint and nothing is cached",
                    "lengthen the cached prefix, or set 'cache: none'"));
        }
    }

    private static String quoted(List<String> ids) {
        return ids.isEmpty() ? "another model" : "'" + String.join("' or '", ids) + "'";
    }
}
