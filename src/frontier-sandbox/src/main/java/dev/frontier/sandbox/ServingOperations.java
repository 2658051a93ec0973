package dev.frontier.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Serving custom models: Provisioned Throughput ({@code POST /provisioned-model-throughput} 201,
 * {@code GET|DELETE /provisioned-model-throughput/{id or ARN}}, {@code GET /provisioned-model-throughputs}) and
 * on-demand custom model deployments ({@code POST /model-customization/custom-model-deployments} 202,
 * {@code GET|DELETE /model-customization/custom-model-deployments/{id or ARN}}, list). A resource is
 * {@code Creating} for the sandbox's job time, then {@code InService} (Provisioned Throughput) or {@code Active}
 * (deployment); Converse calls through its ARN are then answered by the custom model.
 */
final class ServingOperations implements ControlPlane.Operations {

    static final String PROVISIONED = "provisioned-throughputs";
    static final String DEPLOYMENTS = "custom-model-deployments";
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9](-*[a-zA-Z0-9_.])*");
    private static final Set<String> COMMITMENTS = Set.of("OneMonth", "SixMonths");

    private final ControlState state;
    private final CustomizationOperations jobs;

    ServingOperations(ControlState state, CustomizationOperations jobs) {
        this.state = state;
        this.jobs = jobs;
    }

    @Override
    public Optional<ControlPlane.Reply> handle(String method, List<String> segments, Map<String, String> query,
                                               byte[] body, String region) {
        if (segments.size() >= 1 && segments.get(0).equals("provisioned-model-throughput")) {
            if (method.equals("POST") && segments.size() == 1) {
                return Optional.of(createProvisioned(state.request(body)));
            }
            if (segments.size() == 2 && method.equals("GET")) {
                return Optional.of(new ControlPlane.Reply("GetProvisionedModelThroughput", 200,
                        provisionedView(find(PROVISIONED, segments.get(1), "provisioned model"))));
            }
            if (segments.size() == 2 && method.equals("DELETE")) {
                return Optional.of(delete("DeleteProvisionedModelThroughput", PROVISIONED, segments.get(1),
                        "provisioned model"));
            }
        }
        if (segments.size() == 1 && segments.get(0).equals("provisioned-model-throughputs") && method.equals("GET")) {
            return Optional.of(list("ListProvisionedModelThroughputs", PROVISIONED, "provisionedModelSummaries",
                    this::provisionedView));
        }
        if (segments.size() >= 2 && segments.get(0).equals("model-customization")
                && segments.get(1).equals("custom-model-deployments")) {
            if (method.equals("POST") && segments.size() == 2) {
                return Optional.of(createDeployment(state.request(body)));
            }
            if (method.equals("GET") && segments.size() == 2) {
                return Optional.of(list("ListCustomModelDeployments", DEPLOYMENTS, "modelDeploymentSummaries",
                        this::deploymentView));
            }
            if (method.equals("GET") && segments.size() == 3) {
                return Optional.of(new ControlPlane.Reply("GetCustomModelDeployment", 200,
                        deploymentView(find(DEPLOYMENTS, segments.get(2), "custom model deployment"))));
            }
            if (method.equals("DELETE") && segments.size() == 3) {
                return Optional.of(delete("DeleteCustomModelDeployment", DEPLOYMENTS, segments.get(2),
                        "custom model deployment"));
            }
        }
        return Optional.empty();
    }

    private synchronized ControlPlane.Reply createProvisioned(JsonNode r) {
        String name = r.path("provisionedModelName").asText("");
        String modelId = r.path("modelId").asText("");
        int units = r.path("modelUnits").asInt(0);
        checkName(name, "provisionedModelName", "([0-9a-zA-Z][_-]?)+");
        if (units < 1) {
            throw BedrockError.validation("1 validation error detected: Value '" + units + "' at 'modelUnits' failed "
                    + "to satisfy constraint: Member must have value greater than or equal to 1");
        }
        if (r.has("commitmentDuration") && !COMMITMENTS.contains(r.path("commitmentDuration").asText())) {
            throw BedrockError.validation("commitmentDuration must be OneMonth or SixMonths (omit it for no "
                    + "commitment)");
        }
        ObjectNode model = activeModel(modelId);
        String arn = create(PROVISIONED, "pt", "provisioned-model", name, model, r, pt -> {
            pt.put("foundationModelArn", model.path("baseModelArn").asText());
            pt.put("modelUnits", units);
            if (r.has("commitmentDuration")) {
                pt.put("commitmentDuration", r.path("commitmentDuration").asText());
            }
        });
        return new ControlPlane.Reply("CreateProvisionedModelThroughput", 201,
                state.json().createObjectNode().put("provisionedModelArn", arn));
    }

    private synchronized ControlPlane.Reply createDeployment(JsonNode r) {
        String name = r.path("modelDeploymentName").asText("");
        String modelArn = r.path("modelArn").asText("");
        checkName(name, "modelDeploymentName", "^([0-9a-zA-Z][_-]?)+$");
        ObjectNode model = activeModel(modelArn);
        if (!model.path("student").asText().startsWith("amazon.nova-")) {
            throw BedrockError.validation("On-demand deployment is not supported for this custom model; use "
                    + "Provisioned Throughput.");
        }
        String arn = create(DEPLOYMENTS, "deployment", "custom-model-deployment", name, model, r, d -> { });
        return new ControlPlane.Reply("CreateCustomModelDeployment", 202,
                state.json().createObjectNode().put("customModelDeploymentArn", arn));
    }

    private static void checkName(String name, String field, String pattern) {
        if (!NAME.matcher(name).matches() || name.length() > 63) {
            throw BedrockError.validation("1 validation error detected: Value '" + name + "' at '" + field
                    + "' failed to satisfy constraint: Member must satisfy regular expression pattern: " + pattern);
        }
    }

    /**
     * Records a new resource of {@code kind} serving {@code model}, with the request's token and the members
     * {@code specific} adds; a token seen before gives the resource it created instead. Returns the resource's ARN.
     */
    private String create(String kind, String idSeed, String arnType, String name, ObjectNode model,
                          JsonNode request, Consumer<ObjectNode> specific) {
        String token = request.path("clientRequestToken").asText("");
        Optional<ObjectNode> again = sameToken(kind, token);
        if (again.isPresent()) {
            return again.get().path("arn").asText();
        }
        long now = state.now().toEpochMilli();
        String id = ControlState.id(idSeed + "\n" + name + "\n" + token + "\n" + now);
        ObjectNode resource = state.json().createObjectNode();
        resource.put("id", id);
        resource.put("arn", ControlState.arn(arnType + "/" + id));
        resource.put("name", name);
        resource.put("modelArn", model.path("modelArn").asText());
        specific.accept(resource);
        resource.put("clientRequestToken", token);
        state.stamp(resource);
        state.write(kind, id, resource);
        return resource.path("arn").asText();
    }

    private ControlPlane.Reply list(String action, String kind, String member, Function<ObjectNode, ObjectNode> view) {
        ObjectNode out = state.json().createObjectNode();
        ArrayNode list = out.putArray(member);
        state.all(kind).stream().filter(r -> !r.path("deleted").asBoolean()).forEach(r -> list.add(view.apply(r)));
        return new ControlPlane.Reply(action, 200, out);
    }

    private ObjectNode activeModel(String modelId) {
        if (!modelId.contains(":custom-model/")) {
            throw BedrockError.validation("The sandbox serves custom models only; give a custom model ARN, not "
                    + modelId);
        }
        return jobs.customModel(modelId).orElseThrow(() -> CustomizationOperations.notFound("custom model",
                modelId));
    }

    private Optional<ObjectNode> sameToken(String kind, String token) {
        if (token.isEmpty()) {
            return Optional.empty();
        }
        return state.all(kind).stream().filter(r -> token.equals(r.path("clientRequestToken").asText()))
                .findFirst();
    }

    private ObjectNode find(String kind, String identifier, String what) {
        return state.read(kind, ControlState.lastPart(identifier)).filter(r -> !r.path("deleted").asBoolean())
                .orElseThrow(() -> CustomizationOperations.notFound(what, identifier));
    }

    private synchronized ControlPlane.Reply delete(String action, String kind, String identifier, String what) {
        ObjectNode r = find(kind, identifier, what);
        r.put("deleted", true);
        state.write(kind, r.path("id").asText(), r);
        return new ControlPlane.Reply(action, 200, state.json().createObjectNode());
    }

    private ObjectNode provisionedView(ObjectNode pt) {
        long created = pt.path("createdMs").asLong();
        boolean ready = state.progress(pt) >= 1;
        ObjectNode v = state.json().createObjectNode();
        v.put("provisionedModelArn", pt.path("arn").asText());
        v.put("provisionedModelName", pt.path("name").asText());
        v.put("modelArn", pt.path("modelArn").asText());
        v.put("desiredModelArn", pt.path("modelArn").asText());
        v.put("foundationModelArn", pt.path("foundationModelArn").asText());
        v.put("modelUnits", pt.path("modelUnits").asInt());
        v.put("desiredModelUnits", pt.path("modelUnits").asInt());
        v.put("status", ready ? "InService" : "Creating");
        v.put("creationTime", ControlState.iso(created));
        v.put("lastModifiedTime", ControlState.iso(ready ? created + state.share(pt, 1) : created));
        if (pt.has("commitmentDuration")) {
            v.put("commitmentDuration", pt.path("commitmentDuration").asText());
        }
        return v;
    }

    private ObjectNode deploymentView(ObjectNode d) {
        long created = d.path("createdMs").asLong();
        boolean ready = state.progress(d) >= 1;
        ObjectNode v = state.json().createObjectNode();
        v.put("customModelDeploymentArn", d.path("arn").asText());
        v.put("modelDeploymentName", d.path("name").asText());
        v.put("modelArn", d.path("modelArn").asText());
        v.put("status", ready ? "Active" : "Creating");
        v.put("createdAt", ControlState.iso(created));
        v.put("lastUpdatedAt", ControlState.iso(ready ? created + state.share(d, 1) : created));
        return v;
    }
}
