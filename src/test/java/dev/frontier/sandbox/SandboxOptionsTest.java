package dev.frontier.sandbox;

import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.time.InstantSource;

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
