package dev.frontier.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Bedrock's control plane as far as the sandbox serves it: each {@link Operations} family (foundation models and
 * inference profiles, batch inference jobs, model customization jobs, provisioned throughput, custom model
 * deployments) answers the requests that belong to it. Requests none of them claims are an {@code UnknownOperationException}, as for the runtime.
 */
final class ControlPlane {

    /** One family of control-plane operations. Implementations are thread-safe. */
    interface Operations {
        /**
         * Answers the request when it belongs to this family.
         *
         * @param method   HTTP method
         * @param segments the path's segments, percent-decoded, without the leading empty one
         * @param query    the query parameters, percent-decoded (the last value wins)
         * @param body     the request body, possibly empty
         * @param region   the Region the caller signed for (each Bedrock Region has its own endpoint)
         * @return the answer, or empty when the request belongs to another family
         * @throws BedrockError for a request this family refuses, with Bedrock's status and code
         */
        Optional<Reply> handle(String method, List<String> segments, Map<String, String> query, byte[] body,
                               String region);
    }

    /**
     * A control-plane answer.
     *
     * @param operation the API operation's name for the request log, e.g. {@code CreateModelInvocationJob}
     * @param status    HTTP status (Bedrock answers 201 to some creates, 200 otherwise)
     * @param body      the JSON body
     */
    record Reply(String operation, int status, ObjectNode body) {
        Reply {
            Objects.requireNonNull(operation, "operation");
            Objects.requireNonNull(body, "body");
        }
    }

    private final List<Operations> families;

    ControlPlane(List<Operations> families) {
        this.families = List.copyOf(families);
    }

    Optional<Reply> handle(String method, List<String> segments, Map<String, String> query, byte[] body,
                           String region) {
        for (Operations family : families) {
            Optional<Reply> reply = family.handle(method, segments, query, body, region);
            if (reply.isPresent()) {
                return reply;
            }
        }
        return Optional.empty();
    }
}
