package dev.frontier.run.prepare;

import dev.frontier.catalog.Catalog;
import dev.frontier.catalog.ModelId;
import dev.frontier.config.CandidateSpec;
import dev.frontier.config.InferenceSpec;
import dev.frontier.config.PromptSpec;
import dev.frontier.model.CallSettings;
import dev.frontier.model.Item;
import dev.frontier.model.ModelRequest;
import java.util.Optional;

/** Builds the model request for one candidate and one item. */
public final class Requests {
    private Requests() {
    }

    public static ModelRequest of(CandidateSpec c, Item item) {
        InferenceSpec inf = c.inference();
        ModelRequest.InferenceParams params = new ModelRequest.InferenceParams(inf.maxTokens(),
                inf.temperature().isPresent() ? inf.temperature().getAsDouble() : null,
                inf.topP().isPresent() ? inf.topP().getAsDouble() : null, inf.stopSequences());
        return new ModelRequest(c.model(), c.prompt().system().render(item), c.prompt().user().render(item),
                cacheCheckpoint(c), params, Optional.empty(), settings(c));
    }

    /**
     * The request settings a candidate's calls carry: its tier, latency and reasoning, and the cache TTL when a
     * checkpoint is sent.
     */
    public static CallSettings settings(CandidateSpec c) {
        CallSettings s = c.inference().settings();
        return cacheCheckpoint(c) ? s.withCacheTtl(c.prompt().cacheTtl()) : s;
    }

    /**
     * Whether the candidate's requests carry a cache checkpoint: asked for, and offered by its model. Bedrock refuses
     * a {@code cachePoint} sent to a model without prompt caching (AccessDeniedException), so for those models the
     * suite's {@code cache: system} is a stated no-op ({@code validate} warns). A model the catalog does not know
     * (a custom model or application profile ARN) gets the checkpoint as asked.
     */
    static boolean cacheCheckpoint(CandidateSpec c) {
        return c.prompt().cache() == PromptSpec.CacheMode.SYSTEM && offersCaching(c.model());
    }

    /**
     * Whether {@code model} offers prompt caching; true when the catalog cannot tell. A default prompt router offers
     * it when both models of its pair do: the router may send the request to either (a suite's own router is
     * decided when its ARN replaces {@code router:<id>}, {@link RouterModels#withArns}).
     */
    static boolean offersCaching(String model) {
        Catalog catalog = Catalog.bundled();
        Optional<String> router = ModelId.parse(model).defaultRouterId();
        if (router.isPresent()) {
            return catalog.promptRouting().defaultRouter(router.get())
                    .map(r -> RouterModels.allCache(catalog, r.models())).orElse(false);
        }
        return catalog.model(model).map(m -> m.caching().isPresent()).orElse(true);
    }

    /** What the report says of a candidate's prompt caching. */
    public static String promptCache(CandidateSpec c) {
        if (c.isImported()) {
            return "imported outputs";
        }
        if (c.prompt().cache() != PromptSpec.CacheMode.SYSTEM) {
            return "off";
        }
        return offersCaching(c.model()) ? "checkpoint after the system prompt"
                : RouterModels.isRouter(c.model()) ? "not offered by every model the router may route to: no "
                + "checkpoint sent" : "not offered by the model: no checkpoint sent";
    }
}
