package dev.frontier.run.execute;

import dev.frontier.model.RunId;
import dev.frontier.store.RunStore;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongPredicate;

/**
 * One writer per run: the lease a process holds in the run store while it writes a run ({@code run},
 * {@code run --resume}, {@code rescore}), renewed by a heartbeat and given up when it ends. A second writer of the
 * same run is refused ({@link Held}) with the holder named. A lease is stale, and can be taken over, when its holder
 * is a process of this host that no longer exists, or when its heartbeat is older than the timeout (a holder on
 * another host, or one that hangs); taking one over is reported.
 */
public final class WriterLease implements AutoCloseable {

    /** How long a lease lives without a heartbeat. */
    public static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Duration HEARTBEAT = Duration.ofSeconds(10);

    private final RunStore store;
    private final RunId run;
    private final Owner owner;
    private final InstantSource clock;
    private final ScheduledExecutorService heartbeat;
    private volatile boolean lost;
    private boolean closed;

    /**
     * The process that writes.
     *
     * @param id   random, new for each process
     * @param host this host's name
     * @param pid  this process's id
     */
    public record Owner(String id, String host, long pid) {
    }

    /** The run has a live writer. */
    public static final class Held extends RuntimeException {
        private final transient RunStore.Lease holder;

        Held(RunId run, RunStore.Lease holder) {
            super("run " + run + " is being written by another process: pid " + holder.pid() + " on host "
                    + holder.host() + ", since " + holder.since() + " (last heartbeat " + holder.heartbeat()
                    + "); wait for it to end. If that process is gone, its lease expires " + TIMEOUT.toSeconds()
                    + " s after its last heartbeat and the run can then be resumed", null, false, false);
            this.holder = holder;
        }

        public RunStore.Lease holder() {
            return holder;
        }
    }

    private WriterLease(RunStore store, RunId run, Owner owner, InstantSource clock) {
        this.store = store;
        this.run = run;
        this.owner = owner;
        this.clock = clock;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "frontier-lease");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Takes the lease of {@code run}, taking over a stale one.
     *
     * @param alive    whether a process of this host with that id exists
     * @param takeover told, when a stale lease was taken over, what happened to its holder
     * @throws Held when another live process holds it
     */
    public static WriterLease take(RunStore store, RunId run, Owner owner, InstantSource clock, LongPredicate alive,
                                   java.util.function.Consumer<String> takeover) {
        Instant now = clock.instant();
        RunStore.Lease mine = new RunStore.Lease(owner.id(), owner.host(), owner.pid(), now.toString(),
                now.toString());
        RunStore.LeaseResult result = store.takeLease(run, mine, l -> stale(l, owner, now, alive).isPresent());
        if (!result.granted()) {
            throw new Held(run, result.previous().orElseThrow());
        }
        result.previous().ifPresent(l -> takeover.accept("took over run " + run + " from pid " + l.pid()
                + " on host " + l.host() + " (writing since " + l.since() + "): "
                + stale(l, owner, now, alive).orElse("its lease was stale")));
        WriterLease lease = new WriterLease(store, run, owner, clock);
        lease.heartbeat.scheduleWithFixedDelay(lease::renew, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(),
                TimeUnit.MILLISECONDS);
        return lease;
    }

    /** Why {@code lease} is stale, or empty when its holder may still be writing. */
    static Optional<String> stale(RunStore.Lease lease, Owner me, Instant now, LongPredicate alive) {
        if (lease.host().equals(me.host()) && lease.pid() != me.pid() && !alive.test(lease.pid())) {
            return Optional.of("that process no longer exists");
        }
        Instant beat;
        try {
            beat = Instant.parse(lease.heartbeat());
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.of("its heartbeat '" + lease.heartbeat() + "' is not a time");
        }
        if (beat.plus(TIMEOUT).isBefore(now)) {
            return Optional.of("its last heartbeat was at " + lease.heartbeat() + ", more than "
                    + TIMEOUT.toSeconds() + " s ago");
        }
        return Optional.empty();
    }

    private void renew() {
        try {
            if (!store.renewLease(run, owner.id(), clock.instant().toString())) {
                lost = true;
            }
        } catch (RunStore.StoreException e) {
            // a busy store skips one beat; the lease lives for several
        }
    }

    /** Whether another process took the lease over (this one stopped renewing it in time). */
    public boolean lost() {
        return lost;
    }

    /** Stops the heartbeat and gives the lease up. Idempotent; call it before the store is closed. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        heartbeat.shutdownNow();
        try {
            heartbeat.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        store.releaseLease(run, owner.id());
    }
}
