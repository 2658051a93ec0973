package dev.frontier.run.execute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontier.cost.ModelPrice;
import dev.frontier.invoke.BudgetGuard;
import dev.frontier.model.CallResult;
import dev.frontier.model.Cost;
import dev.frontier.model.RunId;
import dev.frontier.model.Score;
import dev.frontier.run.FakeModelClient;
import dev.frontier.run.TinySuite;
import dev.frontier.run.flow.Answer;
import dev.frontier.run.flow.AnswerTable;
import dev.frontier.run.flow.RunProgress;
import dev.frontier.run.flow.Source;
import dev.frontier.run.prepare.PreparedSuite;
import dev.frontier.store.CallSource;
import dev.frontier.store.RunStore;
import dev.frontier.results.AnswerSource;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The execution stage alone, with a fake model client: the answer table it leaves, and the response cache. */
class CandidateExecutionTest {

    private static final int ITEMS = 4;

    @TempDir
    Path dir;

    private static CandidateExecution execution(FakeModelClient client, RunStore store) {
        return new CandidateExecution(client, store, InstantSource.system(), RunProgress.NONE, null, () -> false);
    }

    private static void begin(RunStore store, PreparedSuite p, RunId id) {
        store.beginRun(id, p.suite().name(), "2026-12-03T12:00:00Z", p.suite().sha256(), p.dataset().sha256());
    }

    @Test
    void theAnswerTableHoldsEveryPricedAndScoredAnswer() throws Exception {
        PreparedSuite p = TinySuite.prepare(dir, ITEMS);
        FakeModelClient client = new FakeModelClient(TinySuite::answer);
        RunId id = new RunId("20261203-120000-0002");
        try (RunStore store = RunStore.open(dir.resolve("store.db"))) {
            begin(store, p, id);
            CachedResponses noCache = new CachedResponses(Optional.empty(), Duration.ZERO, "", InstantSource.system());
            CandidateExecution.Executed done = execution(client, store).run(p, id, "", noCache,
                    BudgetGuard.unlimited(), Map.of());

            assertThat(done.fatal()).isEmpty();
            assertThat(done.batchRefused()).isFalse();
            assertThat(done.cacheMisses()).isZero();
            assertThat(done.modes()).containsOnlyKeys("micro", "lite")
                    .allSatisfy((c, mode) -> assertThat(mode.mode()).isEqualTo(AnswerSource.ON_DEMAND));
            AnswerTable table = done.answers();
            assertThat(table.size()).isEqualTo(2 * ITEMS);
            Cost micro = p.catalog().find(TinySuite.MICRO).orElseThrow()
                    .cost(FakeModelClient.USAGE, ModelPrice.Mode.ON_DEMAND);
            for (int i = 1; i <= ITEMS; i++) {
                Answer right = table.find("micro", "i" + i).orElseThrow();
                assertThat(right.result()).isInstanceOf(CallResult.Completion.class);
                assertThat(((CallResult.Completion) right.result()).text()).isEqualTo(TinySuite.prompt(i).toUpperCase());
                assertThat(right.source()).isEqualTo(Source.CALLED);
                assertThat(right.cost()).isEqualTo(micro);
                assertThat(right.scores()).containsOnlyKeys("exact-match");
                assertThat(((Score.Value) right.scores().get("exact-match")).value()).isEqualTo(1.0);
                Answer wrong = table.find("lite", "i" + i).orElseThrow();
                assertThat(((Score.Value) wrong.scores().get("exact-match")).value()).isEqualTo(0.0);
            }
            assertThat(store.completedCalls(id)).hasSize(2 * ITEMS);
        }
    }

    @Test
    void aRequestTheResponseCacheAnswersIsNotCalledAgain() throws Exception {
        PreparedSuite p = TinySuite.prepare(dir, ITEMS);
        FakeModelClient client = new FakeModelClient(TinySuite::answer);
        try (RunStore store = RunStore.open(dir.resolve("store.db"))) {
            CachedResponses cache = new CachedResponses(Optional.of(new StoreResponseCache(store)), Duration.ofDays(1),
                    "fake", InstantSource.system());
            RunId first = new RunId("20261203-120000-0003");
            begin(store, p, first);
            CandidateExecution.Executed filled = execution(client, store).run(p, first, "", cache,
                    BudgetGuard.unlimited(), Map.of());
            assertThat(filled.cacheMisses()).isEqualTo(2 * ITEMS);

            RunId second = new RunId("20261203-120000-0004");
            begin(store, p, second);
            CandidateExecution.Executed hit = execution(client, store).run(p, second, "", cache,
                    BudgetGuard.unlimited(), Map.of());
            assertThat(client.calls()).isEqualTo(2 * ITEMS);
            assertThat(hit.cacheMisses()).isZero();
            assertThat(hit.answers().of("micro").values()).hasSize(ITEMS)
                    .allSatisfy(a -> assertThat(a.source()).isEqualTo(Source.CACHED))
                    .allSatisfy(a -> assertThat(a.paid()).isEqualTo(Cost.ZERO));
            assertThat(store.completedCalls(second).values()).hasSize(2 * ITEMS)
                    .allSatisfy(c -> assertThat(c.source()).isEqualTo(CallSource.CACHED));
        }
    }

    @Test
    void aRescoreTakesTheStoredOutputsAndCallsNothing() throws Exception {
        PreparedSuite p = TinySuite.prepare(dir, ITEMS);
        FakeModelClient client = new FakeModelClient(TinySuite::answer);
        try (RunStore store = RunStore.open(dir.resolve("store.db"))) {
            RunId parent = new RunId("20261203-120000-0005");
            begin(store, p, parent);
            CachedResponses noCache = new CachedResponses(Optional.empty(), Duration.ZERO, "", InstantSource.system());
            execution(client, store).run(p, parent, "", noCache, BudgetGuard.unlimited(), Map.of());
            Map<RunStore.CallKey, RunStore.StoredCall> stored = new java.util.HashMap<>(store.completedCalls(parent));
            stored.remove(new RunStore.CallKey("lite", "i2"));

            RunId id = new RunId("20261203-120000-0006");
            begin(store, p, id);
            AnswerTable table = execution(client, store).stored(p, id, parent, stored);
            assertThat(client.calls()).isEqualTo(2 * ITEMS);
            assertThat(table.size()).isEqualTo(2 * ITEMS);
            assertThat(table.find("micro", "i1").orElseThrow().source()).isEqualTo(Source.STORED);
            Answer missing = table.find("lite", "i2").orElseThrow();
            assertThat(((CallResult.Failure) missing.result()).errorCode()).isEqualTo("NoStoredOutput");
            assertThat(missing.scores()).containsEntry("exact-match", new Score.Value(0.0, "call failed: NoStoredOutput"));
        }
    }
}
