package dev.frontier.invoke;

import java.util.function.LongSupplier;

/**
 * A client-side per-minute limit (tokens) as a token bucket that may go into debt: a caller takes what it needs at
 * once and then waits until the debt is paid back. It refills at {@value #SHARE} of the limit and holds at most the
 * rest of a minute's allowance, so that no sliding minute takes more than the limit (a service quota measured over a
 * sliding minute throttles what a larger burst adds). Thread-safe.
 */
public final class RateLimiter {
    /** The share of the limit the bucket refills at; the rest of a minute's allowance is its burst. */
    static final double SHARE = 0.98;
    private final double perNano;
    private final double capacity;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private double available;
    private long last;

    /** Waits for a number of nanoseconds; tests pass one that only records. */
    @FunctionalInterface
    public interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;

        Sleeper REAL = nanos -> java.util.concurrent.TimeUnit.NANOSECONDS.sleep(nanos);
    }

    public RateLimiter(double perMinute, LongSupplier nanoTime, Sleeper sleeper) {
        if (!(perMinute > 0)) {
            throw new IllegalArgumentException("a rate limit must be positive");
        }
        this.perNano = SHARE * perMinute / 60e9;
        this.capacity = Math.max(1, (1 - SHARE) * perMinute);
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
        this.available = capacity;
        this.last = nanoTime.getAsLong();
    }

    /** Takes {@code amount} units, waiting as long as the rate requires. */
    public void acquire(double amount) throws InterruptedException {
        long waitNanos;
        synchronized (this) {
            long now = nanoTime.getAsLong();
            available = Math.min(capacity, available + (now - last) * perNano);
            last = now;
            available -= amount;
            waitNanos = available >= 0 ? 0 : (long) Math.ceil(-available / perNano);
        }
        if (waitNanos > 0) {
            sleeper.sleepNanos(waitNanos);
        }
    }
}
