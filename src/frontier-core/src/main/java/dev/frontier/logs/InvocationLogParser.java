package dev.frontier.logs;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One log line's JSON to an {@link InvocationLogRecord}, or the reason it is not one. The request body's kind is
 * told by its shape, not by the model id (which may be an inference profile or an ARN): {@code messages} (Converse,
 * Anthropic messages, Nova messages), {@code inputText} (Titan), {@code prompt} (Llama). An output body that cannot
 * be read leaves the response out; it does not make the record malformed.
 */
final class InvocationLogParser {

    /** Why a line is not a usable record; the message is the reason shown to the user. */
    static final class Bad extends Exception {
        private static final long serialVersionUID = 1L;

        Bad(String reason) {
            super(reason, null, false, false);
        }
    }

    /** Reads a body that Bedrock delivered to S3 instead of the record ({@code inputBodyS3Path} …). */
    interface Bodies {
        /**
         * The body at {@code s3Path}.
         *
         * @throws Bad when it cannot be read from this source
         */
        JsonNode body(String s3Path) throws Bad;
    }

    private InvocationLogParser() {
    }

    static InvocationLogRecord parse(JsonNode line, Bodies bodies) throws Bad {
        String schemaType = text(line, "schemaType");
        if (schemaType != null && !schemaType.equals("ModelInvocationLog")) {
            throw new Bad("schemaType is " + schemaType + ", not ModelInvocationLog");
        }
        Instant timestamp = timestamp(required(line, "timestamp"));
        String requestId = required(line, "requestId");
        String operation = required(line, "operation");
        String modelId = required(line, "modelId");
        JsonNode input = line.get("input");
        if (input == null || !input.isObject()) {
            throw new Bad("no input object");
        }
        JsonNode body = input.get("inputBodyJson");
        if (body == null || body.isNull()) {
            String path = text(input, "inputBodyS3Path");
            if (path == null) {
                throw new Bad("the input has neither inputBodyJson nor inputBodyS3Path (was text data delivery off?)");
            }
            body = bodies.body(path);
        }
        Request request = request(body);
        Optional<String> response = Optional.empty();
        JsonNode output = line.get("output");
        long outputTokens = 0;
        if (output != null && output.isObject()) {
            outputTokens = count(output, "outputTokenCount");
            JsonNode out = output.get("outputBodyJson");
            if ((out == null || out.isNull()) && text(output, "outputBodyS3Path") != null) {
                try {
                    out = bodies.body(text(output, "outputBodyS3Path"));
                } catch (Bad e) {
                    out = null;     // the request is still usable without its answer
                }
            }
            response = out == null ? Optional.empty() : response(out);
        }
        return new InvocationLogRecord(timestamp, requestId, operation, modelId, metadata(line.get("requestMetadata")),
                request.system, request.prompt, request.userTurns, response, count(input, "inputTokenCount"),
                outputTokens, count(input, "cacheReadInputTokenCount"), count(input, "cacheWriteInputTokenCount"));
    }

    private record Request(String system, String prompt, int userTurns) {
    }

    private static Request request(JsonNode body) throws Bad {
        if (!body.isObject()) {
            throw new Bad("the input body is not a JSON object");
        }
        JsonNode messages = body.get("messages");
        if (messages != null) {
            return messages(body, messages);
        }
        if (body.get("inputText") != null) {
            return single(body.get("inputText"), "inputText");
        }
        if (body.get("prompt") != null) {
            return single(body.get("prompt"), "prompt");
        }
        List<String> keys = new ArrayList<>();
        body.fieldNames().forEachRemaining(keys::add);
        throw new Bad("unknown request body (fields: " + String.join(", ", keys) + "); expected Converse, Anthropic or "
                + "Nova messages, Titan inputText or a Llama prompt");
    }

    private static Request single(JsonNode text, String field) throws Bad {
        if (!text.isTextual() || text.asText().isEmpty()) {
            throw new Bad(field + " is not a text, or is empty");
        }
        return new Request("", text.asText(), 1);
    }

