package dev.frontier.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frontier.cost.ModelPrice;
import dev.frontier.model.CallResult;
import dev.frontier.model.RunId;
import dev.frontier.run.flow.RunContext;
import dev.frontier.run.flow.RunProgress;
import dev.frontier.run.prepare.PreparedSuite;
import dev.frontier.run.prepare.Requests;
import dev.frontier.run.prepare.WorstCase;
import dev.frontier.results.RunResult;
import dev.frontier.results.RunStatus;
import dev.frontier.store.RunStore;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner with a fake model client and a real run store: no sandbox, no HTTP. */
class RunnerTest {

    private static final RunContext CONTEXT = new RunContext("test", "fake", "us-east-1", true);
    private static final RunId ID = new RunId("20261203-120000-0001");
    private static final int ITEMS = 5;

    @TempDir
    Path dir;
    private PreparedSuite suite;

    @BeforeEach
    void prepare() throws Exception {
        suite = TinySuite.prepare(dir, ITEMS);
    }

    private RunResult run(FakeModelClient client, Runner.Options options, RunProgress progress) throws Exception {
        try (RunStore store = RunStore.open(dir.resolve("store.db"))) {
            return new Runner(client, store, InstantSource.system(), progress).run(suite, ID, CONTEXT, options);
        }
    }

    private static Runner.Options resume() {
        return new Runner.Options(true, Optional.empty(), Duration.ZERO, "", Optional.empty());
    }

