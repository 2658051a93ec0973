package dev.frontier.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frontier.model.CallResult;
import dev.frontier.model.RunId;
import dev.frontier.model.Score;
import dev.frontier.model.TokenUsage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunStoreTest {

    @TempDir
    Path dir;

    @Test
    void recordsCallsWithScoresAndKeepsThemAcrossReopen() throws SQLException {
        Path db = dir.resolve("sub/frontier.db");
        RunId id = new RunId("20261127-120000-abcd");
        try (RunStore store = RunStore.open(db)) {
            store.beginRun(id, "demo", "2026-11-27T12:00:00Z", "s".repeat(64), "d".repeat(64));
            Map<String, Score> scores = new LinkedHashMap<>();
            scores.put("exact", new Score.Value(1.0, "matched"));
            scores.put("json", new Score.Failed("boom"));
            store.recordCall(id, "lite", "i1", "amazon.nova-lite-v1:0",
                    new CallResult.Completion("ok", "end_turn", new TokenUsage(10, 2, 3, 4), 120, 130, "req-1"),
                    new BigDecimal("0.0001"), scores, CallSource.CALLED);
            store.recordCall(id, "lite", "i2", "amazon.nova-lite-v1:0",
                    new CallResult.Failure("ThrottlingException", "slow down", true, 5), null,
                    Map.of("exact", new Score.Value(0, "call failed")), CallSource.CALLED);
            assertThat(store.callCount(id)).isEqualTo(2);
            // only the successful call is kept for a resume; the failed one is tried again
            assertThat(store.completedCalls(id)).containsOnlyKeys(new RunStore.CallKey("lite", "i1"));
            assertThat(store.completedCalls(id).values()).singleElement()
                    .satisfies(c -> assertThat(c.completion().usage()).isEqualTo(new TokenUsage(10, 2, 3, 4)));
            store.cacheResponse("k", new CallResult.Completion("cached", "end_turn", new TokenUsage(1, 2, 0, 0), 9,
                    0, ""), 1_000);
            assertThat(store.cachedResponse("k", 1_000)).hasValueSatisfying(c -> assertThat(c.text())
                    .isEqualTo("cached"));
            assertThat(store.cachedResponse("k", 1_001)).isEmpty(); // older than the TTL allows
            assertThat(store.cachedResponse("other", 0)).isEmpty();
        }
        try (RunStore store = RunStore.open(db)) {
            assertThat(store.callCount(id)).isEqualTo(2);
            assertThat(store.runs()).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo("running"));
            store.finishRun(id, "completed", "2026-11-27T12:01:00Z", "{\"schema\":\"x\"}");
            assertThat(store.resultsJson(id)).hasValue("{\"schema\":\"x\"}");
            assertThat(store.resultsJson(new RunId("20261127-120000-0000"))).isEmpty();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT value, failure FROM scores WHERE item_id = 'i1' ORDER BY scorer_id")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getDouble(1)).isEqualTo(1.0);
            assertThat(rs.next()).isTrue();
            assertThat(rs.getObject(1)).isNull();
            assertThat(rs.getString(2)).isEqualTo("boom");
        }
    }

    @Test
    void refusesAFileThatIsNotAStore() throws IOException {
        Path bogus = dir.resolve("bogus.db");
        Files.writeString(bogus, "this is not sqlite at all, just text that is long enough to be a header.....");
        assertThatThrownBy(() -> RunStore.open(bogus)).isInstanceOf(RunStore.NotAStore.class)
                .hasMessageContaining("not a frontier run store (not a SQLite database)");
        assertThat(Files.readString(bogus)).startsWith("this is not sqlite");
    }

    @Test
    void refusesAnotherProgramsSqliteFileWithoutTouchingIt() throws Exception {
        Path other = dir.resolve("photos.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + other); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, path TEXT)");
            s.execute("INSERT INTO photos(path) VALUES ('a.jpg')");
        }
        byte[] before = Files.readAllBytes(other);
        assertThatThrownBy(() -> RunStore.open(other)).isInstanceOf(RunStore.NotAStore.class)
                .hasMessageContaining("not a frontier run store (its tables: photos)");
        assertThat(Files.readAllBytes(other)).isEqualTo(before);
        assertThat(Files.exists(dir.resolve("photos.db-wal"))).isFalse();
    }

    @Test
    void marksItsStoresWithAnApplicationIdAndRefusesAnotherOne() throws Exception {
        Path mine = dir.resolve("mine.db");
        RunStore.open(mine).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + mine); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("PRAGMA application_id")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(0x46524E54);
            }
            s.execute("PRAGMA application_id = 42");
        }
        assertThatThrownBy(() -> RunStore.open(mine)).isInstanceOf(RunStore.NotAStore.class)
                .hasMessageContaining("application_id 0x0000002A");
    }

    @Test
    void aVersion2StoreIsMigratedAndKeepsItsRuns() throws SQLException {
        Path file = dir.resolve("v2.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
            s.execute("INSERT INTO meta VALUES ('schema_version', '2')");
            s.execute("CREATE TABLE runs (run_id TEXT PRIMARY KEY, suite TEXT NOT NULL, status TEXT NOT NULL, "
                    + "started_at TEXT NOT NULL, finished_at TEXT, suite_sha256 TEXT NOT NULL, "
                    + "dataset_sha256 TEXT NOT NULL, results_json TEXT)");
            s.execute("INSERT INTO runs VALUES ('20261101-100000-aaaa', 'old', 'completed', 't0', 't1', 'h', 'd', "
                    + "'{}')");
        }
        RunId old = new RunId("20261101-100000-aaaa");
        RunId child = new RunId("20261127-100000-bbbb");
        try (RunStore store = RunStore.open(file)) {
            assertThat(store.resultsJson(old)).hasValue("{}");
            assertThat(store.parent(old)).isEmpty();
            store.beginRun(child, "old", "t2", "h", "d");
            store.setParent(child, old);
            store.recordJudgeCall(child, new RunStore.JudgeCallKey("judge", "a", "i1", "m.judge", "ab", 0),
                    new CallResult.Completion("{\"winner\": \"A\"}", "end_turn", new TokenUsage(50, 9, 0, 0), 12, 13,
                            ""), new BigDecimal("0.0001"), CallSource.CALLED);
            store.recordJudgeCall(child, new RunStore.JudgeCallKey("judge", "a", "i1", "m.judge", "ba", 0),
                    new CallResult.Failure("ThrottlingException", "slow down", true, 3), null, CallSource.CALLED);
        }
        try (RunStore store = RunStore.open(file)) {
            assertThat(store.parent(child)).hasValue(old.value());
            assertThat(store.judgeCallCount(child)).isEqualTo(2);
            Map<RunStore.JudgeCallKey, RunStore.StoredCall> done = store.completedJudgeCalls(child);
            assertThat(done).hasSize(1);
            RunStore.JudgeCallKey key = done.keySet().iterator().next();
            assertThat(key.slot()).isEqualTo("ab");
            assertThat(done.get(key).completion().usage()).isEqualTo(new TokenUsage(50, 9, 0, 0));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA application_id")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).as("an older store gains the mark").isEqualTo(0x46524E54);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT value FROM meta WHERE key = 'schema_version'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("6");
        }
    }
}
