package dev.frontier.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.frontier.catalog.Catalog;
import dev.frontier.catalog.PromptRouting;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Bedrock's prompt-router operations: {@code POST /prompt-routers} (CreatePromptRouter, 200),
 * {@code GET /prompt-routers/{arn}}, {@code GET /prompt-routers[?type=custom|default]} and
 * {@code DELETE /prompt-routers/{arn}}. A configured router is checked as the API reference and the user guide
 * describe (name, description, exactly two models of one family routable in the caller's Region, a fallback among
 * them, a response quality difference from 0 to 100, a name unused in the Region), kept in the control state like
 * the sandbox's other resources, and idempotent by client request token. Default routers come from the model catalog
 * and are listed with {@code type: default}; they cannot be deleted.
 */
final class PromptRouterOperations implements ControlPlane.Operations {

    private static final String ROOT = "prompt-routers";
    private static final Pattern NAME = Pattern.compile("([0-9a-zA-Z][ _-]?)+");
    private static final Pattern DESCRIPTION = Pattern.compile("([0-9a-zA-Z:.][ _-]?)+");
    private static final int MAX_NAME = 64;
    private static final int MAX_DESCRIPTION = 200;
    private static final int ID_LENGTH = 10;
    private static final String AVAILABLE = "AVAILABLE";

    private final PromptRouters routers;
    private final ObjectMapper json = new ObjectMapper();

    PromptRouterOperations(PromptRouters routers) {
        this.routers = routers;
    }

    @Override
    public Optional<ControlPlane.Reply> handle(String method, List<String> segments, Map<String, String> query,
                                               byte[] body, String region) {
        if (segments.isEmpty() || !segments.get(0).equals(ROOT)) {
            return Optional.empty();
        }
        if (segments.size() == 1 && method.equals("POST")) {
            return Optional.of(new ControlPlane.Reply("CreatePromptRouter", 200,
                    json.createObjectNode().put("promptRouterArn", create(body, region))));
        }
        if (segments.size() == 1 && method.equals("GET")) {
            return Optional.of(new ControlPlane.Reply("ListPromptRouters", 200, list(query, region)));
        }
        if (segments.size() == 2 && method.equals("GET")) {
            return Optional.of(new ControlPlane.Reply("GetPromptRouter", 200,
                    view(routers.forControlPlane(segments.get(1), region))));
        }
        if (segments.size() == 2 && method.equals("DELETE")) {
            delete(segments.get(1), region);
            return Optional.of(new ControlPlane.Reply("DeletePromptRouter", 200, json.createObjectNode()));
        }
        return Optional.empty();
    }

    private String create(byte[] body, String region) {
        ControlState state = routers.state().orElseThrow(() -> BedrockError.validation("This sandbox runs without "
                + "S3 and keeps no configured prompt routers; start it with S3 (SandboxOptions.withS3) to create one."));
        JsonNode r = state.request(body);
        String name = r.path("promptRouterName").asText("");
        if (name.length() > MAX_NAME) {
            throw routers.refuse("router-name-length", Map.of("value", name));
        }
        if (!NAME.matcher(name).matches()) {
            throw routers.refuse("router-name-pattern", Map.of("value", name));
        }
        if (r.has("description")) {
            String description = r.path("description").asText("");
            if (description.length() > MAX_DESCRIPTION || !DESCRIPTION.matcher(description).matches()) {
                throw routers.refuse("router-description", Map.of("value", description));
            }
        }
        JsonNode quality = r.path("routingCriteria").path("responseQualityDifference");
        if (!quality.isNumber()) {
            throw BedrockError.validation("1 validation error detected: Value null at "
                    + "'routingCriteria.responseQualityDifference' failed to satisfy constraint: Member must not be null");
        }
        double difference = quality.asDouble();
        if (difference < 0 || difference > 100) {
            throw routers.refuse("router-quality-range", Map.of("value", String.valueOf(difference),
                    "bound", difference < 0 ? "greater than or equal to 0" : "less than or equal to 100"));
        }
        List<ObjectNode> models = models(r.path("models"), region);
        ObjectNode fallback = fallback(r.path("fallbackModel"), models);
        String token = r.path("clientRequestToken").asText("");
        synchronized (this) {
            List<ObjectNode> all = state.all(PromptRouters.KIND);
            if (!token.isEmpty()) {
                // the same request again: the router that token created, whether or not it was deleted since
                Optional<ObjectNode> again = all.stream()
                        .filter(x -> token.equals(x.path("clientRequestToken").asText())
                                && x.path("region").asText().equals(region)).findFirst();
                if (again.isPresent()) {
                    return again.get().path("arn").asText();
                }
            }
            boolean taken = all.stream().anyMatch(x -> !x.path("deleted").asBoolean()
                    && x.path("region").asText().equals(region) && x.path("name").asText().equals(name));
            if (taken) {
                throw routers.refuse("router-name-taken", Map.of("name", name));
            }
            String id = ControlState.id("prompt-router\n" + region + "\n" + name + "\n" + token + "\n"
                    + state.now().toEpochMilli()).substring(0, ID_LENGTH);
            ObjectNode router = json.createObjectNode();
            router.put("id", id);
            router.put("arn", "arn:aws:bedrock:" + region + ":" + ControlState.ACCOUNT + ":prompt-router/" + id);
            router.put("name", name);
            router.put("region", region);
            if (r.has("description")) {
                router.put("description", r.path("description").asText());
            }
            ArrayNode list = router.putArray("models");
            models.forEach(list::add);
            router.set("fallbackModel", fallback);
            router.put("responseQualityDifference", difference);
            router.put("clientRequestToken", token);
            if (r.has("tags")) {
                router.set("tags", r.get("tags"));
            }
            state.stamp(router);
            state.write(PromptRouters.KIND, id, router);
            return router.path("arn").asText();
        }
    }

