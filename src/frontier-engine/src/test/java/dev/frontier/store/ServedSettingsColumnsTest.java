package dev.frontier.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontier.model.CallResult;
import dev.frontier.model.RunId;
import dev.frontier.model.TokenUsage;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tier and latency configuration an answer named, kept with each call and cached answer; older stores migrate. */
class ServedSettingsColumnsTest {

    private static final RunId RUN = new RunId("20261203-180000-abcd");

    @TempDir
    Path dir;

    private static CallResult.Completion served(String tier, String latency) {
        return new CallResult.Completion("label", "end_turn", new TokenUsage(10, 2, 0, 0), 12, 13, "", "", tier,
                latency);
    }

    @Test
    void theServedTierAndLatencySurviveReopenAndTheCache() {
        Path file = dir.resolve("frontier.db");
        try (RunStore store = RunStore.open(file)) {
            store.beginRun(RUN, "demo", "t0", "s", "d");
            store.recordCall(RUN, "pro-flex", "i1", "amazon.nova-pro-v1:0", served("flex", "standard"),
                    new BigDecimal("0.0001"), Map.of(), CallSource.CALLED);
            store.cacheResponse("k", served("priority", "optimized"), 1_000);
        }
        try (RunStore store = RunStore.open(file)) {
            CallResult.Completion c = store.completedCalls(RUN).get(new RunStore.CallKey("pro-flex", "i1"))
                    .completion();
            assertThat(c.serviceTier()).isEqualTo("flex");
            assertThat(c.performance()).isEqualTo("standard");
            assertThat(store.cachedResponse("k", 0)).hasValueSatisfying(x -> {
                assertThat(x.serviceTier()).isEqualTo("priority");
                assertThat(x.performance()).isEqualTo("optimized");
            });
        }
    }

    @Test
    void aVersion5StoreGainsTheColumnsAndItsAnswersSayNothingOfTheirTier() throws Exception {
        Path file = dir.resolve("v5.db");
        try (RunStore store = RunStore.open(file)) {
            store.beginRun(RUN, "demo", "t0", "s", "d");
            store.recordCall(RUN, "pro", "i1", "amazon.nova-pro-v1:0", served("", ""), BigDecimal.ONE, Map.of(),
                    CallSource.CALLED);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("PRAGMA foreign_keys=OFF");
            for (String table : new String[] {"calls", "response_cache"}) {
                s.execute("ALTER TABLE " + table + " DROP COLUMN service_tier");
                s.execute("ALTER TABLE " + table + " DROP COLUMN performance");
            }
            s.execute("UPDATE meta SET value = '5' WHERE key = 'schema_version'");
        }
        try (RunStore store = RunStore.open(file)) {
            CallResult.Completion old = store.completedCalls(RUN).get(new RunStore.CallKey("pro", "i1")).completion();
            assertThat(old.serviceTier()).isEmpty();
            store.recordCall(RUN, "pro-flex", "i1", "amazon.nova-pro-v1:0", served("flex", "standard"),
                    BigDecimal.ONE, Map.of(), CallSource.CALLED);
            assertThat(store.completedCalls(RUN).get(new RunStore.CallKey("pro-flex", "i1")).completion()
                    .serviceTier()).isEqualTo("flex");
        }
    }
}
