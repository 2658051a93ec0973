package dev.frontier.invoke;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.function.LongSupplier;

/**
 * Paces requests just below a requests-per-minute quota enforced over a sliding minute, as Bedrock's on-demand quotas
 * are (per account, model and Region; a request above the quota gets a 429 {@code ThrottlingException}). It keeps the
 * last minute's requests that were not throttled (an admitted one from its answer, one in flight from its send) and
 * lets a request go only while that minute
 * holds fewer than 98 % of the quota, and no sooner than an even share of the minute after the one before, so that
 * there is no burst for the service's window to refuse.
 *
 * <p>The quota is either known (the suite's {@code execution.requestsPerMinute}) or learned. A learning pacer sends
 * freely until {@value #IN_A_ROW} throttles in a row; they say the service's minute held as many requests as were
 * sent in the minute before the throttled one (and not throttled), so that count becomes the quota, less one for each
 * of those requests whose throttle arrives afterwards. A second lesson within a minute corrects the first; from the
 * third on (the quota fell while requests were admitted under the old one) each cuts deeper, by a tenth more each
 * time. After a calm spell with its minute full, the learned quota is probed upward every
 * {@value #PROBE_EVERY_SECONDS} seconds, by 2 % and then by twice the step before (up to 32 %), so that a quota
 * increase is found. A single throttle during a probe ends it: the quota goes back to the step before the last,
 * less 2 % (never below where the probe began), and the next probe waits twice as long as the last (one minute after
 * a lesson, doubling up to {@value #LONGEST_CALM_MINUTES} minutes), so that a quota that stays where it is costs a
 * throttle or two every few minutes rather than a stream of them. Throttles teach nothing while the pacer's minute
 * holds fewer than {@value #EVIDENCE} requests. A known quota is never exceeded. Thread-safe.
 */
public final class QuotaPacer {
    /** The share of the quota paced to: the margin absorbs the difference between send and arrival times. */
    static final double SHARE = 0.98;
    static final double PROBE_STEP = 0.02;
    static final long PROBE_EVERY_SECONDS = 5;
    /**
     * Requests the pacer's minute must hold for a throttle to teach a quota: fewer cannot explain one (another
     * client on the same quota, or a passing capacity shortage), and back-off alone answers those.
     */
    static final int EVIDENCE = 10;
    /**
     * Throttles in a row, with no request admitted between them, that show a full quota: once the minute holds the
     * quota every request is refused, where throttles of a passing capacity shortage come between admitted ones.
     */
    static final int IN_A_ROW = 3;
    /** The longest calm spell a probe waits for after probes that failed. */
    static final int LONGEST_CALM_MINUTES = 4;
    private static final long MINUTE = 60_000_000_000L;
    private static final long PROBE_EVERY = PROBE_EVERY_SECONDS * 1_000_000_000L;

    private final boolean learns;
    private final LongSupplier nanoTime;
    private final RateLimiter.Sleeper sleeper;
    /**
     * The requests of the last minute not known to be throttled, oldest first: an admitted request at the time its
     * answer came, one still unanswered at its send time (nanoTime). The service counts a request from when it
     * arrived, which lies between the two: counting an admitted one from its answer errs on the safe side, where its
     * send time would let the client's minute run ahead of the service's by however long requests took to arrive.
     */
    private final Deque<Long> sent = new ArrayDeque<>();
    /** Send times of the requests not yet answered, oldest first. */
    private final Deque<Long> inFlight = new ArrayDeque<>();
    /** The quota as known or learned, requests per sliding minute; infinite while a learning pacer knows nothing. */
    private double quota;
    private long next;
    private long generation;
    private long lastThrottle;
    private long lastChange;
    private int streak;
    private int inARow;
    private double step = PROBE_STEP;
    /** How long after the last throttle the next probe may start. */
    private long calm = MINUTE;
    /** The quota where the current probe began and before its last step; NaN when not probing. */
    private double probeBase = Double.NaN;
    private double beforeStep = Double.NaN;
    /** When the request that taught the last lesson was sent; the requests before it were counted as admitted. */
    private long lessonAt = Long.MIN_VALUE;

    private QuotaPacer(double quota, boolean learns, LongSupplier nanoTime, RateLimiter.Sleeper sleeper) {
        this.quota = quota;
        this.learns = learns;
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
        this.next = nanoTime.getAsLong();
        this.lastChange = next;
        this.lastThrottle = next - MINUTE;
    }

    /** A pacer for a quota of {@code requestsPerMinute}, which it never exceeds and does not learn. */
    public static QuotaPacer known(int requestsPerMinute, LongSupplier nanoTime, RateLimiter.Sleeper sleeper) {
        if (requestsPerMinute < 1) {
            throw new IllegalArgumentException("a requests-per-minute quota must be at least 1");
        }
        return new QuotaPacer(requestsPerMinute, false, nanoTime, sleeper);
    }

    /** A pacer that learns its quota from throttles; it does not hold requests back until the first one. */
    public static QuotaPacer learning(LongSupplier nanoTime, RateLimiter.Sleeper sleeper) {
        return new QuotaPacer(Double.POSITIVE_INFINITY, true, nanoTime, sleeper);
    }

