package dev.frontier.invoke;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * How to reach Bedrock.
 *
 * @param region         AWS region; empty for the SDK's default region chain
 * @param endpoint       endpoint override (the sandbox, a VPC endpoint); empty for the service default
 * @param credentials    where credentials come from
 * @param maxAttempts    attempts per call including the first, made by the SDK's standard retry strategy
 * @param callTimeout    time limit for one call including retries
 */
public record BedrockSettings(Optional<String> region, Optional<URI> endpoint, Credentials credentials,
                              int maxAttempts, Duration callTimeout) {

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
