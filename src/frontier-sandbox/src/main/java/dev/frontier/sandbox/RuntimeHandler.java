package dev.frontier.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.frontier.catalog.Catalog;
import dev.frontier.catalog.Conformance;
import dev.frontier.sandbox.RuntimeRequests.Answer;
import dev.frontier.sandbox.RuntimeRequests.Trace;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Bedrock Runtime's REST-JSON binding over the JDK HTTP server: {@code POST /model/{modelId}/converse} and
 * {@code POST /model/{modelId}/count-tokens}, and the agent runtime's {@code POST /optimize-prompt} (answered with
 * an event stream); anything else is an {@code UnknownOperationException}. Errors carry
 * their code in {@code x-amzn-ErrorType}, as the AWS SDK expects. A Converse call passes validation, then its
 * model's quota, then the fault draw, before the model answers ({@link RuntimeRequests}, which the in-process
 * client uses too); every request is recorded in the request log before its answer is sent.
 */
final class RuntimeHandler implements HttpHandler {

    private static final String ERROR_TYPE_SUFFIX = ":http://internal.amazon.com/coral/com.amazon.bedrock/";
    private static final String JSON = "application/json";

    private final RuntimeRequests requests;
    private final ConverseService service;
    private final ControlPlane controlPlane;
    private final OptimizePromptOperation optimizer;

    RuntimeHandler(RuntimeRequests requests, ControlPlane controlPlane) {
        this.requests = Objects.requireNonNull(requests, "requests");
        this.service = requests.service();
        this.controlPlane = Objects.requireNonNull(controlPlane, "controlPlane");
        this.optimizer = new OptimizePromptOperation(Catalog.bundled(), Conformance.bundled(), service.json());
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            String userAgent = Optional.ofNullable(exchange.getRequestHeaders().getFirst("User-Agent")).orElse("");
            byte[] body = readBody(exchange);
            String method = exchange.getRequestMethod();
            String rawPath = exchange.getRequestURI().getRawPath();
            String region = BedrockRules.region(exchange.getRequestHeaders().getFirst("Authorization"));
            Optional<String> converse = converseModel(method, rawPath);
            RuntimeRequests.Outcome outcome = converse.isPresent()
                    ? requests.converse(converse.get(), region, body, userAgent)
                    : requests.serve(method + " " + exchange.getRequestURI(), userAgent, body,
                            (trace, requestId) -> route(exchange, method, rawPath, region, body, trace));
            outcome.pause();
            if (outcome.errorCode() != null) {
                exchange.getResponseHeaders().add("x-amzn-ErrorType", outcome.errorCode() + ERROR_TYPE_SUFFIX);
            }
            if (outcome.eventStream() != null) {
                respond(exchange, outcome.requestId(), outcome.eventStream());
            } else {
                respond(exchange, outcome.requestId(), outcome.status(), outcome.body());
            }
        } finally {
            exchange.close();
        }
    }

    /** The model of a {@code POST /model/{modelId}/converse} whose id decodes; empty for any other request. */
    private static Optional<String> converseModel(String method, String rawPath) {
        String[] segments = rawPath.split("/", -1);
        if (!method.equals("POST") || segments.length != 4 || !segments[0].isEmpty()
                || !segments[1].equals("model") || segments[2].isEmpty() || !segments[3].equals("converse")) {
            return Optional.empty();
        }
        try {
            return Optional.of(decode(segments[2]));
        } catch (BedrockError e) {
            return Optional.empty(); // refused by route, in the request log like any other bad request
        }
    }

    private Answer route(HttpExchange exchange, String method, String rawPath, String region, byte[] body,
                         Trace trace) {
        if (method.equals("POST") && rawPath.equals(OptimizePromptOperation.PATH)) {
            trace.start(RequestRecord.OPTIMIZE_PROMPT, null, body);
            OptimizePromptOperation.Request request = optimizer.parse(body, region);
            trace.modelId = request.targetModelId();
            return new Answer(null, 0, 200, optimizer.answer(request));
        }
        String[] segments = rawPath.split("/", -1);
        // "", "model", "{modelId}", "{operation}"
        if (!method.equals("POST") || segments.length != 4 || !segments[0].isEmpty()
                || !segments[1].equals("model") || segments[2].isEmpty()) {
            return controlPlane(exchange, method, rawPath, segments, region, body, trace);
        }
        String modelId = decode(segments[2]);
        return switch (segments[3]) {
            case "count-tokens" -> {
                trace.start(RequestRecord.COUNT_TOKENS, modelId, body);
                ConverseCall call = service.parseCountTokens(body);
                trace.requestHash = ConverseService.requestHash(modelId, call);
                yield new Answer(service.countTokens(service.resolve(modelId), call), 0);
            }
            default -> throw BedrockError.unknownOperation(method, rawPath);
        };
    }

    private Answer controlPlane(HttpExchange exchange, String method, String rawPath, String[] segments,
                                String region, byte[] body, Trace trace) {
        List<String> decoded = new ArrayList<>();
        for (int i = 1; i < segments.length; i++) {
            decoded.add(decode(segments[i]));
        }
        Map<String, String> query = new HashMap<>();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                query.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value,
                        StandardCharsets.UTF_8));
            }
        }
        trace.start(method + " " + rawPath, null, body);
        ControlPlane.Reply reply = controlPlane.handle(method, decoded, query, body, region)
                .orElseThrow(() -> BedrockError.unknownOperation(method, rawPath));
        trace.operation = reply.operation();
        return new Answer(reply.body(), 0, reply.status());
    }

    /** Percent-decoding of one path segment; unlike form decoding, '+' stays '+'. */
    private static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw BedrockError.validation("The provided model identifier is invalid.");
        }
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return in.readAllBytes();
        }
    }

    private static void respond(HttpExchange exchange, String requestId, byte[] eventStream) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", OptimizePromptOperation.CONTENT_TYPE);
        exchange.getResponseHeaders().add("x-amzn-RequestId", requestId);
        exchange.sendResponseHeaders(200, eventStream.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(eventStream);
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
