package dev.frontier.run.execute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frontier.model.RunId;
import dev.frontier.store.RunStore;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One writer per run: a live holder refuses a second writer, a stale one is taken over and that is said. */
class WriterLeaseTest {

    @TempDir
    Path dir;

    private static final RunId RUN = new RunId("20261203-100000-1ea5");
    private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");
    private final List<String> notices = new ArrayList<>();

    private WriterLease take(RunStore store, WriterLease.Owner owner, Instant at, boolean holderAlive) {
        return WriterLease.take(store, RUN, owner, InstantSource.fixed(at), pid -> holderAlive, notices::add);
    }

    @Test
    void aSecondWriterIsRefusedWithTheHolderNamed() {
        try (RunStore store = RunStore.open(dir.resolve("s.db"))) {
            WriterLease first = take(store, new WriterLease.Owner("a", "box", 100), T0, true);
            assertThatThrownBy(() -> take(store, new WriterLease.Owner("b", "box", 200), T0.plusSeconds(5), true))
                    .isInstanceOf(WriterLease.Held.class)
                    .hasMessageContaining("run " + RUN + " is being written by another process: pid 100 on host box, "
                            + "since " + T0);
            // from another host, a holder whose heartbeat is recent is live too
            assertThatThrownBy(() -> take(store, new WriterLease.Owner("c", "other", 300), T0.plusSeconds(59), false))
                    .isInstanceOf(WriterLease.Held.class).hasMessageContaining("pid 100 on host box");
            first.close();
            first.close(); // idempotent
            WriterLease next = take(store, new WriterLease.Owner("b", "box", 200), T0.plusSeconds(6), true);
            assertThat(notices).isEmpty(); // a released lease is not a takeover
            next.close();
            assertThat(store.lease(RUN)).isEmpty();
        }
    }

    @Test
    void aLeaseOfADeadProcessOnThisHostIsTakenOverAndThatIsSaid() {
        try (RunStore store = RunStore.open(dir.resolve("s.db"))) {
            take(store, new WriterLease.Owner("a", "box", 100), T0, true); // killed: never closed
            try (WriterLease lease = take(store, new WriterLease.Owner("b", "box", 200), T0.plusSeconds(1), false)) {
                assertThat(notices).singleElement().asString().isEqualTo("took over run " + RUN + " from pid 100 on "
                        + "host box (writing since " + T0 + "): that process no longer exists");
                assertThat(store.lease(RUN)).hasValueSatisfying(l -> assertThat(l.pid()).isEqualTo(200));
                assertThat(lease.lost()).isFalse();
            }
        }
    }

    @Test
    void aLeaseWhoseHeartbeatExpiredIsTakenOverFromAnyHost() {
        try (RunStore store = RunStore.open(dir.resolve("s.db"))) {
            take(store, new WriterLease.Owner("a", "far", 100), T0, true);
            Instant later = T0.plus(WriterLease.TIMEOUT).plusSeconds(1);
            try (WriterLease lease = take(store, new WriterLease.Owner("b", "box", 200), later, true)) {
                assertThat(notices).singleElement().asString().contains("from pid 100 on host far")
                        .contains("its last heartbeat was at " + T0 + ", more than 60 s ago");
            }
        }
    }
}
