package dev.frontier.run.prepare;

import dev.frontier.catalog.Catalog;
import dev.frontier.catalog.ModelFacts;
import dev.frontier.catalog.ModelId;
import dev.frontier.config.CandidateSpec;
import dev.frontier.config.PromptSpec;
import dev.frontier.config.SuiteSpec;
import dev.frontier.model.CallSettings;
import dev.frontier.model.Problem;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A candidate's request settings against the model catalog, in the Region the suite calls: a service tier, latency
 * configuration, reasoning setting or cache TTL the model does not take there is an error at {@code validate}, with
 * the line that asks for it and the models that do take it, because Bedrock refuses such a request (or, where its
 * answer is not documented, the catalog says so and the sandbox refuses it the same way).
 */
final class SettingsChecks {
    private SettingsChecks() {
    }

    /** Checks {@code c} (the candidate at {@code path}) on the model {@code m}. */
    static void check(SuiteSpec suite, Catalog catalog, String region, java.time.LocalDate today, CandidateSpec c,
                      ModelFacts m, String path, Set<Problem> problems) {
        // only models that still answer in the Region are suggested
        List<ModelFacts> answering = catalog.models().values().stream()
                .filter(x -> x.in(region).isPresent() && !x.lifecycle().endedBy(today)).toList();
        checkIn(suite, catalog, answering, region, c, m, path, problems);
    }

    private static void checkIn(SuiteSpec suite, Catalog catalog, List<ModelFacts> answering, String region,
                                CandidateSpec c, ModelFacts m, String path, Set<Problem> problems) {
        CallSettings s = c.inference().settings();
        ModelFacts.Dials dials = m.dials();
        s.serviceTier().filter(t -> t != CallSettings.ServiceTier.DEFAULT).ifPresent(tier -> {
            String at = at(suite, path, "inference.serviceTier");
            boolean offered = dials.serviceTiers().filter(t -> t.offers(tier.wire(), region)).isPresent();
            if (!offered) {
                List<String> others = answering.stream()
                        .filter(x -> x.dials().serviceTiers().filter(t -> t.offers(tier.wire(), region)).isPresent())
                        .map(ModelFacts::id).toList();
                problems.add(Problem.error(suite.at(at), at, "'" + c.id() + "' asks for the " + tier.label()
                        + " service tier, which Bedrock does not offer for " + m.name() + " in " + region
                        + " (" + source(catalog, "doc-service-tiers") + ")", others.isEmpty()
                        ? "remove serviceTier for '" + c.id() + "'"
                        : "remove serviceTier for '" + c.id() + "', or use a model that offers it there: "
                        + String.join(", ", others)));
            } else if (tier == CallSettings.ServiceTier.RESERVED) {
                problems.add(Problem.warning(suite.at(at), at, "the reserved tier needs a reservation for "
                        + m.name() + " made through the AWS account team; without one Bedrock answers "
                        + "ValidationException 'Reservation not found.'", "nothing to do if the account has one"));
            }
        });
        if (s.latencyOptimized()) {
            String at = at(suite, path, "inference.latency");
            Optional<ModelFacts.LatencyOptimized> lo = dials.latencyOptimized();
            ModelId id = ModelId.parse(c.model());
            if (lo.isEmpty() || !lo.get().regions().contains(region)) {
                List<String> others = answering.stream()
                        .filter(x -> x.dials().latencyOptimized().filter(l -> l.regions().contains(region))
                                .isPresent()).map(x -> "us." + x.id()).toList();
                problems.add(Problem.error(suite.at(at), at, "'" + c.id() + "' asks for latency-optimized "
                        + "inference, which Bedrock offers for " + m.name() + (lo.isEmpty() ? " nowhere"
                        : " only in " + String.join(", ", lo.get().regions())) + " ("
                        + source(catalog, "doc-latency-optimized") + ")", others.isEmpty()
                        ? "remove 'latency: optimized' for '" + c.id() + "'"
                        : "remove 'latency: optimized' for '" + c.id() + "', or use a model that offers it in "
                        + region + ": " + String.join(", ", others)));
            } else if (!id.profile().filter("us"::equals).isPresent()) {
                String model = at(suite, path, "model");
                problems.add(Problem.error(suite.at(model), model, "latency-optimized inference is served only "
                        + "through the us. cross-Region inference profile, not through '" + c.model() + "'",
                        "use 'us." + m.id() + "' for '" + c.id() + "'"));
            }
            if (Requests.cacheCheckpoint(c)) {
                String cache = at(suite, path, "prompt.cache");
                problems.add(Problem.error(suite.at(cache), cache, "'" + c.id() + "' asks for latency-optimized "
                        + "inference and a cache checkpoint; Bedrock refuses the two together (ValidationException "
                        + "'Extra inputs are not permitted', seen on Claude 3.5 Haiku)",
                        "set 'prompt: { cache: none }' on '" + c.id() + "', or drop 'latency: optimized'"));
            }
        }
        s.reasoning().ifPresent(r -> reasoning(suite, catalog, answering, c, m, path, r, problems));
        Optional<String> ttl = c.prompt().cacheTtl();
        if (ttl.isPresent() && !ttl.get().equals("5m")) {
            String at = at(suite, path, "prompt.cacheTtl");
            if (c.prompt().cache() != PromptSpec.CacheMode.SYSTEM) {
                problems.add(Problem.warning(suite.at(at), at, "'" + c.id() + "' sets cacheTtl but sends no cache "
                        + "checkpoint", "set 'cache: system', or remove cacheTtl"));
            } else if (m.caching().filter(k -> k.ttls().contains(ttl.get())).isEmpty()) {
                List<String> others = answering.stream()
                        .filter(x -> x.caching().filter(k -> k.ttls().contains(ttl.get())).isPresent())
                        .map(ModelFacts::id).toList();
                problems.add(Problem.error(suite.at(at), at, m.name() + " caches prompts for "
                        + m.caching().map(k -> String.join(" or ", k.ttls())).orElse("no time at all") + ", not "
                        + ttl.get() + "; Bedrock refuses the checkpoint (" + (m.provider().equals("Anthropic")
                        ? "'Extra inputs are not permitted'" : "'Extended TTL prompt caching is only supported for "
                        + "Anthropic models'") + ")", "remove cacheTtl for '" + c.id() + "'"
                        + (others.isEmpty() ? "" : ", or use a model with " + ttl.get() + " caching: "
                        + String.join(", ", others))));
            }
        }
    }

