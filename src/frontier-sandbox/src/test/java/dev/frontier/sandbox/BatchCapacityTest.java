package dev.frontier.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BatchCapacityTest {

    @Test
    void unlimitedProcessesEverything() {
        assertThat(BatchCapacity.UNLIMITED.processable(50_000, 24)).isEqualTo(50_000);
        assertThat(BatchCapacity.UNLIMITED.expires(24)).isFalse();
    }

    @Test
    void recordsThatDoNotFitBeforeTheTimeoutAreNotProcessed() {
        // 24 h - 2 h queued = 22 h at 5 records an hour
        assertThat(new BatchCapacity(2, 5).processable(122, 24)).isEqualTo(110);
        assertThat(new BatchCapacity(2, 5).processable(100, 24)).isEqualTo(100);
        assertThat(new BatchCapacity(0, 4).processable(122, 48)).isEqualTo(122);
    }

    @Test
    void aJobQueuedUntilItsTimeoutExpires() {
        assertThat(new BatchCapacity(24, 0).expires(24)).isTrue();
        assertThat(new BatchCapacity(24, 0).processable(122, 24)).isZero();
        assertThat(new BatchCapacity(23, 0).expires(24)).isFalse();
        assertThat(new BatchCapacity(24, 0).expires(48)).isFalse();
    }

    @Test
    void negativeSettingsAreRejected() {
        assertThatThrownBy(() -> new BatchCapacity(-1, 0)).hasMessage("queueHours must not be negative: -1");
        assertThatThrownBy(() -> new BatchCapacity(0, -3)).hasMessage("recordsPerHour must not be negative: -3");
    }
}
