package dev.frontier.sandbox;

import dev.frontier.catalog.Conformance;
import java.util.Map;

/**
 * A request the simulated service refuses, with the status code and error code Bedrock would send, and any extra
 * members of the error body (such as {@code ModelErrorException}'s {@code originalStatusCode}).
 */
final class BedrockError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Bedrock's wording for a throttled request. */
    static final String TOO_MANY_REQUESTS = "Too many requests, please wait before trying again.";

    private final int status;
    private final String code;
    private final transient Map<String, Object> extra;

    BedrockError(int status, String code, String message) {
        this(status, code, message, Map.of());
    }

    BedrockError(int status, String code, String message, Map<String, Object> extra) {
        super(message);
        this.status = status;
        this.code = code;
        this.extra = Map.copyOf(extra);
    }

    static BedrockError validation(String message) {
        return new BedrockError(400, "ValidationException", message);
    }

    /**
     * The conformance table's refusal {@code rule}: its status, type and message, with each {@code {key}} of the
     * message replaced by {@code fill}'s value.
     */
    static BedrockError rule(String rule, Map<String, String> fill) {
        Conformance.Rule r = Conformance.bundled().rule(rule);
        String message = r.message();
        for (Map.Entry<String, String> e : fill.entrySet()) {
            message = message.replace("{" + e.getKey() + "}", e.getValue());
        }
        return new BedrockError(r.status(), r.type(), message);
    }

    static BedrockError unknownOperation(String method, String path) {
        return new BedrockError(404, "UnknownOperationException", "No operation matches " + method + " " + path);
    }

    static BedrockError throttling() {
        return new BedrockError(429, "ThrottlingException", TOO_MANY_REQUESTS);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    /** Members of the error body besides {@code message}; values are strings or numbers. */
    Map<String, Object> extra() {
        return extra == null ? Map.of() : extra;
    }
}