    private static void reasoning(SuiteSpec suite, Catalog catalog, List<ModelFacts> answering, CandidateSpec c,
                                  ModelFacts m, String path,
                                  CallSettings.Reasoning r, Set<Problem> problems) {
        String at = at(suite, path, "inference.reasoning");
        Optional<ModelFacts.Reasoning> facts = m.dials().reasoning();
        if (facts.isEmpty()) {
            List<String> others = answering.stream().filter(x -> x.dials().reasoning().isPresent())
                    .map(ModelFacts::id).toList();
            problems.add(Problem.error(suite.at(at), at, m.name() + " takes no reasoning setting; Bedrock refuses "
                    + "the request", "remove reasoning for '" + c.id() + "', or use a reasoning model: "
                    + String.join(", ", others)));
            return;
        }
        ModelFacts.Reasoning f = facts.get();
        String source = " (" + source(catalog, f.source()) + ")";
        if (r instanceof CallSettings.Reasoning.Budget b) {
            if (f.kind() != ModelFacts.ReasoningKind.BUDGET) {
                problems.add(Problem.error(suite.at(at), at, m.name() + " takes a reasoning effort, not a thinking "
                        + "budget" + source, "use 'reasoning: " + String.join("' / '", f.efforts()) + "'"));
                return;
            }
            if (b.tokens() < f.minBudget()) {
                problems.add(Problem.error(suite.at(at), at, "a thinking budget of " + b.tokens() + " tokens is "
                        + "below " + m.name() + "'s minimum of " + f.minBudget() + source,
                        "use at least 'reasoning: " + f.minBudget() + "'"));
            }
            if (b.tokens() >= c.inference().maxTokens()) {
                String max = at(suite, path, "inference.maxTokens");
                problems.add(Problem.error(suite.at(at), at, "the thinking budget of '" + c.id() + "' ("
                        + b.tokens() + " tokens) is not below its maxTokens (" + c.inference().maxTokens()
                        + "); Bedrock answers 'max_tokens must be greater than thinking.budget_tokens'",
                        "raise maxTokens (at " + suite.at(max) + ") above the budget plus the answer's length"));
            }
        } else {
            CallSettings.Reasoning.Effort e = (CallSettings.Reasoning.Effort) r;
            if (f.kind() != ModelFacts.ReasoningKind.EFFORT) {
                problems.add(Problem.error(suite.at(at), at, m.name() + " takes a thinking budget in tokens, not "
                        + "an effort" + source, "use e.g. 'reasoning: " + Math.max(f.minBudget(), 1024) + "'"));
                return;
            }
            if (!f.efforts().contains(e.level())) {
                problems.add(Problem.error(suite.at(at), at, m.name() + " takes the efforts "
                        + String.join(", ", f.efforts()) + ", not '" + e.level() + "'" + source,
                        "use one of: " + String.join(", ", f.efforts())));
            }
        }
        for (String rule : f.samplingWithout()) {
            String[] parts = rule.split(":", 2);
            String parameter = parts.length == 2 ? parts[1] : parts[0];
            if (parts.length == 2 && !(r instanceof CallSettings.Reasoning.Effort e && e.level().equals(parts[0]))) {
                continue;
            }
            boolean set = switch (parameter) {
                case "temperature" -> c.inference().temperature().isPresent();
                case "topP" -> c.inference().topP().isPresent();
                case "maxTokens" -> suite.locations().containsKey(path + ".inference.maxTokens")
                        || suite.locations().containsKey("inference.maxTokens");
                default -> false;
            };
            if (!set) {
                continue;
            }
            String p = at(suite, path, "inference." + parameter);
            if (parameter.equals("maxTokens")) {
                problems.add(Problem.warning(suite.at(p), p, "with reasoning effort " + ((CallSettings.Reasoning.Effort) r)
                        .level() + ", " + m.name() + " takes no maxTokens: it is not sent for '" + c.id() + "', and "
                        + "the budget guard counts the model's own limit of " + m.maxOutputTokens() + " output tokens",
                        "nothing to do; remove maxTokens to silence this"));
            } else {
                problems.add(Problem.error(suite.at(p), p, m.name() + " takes no " + parameter + " while it reasons ("
                        + r.describe() + ")" + source, "remove " + parameter + " for '" + c.id()
                        + "' (set it on the other candidates only), or drop reasoning"));
            }
        }
    }

    /** Where the catalog has a fact from, briefly: "source: <url>". */
    private static String source(Catalog catalog, String key) {
        Catalog.Source s = catalog.sources().get(key);
        return "source: " + (s == null ? key : s.url());
    }

    /** The candidate's own path for {@code key} when it sets it, else the suite's. */
    private static String at(SuiteSpec suite, String path, String key) {
        return suite.locations().containsKey(path + "." + key) ? path + "." + key : key;
    }
}