    private static RunResult.CandidateResult candidate(RunResult r, String id) {
        return r.candidates().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    private static RunResult.ItemOutput output(RunResult r, String item, String candidate) {
        return r.items().stream().filter(i -> i.id().equals(item)).findFirst().orElseThrow().outputs().get(candidate);
    }

    private BigDecimal cost(String model) {
        ModelPrice price = suite.catalog().find(model).orElseThrow();
        return price.cost(FakeModelClient.USAGE, ModelPrice.Mode.ON_DEMAND).usdOrNull();
    }

    @Test
    void everyItemIsAnsweredOnceByEveryCandidate() throws Exception {
        FakeModelClient client = new FakeModelClient(TinySuite::answer);
        RunResult r = run(client, Runner.Options.fresh(Optional.empty()), RunProgress.NONE);

        assertThat(client.calls()).isEqualTo(2 * ITEMS);
        assertThat(client.callsByRequest()).hasSize(2 * ITEMS).allSatisfy((request, n) -> assertThat(n).isOne());
        assertThat(r.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(r.calls().answers()).isEqualTo(2 * ITEMS);
        assertThat(r.calls().paid()).isEqualTo(2 * ITEMS);
        assertThat(r.calls().failed()).isZero();
        assertThat(r.calls().notRun()).isZero();
        assertThat(candidate(r, "micro").quality().orElseThrow().mean()).isEqualTo(1.0);
        assertThat(candidate(r, "lite").quality().orElseThrow().mean()).isEqualTo(0.0);
        assertThat(r.evalSpend().usd()).isEqualByComparingTo(
                cost(TinySuite.MICRO).add(cost(TinySuite.LITE)).multiply(BigDecimal.valueOf(ITEMS)));
        assertThat(output(r, "i3", "micro").text()).isEqualTo("WORD-03");
        assertThat(output(r, "i3", "lite").text()).isEqualTo("no idea");
        try (RunStore store = RunStore.open(dir.resolve("store.db"))) {
            assertThat(store.completedCalls(ID)).hasSize(2 * ITEMS);
            assertThat(store.run(ID).orElseThrow().status()).isEqualTo("completed");
        }
    }

    @Test
    void aFailedCallIsRecordedAndTheRunGoesOn() throws Exception {
        FakeModelClient client = new FakeModelClient(TinySuite::answer).failing(TinySuite.LITE, TinySuite.prompt(2),
                new CallResult.Failure("ModelErrorException", "the model broke", false, 3));
        RunResult r = run(client, Runner.Options.fresh(Optional.empty()), RunProgress.NONE);

        assertThat(r.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(r.calls().answers()).isEqualTo(2 * ITEMS);
        assertThat(r.calls().failed()).isOne();
        assertThat(r.calls().unanswered()).isZero();
        assertThat(candidate(r, "lite").failedCalls()).isOne();
        assertThat(candidate(r, "micro").failedCalls()).isZero();
        assertThat(output(r, "i2", "lite").error()).isEqualTo("ModelErrorException: the model broke");
        assertThat(output(r, "i2", "lite").scores()).containsEntry("exact-match", 0.0);
        // not a failure another round could cure: called once
        assertThat(client.calls(TinySuite.LITE, TinySuite.prompt(2))).isOne();
    }

    @Test
    void aThrottledCallIsCalledAgainInALaterRound() throws Exception {
        FakeModelClient client = new FakeModelClient(TinySuite::answer).throttling(TinySuite.MICRO,
                TinySuite.prompt(3), 1);
        List<Integer> rounds = Collections.synchronizedList(new ArrayList<>());
        RunResult r = run(client, Runner.Options.fresh(Optional.empty()), new RunProgress() {
            @Override
            public void callFinished(int done, int total, String candidateId, boolean failed, BigDecimal spent) {
            }

            @Override
            public void laterRound(int round, int calls, Duration pause) {
                rounds.add(round * 100 + calls);
            }
        });

        assertThat(rounds).containsExactly(201);   // round 2, one call
        assertThat(client.calls(TinySuite.MICRO, TinySuite.prompt(3))).isEqualTo(2);
        assertThat(r.calls().failed()).isZero();
        assertThat(r.calls().unanswered()).isZero();
        assertThat(output(r, "i3", "micro").text()).isEqualTo("WORD-03");
    }

    @Test
    void aCallThatCanNeverSucceedStopsTheRun() throws Exception {
        FakeModelClient client = new FakeModelClient(TinySuite::answer).failing(TinySuite.MICRO, TinySuite.prompt(1),
                new CallResult.Failure("AccessDeniedException", "no access to this model", false, 2));

        assertThatThrownBy(() -> run(client, Runner.Options.fresh(Optional.empty()), RunProgress.NONE))
                .isInstanceOf(Runner.Aborted.class)
                .hasMessageContaining("candidate 'micro' (model " + TinySuite.MICRO + ") in region us-east-1")
                .hasMessageContaining("AccessDeniedException: no access to this model")
                .hasMessageContaining("Model access");
        // the first call stopped the run: with one call at a time, no other was made
        assertThat(client.calls()).isOne();
        try (RunStore store = RunStore.open(dir.resolve("store.db"))) {
            assertThat(store.run(ID).orElseThrow().status()).isEqualTo("failed");
        }
    }

    @Test
    void theBudgetStopsTheCallsAndAResumeCallsOnlyTheRest() throws Exception {
        // with one call at a time, the calls made are those whose worst case fits on top of what the earlier cost
        BigDecimal limit = cost(TinySuite.MICRO).add(cost(TinySuite.LITE)).multiply(BigDecimal.valueOf(2))
                .add(worst(TinySuite.MICRO, 3)).add(new BigDecimal("0.000000001"));
        int expected = 0;
        int refused = 0;
        BigDecimal spent = BigDecimal.ZERO;
        for (int i = 1; i <= ITEMS; i++) {
            for (String model : List.of(TinySuite.MICRO, TinySuite.LITE)) {
                if (spent.add(worst(model, i)).compareTo(limit) > 0) {
                    refused++;
                } else {
                    spent = spent.add(cost(model));
                    expected++;
                }
            }
        }
        assertThat(expected).isEqualTo(5);
        assertThat(refused).isEqualTo(2 * ITEMS - expected);

        FakeModelClient client = new FakeModelClient(TinySuite::answer);
        RunResult first = run(client, Runner.Options.fresh(Optional.of(limit)), RunProgress.NONE);
        assertThat(first.status()).isEqualTo(RunStatus.BUDGET_EXHAUSTED);
        assertThat(client.calls()).isEqualTo(expected);
        assertThat(first.calls().answers()).isEqualTo(expected);
        assertThat(first.calls().notRun()).isEqualTo(refused);
        assertThat(first.evalSpend().usd()).isEqualByComparingTo(spent).isLessThanOrEqualTo(limit);

        RunResult resumed = run(client, resume(), RunProgress.NONE);
        assertThat(resumed.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(client.calls()).isEqualTo(2 * ITEMS);
        assertThat(client.callsByRequest()).allSatisfy((request, n) -> assertThat(n).isOne());
        assertThat(resumed.calls().resumed()).isEqualTo(expected);
        assertThat(resumed.calls().answers()).isEqualTo(2 * ITEMS);
        // what was paid before the resume still counts
        assertThat(resumed.evalSpend().usd()).isEqualByComparingTo(
                cost(TinySuite.MICRO).add(cost(TinySuite.LITE)).multiply(BigDecimal.valueOf(ITEMS)));
        assertThat(resumed.provenance().startedAt()).isEqualTo(first.provenance().startedAt());
    }

    @Test
    void aResumeOfACompleteRunCallsNothing() throws Exception {
        FakeModelClient client = new FakeModelClient(TinySuite::answer);
        RunResult first = run(client, Runner.Options.fresh(Optional.empty()), RunProgress.NONE);
        RunResult again = run(client, resume(), RunProgress.NONE);

        assertThat(client.calls()).isEqualTo(2 * ITEMS);
        assertThat(again.calls().resumed()).isEqualTo(2 * ITEMS);
        assertThat(again.candidates()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("evalSpend")
                .isEqualTo(first.candidates());
        assertThat(again.decision()).isEqualTo(first.decision());
    }

    private BigDecimal worst(String model, int item) {
        var c = suite.suite().candidates().stream().filter(x -> x.model().equals(model)).findFirst().orElseThrow();
        return WorstCase.cost(Requests.of(c, suite.dataset().items().get(item - 1)),
                suite.catalog().find(model).orElseThrow());
    }
}
