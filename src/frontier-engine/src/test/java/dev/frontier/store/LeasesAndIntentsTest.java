package dev.frontier.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontier.model.CallResult;
import dev.frontier.model.RunId;
import dev.frontier.model.Score;
import dev.frontier.model.TokenUsage;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run store's writer leases and call intents (tables run_leases and call_intents, added in schema version 4). */
class LeasesAndIntentsTest {

    @TempDir
    Path dir;

    private static final RunId RUN = new RunId("20261203-100000-beef");

    private static RunStore.Lease lease(String owner, String host, long pid, String beat) {
        return new RunStore.Lease(owner, host, pid, "2026-12-03T10:00:00Z", beat);
    }

    @Test
    void aLeaseHasOneHolderUntilItIsReleasedOrStale() {
        try (RunStore a = RunStore.open(dir.resolve("s.db")); RunStore b = RunStore.open(dir.resolve("s.db"))) {
            RunStore.Lease first = lease("one", "h1", 11, "2026-12-03T10:00:00Z");
            RunStore.Lease second = lease("two", "h2", 22, "2026-12-03T10:00:05Z");
            assertThat(a.takeLease(RUN, first, l -> false)).isEqualTo(new RunStore.LeaseResult(true,
                    java.util.Optional.empty()));
            // the same owner again is granted; another one is refused and told who holds it
            assertThat(a.takeLease(RUN, first, l -> false).granted()).isTrue();
            RunStore.LeaseResult refused = b.takeLease(RUN, second, l -> false);
            assertThat(refused.granted()).isFalse();
            assertThat(refused.previous()).hasValue(first);
            // a renewal by a non-holder changes nothing
            assertThat(b.renewLease(RUN, "two", "2026-12-03T10:00:09Z")).isFalse();
            assertThat(a.renewLease(RUN, "one", "2026-12-03T10:00:10Z")).isTrue();
            // stale: taken over, and the previous holder is named
            RunStore.LeaseResult taken = b.takeLease(RUN, second, l -> l.owner().equals("one"));
            assertThat(taken.granted()).isTrue();
            assertThat(taken.previous()).hasValueSatisfying(l -> assertThat(l.heartbeat())
                    .isEqualTo("2026-12-03T10:00:10Z"));
            assertThat(a.renewLease(RUN, "one", "2026-12-03T10:00:20Z")).isFalse();
            a.releaseLease(RUN, "one"); // not the holder: nothing happens
            assertThat(b.lease(RUN)).hasValueSatisfying(l -> assertThat(l.owner()).isEqualTo("two"));
            b.releaseLease(RUN, "two");
            assertThat(b.lease(RUN)).isEmpty();
        }
    }

    @Test
    void anIntentIsSettledWithItsCallOrStaysPossiblyBilled() {
        try (RunStore store = RunStore.open(dir.resolve("s.db"))) {
            store.beginRun(RUN, "demo", "t0", "s", "d");
            long answered = store.recordIntent(RUN, intent("i1", "0.002"), "t1");
            long cutOff = store.recordIntent(RUN, intent("i2", "0.003"), "t1");
            store.recordIntent(RUN, intent("i3", "0.004"), "t1"); // never settled: the process died
            assertThat(store.possiblyBilled(RUN)).isEqualTo(new RunStore.PossiblyBilled(3, 0,
                    new BigDecimal("0.009")));
            store.settleCall(RUN, answered, new RunStore.CallRow("lite", "i1", "m", new CallResult.Completion("ok",
                    "end_turn", new TokenUsage(1, 1, 0, 0), 5, 6, ""), new BigDecimal("0.001"),
                    Map.of("exact", new Score.Value(1, "")), CallSource.CALLED), false);
            store.settleCall(RUN, cutOff, new RunStore.CallRow("lite", "i2", "m", new CallResult.Failure("NoResponse",
                    "timed out", false, 60_000), null, Map.of("exact", new Score.Value(0, "call failed")),
                    CallSource.CALLED), true);
            RunStore.PossiblyBilled left = store.possiblyBilled(RUN);
            assertThat(left.inFlight()).isEqualTo(1);
            assertThat(left.cutOff()).isEqualTo(1);
            assertThat(left.calls()).isEqualTo(2);
            assertThat(left.worstCase()).isEqualByComparingTo("0.007");
            assertThat(store.callCount(RUN)).isEqualTo(2);
            assertThat(store.possiblyBilled(new RunId("20261203-100000-0000"))).isEqualTo(
                    RunStore.PossiblyBilled.NONE);
        }
    }

    @Test
    void aVersion3StoreGainsTheTablesAndTheLatestVersion() throws Exception {
        Path file = dir.resolve("v3.db");
        try (RunStore store = RunStore.open(file)) {
            store.beginRun(RUN, "demo", "t0", "s", "d");
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("DROP TABLE run_leases");
            s.execute("DROP TABLE call_intents");
            s.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'");
        }
        try (RunStore store = RunStore.open(file)) {
            assertThat(store.run(RUN)).isPresent();
            assertThat(store.possiblyBilled(RUN)).isEqualTo(RunStore.PossiblyBilled.NONE);
            assertThat(store.takeLease(RUN, lease("x", "h", 1, "t"), l -> false).granted()).isTrue();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT value FROM meta WHERE key = 'schema_version'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("6");
        }
    }

    private static RunStore.Intent intent(String item, String worst) {
        return new RunStore.Intent("candidate", "lite", item, null, null, null, 0, "m", "key-" + item,
                new BigDecimal(worst));
    }
}
