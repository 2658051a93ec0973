package dev.frontier.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.frontier.catalog.Catalog;
import dev.frontier.catalog.Conformance;
import dev.frontier.catalog.ModelId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bedrock Runtime's REST-JSON binding over the JDK HTTP server: {@code POST /model/{modelId}/converse} and
 * {@code POST /model/{modelId}/count-tokens}, and the agent runtime's {@code POST /optimize-prompt} (answered with
 * an event stream); anything else is an {@code UnknownOperationException}. Errors carry
 * their code in {@code x-amzn-ErrorType}, as the AWS SDK expects. A Converse call passes validation, then its
 * model's quota, then the fault draw, before the model answers; every request is recorded in the request log
 * before its answer is sent.
 */
final class RuntimeHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RuntimeHandler.class);
    private static final String ERROR_TYPE_SUFFIX = ":http://internal.amazon.com/coral/com.amazon.bedrock/";
    private static final String JSON = "application/json";

    private final ConverseService service;
    private final double timeScale;
    private final QuotaLimiter quotas;
    private final FaultInjector faults;
    private final RequestLog log;
    private final InstantSource clock;
    private final ControlPlane controlPlane;
    private final AtomicLong requests = new AtomicLong();
    private final BedrockRules rules = BedrockRules.bundled();
    private final PromptRouters routers;
    /** The simulated models' tiers, from which a router predicts each model's quality. */
    private final ModelCatalog profiles = ModelCatalog.builtIn();
    private final OptimizePromptOperation optimizer;
    /** Where answered calls are logged when the account configured invocation logging; null without S3. */
    private final InvocationLogging invocationLogging;
    /** The account's application inference profiles; null without S3. */
    private final ApplicationProfiles applications;

    RuntimeHandler(ConverseService service, double timeScale, QuotaLimiter quotas, FaultInjector faults,
                   RequestLog log, InstantSource clock, ControlPlane controlPlane, PromptRouters routers,
                   InvocationLogging invocationLogging, ApplicationProfiles applications) {
        this.service = Objects.requireNonNull(service, "service");
        this.timeScale = timeScale;
        this.quotas = Objects.requireNonNull(quotas, "quotas");
        this.faults = Objects.requireNonNull(faults, "faults");
        this.log = Objects.requireNonNull(log, "log");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.controlPlane = Objects.requireNonNull(controlPlane, "controlPlane");
        this.routers = Objects.requireNonNull(routers, "routers");
        this.optimizer = new OptimizePromptOperation(Catalog.bundled(), Conformance.bundled(), service.json());
        this.invocationLogging = invocationLogging;
        this.applications = applications;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long sequence = requests.incrementAndGet();
        Trace trace = new Trace(sequence, clock.instant(),
                Optional.ofNullable(exchange.getRequestHeaders().getFirst("User-Agent")).orElse(""));
        String requestId = UUID.nameUUIDFromBytes(("sandbox-request-" + sequence)
                .getBytes(StandardCharsets.UTF_8)).toString();
        try {
            byte[] body = readBody(exchange);
            trace.requestHash = ConverseService.rawRequestHash(null, body);
            int status = 200;
            ObjectNode answer;
            byte[] eventStream = null;
            long latencyMs = 0;
            try {
                Answer routed = route(exchange, body, trace, requestId);
                answer = routed.body();
                eventStream = routed.eventStream();
                latencyMs = routed.latencyMs();
                status = routed.status();
            } catch (BedrockError e) {
                exchange.getResponseHeaders().add("x-amzn-ErrorType", e.code() + ERROR_TYPE_SUFFIX);
                ObjectNode error = service.json().createObjectNode().put("message", e.getMessage());
                e.extra().forEach((name, value) -> {
                    if (value instanceof Number number) {
                        error.put(name, number.longValue());
                    } else {
                        error.put(name, String.valueOf(value));
                    }
                });
                answer = error;
                status = e.status();
                trace.outcome = e.code();
            } catch (RuntimeException | StackOverflowError e) {
                // a bug or a pathological prompt: answer like the service would rather than drop the connection
                LOG.error("sandbox request {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
                exchange.getResponseHeaders().add("x-amzn-ErrorType", "InternalServerException" + ERROR_TYPE_SUFFIX);
                answer = service.json().createObjectNode()
                        .put("message", "The sandbox failed to process the request: " + e);
                status = 500;
                trace.outcome = "InternalServerException";
            }
            // recorded before the client can see the answer, so a caller reading the log afterwards finds it
            log.append(trace.record(status));
            pause(latencyMs);
            if (eventStream != null) {
                respond(exchange, requestId, eventStream);
            } else {
                respond(exchange, requestId, status, answer);
            }
        } finally {
            exchange.close();
        }
    }

    /**
     * A successful answer, its status and how long the server waits (before time scaling) to send it; an answer
     * sent as an event stream has its encoded messages in {@code eventStream} (else null) and no JSON body.
     */
    private record Answer(ObjectNode body, long latencyMs, int status, byte[] eventStream) {
        Answer(ObjectNode body, long latencyMs, int status) {
            this(body, latencyMs, status, null);
        }

        Answer(ObjectNode body, long latencyMs) {
            this(body, latencyMs, 200);
        }
    }

    private Answer route(HttpExchange exchange, byte[] body, Trace trace, String requestId) {
        String method = exchange.getRequestMethod();
        String rawPath = exchange.getRequestURI().getRawPath();
        if (method.equals("POST") && rawPath.equals(OptimizePromptOperation.PATH)) {
            trace.start(RequestRecord.OPTIMIZE_PROMPT, null, body);
            OptimizePromptOperation.Request request = optimizer.parse(body,
                    BedrockRules.region(exchange.getRequestHeaders().getFirst("Authorization")));
            trace.modelId = request.targetModelId();
            return new Answer(null, 0, 200, optimizer.answer(request));
        }
        String[] segments = rawPath.split("/", -1);
        // "", "model", "{modelId}", "{operation}"
        if (!method.equals("POST") || segments.length != 4 || !segments[0].isEmpty()
                || !segments[1].equals("model") || segments[2].isEmpty()) {
            return controlPlane(exchange, method, rawPath, segments, body, trace);
        }
        String modelId = decode(segments[2]);
        return switch (segments[3]) {
            case "converse" -> converse(modelId, BedrockRules.region(exchange.getRequestHeaders()
                    .getFirst("Authorization")), body, trace, requestId);
            case "count-tokens" -> {
                trace.start(RequestRecord.COUNT_TOKENS, modelId, body);
                ConverseCall call = service.parseCountTokens(body);
                trace.requestHash = ConverseService.requestHash(modelId, call);
                yield new Answer(service.countTokens(service.resolve(modelId), call), 0);
            }
            default -> throw BedrockError.unknownOperation(method, rawPath);
        };
    }

    private Answer controlPlane(HttpExchange exchange, String method, String rawPath, String[] segments, byte[] body,
                                Trace trace) {
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
        ControlPlane.Reply reply = controlPlane.handle(method, decoded, query, body,
                        BedrockRules.region(exchange.getRequestHeaders().getFirst("Authorization")))
                .orElseThrow(() -> BedrockError.unknownOperation(method, rawPath));
        trace.operation = reply.operation();
        return new Answer(reply.body(), 0, reply.status());
    }

    /**
     * Validation (the request's shape, then Bedrock's documented refusals for the signed Region), then the quota,
     * then the fault draw, then the model; only a 200 is billed.
     */
    private Answer converse(String modelId, String region, byte[] body, Trace trace, String requestId) {
        trace.start(RequestRecord.CONVERSE, modelId, body);
        ConverseCall call = service.parseConverse(body);
        JsonNode sent = readTree(body);
        Map<String, String> metadata = RequestMetadata.read(sent);
        trace.requestHash = ConverseService.requestHash(modelId, call);
        trace.call = call;
        // through a prompt router, the model it picks is checked and served as if it had been called directly
        Optional<PromptRouter.Target> routed = ModelId.parse(modelId).isRouter()
                ? Optional.of(routers.forConverse(modelId, region).route(call, profiles)) : Optional.empty();
        String served = routed.map(PromptRouter.Target::arn).orElse(applicationProfile(modelId, region));
        routed.ifPresent(target -> trace.invokedModelId = target.arn());
        rules.check(served, region, call, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        ModelProfile model = service.resolve(served);
        int attempt = faults.arrive(trace.requestHash);
        QuotaLimiter.Ticket ticket = quotas.admit(model.id(), ConverseService.reservation(call), call.dials().tier());
        ConverseService.Reply reply;
        try {
            Optional<BedrockError> fault = faults.decide(trace.requestHash, attempt, modelId);
            if (fault.isPresent()) {
                throw fault.get();
            }
            reply = service.answer(model, call);
        } catch (RuntimeException | StackOverflowError e) {
            ticket.settle(0); // a failed call burns no tokens, but keeps its place in the request count
            throw e;
        }
        if (routed.isPresent()) {
            reply = throughRouter(reply, routed.get(), trace.requestHash);
        }
        ticket.settle(reply.quotaTokens());
        trace.billed(reply);
        if (invocationLogging != null) {
            invocationLogging.record(new InvocationLogging.Invocation(trace.time, region, requestId,
                    "Converse", modelId, sent, reply.body(), reply.inputTokens(), reply.outputTokens(),
                    reply.cacheReadTokens(), reply.cacheWriteTokens(), metadata));
        }
        return new Answer(reply.body(), reply.latencyMs());
    }

    /**
     * The model an application inference profile's ARN copies, served as if called directly; any other id as
     * given. An application profile that does not exist in the caller's Region is an invalid model identifier.
     */
    private String applicationProfile(String modelId, String region) {
        if (ModelId.parse(modelId).kind() != ModelId.Kind.APPLICATION_PROFILE_ARN) {
            return modelId;
        }
        return Optional.ofNullable(applications).flatMap(a -> a.served(modelId, region))
                .orElseThrow(() -> BedrockError.validation("The provided model identifier is invalid."));
    }

    /** The body as a JSON tree; it parsed once already, so a failure here is the same malformed request. */
    private JsonNode readTree(byte[] body) {
        try {
            return service.json().readTree(body);
        } catch (IOException e) {
            throw BedrockError.validation("Malformed input request, please reformat your input and try again.");
        }
    }

    /**
     * The served model's reply as a router returns it: the same output and usage, the routing overhead added to
     * {@code metrics.latencyMs}, and the served model in {@code trace.promptRouter.invokedModelId} (Converse API
     * reference, ConverseTrace / PromptRouterTrace).
     */
    private static ConverseService.Reply throughRouter(ConverseService.Reply reply, PromptRouter.Target served,
                                                       String requestHash) {
        long latencyMs = reply.latencyMs() + PromptRouter.overheadMs(requestHash);
        ObjectNode body = reply.body();
        body.putObject("metrics").put("latencyMs", latencyMs);
        body.putObject("trace").putObject("promptRouter").put("invokedModelId", served.arn());
        return new ConverseService.Reply(body, latencyMs, reply.inputTokens(), reply.outputTokens(),
                reply.cacheReadTokens(), reply.cacheWriteTokens());
    }

    /** What is known about one request as it is handled, for the request log. */
    private static final class Trace {
        final long sequence;
        final Instant time;
        String operation = RequestRecord.UNKNOWN;
        String modelId;
        /** The model a prompt router sent the request to; null when the request named a model. */
        String invokedModelId;
        String requestHash;
        String outcome = RequestRecord.OK;
        ConverseService.Reply reply;
        /** The parsed Converse request, for the dials it sent; null until parsed. */
        ConverseCall call;
        final String userAgent;

        Trace(long sequence, Instant time, String userAgent) {
            this.sequence = sequence;
            this.time = time;
            this.userAgent = userAgent;
        }

        void start(String newOperation, String newModelId, byte[] body) {
            operation = newOperation;
            modelId = newModelId;
            requestHash = ConverseService.rawRequestHash(newModelId, body);
        }

        void billed(ConverseService.Reply answered) {
            reply = answered;
        }

        RequestRecord record(int status) {
            boolean paid = status == 200 && reply != null;
            return new RequestRecord(sequence, time, operation, modelId, requestHash, status, outcome,
                    paid ? reply.inputTokens() : 0, paid ? reply.outputTokens() : 0,
                    paid ? reply.cacheReadTokens() : 0, paid ? reply.cacheWriteTokens() : 0, paid, userAgent,
                    invokedModelId, call == null ? null : call.dials().serviceTier().orElse(null),
                    call == null ? null : call.dials().latency().orElse(null),
                    call == null ? null : call.dials().reasoning().map(ConverseCall.Reasoning::describe).orElse(null),
                    call == null || call.sentCacheTtls().isEmpty() ? null : String.join(",", call.sentCacheTtls()));
        }
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
