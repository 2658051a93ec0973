package dev.frontier.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.frontier.catalog.Catalog;
import dev.frontier.catalog.ModelFacts;
import dev.frontier.catalog.ModelId;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What Bedrock offers in the caller's Region, read from the model catalog: {@code ListFoundationModels}
 * ({@code GET /foundation-models} with {@code byProvider}, {@code byInferenceType}, {@code byOutputModality} and
 * {@code byCustomizationType}), {@code GetFoundationModel} ({@code GET /foundation-models/{modelIdentifier}}),
 * {@code ListInferenceProfiles} ({@code GET /inference-profiles}, {@code type}, {@code maxResults},
 * {@code nextToken}) and {@code GetInferenceProfile} ({@code GET /inference-profiles/{inferenceProfileIdentifier}}).
 * Shapes and enum values are those of the Bedrock API reference (service model {@code bedrock 2023-04-20}).
 *
 * <p>Application inference profiles are listed with the system ones when the sandbox has S3
 * ({@link ApplicationProfiles}). Where the catalog is silent the answer is too: the sandbox lists no
 * customization variants ({@code …:300k} ids) and leaves out {@code responseStreamingSupported} and
 * {@code startOfLifeTime}, which the catalog does not record. A model past its end of life is still listed, as
 * {@code LEGACY} with its {@code endOfLifeTime} ({@code FoundationModelLifecycleStatus} has no other state).
 */
final class CatalogOperations implements ControlPlane.Operations {

    /** API reference, ListFoundationModels: valid values of the query parameters. */
    private static final Set<String> INFERENCE_TYPES = Set.of("ON_DEMAND", "PROVISIONED");
    private static final Set<String> OUTPUT_MODALITIES = Set.of("TEXT", "IMAGE", "EMBEDDING");
    private static final Set<String> CUSTOMIZATIONS = Set.of("FINE_TUNING", "CONTINUED_PRE_TRAINING", "DISTILLATION");
    /** API reference, ListInferenceProfiles: {@code type} is SYSTEM_DEFINED or APPLICATION; maxResults 1..1000. */
    private static final Set<String> PROFILE_TYPES = Set.of("SYSTEM_DEFINED", "APPLICATION");
    private static final int MAX_RESULTS = 1000;
    /** API reference, ListFoundationModels: {@code byProvider} pattern. */
    private static final Pattern PROVIDER = Pattern.compile("[A-Za-z0-9- ]{1,63}");
    /** The ON_DEMAND inference type, and the one Bedrock lists for models served only through a system profile. */
    private static final String ON_DEMAND = "ON_DEMAND";
    private static final String INFERENCE_PROFILE = "INFERENCE_PROFILE";

    private final Catalog catalog;
    private final ObjectMapper json = new ObjectMapper();
    /** The account's application inference profiles; null when the sandbox runs without S3. */
    private final ApplicationProfiles applications;

    CatalogOperations(Catalog catalog) {
        this(catalog, null);
    }

