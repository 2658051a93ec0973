package dev.frontier.invoke;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Keeps eval spend within a limit: before each call its worst-case cost is reserved, and the call is refused when
 * spent + reserved + worst case would pass the limit; afterwards the reservation is replaced by the actual cost.
 * Thread-safe.
 */
public final class BudgetGuard {
    private final Optional<BigDecimal> limit;
    private BigDecimal spent = BigDecimal.ZERO;
    private BigDecimal reserved = BigDecimal.ZERO;
    private int refused;

    public BudgetGuard(Optional<BigDecimal> limit) {
        this.limit = limit;
    }

    /** A guard that never refuses. */
    public static BudgetGuard unlimited() {
        return new BudgetGuard(Optional.empty());
    }

    /** Reserves {@code worstCase}; false (and nothing reserved) when it does not fit. */
    public synchronized boolean reserve(BigDecimal worstCase) {
        if (limit.isPresent() && spent.add(reserved).add(worstCase).compareTo(limit.get()) > 0) {
            refused++;
            return false;
        }
        reserved = reserved.add(worstCase);
        return true;
    }

    /**
     * Reserves {@code worstCase} when it fits, without counting a refusal when it does not: for work that has a
     * fallback whose calls are guarded one by one (a judge batch job whose requests can still be called on demand).
     */
    public synchronized boolean reserveIfCovered(BigDecimal worstCase) {
        if (limit.isPresent() && spent.add(reserved).add(worstCase).compareTo(limit.get()) > 0) {
            return false;
        }
        reserved = reserved.add(worstCase);
        return true;
    }

    /** Replaces a reservation by what the call really cost. */
    public synchronized void settle(BigDecimal reservation, BigDecimal actual) {
        reserved = reserved.subtract(reservation);
        spent = spent.add(actual);
    }

    public synchronized BigDecimal spent() {
        return spent;
    }

    /** Calls refused so far. */
    public synchronized int refused() {
        return refused;
    }

    public Optional<BigDecimal> limit() {
        return limit;
    }
}
