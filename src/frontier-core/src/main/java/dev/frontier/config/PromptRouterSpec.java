package dev.frontier.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A prompt router the suite creates ({@code promptRouters:}), which a candidate names with
 * {@code model: router:<id>}. It mirrors Bedrock's {@code CreatePromptRouter} request: two models of one family
 * ({@code models}), the one used unless the other is predicted better by at least the quality difference
 * ({@code fallback}), and {@code routingCriteria.responseQualityDifference} (0–100). Whether the models are of one
 * family and routable in the suite's Region is checked against the model catalog when the suite is prepared.
 *
 * @param id                        unique among the suite's routers; part of the router's name in the account
 * @param models                    the two models, as base ids or system inference-profile ids
 * @param fallback                  one of {@code models}
 * @param responseQualityDifference the quality margin, in percent, by which the other model must be predicted better
 * @param description               Bedrock's {@code description} (1–200 characters), empty when not given
 * @param tags                      Bedrock's {@code tags}, sorted by key
 * @param path                      where it is in the suite, e.g. {@code promptRouters[0]}
 */
public record PromptRouterSpec(String id, List<String> models, String fallback, double responseQualityDifference,
                               Optional<String> description, Map<String, String> tags, String path) {

    /** How a candidate names a router of its suite: {@code router:<id>}. */
    public static final String PREFIX = "router:";

    public PromptRouterSpec {
        models = List.copyOf(models);
        tags = java.util.Collections.unmodifiableMap(new TreeMap<>(tags));
    }

    /** The candidate model that names this router. */
    public String reference() {
        return PREFIX + id;
    }
}
