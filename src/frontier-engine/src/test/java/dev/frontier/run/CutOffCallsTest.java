package dev.frontier.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontier.bedrock.BedrockConverseClient;
import dev.frontier.bedrock.BedrockSettings;
import dev.frontier.config.SuiteLoader;
import dev.frontier.cost.ModelPrice;
import dev.frontier.cost.PriceCatalog;
import dev.frontier.invoke.AdaptiveLimit;
import dev.frontier.invoke.RateLimiter;
import dev.frontier.invoke.ResilientClient;
import dev.frontier.invoke.RetryPolicy;
import dev.frontier.model.CallResult;
import dev.frontier.model.Cost;
import dev.frontier.model.RunId;
import dev.frontier.model.TokenUsage;
import dev.frontier.run.flow.RunContext;
import dev.frontier.run.flow.RunProgress;
import dev.frontier.run.prepare.PreparedSuite;
import dev.frontier.run.prepare.SuitePreparation;
import dev.frontier.sandbox.RequestRecord;
import dev.frontier.sandbox.Sandbox;
import dev.frontier.sandbox.SandboxOptions;
import dev.frontier.score.ScorerRegistry;
import dev.frontier.results.RunResult;
import dev.frontier.store.RunStore;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calls the client gives up on after sending them (its timeout is shorter than the sandbox's answers) were still
 * billed by the sandbox, as Bedrock bills a request it processed: each keeps its worst case in the budget and the
 * run reports it as possibly billed (cut off); what the sandbox billed lies between eval spend and eval spend plus
 * that.
 */
@Tag("e2e")
class CutOffCallsTest {

    @TempDir
    Path dir;

    @Test
    void callsCutOffByTheClientTimeoutArePossiblyBilledAndKeepTheirWorstCase() throws Exception {
        SuiteLoader.Loaded loaded = (SuiteLoader.Loaded) SuiteLoader.load(Path.of("eval-configs/smoke.yaml"));
        PreparedSuite prepared = ((SuitePreparation.Ready) SuitePreparation.prepare(loaded.suite(),
                PriceCatalog.bundled(), ScorerRegistry.standard())).suite();
        RunId id = new RunId("20261203-120000-c0ff");
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.forTests().withTimeScale(1.0));
             RunStore store = RunStore.open(dir.resolve("store.db"))) {
            // the larger models' simulated answers often take longer than this, the small ones' mostly do not
            BedrockConverseClient bedrock = BedrockConverseClient.create(new BedrockSettings(Optional.of("us-east-1"),
                    BedrockSettings.Endpoints.local(sandbox.endpoint(), Optional.empty()),
                    new BedrockSettings.Static("k", "s"), 1, Duration.ofMillis(700), "frontier#test"));
            try (ResilientClient client = new ResilientClient(bedrock, new RetryPolicy(3, Duration.ofMillis(5),
                    Duration.ofMillis(20)), new AdaptiveLimit(4, 4), Optional.empty(), Optional.empty(),
                    RateLimiter.Sleeper.REAL, 9)) {
                RunResult r = new Runner(client, store, InstantSource.system(), RunProgress.NONE).run(prepared,
                        id, new RunContext("test", "sandbox", "us-east-1", true),
                        Runner.Options.fresh(Optional.of(new BigDecimal("1.00"))));
                RunResult.Spend spend = r.evalSpend();
                assertThat(spend.cutOffCalls()).isPositive();
                assertThat(spend.possiblyBilledCalls()).isEqualTo(spend.cutOffCalls());
                assertThat(store.possiblyBilled(id).cutOff()).isEqualTo(spend.cutOffCalls());
                // a cut-off call is not retried at once: each is one request, which the sandbox bills once it gets to
                // it (abandoned requests can still wait for a sandbox worker when the run ends)
                long billed = sandbox.paidCalls();
                assertThat(billed).isGreaterThan(spend.calls()).isLessThanOrEqualTo(spend.calls()
                        + spend.cutOffCalls());
                BigDecimal billedUsd = BigDecimal.ZERO;
                PriceCatalog catalog = PriceCatalog.bundled();
                for (RequestRecord rec : sandbox.requestLog()) {
                    if (rec.billed()) {
                        billedUsd = billedUsd.add(((Cost.Known) catalog.find(rec.modelId()).orElseThrow().cost(
                                new TokenUsage(rec.inputTokens(), rec.outputTokens(), rec.cacheReadInputTokens(),
                                        rec.cacheWriteInputTokens()), ModelPrice.Mode.ON_DEMAND)).usd());
                    }
                }
                assertThat(billedUsd).isGreaterThan(spend.usd());
                assertThat(billedUsd).isLessThanOrEqualTo(spend.usd().add(spend.possiblyBilledUsd()));
                // calls cut off in every round are unanswered, not errors; the rest were answered in later rounds
                assertThat(r.calls().failed()).isEqualTo(r.calls().unanswered());
                assertThat(r.items()).allSatisfy(item -> item.outputs().values().forEach(o -> {
                    if (!o.error().isEmpty()) {
                        assertThat(o.error()).startsWith(RetryPolicy.NO_RESPONSE);
                    }
                }));
                assertThat(new CallResult.Failure(RetryPolicy.NO_RESPONSE, "", false, 0).retryable()).isFalse();
            }
        }
    }
}
