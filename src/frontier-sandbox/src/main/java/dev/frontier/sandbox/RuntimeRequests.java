package dev.frontier.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.frontier.catalog.ModelId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The runtime's requests without a transport: each one is numbered and given its request id, answered or refused
 * (a {@link BedrockError} becomes its status, error code and message; anything else an
 * {@code InternalServerException}), recorded in the request log, and told how long to wait before its answer is
 * delivered. Converse is here in full (validation, Bedrock's refusals, application profiles, prompt routers, faults,
 * the quota, invocation logging), so the HTTP binding ({@link RuntimeHandler}) and the in-process client
 * ({@link DirectRuntimeClient}) behave the same.
 */
final class RuntimeRequests {

    private static final Logger LOG = LoggerFactory.getLogger(RuntimeRequests.class);

    private final ConverseService service;
    private final double timeScale;
    private final QuotaLimiter quotas;
    private final FaultInjector faults;
    private final RequestLog log;
    private final InstantSource clock;
    private final AtomicLong requests = new AtomicLong();
    private final BedrockRules rules = BedrockRules.bundled();
    private final PromptRouters routers;
    /** The simulated models' tiers, from which a router predicts each model's quality. */
    private final ModelCatalog profiles = ModelCatalog.builtIn();
    /** Where answered calls are logged when the account configured invocation logging; null without S3. */
    private final InvocationLogging invocationLogging;
    /** The account's application inference profiles; null without S3. */
    private final ApplicationProfiles applications;

    RuntimeRequests(ConverseService service, double timeScale, QuotaLimiter quotas, FaultInjector faults,
                    RequestLog log, InstantSource clock, PromptRouters routers, InvocationLogging invocationLogging,
                    ApplicationProfiles applications) {
        this.service = Objects.requireNonNull(service, "service");
        this.timeScale = timeScale;
        this.quotas = Objects.requireNonNull(quotas, "quotas");
        this.faults = Objects.requireNonNull(faults, "faults");
        this.log = Objects.requireNonNull(log, "log");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.routers = Objects.requireNonNull(routers, "routers");
        this.invocationLogging = invocationLogging;
        this.applications = applications;
    }

    ConverseService service() {
        return service;
    }

    /**
     * What the service sends back for one request.
     *
     * @param status      the HTTP status
     * @param body        the JSON body: the answer, or the error's {@code message} and extra members; null when the
     *                    answer is an event stream
     * @param errorCode   the error code ({@code x-amzn-ErrorType}), null for an answer
     * @param eventStream the encoded event-stream messages of an answer sent that way, else null
     * @param requestId   the request id ({@code x-amzn-RequestId})
     * @param waitMs      how long to wait before delivering it: the simulated latency scaled by the time scale
     */
    record Outcome(int status, ObjectNode body, String errorCode, byte[] eventStream, String requestId, long waitMs) {

        /** Waits {@link #waitMs}, as the service takes that long to answer; an interrupt ends the wait at once. */
        void pause() {
            if (waitMs <= 0) {
                return;
            }
            try {
                Thread.sleep(waitMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // shutting down: answer at once
            }
        }
    }

    /**
     * A successful answer, its status and how long the server waits (before time scaling) to send it; an answer
     * sent as an event stream has its encoded messages in {@code eventStream} (else null) and no JSON body.
     */
    record Answer(ObjectNode body, long latencyMs, int status, byte[] eventStream) {
        Answer(ObjectNode body, long latencyMs, int status) {
            this(body, latencyMs, status, null);
        }

        Answer(ObjectNode body, long latencyMs) {
            this(body, latencyMs, 200);
        }
    }

    /** One operation of the runtime or the control plane, given what is known of the request so far. */
    @FunctionalInterface
    interface Operation {
        Answer answer(Trace trace, String requestId);
    }

    /** Converse for {@code modelId} as signed for {@code region}, with the request body as sent. */
    Outcome converse(String modelId, String region, byte[] body, String userAgent) {
        return serve("POST converse " + modelId, userAgent, body,
                (trace, requestId) -> converse(modelId, region, body, trace, requestId));
    }

