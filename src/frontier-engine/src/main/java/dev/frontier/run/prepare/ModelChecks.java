package dev.frontier.run.prepare;

import dev.frontier.catalog.Catalog;
import dev.frontier.catalog.ModelFacts;
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

/**
 * What the model catalog says of the models a suite calls, in the Region it calls them: an id Bedrock would refuse
 * (a bare id served only through an inference profile, a profile the Region does not offer, a model past its end of
 * life) is an error; a Legacy model, a model the catalog does not know there, and a cache checkpoint that would be
 * dropped or ignored are warnings; a {@code maxTokens} above the model's limit and structured output on a judge
 * model without it are errors. The sandbox refuses the same requests from the same catalog.
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
        }
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
