package dev.frontier.invoke;

/**
 * An additive-increase / multiplicative-decrease limit on calls in flight: halved on a throttle, grown by one
 * after a full window of successes, never above the configured maximum nor below one. Thread-safe; callers
 * block in {@link #acquire()} while the limit is reached.
 */
public final class AdaptiveLimit {
    private final int max;
    private double limit;
    private int inFlight;
    private long throttles;

    /**
     * @param max     the most calls in flight (the suite's concurrency)
     * @param initial the limit to start from, at most {@code max}
     */
    public AdaptiveLimit(int max, int initial) {
        if (max < 1 || initial < 1) {
            throw new IllegalArgumentException("limits must be at least 1");
        }
        this.max = max;
        this.limit = Math.min(max, initial);
    }

    /** Waits until a call may start. */
    public synchronized void acquire() throws InterruptedException {
        while (inFlight >= (int) limit) {
            wait();
        }
        inFlight++;
    }

    /** A call ended; {@code throttled} when the service said to slow down. */
    public synchronized void release(boolean throttled) {
        inFlight--;
        if (throttled) {
            throttles++;
            limit = Math.max(1, limit / 2);
        } else {
            limit = Math.min(max, limit + 1 / limit);
        }
        notifyAll();
    }

    /** Halves the limit (not below one), as a throttle does: before a round of calls that were throttled out. */
    public synchronized void lower() {
        limit = Math.max(1, limit / 2);
        notifyAll();
    }

    /** The current limit. */
    public synchronized int limit() {
        return (int) limit;
    }

    /** Throttles seen. */
    public synchronized long throttles() {
        return throttles;
    }
}
