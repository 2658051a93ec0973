package dev.frontier.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.UncheckedIOException;

/** Converse request bodies for unit tests that skip HTTP. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static ConverseCall call(String json) {
        try {
            return ConverseCall.parse(MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A request with an optional system prompt and one user turn. */
    static ObjectNode body(String system, String user) {
        ObjectNode body = MAPPER.createObjectNode();
        if (!system.isEmpty()) {
            body.putArray("system").addObject().put("text", system);
        }
        ArrayNode messages = body.putArray("messages");
        ObjectNode message = messages.addObject().put("role", "user");
        message.putArray("content").addObject().put("text", user);
        return body;
    }

    static ConverseCall call(String system, String user) {
        return ConverseCall.parse(body(system, user));
    }
}