    /**
     * Numbers the request, runs {@code operation}, turns a refusal into its error answer and records the request in
     * the log before anyone can see the answer.
     *
     * @param what how the request is named in the error log when the operation fails unexpectedly
     */
    Outcome serve(String what, String userAgent, byte[] body, Operation operation) {
        long sequence = requests.incrementAndGet();
        Trace trace = new Trace(sequence, clock.instant(), userAgent == null ? "" : userAgent);
        String requestId = UUID.nameUUIDFromBytes(("sandbox-request-" + sequence)
                .getBytes(StandardCharsets.UTF_8)).toString();
        trace.start(RequestRecord.UNKNOWN, null, body);
        int status;
        ObjectNode answer;
        String errorCode = null;
        byte[] eventStream = null;
        long latencyMs = 0;
        try {
            Answer done = operation.answer(trace, requestId);
            answer = done.body();
            eventStream = done.eventStream();
            latencyMs = done.latencyMs();
            status = done.status();
        } catch (BedrockError e) {
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
            errorCode = e.code();
            trace.outcome = e.code();
        } catch (RuntimeException | StackOverflowError e) {
            // a bug or a pathological prompt: answer like the service would rather than drop the connection
            LOG.error("sandbox request {} failed", what, e);
            answer = service.json().createObjectNode()
                    .put("message", "The sandbox failed to process the request: " + e);
            status = 500;
            errorCode = "InternalServerException";
            trace.outcome = errorCode;
        }
        // recorded before the client can see the answer, so a caller reading the log afterwards finds it
        log.append(trace.record(status));
        return new Outcome(status, answer, errorCode, eventStream, requestId, Math.max(0,
                Math.round(latencyMs * timeScale)));
    }

    /**
     * Validation (the request's shape, then Bedrock's documented refusals for the signed Region), then the quota,
     * then the fault draw, then the model; only a 200 is billed.
     */
    private Answer converse(String modelId, String region, byte[] body, Trace trace, String requestId) {
        trace.start(RequestRecord.CONVERSE, modelId, body);
        // one tree for the call and for the invocation log: parsing does not change it
        JsonNode sent = service.readRequest(body);
        ConverseCall call = ConverseCall.parse(sent);
        Map<String, String> metadata = RequestMetadata.read(sent);
        trace.requestHash = ConverseService.requestHash(modelId, call);
        trace.call = call;
        // through a prompt router, the model it picks is checked and served as if it had been called directly
        ModelId id = ModelId.parse(modelId);
        Optional<PromptRouter.Target> routed = id.isRouter()
                ? Optional.of(routers.forConverse(modelId, region).route(call, profiles)) : Optional.empty();
        String served = routed.isPresent() ? routed.get().arn() : applicationProfile(id, region);
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
    private String applicationProfile(ModelId modelId, String region) {
        if (modelId.kind() != ModelId.Kind.APPLICATION_PROFILE_ARN) {
            return modelId.raw();
        }
        return Optional.ofNullable(applications).flatMap(a -> a.served(modelId.raw(), region))
                .orElseThrow(() -> BedrockError.validation("The provided model identifier is invalid."));
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
    static final class Trace {
        final long sequence;
        final Instant time;
        String operation = RequestRecord.UNKNOWN;
        String modelId;
        /** The model a prompt router sent the request to; null when the request named a model. */
        String invokedModelId;
        /** The request's hash once known; until then it is the raw hash of {@code rawModelId} and {@code rawBody}. */
        String requestHash;
        private String rawModelId;
        private byte[] rawBody;
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

        /** The operation begins: until it parses the request, the request is identified by its raw bytes. */
        void start(String newOperation, String newModelId, byte[] body) {
            operation = newOperation;
            modelId = newModelId;
            requestHash = null;
            rawModelId = newModelId;
            rawBody = body;
        }

        /** Hashed only when no canonical hash replaced it: most requests parse, and are hashed once. */
        private String requestHash() {
            return requestHash != null ? requestHash : ConverseService.rawRequestHash(rawModelId, rawBody);
        }

        void billed(ConverseService.Reply answered) {
            reply = answered;
        }

        RequestRecord record(int status) {
            boolean paid = status == 200 && reply != null;
            return new RequestRecord(sequence, time, operation, modelId, requestHash(), status, outcome,
                    paid ? reply.inputTokens() : 0, paid ? reply.outputTokens() : 0,
                    paid ? reply.cacheReadTokens() : 0, paid ? reply.cacheWriteTokens() : 0, paid, userAgent,
                    invokedModelId, call == null ? null : call.dials().serviceTier().orElse(null),
                    call == null ? null : call.dials().latency().orElse(null),
                    call == null ? null : call.dials().reasoning().map(ConverseCall.Reasoning::describe).orElse(null),
                    call == null || call.sentCacheTtls().isEmpty() ? null : String.join(",", call.sentCacheTtls()));
        }
    }
}