    CatalogOperations(Catalog catalog, ApplicationProfiles applications) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.applications = applications;
    }

    @Override
    public Optional<ControlPlane.Reply> handle(String method, List<String> segments, Map<String, String> query,
                                               byte[] body, String region) {
        if (!method.equals("GET") || segments.isEmpty()) {
            return Optional.empty();
        }
        String first = segments.get(0);
        if (first.equals("foundation-models") && segments.size() == 1) {
            return Optional.of(new ControlPlane.Reply("ListFoundationModels", 200, listModels(query, region)));
        }
        if (first.equals("foundation-models") && segments.size() == 2) {
            return Optional.of(new ControlPlane.Reply("GetFoundationModel", 200,
                    json.createObjectNode().set("modelDetails", model(findModel(segments.get(1), region), region))));
        }
        if (first.equals("inference-profiles") && segments.size() == 1) {
            return Optional.of(new ControlPlane.Reply("ListInferenceProfiles", 200, listProfiles(query, region)));
        }
        if (first.equals("inference-profiles") && segments.size() == 2) {
            return Optional.of(new ControlPlane.Reply("GetInferenceProfile", 200,
                    findProfile(segments.get(1), region)));
        }
        return Optional.empty();
    }

    private ObjectNode listModels(Map<String, String> query, String region) {
        String provider = query.get("byProvider");
        if (provider != null && !PROVIDER.matcher(provider).matches()) {
            throw BedrockError.validation("1 validation error detected: Value '" + provider + "' at 'byProvider' "
                    + "failed to satisfy constraint: Member must satisfy regular expression pattern: "
                    + "^[A-Za-z0-9- ]{1,63}$");
        }
        String inferenceType = enumParam(query, "byInferenceType", INFERENCE_TYPES);
        String outputModality = enumParam(query, "byOutputModality", OUTPUT_MODALITIES);
        String customization = enumParam(query, "byCustomizationType", CUSTOMIZATIONS);
        ArrayNode summaries = json.createArrayNode();
        for (ModelFacts m : catalog.models().values()) {
            Optional<ModelFacts.RegionFacts> there = m.in(region);
            if (there.isEmpty()
                    || provider != null && !m.provider().equalsIgnoreCase(provider)
                    || inferenceType != null && !inferenceTypes(there.get()).contains(inferenceType)
                    || outputModality != null && !m.modalities().output().contains(outputModality)
                    // base ids carry no customization: Bedrock lists that on the context-window variants
                    || customization != null) {
                continue;
            }
            summaries.add(model(m, region));
        }
        return json.createObjectNode().set("modelSummaries", summaries);
    }

    /** A query parameter that must be one of the enum's values, as Bedrock's request validation checks. */
    private static String enumParam(Map<String, String> query, String name, Set<String> values) {
        String v = query.get(name);
        if (v != null && !values.contains(v)) {
            throw BedrockError.validation("1 validation error detected: Value '" + v + "' at '" + name
                    + "' failed to satisfy constraint: Member must satisfy enum value set: "
                    + values.stream().sorted().toList());
        }
        return v;
    }

    /**
     * ON_DEMAND where the bare id is served; INFERENCE_PROFILE where the model is served on demand only through a
     * system inference profile. The second is the value Bedrock returns for such models (for example Claude 3.7
     * Sonnet in us-east-1); the API reference's {@code InferenceType} enum names only ON_DEMAND | PROVISIONED, so
     * SDKs read it as a value unknown to their version.
     */
    private static List<String> inferenceTypes(ModelFacts.RegionFacts there) {
        return there.bareId() ? List.of(ON_DEMAND) : there.profiles().isEmpty() ? List.of() : List.of(
                INFERENCE_PROFILE);
    }

    private ModelFacts findModel(String identifier, String region) {
        ModelId id = ModelId.parse(identifier);
        // a bare id or a foundation-model ARN of this Region; context-window variants are not listed
        ModelFacts m = id.isDirect() && identifier.endsWith(id.baseId()) ? catalog.models().get(id.baseId()) : null;
        if (m == null || m.in(region).isEmpty() || id.region().filter(r -> !r.equals(region)).isPresent()) {
            // API reference, GetFoundationModel errors: ResourceNotFoundException (404), "The specified resource
            // Amazon Resource Name (ARN) was not found. Check the Amazon Resource Name (ARN) and try your request
            // again."
            throw notFound();
        }
        return m;
    }

    private ObjectNode model(ModelFacts m, String region) {
        ModelFacts.RegionFacts there = m.in(region).orElseThrow();
        ObjectNode v = json.createObjectNode();
        v.put("modelArn", "arn:aws:bedrock:" + region + "::foundation-model/" + m.id());
        v.put("modelId", m.id());
        v.put("modelName", m.name());
        v.put("providerName", m.provider());
        m.modalities().input().forEach(v.putArray("inputModalities")::add);
        m.modalities().output().forEach(v.putArray("outputModalities")::add);
        v.putArray("customizationsSupported");
        inferenceTypes(there).forEach(v.putArray("inferenceTypesSupported")::add);
        ModelFacts.Lifecycle l = m.lifecycle();
        ObjectNode lifecycle = v.putObject("modelLifecycle");
        lifecycle.put("status", l.status().name());
        l.endOfLife().ifPresent(d -> lifecycle.put("endOfLifeTime", midnight(d)));
        l.legacy().ifPresent(d -> lifecycle.put("legacyTime", midnight(d)));
        l.extendedAccess().ifPresent(d -> lifecycle.put("publicExtendedAccessTime", midnight(d)));
        return v;
    }

    private static String midnight(String date) {
        return LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toInstant().toString();
    }

    private ObjectNode listProfiles(Map<String, String> query, String region) {
        String type = enumParam(query, "type", PROFILE_TYPES);
        int max = MAX_RESULTS;
        String maxText = query.get("maxResults");
        if (maxText != null) {
            try {
                max = Integer.parseInt(maxText);
            } catch (NumberFormatException e) {
                max = -1;
            }
            if (max < 1 || max > MAX_RESULTS) {
                throw BedrockError.validation("1 validation error detected: Value '" + maxText + "' at 'maxResults'"
                        + " failed to satisfy constraint: Member must have value between 1 and " + MAX_RESULTS);
            }
        }
        List<ObjectNode> all = new ArrayList<>();
        if (type == null || type.equals("SYSTEM_DEFINED")) {
            for (ModelFacts m : catalog.models().values()) {
                m.in(region).ifPresent(there -> there.profiles().forEach(p -> all.add(profile(m, p, region))));
            }
        }
        if (applications != null && (type == null || type.equals("APPLICATION"))) {
            all.addAll(applications.summaries(region));
        }
        int start = 0;
        String token = query.get("nextToken");
        if (token != null) {
            try {
                start = Integer.parseInt(token);
            } catch (NumberFormatException e) {
                start = -1;
            }
            if (start < 0 || start > all.size()) {
                throw BedrockError.validation("The provided pagination token is invalid.");
            }
        }
        int end = Math.min(all.size(), start + max);
        ObjectNode out = json.createObjectNode();
        ArrayNode page = out.putArray("inferenceProfileSummaries");
        all.subList(start, end).forEach(page::add);
        if (end < all.size()) {
            out.put("nextToken", Integer.toString(end));
        }
        return out;
    }

    private ObjectNode findProfile(String identifier, String region) {
        ModelId id = ModelId.parse(identifier);
        boolean wellFormed = id.kind() == ModelId.Kind.PROFILE
                || id.kind() == ModelId.Kind.PROFILE_ARN && id.region().filter(region::equals).isPresent();
        if (wellFormed && identifier.endsWith(id.baseId())) {
            ModelFacts m = catalog.models().get(id.baseId());
            String prefix = id.profile().orElseThrow();
            if (m != null && m.in(region).filter(r -> r.profiles().contains(prefix)).isPresent()) {
                return profile(m, prefix, region);
            }
        }
        // API reference, GetInferenceProfile errors: ResourceNotFoundException (404)
        throw notFound();
    }

    /**
     * A system-defined profile as Bedrock describes it: its id is the prefix and the model id, its ARN is in the
     * caller's account and Region, and {@code models} names the foundation model in each Region it routes to. The
     * catalog records Regions, not routes, so the routes are the catalog's Regions that offer the same profile.
     */
    private ObjectNode profile(ModelFacts m, String prefix, String region) {
        String id = prefix + "." + m.id();
        ObjectNode v = json.createObjectNode();
        v.put("inferenceProfileName", prefix.toUpperCase(Locale.ROOT) + " " + m.name());
        v.put("description", "Routes requests to " + m.name() + " in " + routes(m, prefix, region) + ".");
        v.put("inferenceProfileArn", "arn:aws:bedrock:" + region + ":" + ControlState.ACCOUNT + ":inference-profile/"
                + id);
        ArrayNode models = v.putArray("models");
        routes(m, prefix, region).forEach(r -> models.addObject().put("modelArn", "arn:aws:bedrock:" + r
                + "::foundation-model/" + m.id()));
        v.put("inferenceProfileId", id);
        v.put("status", "ACTIVE");
        v.put("type", "SYSTEM_DEFINED");
        return v;
    }

    private static List<String> routes(ModelFacts m, String prefix, String region) {
        List<String> out = new ArrayList<>(List.of(region));
        m.regions().forEach((r, facts) -> {
            if (!r.equals(region) && facts.profiles().contains(prefix)) {
                out.add(r);
            }
        });
        return out;
    }

    private static BedrockError notFound() {
        return new BedrockError(404, "ResourceNotFoundException", "The specified resource Amazon Resource Name "
                + "(ARN) was not found. Check the Amazon Resource Name (ARN) and try your request again.");
    }
}
