package dev.frontier.sandbox;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;

/** A model's quota changed while the sandbox serves: the requests already in the minute keep counting. */
class QuotaChangeTest {
    private static final String NOTE = "Summarize: the export to CSV fails.";

    @Test
    void aChangedQuotaAppliesToTheNextRequestAndCountsTheMinuteSoFar() {
        ManualClock clock = new ManualClock(Instant.parse("2025-03-01T09:00:00Z"));
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.forTests().withClock(clock)
                .withQuota(Bedrock.NOVA_MICRO, 2, 0));
             BedrockRuntimeClient client = Bedrock.client(sandbox)) {
            client.converse(Bedrock.request(Bedrock.NOVA_MICRO, "", false, NOTE, 100));
            client.converse(Bedrock.request(Bedrock.NOVA_MICRO, "", false, NOTE, 100));
            assertThatThrownBy(() -> client.converse(Bedrock.request(Bedrock.NOVA_MICRO, "", false, NOTE, 100)))
                    .isInstanceOf(ThrottlingException.class);
            sandbox.changeQuota(Bedrock.NOVA_MICRO, 3, 0);
            client.converse(Bedrock.request(Bedrock.NOVA_MICRO, "", false, NOTE, 100));
            sandbox.changeQuota(Bedrock.NOVA_MICRO, 1, 0);
            clock.advance(Duration.ofSeconds(30));
            assertThatThrownBy(() -> client.converse(Bedrock.request(Bedrock.NOVA_MICRO, "", false, NOTE, 100)))
                    .isInstanceOf(ThrottlingException.class);
            clock.advance(Duration.ofSeconds(31));
            client.converse(Bedrock.request(Bedrock.NOVA_MICRO, "", false, NOTE, 100));
        }
    }
}
