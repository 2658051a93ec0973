package dev.frontier.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.BedrockRuntimeException;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.InternalServerException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelErrorException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelNotReadyException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelTimeoutException;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceUnavailableException;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;

/** Injected faults through the real SDK client: the right exceptions, repeatable under a seed, at the set rates. */
@Tag("e2e")
class FaultInjectionTest {

    private static final String NOTE = "Summarize: the nightly export failed twice this week.";

    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of(FaultRates.none().withInternalServer(1), InternalServerException.class, 500,
                        "InternalServerException"),
                Arguments.of(FaultRates.none().withServiceUnavailable(1), ServiceUnavailableException.class, 503,
                        "ServiceUnavailableException"),
                Arguments.of(FaultRates.none().withModelTimeout(1), ModelTimeoutException.class, 408,
                        "ModelTimeoutException"),
                Arguments.of(FaultRates.none().withModelError(1), ModelErrorException.class, 424,
                        "ModelErrorException"),
                Arguments.of(FaultRates.none().withModelNotReady(1), ModelNotReadyException.class, 429,
                        "ModelNotReadyException"),
                Arguments.of(FaultRates.none().withThrottling(1), ThrottlingException.class, 429,
                        "ThrottlingException"));
    }

    @ParameterizedTest(name = "{3}")
    @MethodSource("faults")
    void eachFaultReachesTheSdkAsItsOwnException(FaultRates rates, Class<? extends BedrockRuntimeException> type,
                                                 int status, String code) {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.forTests().withFaults(rates, 7));
             BedrockRuntimeClient client = Bedrock.client(sandbox)) {
            assertThatThrownBy(() -> client.converse(Bedrock.request(Bedrock.NOVA_LITE, "", false, NOTE, 100)))
                    .isInstanceOfSatisfying(type, e -> {
                        assertThat(e.statusCode()).isEqualTo(status);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
                        assertThat(e.awsErrorDetails().errorMessage()).isNotBlank();
                    });
            RequestRecord record = sandbox.requestLog().get(0);
            assertThat(record.status()).isEqualTo(status);
            assertThat(record.outcome()).isEqualTo(code);
            assertThat(record.billed()).isFalse();
            assertThat(record.inputTokens() + record.outputTokens()).isZero();
        }
    }

    @Test
    void aModelErrorNamesTheOriginalStatusAndTheResource() {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.forTests()
                .withFaults(FaultRates.none().withModelError(1), 7));
             BedrockRuntimeClient client = Bedrock.client(sandbox)) {
            assertThatThrownBy(() -> client.converse(Bedrock.request(Bedrock.NOVA_LITE, "", false, NOTE, 100)))
                    .isInstanceOfSatisfying(ModelErrorException.class, e -> {
                        assertThat(e.originalStatusCode()).isEqualTo(500);
                        assertThat(e.resourceName()).isEqualTo(Bedrock.NOVA_LITE);
                    });
        }
    }

    /** An even mix of all six faults, failing half the calls. */
    private static FaultRates halfFailing() {
        double each = 0.5 / 6;
        return new FaultRates(each, each, each, each, each, each);
    }

    private static String outcome(BedrockRuntimeClient client, ConverseRequest request) {
        try {
            client.converse(request);
            return "ok";
        } catch (BedrockRuntimeException e) {
            return e.awsErrorDetails().errorCode();
        }
    }

    private static List<String> run(long seed, List<ConverseRequest> requests) {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.forTests().withFaults(halfFailing(), seed));
             BedrockRuntimeClient client = Bedrock.client(sandbox)) {
            List<String> outcomes = new ArrayList<>();
            for (ConverseRequest request : requests) {
                outcomes.add(outcome(client, request));
            }
            return outcomes;
        }
    }

    @Test
    void theSameSeedAndRequestsGiveTheSameFaults() {
        List<ConverseRequest> requests = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            // some requests repeat, as retries would
            requests.add(Bedrock.request(Bedrock.NOVA_MICRO, "", false, NOTE + " Ticket " + (i % 25) + ".", 100));
        }
        List<String> first = run(42, requests);
        assertThat(run(42, requests)).isEqualTo(first);
        assertThat(run(43, requests)).isNotEqualTo(first);
        assertThat(first).contains("ok").anyMatch(outcome -> !outcome.equals("ok"));
    }

    @Test
    void aRetriedRequestGetsAFreshDrawAndEventuallySucceeds() {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.forTests()
                .withFaults(FaultRates.none().withServiceUnavailable(0.5), 3));
             BedrockRuntimeClient client = Bedrock.client(sandbox)) {
            // a cacheable request: a failed attempt must not have written the prompt cache
            ConverseRequest request = Bedrock.request(Bedrock.NOVA_PRO,
                    "You are a careful operations analyst. ".repeat(120), true, NOTE, 100);
            ConverseResponse answer = null;
            int attempts = 0;
            while (answer == null && attempts < 20) {
                attempts++;
                try {
                    answer = client.converse(request);
                } catch (ServiceUnavailableException e) {
                    assertThat(e.statusCode()).isEqualTo(503);
                }
            }
            assertThat(answer).isNotNull();
            assertThat(answer.usage().cacheWriteInputTokens()).isPositive();
            assertThat(answer.usage().cacheReadInputTokens()).isZero();

            List<RequestRecord> log = sandbox.requestLog();
            assertThat(log).hasSize(attempts);
            assertThat(log).extracting(RequestRecord::requestHash).containsOnly(log.get(0).requestHash());
            assertThat(sandbox.paidCallsByRequestHash()).containsExactly(Map.entry(log.get(0).requestHash(), 1L));
        }
    }

    @Test
    void theObservedRatesMatchTheConfiguredOnesOver2000Requests() {
        FaultRates rates = new FaultRates(0.05, 0.05, 0.03, 0.03, 0.02, 0.07); // 25 % in all
        int n = 2_000;
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.forTests().withFaults(rates, 2025));
             BedrockRuntimeClient client = Bedrock.client(sandbox)) {
            for (int i = 0; i < n; i++) {
                outcome(client, Bedrock.request(Bedrock.NOVA_MICRO, "", false, "Hello number " + i + ".", 20));
            }
            Map<String, Long> counts = sandbox.requestLog().stream()
                    .collect(Collectors.groupingBy(RequestRecord::outcome, Collectors.counting()));
            Function<String, Double> share = code -> counts.getOrDefault(code, 0L) / (double) n;

            // binomial standard deviation at 25 % over 2,000 is about 1 %; allow 3
            assertThat(1 - share.apply("ok")).isCloseTo(0.25, within(0.03));
            assertThat(share.apply("InternalServerException")).isCloseTo(0.05, within(0.015));
            assertThat(share.apply("ServiceUnavailableException")).isCloseTo(0.05, within(0.015));
            assertThat(share.apply("ModelTimeoutException")).isCloseTo(0.03, within(0.012));
            assertThat(share.apply("ModelErrorException")).isCloseTo(0.03, within(0.012));
            assertThat(share.apply("ModelNotReadyException")).isCloseTo(0.02, within(0.01));
            assertThat(share.apply("ThrottlingException")).isCloseTo(0.07, within(0.018));
            assertThat(sandbox.paidCalls()).isEqualTo(counts.get("ok"));
        }
    }

    @Test
    void defaultsInjectNoFaults() {
        assertThat(SandboxOptions.defaults().faults().isNone()).isTrue();
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.forTests());
             BedrockRuntimeClient client = Bedrock.client(sandbox)) {
            for (int i = 0; i < 200; i++) {
                client.converse(Bedrock.request(Bedrock.NOVA_MICRO, "", false, "Hello number " + i + ".", 20));
            }
            assertThat(sandbox.paidCalls()).isEqualTo(200);
        }
    }
}
