package dev.frontier.sandbox;

import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SandboxOptionsTest {

    @Test
    void defaultsAreRealTimeOnAnyPort() {
        SandboxOptions options = SandboxOptions.defaults();
        assertThat(options.port()).isZero();
        assertThat(options.timeScale()).isEqualTo(1.0);
        assertThat(options.workerThreads()).isPositive();
        assertThat(SandboxOptions.forTests().timeScale()).isZero();
    }

    @Test
    void badValuesAreRejectedWithExactMessages() {
        assertThatThrownBy(() -> SandboxOptions.defaults().withPort(70_000))
                .hasMessage("port must be between 0 and 65535: 70000");
        assertThatThrownBy(() -> SandboxOptions.defaults().withTimeScale(-1))
                .hasMessage("timeScale must be a finite number >= 0: -1.0");
        assertThatThrownBy(() -> SandboxOptions.defaults().withTimeScale(Double.NaN))
                .hasMessage("timeScale must be a finite number >= 0: NaN");
        assertThatThrownBy(() -> SandboxOptions.defaults().withWorkerThreads(0))
                .hasMessage("workerThreads must be at least 1: 0");
        assertThatThrownBy(() -> new SandboxOptions(0, 0, null, 1)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void defaultsHaveNoQuotasNoFaultsAndNoLogFile() {
        for (SandboxOptions options : List.of(SandboxOptions.defaults(), SandboxOptions.forTests(),
                new SandboxOptions(0, 0, InstantSource.system(), 2))) {
            assertThat(options.quotas()).isEmpty();
            assertThat(options.quotaFor(Bedrock.SONNET_BASE)).isEqualTo(Quota.UNLIMITED);
            assertThat(options.faults()).isEqualTo(FaultRates.none());
            assertThat(options.faults().isNone()).isTrue();
            assertThat(options.latency()).isEqualTo(LatencyModel.logNormal());
            assertThat(options.requestLogFile()).isNull();
        }
    }

    @Test
    void quotasAreKeyedByBaseModelWithAStarForTheRest() {
        SandboxOptions options = SandboxOptions.defaults()
                .withQuota("*", 100, 50_000)
                .withQuota("us." + Bedrock.SONNET_BASE, 10, 2_000)
                .withQuota("arn:aws:bedrock:us-east-1::foundation-model/" + Bedrock.NOVA_LITE, 5, 0);
        assertThat(options.quotas()).containsOnlyKeys("*", Bedrock.SONNET_BASE, Bedrock.NOVA_LITE);
        assertThat(options.quotaFor(Bedrock.SONNET_BASE)).isEqualTo(new Quota(10, 2_000));
        assertThat(options.quotaFor(Bedrock.NOVA_LITE)).isEqualTo(new Quota(5, 0));
        assertThat(options.quotaFor(Bedrock.LLAMA_8B)).isEqualTo(new Quota(100, 50_000));
        assertThat(options.withQuota(Bedrock.SONNET_BASE, 20, 0).quotaFor(Bedrock.SONNET_BASE)).isEqualTo(new Quota(20, 0));
        assertThat(options.withoutQuotas().quotas()).isEmpty();
        assertThat(options.quotas()).isUnmodifiable();
    }

    @Test
    void badQuotasFaultsLatenciesAndLogFilesAreRejectedWithExactMessages() {
        SandboxOptions options = SandboxOptions.defaults();
        assertThatThrownBy(() -> options.withQuota("gpt-4", 1, 1))
                .hasMessage("quota model id must be \"*\" or a sandbox model id: gpt-4");
        assertThatThrownBy(() -> options.withQuota("*", -1, 0))
                .hasMessage("requestsPerMinute must be >= 0 (0 for no limit): -1");
        assertThatThrownBy(() -> options.withQuota("*", 0, -5))
                .hasMessage("tokensPerMinute must be >= 0 (0 for no limit): -5");
        assertThatThrownBy(() -> options.withQuota(null, 1, 1)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new SandboxOptions(0, 0, InstantSource.system(), 1,
                Map.of("us." + Bedrock.SONNET_BASE, new Quota(1, 1)), FaultRates.none(), 0, LatencyModel.logNormal(), null, false, null, java.time.Duration.ZERO))
                .hasMessage("quota model id must be \"*\" or a sandbox base model id: us." + Bedrock.SONNET_BASE);

        assertThatThrownBy(() -> FaultRates.none().withModelTimeout(1.5))
                .hasMessage("modelTimeout rate must be between 0 and 1: 1.5");
        assertThatThrownBy(() -> FaultRates.none().withThrottling(-0.1))
                .hasMessage("throttling rate must be between 0 and 1: -0.1");
        assertThatThrownBy(() -> FaultRates.none().withInternalServer(Double.NaN))
                .hasMessage("internalServer rate must be between 0 and 1: NaN");
        assertThatThrownBy(() -> FaultRates.none().withServiceUnavailable(0.5).withModelError(0.75))
                .hasMessage("fault rates must add up to at most 1: 1.25");
        assertThatThrownBy(() -> options.withFaults(null, 1)).isInstanceOf(NullPointerException.class);

        assertThatThrownBy(() -> LatencyModel.logNormal(-1))
                .hasMessage("latency multiplier must be a finite number >= 0: -1.0");
        assertThatThrownBy(() -> LatencyModel.logNormal(Double.POSITIVE_INFINITY))
                .hasMessage("latency multiplier must be a finite number >= 0: Infinity");
        assertThatThrownBy(() -> LatencyModel.fixed(-5)).hasMessage("fixed latency must be >= 0 ms: -5");
        assertThatThrownBy(() -> options.withLatency(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> options.withRequestLog(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void theNewSettingsAreKept() {
        FaultRates rates = FaultRates.none().withModelNotReady(0.1).withThrottling(0.2);
        SandboxOptions options = SandboxOptions.forTests()
                .withFaults(rates, 99)
                .withLatency(LatencyModel.fixed(10))
                .withRequestLog(Path.of("requests.jsonl"))
                .withPort(0);
        assertThat(options.faults()).isEqualTo(rates);
        assertThat(rates.total()).isCloseTo(0.3, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(options.faultSeed()).isEqualTo(99);
        assertThat(options.latency()).isEqualTo(LatencyModel.fixed(10));
        assertThat(options.requestLogFile()).isEqualTo(Path.of("requests.jsonl"));
        assertThat(options.timeScale()).isZero();
    }

    @Test
    void aFixedPortIsUsedAndABusyPortIsReported() {
        try (Sandbox first = Sandbox.start(SandboxOptions.forTests())) {
            int port = first.endpoint().getPort();
            assertThatThrownBy(() -> Sandbox.start(SandboxOptions.forTests().withPort(port)))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageStartingWith("cannot listen on 127.0.0.1:" + port);
        }
    }

    @Test
    void theClockIsTheOneGiven() {
        InstantSource clock = InstantSource.system();
        assertThat(SandboxOptions.defaults().withClock(clock).clock()).isSameAs(clock);
    }
}