    /** The router's models: exactly two, of one family, each routable in {@code region} in the form given. */
    private List<ObjectNode> models(JsonNode given, String region) {
        if (!given.isArray()) {
            throw BedrockError.validation("1 validation error detected: Value null at 'models' failed to satisfy "
                    + "constraint: Member must not be null");
        }
        List<ObjectNode> out = new ArrayList<>();
        Set<String> distinct = new LinkedHashSet<>();
        String family = null;
        for (JsonNode m : given) {
            String arn = m.path("modelArn").asText("");
            String base = routable(arn, region);
            PromptRouting.Family f = routers.catalog().promptRouting().familyOf(base).orElseThrow();
            if (family != null && !family.equals(f.name())) {
                throw routers.refuse("router-model-families", Map.of("model", arn));
            }
            family = f.name();
            if (distinct.add(base)) {
                out.add(json.createObjectNode().put("modelArn", arn).put("baseId", base));
            }
        }
        if (given.size() != PromptRouting.MODELS_PER_ROUTER || distinct.size() != PromptRouting.MODELS_PER_ROUTER) {
            throw routers.refuse("router-models-count", Map.of("count", String.valueOf(distinct.size())));
        }
        return out;
    }

    /**
     * The base model id of {@code arn} when the user guide's table lists it for prompt routing in {@code region}
     * and the Region serves it on demand in that form (a foundation-model ARN where the bare id is served, else a
     * system inference profile's ARN).
     */
    private String routable(String arn, String region) {
        Optional<String> base = arn.startsWith("arn:") ? PromptRouters.baseId(arn) : Optional.empty();
        Catalog catalog = routers.catalog();
        boolean listed = base.flatMap(b -> catalog.promptRouting().familyOf(b))
                .filter(f -> f.regions().contains(region)).isPresent();
        boolean served = catalog.invocation(arn, region) instanceof Catalog.Invocation.Allowed;
        boolean sameRegion = arn.startsWith("arn:aws:bedrock:" + region + ":");
        if (!listed || !served || !sameRegion) {
            throw routers.refuse("router-model-unsupported", Map.of("model", arn.isEmpty() ? "null" : arn,
                    "region", region));
        }
        return base.get();
    }

    private ObjectNode fallback(JsonNode given, List<ObjectNode> models) {
        String arn = given.path("modelArn").asText("");
        Optional<String> base = PromptRouters.baseId(arn);
        for (ObjectNode m : models) {
            if (base.isPresent() && m.path("baseId").asText().equals(base.get())) {
                return json.createObjectNode().put("modelArn", m.path("modelArn").asText()).put("baseId", base.get());
            }
        }
        throw routers.refuse("router-fallback-not-in-models", Map.of("model", arn.isEmpty() ? "null" : arn));
    }

    private ObjectNode list(Map<String, String> query, String region) {
        String type = query.getOrDefault("type", "").toLowerCase(Locale.ROOT);
        if (!type.isEmpty() && !type.equals(PromptRouter.CUSTOM) && !type.equals(PromptRouter.DEFAULT)) {
            throw BedrockError.validation("1 validation error detected: Value '" + query.get("type") + "' at 'type' "
                    + "failed to satisfy constraint: Member must satisfy enum value set: [custom, default]");
        }
        ObjectNode out = json.createObjectNode();
        ArrayNode summaries = out.putArray("promptRouterSummaries");
        if (!type.equals(PromptRouter.CUSTOM)) {
            routers.defaults(region, ControlState.ACCOUNT).forEach(r -> summaries.add(view(r)));
        }
        if (!type.equals(PromptRouter.DEFAULT)) {
            routers.configured(region).forEach(r -> summaries.add(view(r)));
        }
        return out;
    }

    private void delete(String arn, String region) {
        PromptRouter router = routers.forControlPlane(arn, region);
        if (router.type().equals(PromptRouter.DEFAULT)) {
            throw routers.refuse("router-default-delete", Map.of("arn", arn));
        }
        ControlState state = routers.state().orElseThrow();
        synchronized (this) {
            String id = ControlState.lastPart(router.arn());
            state.read(PromptRouters.KIND, id).ifPresent(r -> {
                r.put("deleted", true);
                state.write(PromptRouters.KIND, id, r);
            });
        }
    }

    /** A router as GetPromptRouter and ListPromptRouters describe it. */
    private ObjectNode view(PromptRouter router) {
        ObjectNode v = json.createObjectNode();
        v.put("promptRouterName", router.name());
        v.putObject("routingCriteria").put("responseQualityDifference", router.qualityDifference());
        v.put("promptRouterArn", router.arn());
        ArrayNode models = v.putArray("models");
        router.models().forEach(m -> models.addObject().put("modelArn", m.arn()));
        v.putObject("fallbackModel").put("modelArn", router.fallback().arn());
        v.put("status", AVAILABLE);
        v.put("type", router.type());
        if (router.type().equals(PromptRouter.CUSTOM)) {
            routers.state().flatMap(s -> s.read(PromptRouters.KIND, ControlState.lastPart(router.arn())))
                    .ifPresent(r -> {
                        if (r.has("description")) {
                            v.put("description", r.path("description").asText());
                        }
                        String created = ControlState.iso(r.path("createdMs").asLong());
                        v.put("createdAt", created);
                        v.put("updatedAt", created);
                    });
        }
        return v;
    }
}
