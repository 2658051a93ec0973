package dev.frontier.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.frontier.catalog.Catalog;
import dev.frontier.catalog.ModelFacts;
import dev.frontier.catalog.ModelId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Application inference profiles (user guide, inference-profiles-create; API reference, CreateInferenceProfile
 * {@code POST /inference-profiles} 201, GetInferenceProfile, DeleteInferenceProfile
 * {@code DELETE /inference-profiles/{id}}, ListInferenceProfiles {@code type=APPLICATION} (listed by
 * {@link CatalogOperations} with the system profiles),
 * ListTagsForResource {@code POST /listTagsForResource}): a profile copies one foundation model (a
 * foundation-model ARN: that Region only) or one system inference profile (its ARN: the Regions it routes to), and
 * its ARN is then a {@code modelId} served as the model it copies. Profiles are records of the control state, so
 * they survive a restart on the same state directory. Quota: 1,000 profiles per account (Service Quotas,
 * "Inference profiles per account").
 */
final class ApplicationProfiles implements ControlPlane.Operations {

    static final String KIND = "application-inference-profiles";
    static final int MAX_PROFILES = 1000;
    /** API reference, CreateInferenceProfile: {@code inferenceProfileName} and {@code description} patterns. */
    private static final Pattern NAME = Pattern.compile("([0-9a-zA-Z][ _-]?)+");
    private static final Pattern DESCRIPTION = Pattern.compile("([0-9a-zA-Z:.][ _-]?)+");
    private static final Pattern TOKEN = Pattern.compile("[a-zA-Z0-9](-*[a-zA-Z0-9])*");
    private static final Pattern COPY_FROM = Pattern.compile("arn:aws(|-us-gov|-cn|-iso|-iso-b):bedrock:"
            + "(|[0-9a-z-]{0,20}):(|[0-9]{12}):(inference-profile|foundation-model)/[a-zA-Z0-9-:.]+");
    private static final int MAX_TAGS = 200;

    private final ControlState state;
    private final Catalog catalog;

