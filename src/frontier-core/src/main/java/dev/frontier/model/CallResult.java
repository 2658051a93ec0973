package dev.frontier.model;

/**
 * What one model call produced: a completion or a failure. Failures are data, never exceptions.
 */
public sealed interface CallResult permits CallResult.Completion, CallResult.Failure {

    /** Wall-clock time the client waited, in milliseconds. */
    long clientLatencyMs();

    /**
     * A successful call.
     *
     * @param text            the concatenated text blocks of the answer
     * @param stopReason      Bedrock's stop reason as sent on the wire (e.g. {@code end_turn}, {@code max_tokens})
     * @param usage           token usage as reported
     * @param latencyMs       the service's own latency figure ({@code metrics.latencyMs})
     * @param clientLatencyMs wall-clock time the client waited
     * @param requestId       the service request id, for support cases; may be empty
     * @param invokedModelId  the model that served a call made through a prompt router, as Converse reports it in
     *                        {@code trace.promptRouter.invokedModelId} (a foundation-model or inference-profile ARN);
     *                        empty when the call was not routed, or when the answer came from a batch job or a file,
     *                        which do not report it
     * @param serviceTier     the service tier that served the call as Converse reports it ({@code serviceTier.type}:
     *                        {@code default}, {@code flex}, {@code priority}, {@code reserved}); empty when the
     *                        answer does not say (older answers, batch output, files)
     * @param performance     the latency configuration that served it as Converse reports it
     *                        ({@code performanceConfig.latency}: {@code standard} or {@code optimized}); empty when the
     *                        answer does not say
     */
    record Completion(String text, String stopReason, TokenUsage usage, long latencyMs, long clientLatencyMs,
                      String requestId, String invokedModelId, String serviceTier, String performance)
            implements CallResult {

        public Completion {
            invokedModelId = invokedModelId == null ? "" : invokedModelId;
            serviceTier = serviceTier == null ? "" : serviceTier;
            performance = performance == null ? "" : performance;
        }

        /** A completion whose answer names no service tier or latency configuration. */
        public Completion(String text, String stopReason, TokenUsage usage, long latencyMs, long clientLatencyMs,
                          String requestId, String invokedModelId) {
            this(text, stopReason, usage, latencyMs, clientLatencyMs, requestId, invokedModelId, "", "");
        }

        /** This completion as served: the tier and latency configuration its answer named. */
        public Completion servedAs(String tier, String latency) {
            return new Completion(text, stopReason, usage, latencyMs, clientLatencyMs, requestId, invokedModelId, tier,
                    latency);
        }

        /** A completion that was not routed: most sources (batch output, imported files, direct calls). */
        public Completion(String text, String stopReason, TokenUsage usage, long latencyMs, long clientLatencyMs,
                          String requestId) {
            this(text, stopReason, usage, latencyMs, clientLatencyMs, requestId, "", "", "");
        }

        /** Whether a prompt router chose the model that served it. */
        public boolean routed() {
            return !invokedModelId.isEmpty();
        }
    }

    /**
     * A failed call.
     *
     * @param errorCode       the service error code (e.g. {@code ThrottlingException}) or a client-side kind
     * @param message         what the service or client said
     * @param retryable       whether trying again could succeed
     * @param clientLatencyMs wall-clock time the client waited
     */
    record Failure(String errorCode, String message, boolean retryable, long clientLatencyMs) implements CallResult {
        /** The message is redacted ({@link Redaction}): an endpoint that echoes a request must not put keys in the store. */
        public Failure {
            message = Redaction.redact(message);
        }
    }
}