    /** Converse, Nova and Anthropic messages: the user turns' text blocks, the system prompt's text. */
    private static Request messages(JsonNode body, JsonNode messages) throws Bad {
        if (!messages.isArray()) {
            throw new Bad("messages is not a list");
        }
        StringBuilder prompt = new StringBuilder();
        int turns = 0;
        for (JsonNode m : messages) {
            if (!m.isObject() || !m.path("role").isTextual()) {
                throw new Bad("a message without a role");
            }
            if (!m.get("role").asText().equals("user")) {
                continue;
            }
            turns++;
            String text = blocks(m.get("content"));
            if (!text.isEmpty()) {
                if (prompt.length() > 0) {
                    prompt.append("\n\n");
                }
                prompt.append(text);
            }
        }
        if (turns == 0) {
            throw new Bad("no user message");
        }
        if (prompt.length() == 0) {
            throw new Bad("the user messages hold no text (only images, documents or tool results)");
        }
        return new Request(blocks(body.get("system")), prompt.toString(), turns);
    }

    /**
     * The text of a content value: a string (Anthropic), or a list of blocks whose text ones are {@code {"text": …}}
     * (Converse, Nova) or {@code {"type": "text", "text": …}} (Anthropic), joined by newlines.
     */
    private static String blocks(JsonNode content) {
        if (content == null || content.isNull()) {
            return "";
        }
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder out = new StringBuilder();
        if (content.isArray()) {
            for (JsonNode block : content) {
                JsonNode text = block.get("text");
                if (text != null && text.isTextual() && (!block.has("type") || "text".equals(block.path("type").asText()))) {
                    if (out.length() > 0) {
                        out.append('\n');
                    }
                    out.append(text.asText());
                }
            }
        }
        return out.toString();
    }

    /** The response's text from a Converse, Nova, Anthropic, Titan or Llama body, or a streamed list of chunks. */
    static Optional<String> response(JsonNode out) {
        if (out.isArray()) {
            StringBuilder text = new StringBuilder();
            for (JsonNode chunk : out) {
                chunk(chunk, text);
            }
            return text.length() == 0 ? Optional.empty() : Optional.of(text.toString());
        }
        JsonNode message = out.path("output").path("message");
        if (message.isObject()) {
            return nonEmpty(blocks(message.get("content")));
        }
        if (out.path("content").isArray()) {
            return nonEmpty(blocks(out.get("content")));
        }
        JsonNode titan = out.path("results").path(0).path("outputText");
        if (titan.isTextual()) {
            return Optional.of(titan.asText());
        }
        if (out.path("generation").isTextual()) {
            return Optional.of(out.get("generation").asText());
        }
        return Optional.empty();
    }

    /** One streamed chunk's text: ConverseStream or Nova events, Anthropic deltas, Titan or Llama chunks. */
    private static void chunk(JsonNode chunk, StringBuilder text) {
        JsonNode delta = chunk.path("contentBlockDelta").path("delta").path("text");
        if (delta.isTextual()) {
            text.append(delta.asText());
        } else if (chunk.path("delta").path("text").isTextual()) {
            text.append(chunk.path("delta").path("text").asText());
        } else if (chunk.path("outputText").isTextual()) {
            text.append(chunk.get("outputText").asText());
        } else if (chunk.path("generation").isTextual()) {
            text.append(chunk.get("generation").asText());
        }
    }

    private static Optional<String> nonEmpty(String s) {
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    private static Map<String, String> metadata(JsonNode node) throws Bad {
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw new Bad("requestMetadata is not an object");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                throw new Bad("requestMetadata." + e.getKey() + " is not a text");
            }
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }

    private static Instant timestamp(String text) throws Bad {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e2) {
                throw new Bad("timestamp \"" + text + "\" is not an ISO-8601 instant");
            }
        }
    }

    private static long count(JsonNode parent, String field) throws Bad {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) {
            return 0;
        }
        if (!n.canConvertToLong() || !n.isIntegralNumber() || n.asLong() < 0) {
            throw new Bad(field + " is not a token count: " + n);
        }
        return n.asLong();
    }

    private static String required(JsonNode line, String field) throws Bad {
        String value = text(line, field);
        if (value == null || value.isEmpty()) {
            throw new Bad("no " + field);
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode n = node.get(field);
        return n != null && n.isTextual() ? n.asText() : null;
    }
}
