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
import dev.frontier.run.flow.RunContext;
import dev.frontier.run.flow.RunProgress;
import dev.frontier.run.prepare.PreparedSuite;
import dev.frontier.run.prepare.SuitePreparation;
import dev.frontier.sandbox.FaultRates;
import dev.frontier.sandbox.Sandbox;
import dev.frontier.sandbox.SandboxOptions;
import dev.frontier.score.ScorerRegistry;
import dev.frontier.results.RunResult;
import dev.frontier.store.RunStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With 10 % throttling and 2 % server faults injected, every item is still answered and scored, each paid once. */
@Tag("e2e")
class FaultToleranceTest {

    @TempDir
    Path dir;

    @Test
    void aSuiteCompletesUnderThrottlingAndServerFaults() throws Exception {
        FaultRates faults = FaultRates.none().withThrottling(0.10).withInternalServer(0.01)
                .withServiceUnavailable(0.01);
        SuiteLoader.Loaded loaded = (SuiteLoader.Loaded) SuiteLoader.load(Path.of("eval-configs/intent-classification.yaml"));
        PreparedSuite prepared = ((SuitePreparation.Ready) SuitePreparation.prepare(loaded.suite(),
                PriceCatalog.bundled(), ScorerRegistry.standard())).suite();
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.forTests().withFaults(faults, 11));
             RunStore store = RunStore.open(dir.resolve("store.db"))) {
            BedrockConverseClient bedrock = BedrockConverseClient.create(new BedrockSettings(Optional.of("us-east-1"),
                    BedrockSettings.Endpoints.local(sandbox.endpoint(), Optional.empty()), new BedrockSettings.Static("k", "s"),
                    1, Duration.ofSeconds(30), "frontier#test"));
            // short back-off: the test is about outcomes, not waiting
            try (ResilientClient client = new ResilientClient(bedrock, new RetryPolicy(8, Duration.ofMillis(1),
                    Duration.ofMillis(5)), new AdaptiveLimit(4, 4), Optional.empty(), Optional.empty(),
                    RateLimiter.Sleeper.REAL, 3)) {
                RunResult r = new Runner(client, store, InstantSource.system(), RunProgress.NONE).run(prepared,
                        new RunId("20261127-120000-fa17"), new RunContext("test", "sandbox", "us-east-1", true),
                        Runner.Options.fresh(Optional.empty()));
                int total = prepared.suite().candidates().size() * prepared.dataset().items().size();
                assertThat(r.calls().answers()).isEqualTo(total);
                assertThat(r.calls().failed()).isZero();
                assertThat(r.calls().retries()).isPositive();
                assertThat(r.calls().throttles()).isPositive();
                assertThat(r.candidates()).allSatisfy(c -> assertThat(c.scores()).isNotEmpty());
                // failed attempts are not billed; every item was paid exactly once
                assertThat(sandbox.paidCalls()).isEqualTo(total);
                assertThat(sandbox.paidCallsByRequestHash().values()).allMatch(n -> n == 1);
            }
        }
    }
}
