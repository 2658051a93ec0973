package dev.frontier.run.prepare;

import dev.frontier.catalog.Catalog;
import dev.frontier.catalog.ModelFacts;
import dev.frontier.catalog.ModelId;
import dev.frontier.catalog.PromptRouting;
import dev.frontier.config.CandidateSpec;
import dev.frontier.config.PromptRouterSpec;
import dev.frontier.config.PromptSpec;
import dev.frontier.config.SuiteSpec;
import dev.frontier.cost.PriceCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which models a prompt-router candidate may be served by: a default router's pair from the model catalog, a
 * suite's own router ({@code router:<id>}) as its {@code promptRouters} entry names them. A configured router named
 * by ARN alone is opaque: frontier does not know its models before a call answers.
 */
public final class RouterModels {
    private RouterModels() {
    }

    /** Whether {@code model} is a prompt router: a router ARN or a suite's {@code router:<id>}. */
    public static boolean isRouter(String model) {
        return model.startsWith(PromptRouterSpec.PREFIX) || ModelId.parse(model).isRouter();
    }

    /** The models {@code model} may route to, if known; empty for a model that is not a router. */
    public static Optional<List<String>> of(SuiteSpec suite, Catalog catalog, String model) {
        if (model.startsWith(PromptRouterSpec.PREFIX)) {
            return suite.promptRouter(model.substring(PromptRouterSpec.PREFIX.length())).map(PromptRouterSpec::models);
        }
        Optional<String> defaultId = ModelId.parse(model).defaultRouterId();
        if (defaultId.isPresent()) {
            return catalog.promptRouting().defaultRouter(defaultId.get()).map(PromptRouting.DefaultRouter::models);
        }
        return Optional.empty();
    }

    /** Whether every model of {@code models} offers prompt caching in the catalog. */
    public static boolean allCache(Catalog catalog, List<String> models) {
        return models.stream().allMatch(m -> catalog.model(m).flatMap(ModelFacts::caching).isPresent());
    }

    /**
     * The prepared suite with the ARNs of the routers it created in place of {@code router:<id>}: each candidate's
     * model becomes the ARN (what Converse is called with and what the run records), the price catalog learns the
     * ARN's models, and a candidate whose router may route to a model without prompt caching sends no checkpoint
     * (Bedrock refuses a {@code cachePoint} for such a model; the suite's check warned of it).
     *
     * @param arns router ARN by the router's id in the suite
     */
    public static PreparedSuite withArns(PreparedSuite p, Map<String, String> arns, Catalog catalog) {
        if (arns.isEmpty()) {
            return p;
        }
        SuiteSpec suite = p.suite();
        PriceCatalog prices = p.catalog();
        List<CandidateSpec> candidates = new ArrayList<>();
        for (CandidateSpec c : suite.candidates()) {
            Optional<PromptRouterSpec> router = c.model().startsWith(PromptRouterSpec.PREFIX)
                    ? suite.promptRouter(c.model().substring(PromptRouterSpec.PREFIX.length())) : Optional.empty();
            if (router.isEmpty() || !arns.containsKey(router.get().id())) {
                candidates.add(c);
                continue;
            }
            String arn = arns.get(router.get().id());
            prices = prices.withRoute(arn, router.get().models());
            PromptSpec prompt = c.prompt().cache() == PromptSpec.CacheMode.SYSTEM
                    && !allCache(catalog, router.get().models())
                    ? new PromptSpec(c.prompt().system(), c.prompt().user(), PromptSpec.CacheMode.NONE) : c.prompt();
            candidates.add(new CandidateSpec(c.id(), arn, c.incumbent(), prompt, c.inference(), c.imported()));
        }
        return new PreparedSuite(suite.withCandidates(candidates), p.dataset(), p.split(), p.scorers(), prices,
                p.warnings(), p.imported(), p.traffic());
    }
}
