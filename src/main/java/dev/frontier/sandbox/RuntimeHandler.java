package dev.frontier.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bedrock Runtime's REST-JSON binding over the JDK HTTP server: {@code POST /model/{modelId}/converse} and
 * {@code POST /model/{modelId}/count-tokens}; anything else is an {@code UnknownOperationException}. Errors carry
 * their code in {@code x-amzn-ErrorType}, as the AWS SDK expects.
 */
final class RuntimeHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RuntimeHandler.class);
    private static final String ERROR_TYPE_SUFFIX = ":http://internal.amazon.com/coral/com.amazon.bedrock/";
    private static final String JSON = "application/json";

    private final ConverseService service;
    private final double timeScale;
    private final AtomicLong requests = new AtomicLong();

    RuntimeHandler(ConverseService service, double timeScale) {
        this.service = Objects.requireNonNull(service, "service");
        this.timeScale = timeScale;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String requestId = UUID.nameUUIDFromBytes(("sandbox-request-" + requests.incrementAndGet())
                .getBytes(StandardCharsets.UTF_8)).toString();
        try {
            byte[] body = readBody(exchange);
            try {
                respond(exchange, requestId, 200, route(exchange, body));
            } catch (BedrockError e) {
                exchange.getResponseHeaders().add("x-amzn-ErrorType", e.code() + ERROR_TYPE_SUFFIX);
                ObjectNode error = service.json().createObjectNode().put("message", e.getMessage());
                respond(exchange, requestId, e.status(), error);
            } catch (RuntimeException | StackOverflowError e) {
                // a bug or a pathological prompt: answer like the service would rather than drop the connection
                LOG.error("sandbox request {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
                exchange.getResponseHeaders().add("x-amzn-ErrorType", "InternalServerException" + ERROR_TYPE_SUFFIX);
                ObjectNode error = service.json().createObjectNode()
                        .put("message", "The sandbox failed to process the request: " + e);
                respond(exchange, requestId, 500, error);
            }
        } finally {
            exchange.close();
        }
    }

    private ObjectNode route(HttpExchange exchange, byte[] body) {
        String method = exchange.getRequestMethod();
        String rawPath = exchange.getRequestURI().getRawPath();
        String[] segments = rawPath.split("/", -1);
        // "", "model", "{modelId}", "{operation}"
        if (!method.equals("POST") || segments.length != 4 || !segments[0].isEmpty()
                || !segments[1].equals("model") || segments[2].isEmpty()) {
            throw BedrockError.unknownOperation(method, rawPath);
        }
        String modelId = decode(segments[2]);
        return switch (segments[3]) {
            case "converse" -> {
                ConverseService.Reply reply = service.converse(modelId, body);
                pause(reply.latencyMs());
                yield reply.body();
            }
            case "count-tokens" -> service.countTokens(modelId, body);
            default -> throw BedrockError.unknownOperation(method, rawPath);
        };
    }

    /** Percent-decoding of one path segment; unlike form decoding, '+' stays '+'. */
    private static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw BedrockError.validation("The provided model identifier is invalid.");
        }
    }

    private void pause(long latencyMs) {
        long wait = Math.round(latencyMs * timeScale);
        if (wait <= 0) {
            return;
        }
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // shutting down: answer at once
        }
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return in.readAllBytes();
        }
    }

    private void respond(HttpExchange exchange, String requestId, int status, ObjectNode body) throws IOException {
        byte[] bytes;
        try {
            bytes = service.json().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IOException("cannot write a JSON tree", e);
        }
        exchange.getResponseHeaders().add("Content-Type", JSON);
        exchange.getResponseHeaders().add("x-amzn-RequestId", requestId);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
