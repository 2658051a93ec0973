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
     */
    record Completion(String text, String stopReason, TokenUsage usage, long latencyMs, long clientLatencyMs,
                      String requestId, String invokedModelId) implements CallResult {

        public Completion {
            invokedModelId = invokedModelId == null ? "" : invokedModelId;
        }

        /** A completion that was not routed: most sources (batch output, imported files, direct calls). */
        public Completion(String text, String stopReason, TokenUsage usage, long latencyMs, long clientLatencyMs,
                          String requestId) {
            this(text, stopReason, usage, latencyMs, clientLatencyMs, requestId, "");
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
