package dev.frontier.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Where Bedrock's prompt optimization ({@code OptimizePrompt}) is offered: the target models it optimizes for and
 * the Regions it runs in.
 *
 * @param models  base ids of the models a prompt may be optimized for
 * @param regions the Regions that offer prompt optimization
 * @param source  key of the catalog's source
 */
public record PromptOptimization(List<String> models, List<String> regions, String source) {

    public PromptOptimization {
        models = List.copyOf(models);
        regions = List.copyOf(regions);
    }

    /** Whether a prompt may be optimized for {@code baseModelId}. */
    public boolean supportsModel(String baseModelId) {
        return models.contains(baseModelId);
    }

    /** Whether {@code region} offers prompt optimization. */
    public boolean offeredIn(String region) {
        return regions.contains(region);
    }

    /** Reads the catalog's {@code promptOptimization} section; absent reads as no models and no Regions. */
    static PromptOptimization parse(JsonNode node) {
        return new PromptOptimization(strings(node.path("models")), strings(node.path("regions")),
                node.path("source").asText(""));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
