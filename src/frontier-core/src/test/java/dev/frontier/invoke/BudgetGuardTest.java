package dev.frontier.invoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BudgetGuardTest {

    @Test
    void aReservationThatDoesNotFitIsRefusedAndCounted() {
        BudgetGuard guard = new BudgetGuard(Optional.of(new BigDecimal("1.00")));
        assertThat(guard.reserve(new BigDecimal("0.60"))).isTrue();
        assertThat(guard.reserve(new BigDecimal("0.50"))).isFalse();
        assertThat(guard.refused()).isEqualTo(1);
        guard.settle(new BigDecimal("0.60"), new BigDecimal("0.20"));
        assertThat(guard.spent()).isEqualByComparingTo("0.20");
        assertThat(guard.reserve(new BigDecimal("0.80"))).isTrue();
    }

    @Test
    void reserveIfCoveredDoesNotCountARefusal() {
        BudgetGuard guard = new BudgetGuard(Optional.of(new BigDecimal("1.00")));
        assertThat(guard.reserveIfCovered(new BigDecimal("1.01"))).isFalse();
        assertThat(guard.refused()).isZero();
        assertThat(guard.reserveIfCovered(new BigDecimal("1.00"))).isTrue();
        assertThat(guard.reserve(new BigDecimal("0.01"))).isFalse();
        assertThat(guard.refused()).isEqualTo(1);
    }

    @Test
    void withoutALimitEverythingFits() {
        BudgetGuard guard = BudgetGuard.unlimited();
        assertThat(guard.reserveIfCovered(new BigDecimal("1000000"))).isTrue();
        assertThat(guard.reserve(new BigDecimal("1000000"))).isTrue();
        assertThat(guard.refused()).isZero();
    }
}
