package dev.frontier.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.frontier.catalog.Catalog;
import dev.frontier.catalog.Conformance;
import dev.frontier.catalog.PromptOptimization;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.eventstream.HeaderValue;
import software.amazon.awssdk.eventstream.Message;

/**
 * Bedrock agent runtime's {@code OptimizePrompt} ({@code POST /optimize-prompt}): the request
 * {@code {"input": {"textPrompt": {"text": ...}}, "targetModelId": ...}} is checked as Bedrock documents it (text of
 * 1 to 200,000 characters, a target model and a Region the catalog's {@code promptOptimization} section lists; the
 * refusals' status, type and wording from the conformance table), then answered with an AWS event stream
 * ({@code application/vnd.amazon.eventstream}) of one {@code analyzePromptEvent} and one
 * {@code optimizedPromptEvent}, as the API reference's {@code OptimizedPromptStream} has them. The rewrite is
 * {@link PromptRewrite}'s.
 */
final class OptimizePromptOperation {

    static final String PATH = "/optimize-prompt";
    static final String CONTENT_TYPE = "application/vnd.amazon.eventstream";
    /** TextPrompt.text: "Maximum length of 200000" (API reference). */
    static final int MAX_TEXT = 200_000;

    private final PromptOptimization offered;
    private final Conformance table;
    private final ObjectMapper json;

    OptimizePromptOperation(Catalog catalog, Conformance table, ObjectMapper json) {
        this.offered = Objects.requireNonNull(catalog, "catalog").promptOptimization();
        this.table = Objects.requireNonNull(table, "table");
        this.json = Objects.requireNonNull(json, "json");
    }

    /** A checked request. */
    record Request(String text, String targetModelId) {
    }

    /**
     * Reads and checks a request signed for {@code region}.
     *
     * @throws BedrockError the refusal Bedrock documents
     */
    Request parse(byte[] body, String region) {
        JsonNode doc;
        try {
            doc = json.readTree(body);
        } catch (IOException e) {
            throw BedrockError.validation("The request body is not valid JSON.");
        }
        if (doc == null || !doc.isObject()) {
            throw BedrockError.validation("The request body is not valid JSON.");
        }
        if (!offered.offeredIn(region)) {
            Conformance.Rule r = table.rule("optimize-region-unsupported");
            throw new BedrockError(r.status(), r.type(), r.message("", 0).replace("{region}", region));
        }
        JsonNode target = doc.path("targetModelId");
        if (!target.isTextual() || target.asText().isEmpty()) {
            throw BedrockError.validation("1 validation error detected: Value null at 'targetModelId' failed to "
                    + "satisfy constraint: Member must not be null");
        }
        String text = doc.path("input").path("textPrompt").path("text").asText("");
        if (text.isEmpty()) {
            throw refuse("optimize-text-empty", target.asText(), 0);
        }
        if (text.length() > MAX_TEXT) {
            throw refuse("optimize-text-too-long", target.asText(), MAX_TEXT);
        }
        if (!offered.supportsModel(target.asText())) {
            throw refuse("optimize-model-unsupported", target.asText(), 0);
        }
        return new Request(text, target.asText());
    }

    /** The event stream that answers {@code request}: its analysis, then its optimized prompt. */
    byte[] answer(Request request) {
        PromptRewrite rewrite = PromptRewrite.of(request.text(), request.targetModelId());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        event("analyzePromptEvent", json.createObjectNode().put("message", rewrite.analysis())).encode(out);
        ObjectNode optimized = json.createObjectNode();
        optimized.putObject("optimizedPrompt").putObject("textPrompt").put("text", rewrite.text());
        event("optimizedPromptEvent", optimized).encode(out);
        return out.toByteArray();
    }

    private Message event(String type, JsonNode payload) {
        Map<String, HeaderValue> headers = new LinkedHashMap<>();
        headers.put(":message-type", HeaderValue.fromString("event"));
        headers.put(":event-type", HeaderValue.fromString(type));
        headers.put(":content-type", HeaderValue.fromString("application/json"));
        try {
            return new Message(headers, json.writeValueAsString(payload).getBytes(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write a JSON tree", e);
        }
    }

    private BedrockError refuse(String rule, String modelId, long limit) {
        Conformance.Rule r = table.rule(rule);
        return new BedrockError(r.status(), r.type(), r.message(modelId, limit));
    }
}