    /** A request let go: give it back to {@link #throttled} if the service throttled it. */
    public record Permit(long sentAt, long generation) {
    }

    /** Waits until a request may go and returns its permit. */
    public Permit acquire() throws InterruptedException {
        while (true) {
            long wait;
            synchronized (this) {
                long now = nanoTime.getAsLong();
                while (!sent.isEmpty() && sent.peekFirst() <= now - MINUTE) {
                    sent.removeFirst();
                }
                while (!inFlight.isEmpty() && inFlight.peekFirst() <= now - MINUTE) {
                    inFlight.removeFirst(); // never answered (the call failed in the client): no longer in a minute
                }
                if (Double.isInfinite(quota)) {
                    sent.addLast(now);
                    inFlight.addLast(now);
                    return new Permit(now, generation);
                }
                probe(now);
                int limit = limit();
                wait = Math.max(next - now, sent.size() >= limit ? sent.peekFirst() + MINUTE - now : 0);
                if (wait <= 0) {
                    sent.addLast(now);
                    inFlight.addLast(now);
                    // a send a little late (a sleep overshoots) keeps the schedule, so the lateness does not add up
                    long interval = MINUTE / limit;
                    next = (next >= now - interval ? next : now) + interval;
                    return new Permit(now, generation);
                }
            }
            sleeper.sleepNanos(wait);
        }
    }

    /** The service throttled the request of {@code permit}: it took no place in the quota's minute. */
    public synchronized void throttled(Permit permit) {
        remove(inFlight, permit.sentAt());
        boolean counted = remove(sent, permit.sentAt());
        if (learns && counted && permit.generation() == generation - 1 && permit.sentAt() < lessonAt) {
            // counted in the last lesson as held by the service's minute, but refused after all
            quota = Math.max(1, quota - 1);
            return;
        }
        if (!learns || permit.generation() < generation) {
            return;   // sent before the last change: it says nothing new
        }
        long now = nanoTime.getAsLong();
        if (!Double.isNaN(probeBase)) {
            // a probe went past the quota: back to below the step before, and wait longer before the next
            quota = Math.max(probeBase, beforeStep / (1 + PROBE_STEP));
            calm = Math.min(LONGEST_CALM_MINUTES * MINUTE, 2 * calm);
            changed(now);
            return;
        }
        if (++inARow < IN_A_ROW || sent.size() < EVIDENCE) {
            return;   // not yet the pattern of a full quota, or too few requests to explain it
        }
        inARow = 0;
        streak = now - lastThrottle < MINUTE ? streak + 1 : 0;
        double bound = Math.min(quota, Math.max(1, heldBefore(permit.sentAt())));
        // a second lesson may only correct the first; from the third on the quota has fallen: cut deeper
        quota = Math.max(1, bound * Math.pow(0.9, Math.max(0, streak - 1)));
        calm = MINUTE;
        changed(now);
        lessonAt = permit.sentAt();
    }

    /**
     * The requests of the pacer's minute but those sent at or after {@code time} and not yet answered: what the
     * service's minute held when the request sent at {@code time} arrived.
     */
    private int heldBefore(long time) {
        int later = 0;
        for (Iterator<Long> i = inFlight.descendingIterator(); i.hasNext() && i.next() >= time; ) {
            later++;
        }
        return Math.max(0, sent.size() - later);
    }

    /** Removes {@code time} from {@code times}, searching from the newest; whether it was there. */
    private static boolean remove(Deque<Long> times, long time) {
        for (Iterator<Long> i = times.descendingIterator(); i.hasNext(); ) {
            if (i.next() == time) {
                i.remove();
                return true;
            }
        }
        return false;
    }

    private void changed(long now) {
        lastThrottle = now;
        lastChange = now;
        step = PROBE_STEP;
        probeBase = Double.NaN;
        beforeStep = Double.NaN;
        generation++;
    }

    /** The service admitted the request of {@code permit}: a run of throttles ends. */
    public synchronized void admitted(Permit permit) {
        remove(inFlight, permit.sentAt());
        if (remove(sent, permit.sentAt())) {
            sent.addLast(nanoTime.getAsLong()); // every time kept is earlier: the order holds
        }
        if (permit.generation() == generation) {
            inARow = 0;
        }
    }

    /** The quota known or learned so far, requests per minute; infinite when nothing is known yet. */
    public synchronized double quota() {
        return quota;
    }

    private int limit() {
        return Math.max(1, (int) Math.floor(quota * SHARE));
    }

    /** After a calm spell with its minute full, a learning pacer raises its quota every few seconds. */
    private void probe(long now) {
        if (learns && now - lastThrottle >= calm && now - lastChange >= PROBE_EVERY
                && sent.size() >= limit() - 1) {
            if (Double.isNaN(probeBase)) {
                probeBase = quota;
            }
            beforeStep = quota;
            quota = quota * (1 + step);
            step = Math.min(16 * PROBE_STEP, step * 2);   // 2 %, 4 %, 8 %, ... up to 32 % a step
            lastChange = now;
        }
    }
}
