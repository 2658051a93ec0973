package dev.frontier.bedrock;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach Bedrock and S3.
 *
 * @param region         AWS region; empty for the SDK's default region chain
 * @param endpoints      endpoint overrides per service; an empty one means the SDK's default regional endpoint
 * @param credentials    where credentials come from
 * @param maxAttempts    attempts per call including the first, made by the SDK's standard retry strategy
 * @param callTimeout    time limit for one call including retries
 * @param appId          the application id every client adds to its {@code User-Agent} ({@code app/<appId>}), e.g.
 *                       {@code frontier#1.4.0}
 */
public record BedrockSettings(Optional<String> region, Endpoints endpoints, Credentials credentials,
                              int maxAttempts, Duration callTimeout, String appId) {

    public BedrockSettings {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(endpoints, "endpoints");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(callTimeout, "callTimeout");
        Objects.requireNonNull(appId, "appId");
    }

    /**
     * Where each service is reached. On AWS they are four hosts ({@code bedrock-runtime.<region>.amazonaws.com},
     * {@code bedrock.<region>.amazonaws.com}, {@code s3.<region>.amazonaws.com},
     * {@code bedrock-agent-runtime.<region>.amazonaws.com}), so one override never stands in for another.
     *
     * @param runtime      Bedrock Runtime (Converse), empty for the default
     * @param controlPlane the Bedrock control plane (batch, customization, serving), empty for the default
     * @param s3           S3 or an S3-compatible server (addressed path-style), empty for the default
     * @param agentRuntime the Bedrock agent runtime (prompt optimization), empty for the default (which the SDK
     *                     itself lets {@code AWS_ENDPOINT_URL_BEDROCK_AGENT_RUNTIME} override)
     */
    public record Endpoints(Optional<URI> runtime, Optional<URI> controlPlane, Optional<URI> s3,
                            Optional<URI> agentRuntime) {

        public Endpoints {
            Objects.requireNonNull(runtime, "runtime");
            Objects.requireNonNull(controlPlane, "controlPlane");
            Objects.requireNonNull(s3, "s3");
            Objects.requireNonNull(agentRuntime, "agentRuntime");
        }

        /** The runtime, control plane and S3 as given, the agent runtime at its default. */
        public Endpoints(Optional<URI> runtime, Optional<URI> controlPlane, Optional<URI> s3) {
            this(runtime, controlPlane, s3, Optional.empty());
        }

        /** Every service at its default regional endpoint. */
        public static Endpoints none() {
            return new Endpoints(Optional.empty(), Optional.empty(), Optional.empty());
        }

        /**
         * One local server for the runtime, the control plane and the agent runtime (the sandbox), and its S3 when
         * it has one.
         */
        public static Endpoints local(URI bedrock, Optional<URI> s3) {
            return new Endpoints(Optional.of(bedrock), Optional.of(bedrock), s3, Optional.of(bedrock));
        }
    }

    /** Credential source. */
    public sealed interface Credentials permits DefaultChain, Static {
    }

    /** The SDK's default chain: environment, profile, SSO, container, instance role. */
    public record DefaultChain() implements Credentials {
    }

    /** Fixed keys, for the local sandbox (which checks no signature). */
    public record Static(String accessKeyId, String secretAccessKey) implements Credentials {
        @Override
        public String toString() {
            return "Static[accessKeyId=" + accessKeyId + ", secretAccessKey=****]";
        }
    }
}
