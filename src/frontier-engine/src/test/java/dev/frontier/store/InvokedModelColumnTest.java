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

/** The model a prompt router chose, kept with each call and cached answer, and the migration of older stores. */
class InvokedModelColumnTest {

    private static final RunId RUN = new RunId("20261203-140000-abcd");
    private static final String ROUTER = "arn:aws:bedrock:us-east-1:123456789012:default-prompt-router/amazon.nova:1";
    private static final String LITE = "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0";

    @TempDir
    Path dir;

    @Test
    void aRoutedCallAndACachedAnswerKeepTheServedModelAcrossReopen() {
        Path file = dir.resolve("frontier.db");
        try (RunStore store = RunStore.open(file)) {
            store.beginRun(RUN, "demo", "t0", "s", "d");
            store.recordCall(RUN, "router", "i1", ROUTER, routed("a"), new BigDecimal("0.0001"),
                    Map.of("exact", new Score.Value(1, "")), CallSource.CALLED);
            store.recordCall(RUN, "lite", "i1", "amazon.nova-lite-v1:0", plain("b"), new BigDecimal("0.0001"),
                    Map.of("exact", new Score.Value(1, "")), CallSource.CALLED);
            store.cacheResponse("k", routed("c"), 1_000);
        }
        try (RunStore store = RunStore.open(file)) {
            Map<RunStore.CallKey, RunStore.StoredCall> calls = store.completedCalls(RUN);
            assertThat(calls.get(new RunStore.CallKey("router", "i1")).completion().invokedModelId()).isEqualTo(LITE);
            assertThat(calls.get(new RunStore.CallKey("lite", "i1")).completion().invokedModelId()).isEmpty();
            assertThat(store.cachedResponse("k", 0)).hasValueSatisfying(c ->
                    assertThat(c.invokedModelId()).isEqualTo(LITE));
        }
    }

    @Test
    void aVersion4StoreGainsTheColumnsAndItsAnswersReadAsNotRouted() throws Exception {
        Path file = dir.resolve("v4.db");
        try (RunStore store = RunStore.open(file)) {
            store.beginRun(RUN, "demo", "t0", "s", "d");
        }
        // rebuilt as a version 4 store wrote them: the same tables without the column
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("PRAGMA foreign_keys=OFF");
            s.execute("ALTER TABLE calls DROP COLUMN invoked_model_id");
            s.execute("ALTER TABLE response_cache DROP COLUMN invoked_model_id");
            s.execute("INSERT INTO calls(run_id, candidate_id, item_id, model_id, output, stop_reason, input_tokens, "
                    + "output_tokens, cache_read_tokens, cache_write_tokens, latency_ms, client_latency_ms, cost_usd, "
                    + "source) VALUES ('" + RUN.value() + "', 'lite', 'i1', 'm', 'old', 'end_turn', 1, 2, 0, 0, 5, 6, "
                    + "'0.1', 'called')");
            s.execute("INSERT INTO response_cache(cache_key, output, stop_reason, input_tokens, output_tokens, "
                    + "cache_read_tokens, cache_write_tokens, latency_ms, stored_at_ms) "
                    + "VALUES ('k', 'old', 'end_turn', 1, 2, 0, 0, 5, 10)");
            s.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'");
        }
        assertThat(columns(file, "calls")).doesNotContain("invoked_model_id");
        try (RunStore store = RunStore.open(file)) {
            RunStore.StoredCall old = store.completedCalls(RUN).get(new RunStore.CallKey("lite", "i1"));
            assertThat(old.completion().text()).isEqualTo("old");
            assertThat(old.completion().invokedModelId()).isEmpty();
            assertThat(store.cachedResponse("k", 0)).hasValueSatisfying(c -> assertThat(c.routed()).isFalse());
            store.recordCall(RUN, "router", "i1", ROUTER, routed("new"), BigDecimal.ONE, Map.of(),
                    CallSource.CALLED);
            assertThat(store.completedCalls(RUN).get(new RunStore.CallKey("router", "i1")).completion()
                    .invokedModelId()).isEqualTo(LITE);
        }
        assertThat(columns(file, "calls")).contains("invoked_model_id");
        assertThat(columns(file, "response_cache")).contains("invoked_model_id");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT value FROM meta WHERE key = 'schema_version'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("6");
        }
    }

    private static CallResult.Completion routed(String text) {
        return new CallResult.Completion(text, "end_turn", new TokenUsage(10, 2, 0, 0), 12, 13, "", LITE);
    }

    private static CallResult.Completion plain(String text) {
        return new CallResult.Completion(text, "end_turn", new TokenUsage(10, 2, 0, 0), 12, 13, "");
    }

    private static String columns(Path file, String table) throws Exception {
        StringBuilder out = new StringBuilder();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA table_info(" + table + ")")) {
            while (rs.next()) {
                out.append(rs.getString("name")).append(' ');
            }
        }
        return out.toString();
    }
}