    ApplicationProfiles(ControlState state, Catalog catalog) {
        this.state = Objects.requireNonNull(state, "state");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    @Override
    public Optional<ControlPlane.Reply> handle(String method, List<String> segments, Map<String, String> query,
                                               byte[] body, String region) {
        if (segments.size() == 1 && segments.get(0).equals("listTagsForResource") && method.equals("POST")) {
            return tags(body);
        }
        if (segments.isEmpty() || !segments.get(0).equals("inference-profiles")) {
            return Optional.empty();
        }
        if (segments.size() == 1 && method.equals("POST")) {
            return Optional.of(create(body, region));
        }
        if (segments.size() == 2 && (method.equals("GET") || method.equals("DELETE"))) {
            Optional<ObjectNode> found = find(segments.get(1), region);
            if (found.isEmpty()) {
                // a system profile or an unknown id: the catalog's operations answer (or refuse) it
                if (method.equals("GET")) {
                    return Optional.empty();
                }
                throw notFound();
            }
            if (method.equals("GET")) {
                return Optional.of(new ControlPlane.Reply("GetInferenceProfile", 200, view(found.get())));
            }
            synchronized (this) {
                state.delete(KIND, found.get().path("id").asText());
            }
            return Optional.of(new ControlPlane.Reply("DeleteInferenceProfile", 200, state.json().createObjectNode()));
        }
        return Optional.empty();
    }

    /**
     * The model id an application profile's ARN is served as: the foundation-model or system-profile id it copies,
     * when the ARN names a live profile of this account in the caller's Region.
     */
    Optional<String> served(String modelId, String region) {
        if (ModelId.parse(modelId).kind() != ModelId.Kind.APPLICATION_PROFILE_ARN) {
            return Optional.empty();
        }
        return find(modelId, region).map(p -> p.path("copyFrom").asText());
    }

    private ControlPlane.Reply create(byte[] body, String region) {
        JsonNode r = state.request(body);
        String name = r.path("inferenceProfileName").asText("");
        if (name.isEmpty() || name.length() > 64 || !NAME.matcher(name).matches()) {
            throw constraint(name, "inferenceProfileName", "Member must satisfy regular expression pattern: "
                    + "([0-9a-zA-Z][ _-]?)+ and have length between 1 and 64");
        }
        if (r.has("description")) {
            String description = r.path("description").asText("");
            if (description.isEmpty() || description.length() > 200 || !DESCRIPTION.matcher(description).matches()) {
                throw constraint(description, "description", "Member must satisfy regular expression pattern: "
                        + "([0-9a-zA-Z:.][ _-]?)+ and have length between 1 and 200");
            }
        }
        String token = r.path("clientRequestToken").asText("");
        if (r.has("clientRequestToken") && (token.isEmpty() || token.length() > 256
                || !TOKEN.matcher(token).matches())) {
            throw constraint(token, "clientRequestToken", "Member must satisfy regular expression pattern: "
                    + "[a-zA-Z0-9](-*[a-zA-Z0-9])*");
        }
        String copyFrom = r.path("modelSource").path("copyFrom").asText("");
        if (copyFrom.isEmpty() || copyFrom.length() > 2048 || !COPY_FROM.matcher(copyFrom).matches()) {
            throw constraint(copyFrom, "modelSource.copyFrom", "Member must satisfy regular expression pattern: "
                    + COPY_FROM.pattern());
        }
        JsonNode tags = r.path("tags");
        if (tags.size() > MAX_TAGS) {
            throw new BedrockError(400, "TooManyTagsException", "The request contains more tags than can be "
                    + "associated with a resource (" + MAX_TAGS + " tags per resource).");
        }
        for (JsonNode tag : tags) {
            String key = tag.path("key").asText("");
            String value = tag.path("value").asText("");
            if (key.isEmpty() || key.length() > 128 || value.length() > 256) {
                throw constraint(key, "tags.member.key", "Member must have length between 1 and 128 (value 0 to 256)");
            }
        }
        ModelId source = ModelId.parse(copyFrom);
        checkSource(source, region);
        synchronized (this) {
            List<ObjectNode> existing = state.all(KIND);
            for (ObjectNode p : existing) {
                if (!token.isEmpty() && token.equals(p.path("clientRequestToken").asText())) {
                    return created(p); // the same request again: the same profile
                }
                if (p.path("inferenceProfileName").asText().equals(name) && p.path("region").asText().equals(region)) {
                    throw BedrockError.rule("application-profile-conflict", Map.of("name", name));
                }
            }
            if (existing.size() >= MAX_PROFILES) {
                throw BedrockError.rule("application-profile-quota", Map.of("limit", Integer.toString(MAX_PROFILES)));
            }
            long now = state.now().toEpochMilli();
            String id = ControlState.id("application-inference-profile\n" + name + "\n" + region + "\n" + now);
            ObjectNode p = state.json().createObjectNode();
            p.put("id", id);
            p.put("inferenceProfileArn", "arn:aws:bedrock:" + region + ":" + ControlState.ACCOUNT
                    + ":application-inference-profile/" + id);
            p.put("inferenceProfileName", name);
            if (r.has("description")) {
                p.put("description", r.path("description").asText());
            }
            p.put("clientRequestToken", token);
            p.put("copyFrom", copyFrom);
            p.put("region", region);
            p.put("createdAt", ControlState.iso(now));
            p.set("tags", tags.isArray() ? tags.deepCopy() : state.json().createArrayNode());
            p.set("models", models(source, region));
            state.write(KIND, id, p);
            return created(p);
        }
    }

    /** The source must be a model or system profile Bedrock offers in the caller's Region. */
    private void checkSource(ModelId source, String region) {
        if (source.region().filter(r -> !r.equals(region)).isPresent()) {
            throw notFound();
        }
        ModelFacts m = catalog.models().get(source.baseId());
        Optional<ModelFacts.RegionFacts> there = m == null ? Optional.empty() : m.in(region);
        boolean offered = switch (source.kind()) {
            case FOUNDATION_MODEL_ARN -> there.isPresent();
            case PROFILE_ARN -> there.filter(f -> f.profiles().contains(source.profile().orElseThrow())).isPresent();
            default -> false;
        };
        if (!offered) {
            throw notFound();
        }
    }

    /** The foundation models the profile routes to: the source's Region, and for a system profile its others. */
    private ArrayNode models(ModelId source, String region) {
        ArrayNode models = state.json().createArrayNode();
        String base = source.baseId();
        models.addObject().put("modelArn", "arn:aws:bedrock:" + region + "::foundation-model/" + base);
        if (source.kind() == ModelId.Kind.PROFILE_ARN) {
            String prefix = source.profile().orElseThrow();
            catalog.models().get(base).regions().forEach((r, facts) -> {
                if (!r.equals(region) && facts.profiles().contains(prefix) && models.size() < 5) {
                    models.addObject().put("modelArn", "arn:aws:bedrock:" + r + "::foundation-model/" + base);
                }
            });
        }
        return models;
    }

    private ControlPlane.Reply created(ObjectNode p) {
        return new ControlPlane.Reply("CreateInferenceProfile", 201, state.json().createObjectNode()
                .put("inferenceProfileArn", p.path("inferenceProfileArn").asText()).put("status", "ACTIVE"));
    }

    private ObjectNode view(ObjectNode p) {
        ObjectNode v = state.json().createObjectNode();
        v.put("inferenceProfileName", p.path("inferenceProfileName").asText());
        if (p.has("description")) {
            v.put("description", p.path("description").asText());
        }
        v.put("createdAt", p.path("createdAt").asText());
        v.put("updatedAt", p.path("createdAt").asText());
        v.put("inferenceProfileArn", p.path("inferenceProfileArn").asText());
        v.set("models", p.path("models").deepCopy());
        v.put("inferenceProfileId", p.path("id").asText());
        v.put("status", "ACTIVE");
        v.put("type", "APPLICATION");
        return v;
    }

    /** The profiles of a Region as ListInferenceProfiles summarises them, oldest first. */
    List<ObjectNode> summaries(String region) {
        return state.all(KIND).stream().filter(p -> p.path("region").asText().equals(region))
                .sorted(Comparator.comparing((ObjectNode p) -> p.path("createdAt").asText())
                        .thenComparing(p -> p.path("id").asText()))
                .map(this::view).toList();
    }

    /** The profile with this id or ARN in the caller's Region. */
    private Optional<ObjectNode> find(String identifier, String region) {
        ModelId id = ModelId.parse(identifier);
        if (id.kind() == ModelId.Kind.APPLICATION_PROFILE_ARN && id.region().filter(region::equals).isEmpty()) {
            return Optional.empty();
        }
        if (id.kind() != ModelId.Kind.APPLICATION_PROFILE_ARN && identifier.contains(":")) {
            return Optional.empty();
        }
        return state.read(KIND, ControlState.lastPart(identifier))
                .filter(p -> p.path("region").asText().equals(region));
    }

    private Optional<ControlPlane.Reply> tags(byte[] body) {
        String arn = state.request(body).path("resourceARN").asText("");
        ModelId id = ModelId.parse(arn);
        if (id.kind() != ModelId.Kind.APPLICATION_PROFILE_ARN) {
            return Optional.empty();
        }
        ObjectNode profile = find(arn, id.region().orElse("")).orElseThrow(ApplicationProfiles::notFound);
        ObjectNode out = state.json().createObjectNode();
        out.set("tags", profile.path("tags").deepCopy());
        return Optional.of(new ControlPlane.Reply("ListTagsForResource", 200, out));
    }

    private static BedrockError constraint(String value, String field, String rule) {
        return BedrockError.validation("1 validation error detected: Value '" + value + "' at '" + field
                + "' failed to satisfy constraint: " + rule);
    }

    private static BedrockError notFound() {
        return BedrockError.rule("application-profile-not-found", Map.of());
    }
}
