package dev.frontier.bench;

import dev.frontier.config.SuiteLoader;
import dev.frontier.cost.PriceCatalog;
import dev.frontier.invoke.AdaptiveLimit;
import dev.frontier.bedrock.BedrockConverseClient;
import dev.frontier.bedrock.BedrockSettings;
import dev.frontier.invoke.RateLimiter;
import dev.frontier.invoke.ResilientClient;
import dev.frontier.invoke.RetryPolicy;
import dev.frontier.model.RunId;
import dev.frontier.run.Runner;
import dev.frontier.run.flow.RunContext;
import dev.frontier.run.flow.RunProgress;
import dev.frontier.run.prepare.PreparedSuite;
import dev.frontier.run.prepare.SuitePreparation;
import dev.frontier.sandbox.Sandbox;
import dev.frontier.sandbox.SandboxOptions;
import dev.frontier.score.ScorerRegistry;
import dev.frontier.results.RunResult;
import dev.frontier.store.RunStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Optional;

/**
 * Throughput against a quota (a benchmark, not a test): one model with an RPM quota in the sandbox, a suite with
 * enough items for {@code minutes} minutes at that quota, and frontier's client-side limit set to the quota.
 * Prints achieved requests per minute / quota, throttles and retries.
 *
 * <pre>java -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) \
 *   dev.frontier.bench.ThroughputHarness 300 2</pre>
 */
public final class ThroughputHarness {
    private ThroughputHarness() {
    }

    public static void main(String[] args) throws Exception {
        int rpm = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int minutes = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int items = rpm * minutes;
        Path dir = Files.createTempDirectory("frontier-throughput");
        StringBuilder data = new StringBuilder();
        for (int i = 0; i < items; i++) {
            data.append("{\"id\":\"").append(i).append("\",\"text\":\"Summarize:\\nRequest ").append(i)
                    .append(" says the export to CSV fails with an error. Please fix the export soon.\"}\n");
        }
        Files.writeString(dir.resolve("items.jsonl"), data);
        Files.writeString(dir.resolve("suite.yaml"), """
                suite: throughput
                dataset: { path: items.jsonl, id: id }
                prompt: { user: "{{text}}" }
                inference: { maxTokens: 60 }
                candidates: [ { id: lite, model: amazon.nova-lite-v1:0, role: incumbent } ]
                scorers: [ { type: length, max: 80 } ]
                execution: { concurrency: 16, responseCache: false, requestsPerMinute: %d }
                """.formatted(rpm));
        PreparedSuite prepared = ((SuitePreparation.Ready) SuitePreparation.prepare(((SuiteLoader.Loaded)
                SuiteLoader.load(dir.resolve("suite.yaml"))).suite(), PriceCatalog.bundled(),
                ScorerRegistry.standard())).suite();
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults().withTimeScale(0.2)
                .withQuota("amazon.nova-lite-v1:0", rpm, 0));
             RunStore store = RunStore.open(dir.resolve("store.db"))) {
            BedrockConverseClient bedrock = BedrockConverseClient.create(new BedrockSettings(Optional.of("us-east-1"),
                    BedrockSettings.Endpoints.local(sandbox.endpoint(), Optional.empty()), new BedrockSettings.Static("k", "s"),
                    1, Duration.ofSeconds(30), "frontier#test"));
            try (ResilientClient client = new ResilientClient(bedrock, RetryPolicy.standard(), new AdaptiveLimit(16, 16),
                    Optional.of(new RateLimiter(rpm, System::nanoTime, RateLimiter.Sleeper.REAL)), Optional.empty(),
                    RateLimiter.Sleeper.REAL, 1)) {
                long start = System.nanoTime();
                RunResult r = new Runner(client, store, InstantSource.system(), RunProgress.NONE).run(prepared,
                        new RunId("20261127-000000-0001"), new RunContext("bench", "sandbox", "us-east-1", true),
                        Runner.Options.fresh(Optional.empty()));
                double elapsedMin = (System.nanoTime() - start) / 60e9;
                long ok = sandbox.requestLog().stream().filter(x -> x.billed()).count();
                long throttled = sandbox.requestLog().stream().filter(x -> x.status() == 429).count();
                System.out.printf(Locale.ROOT, "quota %d RPM, %d items, %.2f min: %.1f successful requests/min = "
                                + "%.1f%% of the quota; %d throttled answers, %d retries, %d failed items%n", rpm,
                        items, elapsedMin, ok / elapsedMin, 100 * ok / elapsedMin / rpm, throttled,
                        r.calls().retries(), r.calls().failed());
            }
        }
    }
}
