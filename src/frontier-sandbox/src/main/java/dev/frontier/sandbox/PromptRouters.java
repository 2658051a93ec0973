package dev.frontier.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.frontier.catalog.Catalog;
import dev.frontier.catalog.Conformance;
import dev.frontier.catalog.ModelId;
import dev.frontier.catalog.PromptRouting;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The prompt routers a caller can reach in a Region: Bedrock's default routers, from the model catalog, and the
 * routers configured through the control plane, from the sandbox's control state (none when it runs without S3).
 * Refusals carry the status, type and message of the conformance table's {@code router-*} rules.
 */
final class PromptRouters {

    /** The control-state kind configured routers are kept under. */
    static final String KIND = "prompt-routers";
    private static final Pattern ROUTER_ARN = Pattern.compile(
            "arn:aws(-[^:]+)?:bedrock:([a-z0-9-]{1,20}):([0-9]{12}):(default-prompt-router|prompt-router)/(.+)");

    private final Catalog catalog;
    private final Conformance table;
    private final ControlState state;

    /**
     * @param state where configured routers are kept; null when the sandbox runs without S3, which leaves only
     *              the default routers
     */
    PromptRouters(Catalog catalog, Conformance table, ControlState state) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.table = Objects.requireNonNull(table, "table");
        this.state = state;
    }

    Catalog catalog() {
        return catalog;
    }

    Optional<ControlState> state() {
        return Optional.ofNullable(state);
    }

    /**
     * The router a Converse {@code modelId} names, for a caller signed for {@code region}.
     *
     * @throws BedrockError {@code router-not-found}: an unknown router, a deleted one, or one of another Region
     */
    PromptRouter forConverse(String modelId, String region) {
        return find(modelId, region).orElseThrow(() -> refuse("router-not-found", Map.of("arn", modelId)));
    }

    /**
     * The router an ARN names in {@code region}, as GetPromptRouter sees it.
     *
     * @throws BedrockError {@code router-unknown}
     */
    PromptRouter forControlPlane(String arn, String region) {
        return find(arn, region).orElseThrow(() -> refuse("router-unknown", Map.of("arn", arn)));
    }

    private Optional<PromptRouter> find(String arn, String region) {
        Matcher m = ROUTER_ARN.matcher(arn);
        if (!m.matches() || !m.group(2).equals(region)) {
            return Optional.empty(); // each Region has its own endpoint and its own routers
        }
        if (m.group(4).equals("default-prompt-router")) {
            return catalog.promptRouting().defaultRouter(m.group(5))
                    .filter(r -> r.regions().contains(region))
                    .map(r -> defaultRouter(r, region, m.group(3)));
        }
        if (state == null) {
            return Optional.empty();
        }
        return state.read(KIND, m.group(5)).filter(r -> !r.path("deleted").asBoolean())
                .filter(r -> r.path("region").asText().equals(region)).map(PromptRouters::configured);
    }

    /** The default routers offered in {@code region}, as the account {@code account} sees them. */
    List<PromptRouter> defaults(String region, String account) {
        List<PromptRouter> out = new ArrayList<>();
        for (PromptRouting.DefaultRouter r : catalog.promptRouting().defaultRouters().values()) {
            if (r.regions().contains(region)) {
                out.add(defaultRouter(r, region, account));
            }
        }
        return out;
    }

    /** The configured routers of {@code region}, oldest first. */
    List<PromptRouter> configured(String region) {
        if (state == null) {
            return List.of();
        }
        return state.all(KIND).stream().filter(r -> !r.path("deleted").asBoolean())
                .filter(r -> r.path("region").asText().equals(region))
                .sorted((a, b) -> Long.compare(a.path("createdMs").asLong(), b.path("createdMs").asLong()))
                .map(PromptRouters::configured).toList();
    }

    private PromptRouter defaultRouter(PromptRouting.DefaultRouter r, String region, String account) {
        List<PromptRouter.Target> targets = r.models().stream().map(id -> target(id, region, account)).toList();
        PromptRouter.Target fallback = target(r.fallback(), region, account);
        return new PromptRouter("arn:aws:bedrock:" + region + ":" + account + ":default-prompt-router/" + r.id(),
                r.id(), PromptRouter.DEFAULT, region, targets, fallback, PromptRouter.DEFAULT_QUALITY_DIFFERENCE);
    }

    /**
     * How a default router reaches {@code baseId} in {@code region}: its foundation-model ARN where the catalog says
     * the Region serves the bare id on demand, else the ARN of its geography's system inference profile.
     */
    PromptRouter.Target target(String baseId, String region, String account) {
        Catalog.Invocation how = catalog.invocation(baseId, region);
        if (how instanceof Catalog.Invocation.Allowed) {
            return new PromptRouter.Target(baseId, foundationModelArn(region, baseId));
        }
        String profile = geography(region) + "." + baseId;
        return new PromptRouter.Target(baseId, "arn:aws:bedrock:" + region + ":" + account + ":inference-profile/"
                + profile);
    }

    static String foundationModelArn(String region, String baseId) {
        return "arn:aws:bedrock:" + region + "::foundation-model/" + baseId;
    }

    /** The system-profile prefix of a Region's geography: {@code us}, {@code eu}, {@code apac}. */
    static String geography(String region) {
        if (region.startsWith("eu-")) {
            return "eu";
        }
        if (region.startsWith("ap-")) {
            return "apac";
        }
        return "us";
    }

    /** A configured router from its control-state record. */
    static PromptRouter configured(ObjectNode r) {
        List<PromptRouter.Target> models = new ArrayList<>();
        for (JsonNode m : r.path("models")) {
            models.add(new PromptRouter.Target(m.path("baseId").asText(), m.path("modelArn").asText()));
        }
        JsonNode f = r.path("fallbackModel");
        return new PromptRouter(r.path("arn").asText(), r.path("name").asText(), PromptRouter.CUSTOM,
                r.path("region").asText(), models, new PromptRouter.Target(f.path("baseId").asText(),
                f.path("modelArn").asText()), r.path("responseQualityDifference").asDouble());
    }

    /** The base model id an ARN (or id) names, if it names one. */
    static Optional<String> baseId(String modelArn) {
        ModelId id = ModelId.parse(modelArn);
        return id.namesModel() ? Optional.of(id.baseId()) : Optional.empty();
    }

    /** The refusal of conformance rule {@code rule}, its placeholders filled from {@code values}. */
    BedrockError refuse(String rule, Map<String, String> values) {
        Conformance.Rule r = table.rule(rule);
        String message = r.message();
        for (Map.Entry<String, String> e : values.entrySet()) {
            message = message.replace("{" + e.getKey() + "}", e.getValue());
        }
        return new BedrockError(r.status(), r.type(), message);
    }
}
