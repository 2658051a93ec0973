package dev.frontier.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.frontier.invoke.ModelClient;
import dev.frontier.invoke.RetryPolicy;
import dev.frontier.model.CallResult;
import dev.frontier.model.CallSettings;
import dev.frontier.model.ModelRequest;
import dev.frontier.model.TokenUsage;

import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * A {@link ModelClient} that calls the sandbox's Converse in the caller's thread, without HTTP or the AWS SDK: the
 * request becomes the JSON body the SDK would send, the sandbox handles it exactly as it handles one that came over
 * HTTP ({@link RuntimeRequests}: the same checks, quotas, faults, request log and simulated wait), and its answer or
 * refusal becomes the {@link CallResult} the SDK client makes of it. Only for the in-process sandbox
 * ({@code frontier run --sandbox --sandbox-direct}): it is faster, but does not exercise the SDK path a run on AWS
 * takes.
 */
final class DirectRuntimeClient implements ModelClient {

    private final RuntimeRequests runtime;
    private final ObjectMapper json;
    private final String region;
    private final String userAgent;

    /**
     * @param region    the Region the calls are made in, as a signed request names it
     * @param userAgent what the request log records as the caller
     */
    DirectRuntimeClient(RuntimeRequests runtime, String region, String userAgent) {
        this.runtime = Objects.requireNonNull(runtime, "runtime");
        this.json = runtime.service().json();
        this.region = Objects.requireNonNull(region, "region");
        this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
    }

    @Override
    public CallResult call(ModelRequest request) {
        long start = System.nanoTime();
        RuntimeRequests.Outcome outcome = runtime.converse(request.modelId(), region, body(request), userAgent);
        outcome.pause();
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        if (outcome.errorCode() != null) {
            return new CallResult.Failure(outcome.errorCode(), outcome.body().path("message").asText(null),
                    RetryPolicy.retryableRefusal(outcome.errorCode(), outcome.status()), elapsedMs);
        }
        return completion(outcome.body(), outcome.requestId(), elapsedMs);
    }

    /**
     * The Converse request body the AWS SDK sends for {@code request} (the model id goes in the path): what
     * {@code BedrockConverseClient.toConverse} builds, member for member.
     */
    byte[] body(ModelRequest request) {
        ObjectNode body = json.createObjectNode();
        ArrayNode content = body.putArray("messages").addObject().put("role", "user").putArray("content");
        content.addObject().put("text", request.user());
        if (!request.system().isEmpty()) {
            ArrayNode system = body.putArray("system");
            system.addObject().put("text", request.system());
            if (request.cacheSystem()) {
                ObjectNode point = system.addObject().putObject("cachePoint").put("type", "default");
                request.settings().cacheTtl().ifPresent(ttl -> point.put("ttl", ttl));
            }
        }
        ModelRequest.InferenceParams p = request.inference();
        CallSettings settings = request.settings();
        ObjectNode inference = body.putObject("inferenceConfig");
        if (!settings.omitsMaxTokens()) {
            inference.put("maxTokens", p.maxTokens());
        }
        // the SDK's members are floats: 0.7 goes out as 0.7, not as the double nearest 0.7f
        if (p.temperature() != null) {
            inference.put("temperature", p.temperature().floatValue());
        }
        if (p.topP() != null) {
            inference.put("topP", p.topP().floatValue());
        }
        if (!p.stopSequences().isEmpty()) {
            ArrayNode stops = inference.putArray("stopSequences");
            p.stopSequences().forEach(stops::add);
        }
        if (!request.requestMetadata().isEmpty()) {
            ObjectNode metadata = body.putObject("requestMetadata");
            request.requestMetadata().forEach(metadata::put);
        }
        request.outputSchema().ifPresent(schema -> body.putObject("outputConfig").putObject("textFormat")
                .put("type", "json_schema").putObject("structure").putObject("jsonSchema")
                .put("schema", schema).put("name", "answer"));
        settings.serviceTier().ifPresent(t -> body.putObject("serviceTier").put("type", t.wire()));
        if (settings.latencyOptimized()) {
            body.putObject("performanceConfig").put("latency", "optimized");
        }
        settings.reasoning().ifPresent(reasoning -> reasoning(body.putObject("additionalModelRequestFields"),
                reasoning));
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write a JSON tree", e);
        }
    }

    /** Anthropic's {@code thinking} with a token budget, or Amazon Nova 2's {@code reasoningConfig} with an effort. */
    private static void reasoning(ObjectNode fields, CallSettings.Reasoning reasoning) {
        if (reasoning instanceof CallSettings.Reasoning.Budget b) {
            fields.putObject("thinking").put("type", "enabled").put("budget_tokens", b.tokens());
        } else {
            fields.putObject("reasoningConfig").put("type", "enabled")
                    .put("maxReasoningEffort", ((CallSettings.Reasoning.Effort) reasoning).level());
        }
    }

    /** The answer as {@code BedrockConverseClient.toCompletion} reads it from the SDK's response. */
    private static CallResult.Completion completion(JsonNode response, String requestId, long clientLatencyMs) {
        StringBuilder text = new StringBuilder();
        for (JsonNode block : response.path("output").path("message").path("content")) {
            JsonNode part = block.get("text");
            if (part != null && part.isTextual()) {
                text.append(part.asText());
            }
        }
        JsonNode u = response.get("usage");
        TokenUsage usage = u == null ? TokenUsage.ZERO : new TokenUsage(u.path("inputTokens").asLong(),
                u.path("outputTokens").asLong(), u.path("cacheReadInputTokens").asLong(),
                u.path("cacheWriteInputTokens").asLong());
        JsonNode latency = response.path("metrics").get("latencyMs");
        return new CallResult.Completion(text.toString(), response.path("stopReason").asText(null), usage,
                latency != null && latency.isNumber() ? latency.asLong() : clientLatencyMs, clientLatencyMs, requestId,
                response.path("trace").path("promptRouter").path("invokedModelId").asText(""),
                response.path("serviceTier").path("type").asText(""),
                response.path("performanceConfig").path("latency").asText(""));
    }

    /** Nothing to release: the sandbox belongs to whoever started it. */
    @Override
    public void close() {
    }
}
