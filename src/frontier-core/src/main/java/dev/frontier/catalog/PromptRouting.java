package dev.frontier.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the catalog knows of Bedrock's intelligent prompt routing: which models a router may route between (per
 * family, per Region) and the default routers Bedrock provides. A request through a router is billed as the model
 * that served it, which Converse reports in {@code trace.promptRouter.invokedModelId}.
 *
 * @param families       the routable models by family ({@code amazon.nova}, {@code anthropic.claude} …)
 * @param defaultRouters the routers Bedrock provides, by id ({@code amazon.nova:1} …)
 * @param source         key of the catalog's source for the rules
 */
public record PromptRouting(Map<String, Family> families, Map<String, DefaultRouter> defaultRouters, String source) {

    /** The smallest and largest number of models a configured router names (the console and the guide: two). */
    public static final int MODELS_PER_ROUTER = 2;

    public PromptRouting {
        families = Collections.unmodifiableMap(new LinkedHashMap<>(families));
        defaultRouters = Collections.unmodifiableMap(new LinkedHashMap<>(defaultRouters));
    }

    /**
     * A model family a router may route within.
     *
     * @param name    the family, e.g. {@code amazon.nova}
     * @param models  base ids of its routable models
     * @param regions the Regions where a router may name them
     * @param source  key of the catalog's source
     */
    public record Family(String name, List<String> models, List<String> regions, String source) {
        public Family {
            models = List.copyOf(models);
            regions = List.copyOf(regions);
        }
    }

    /**
     * A router Bedrock provides in every account: {@code arn:aws:bedrock:<region>:<account>:default-prompt-router/<id>}.
     *
     * @param id             e.g. {@code amazon.nova:1}
     * @param family         the family it routes within
     * @param models         base ids of the two models it routes between
     * @param fallback       base id of the model it uses unless the other is predicted good enough
     * @param regions        the Regions where it is offered
     * @param source         key of the catalog's source
     * @param fallbackSource key of the source of {@code fallback}, or {@code assumed} where no source says
     */
    public record DefaultRouter(String id, String family, List<String> models, String fallback, List<String> regions,
                                String source, String fallbackSource) {
        public DefaultRouter {
            models = List.copyOf(models);
            regions = List.copyOf(regions);
        }

        /** The model of the pair that is not the fallback. */
        public String other() {
            return models.stream().filter(m -> !m.equals(fallback)).findFirst().orElse(fallback);
        }
    }

    /** The family a routable model belongs to, if any. */
    public Optional<Family> familyOf(String baseModelId) {
        return families.values().stream().filter(f -> f.models().contains(baseModelId)).findFirst();
    }

    /** The default router with id {@code id} ({@code amazon.nova:1}), if the catalog knows it. */
    public Optional<DefaultRouter> defaultRouter(String id) {
        return Optional.ofNullable(defaultRouters.get(id));
    }

    /** Reads the catalog's {@code promptRouting} section; absent reads as no families and no default routers. */
    static PromptRouting parse(JsonNode node) {
        Map<String, Family> families = new LinkedHashMap<>();
        node.path("families").fields().forEachRemaining(e -> families.put(e.getKey(), new Family(e.getKey(),
                strings(e.getValue().path("models")), strings(e.getValue().path("regions")),
                e.getValue().path("source").asText())));
        Map<String, DefaultRouter> routers = new LinkedHashMap<>();
        for (JsonNode r : node.path("defaultRouters")) {
            DefaultRouter router = new DefaultRouter(r.path("id").asText(), r.path("family").asText(),
                    strings(r.path("models")), r.path("fallback").asText(), strings(r.path("regions")),
                    r.path("source").asText(), r.path("fallbackSource").asText(""));
            routers.put(router.id(), router);
        }
        return new PromptRouting(families, routers, node.path("source").asText(""));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return List.copyOf(out);
    }
}
