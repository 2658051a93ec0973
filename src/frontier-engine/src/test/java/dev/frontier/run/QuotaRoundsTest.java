package dev.frontier.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontier.bedrock.BedrockConverseClient;
import dev.frontier.bedrock.BedrockSettings;
import dev.frontier.config.SuiteLoader;
import dev.frontier.cost.PriceCatalog;
import dev.frontier.invoke.AdaptiveLimit;
import dev.frontier.invoke.RateLimiter;
import dev.frontier.invoke.ResilientClient;
import dev.frontier.invoke.RetryPolicy;
import dev.frontier.model.RunId;
import dev.frontier.run.execute.CandidateExecution;
import dev.frontier.run.flow.RunContext;
import dev.frontier.run.flow.RunProgress;
import dev.frontier.run.prepare.PreparedSuite;
import dev.frontier.run.prepare.SuitePreparation;
import dev.frontier.sandbox.Sandbox;
import dev.frontier.sandbox.SandboxOptions;
import dev.frontier.score.ScorerRegistry;
import dev.frontier.results.RunResult;
import dev.frontier.store.RunStore;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A quota far below what the suite asks for: calls that exhaust their retries on throttling go to later rounds with
 * fewer calls in flight, every item is answered, and nothing is paid twice. The sandbox's clock runs 60 times faster
 * than real time, so its minute-long quota windows pass in a second.
 */
@Tag("e2e")
class QuotaRoundsTest {

    @TempDir
    Path dir;

    /** Real time, 60 times faster: a sandbox minute is a real second. */
    private static InstantSource fast() {
        Instant start = Instant.now();
        long origin = System.nanoTime();
        return () -> start.plusNanos((System.nanoTime() - origin) * 60);
    }

    private RunResult run(int rpm, int attempts, List<Integer> rounds) throws Exception {
        SuiteLoader.Loaded loaded = (SuiteLoader.Loaded) SuiteLoader.load(Path.of("eval-configs/smoke.yaml"));
        PreparedSuite prepared = ((SuitePreparation.Ready) SuitePreparation.prepare(loaded.suite(),
                PriceCatalog.bundled(), ScorerRegistry.standard())).suite();
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.forTests().withClock(fast())
                .withQuota(SandboxOptions.ALL_MODELS, rpm, 0));
             RunStore store = RunStore.open(dir.resolve("store-" + rpm + ".db"))) {
            BedrockConverseClient bedrock = BedrockConverseClient.create(new BedrockSettings(Optional.of("us-east-1"),
                    BedrockSettings.Endpoints.local(sandbox.endpoint(), Optional.empty()),
                    new BedrockSettings.Static("k", "s"), 1, Duration.ofSeconds(30), "frontier#test"));
            // a short back-off and few attempts, so that calls do run out of retries in the first round; the cap (the
            // later rounds' pause unit) is a sandbox minute, so that each later round finds the quota's window moved
            try (ResilientClient client = new ResilientClient(bedrock, new RetryPolicy(attempts, Duration.ofMillis(20),
                    Duration.ofSeconds(1)), new AdaptiveLimit(4, 4), Optional.empty(), Optional.empty(),
                    RateLimiter.Sleeper.REAL, 5)) {
                RunProgress progress = new RunProgress() {
                    @Override
                    public void callFinished(int done, int total, String candidateId, boolean failed,
                                             BigDecimal spent) {
                    }

                    @Override
                    public void laterRound(int round, int calls, Duration pause) {
                        rounds.add(calls);
                    }
                };
                RunResult r = new Runner(client, store, InstantSource.system(), progress).run(prepared,
                        new RunId("20261203-110000-" + String.format("%04d", rpm)),
                        new RunContext("test", "sandbox", "us-east-1", true), Runner.Options.fresh(Optional.empty()));
                // nothing is paid twice, whatever was throttled
                assertThat(sandbox.paidCallsByRequestHash().values()).allMatch(n -> n == 1);
                assertThat(sandbox.paidCalls()).isEqualTo(r.calls().answers() - r.calls().failed());
                return r;
            }
        }
    }

    @Test
    void throttledOutCallsGoToLaterRoundsUntilEveryItemIsAnswered() throws Exception {
        List<Integer> rounds = Collections.synchronizedList(new ArrayList<>());
        RunResult r = run(6, 3, rounds);
        assertThat(r.calls().answers()).isEqualTo(36);
        assertThat(r.calls().failed()).as("rounds %s, errors %s", rounds, r.items().stream()
                .flatMap(i -> i.outputs().values().stream()).map(RunResult.ItemOutput::error)
                .filter(e -> !e.isEmpty()).toList()).isZero();
        assertThat(r.calls().unanswered()).isZero();
        assertThat(r.calls().throttles()).isPositive();
        // the first round left calls throttled out; a later round called them again
        assertThat(rounds).isNotEmpty();
        assertThat(rounds.get(0)).isPositive();
    }

    @Test
    void callsStillThrottledAfterTheLastRoundAreUnansweredNotErrors() throws Exception {
        List<Integer> rounds = Collections.synchronizedList(new ArrayList<>());
        // one request a minute per model, one attempt per call: most calls can never be answered in this run
        RunResult r = run(1, 1, rounds);
        assertThat(r.calls().unanswered()).isPositive().isEqualTo(r.calls().failed());
        assertThat(r.calls().answers()).isEqualTo(36);
        assertThat(rounds).isNotEmpty().hasSizeLessThanOrEqualTo(CandidateExecution.LATER_ROUNDS);
    }
}
