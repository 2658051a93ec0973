package dev.frontier.bench;

import dev.frontier.config.SuiteLoader;
import dev.frontier.cost.PriceCatalog;
import dev.frontier.invoke.AdaptiveLimit;
import dev.frontier.bedrock.BedrockConverseClient;
import dev.frontier.bedrock.BedrockSettings;
import dev.frontier.invoke.QuotaPacer;
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
 * Prints achieved requests per minute / quota, throttles and retries. With a third argument the sandbox's quota
 * changes to that many RPM half-way through the run's expected time (an approved quota change, or another
 * application taking a share of the account's quota), and the quota is averaged over the run's time; with a fourth
 * argument {@code learn} the suite sets no {@code requestsPerMinute}, so the quota is only learned from throttles.
 *
 * <pre>java -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) \
 *   dev.frontier.bench.ThroughputHarness 300 2            # or: 300 4 200, 200 4 300 learn</pre>
 */
public final class ThroughputHarness {
    private ThroughputHarness() {
    }

    public static void main(String[] args) throws Exception {
        int rpm = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int minutes = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int changeTo = args.length > 2 ? Integer.parseInt(args[2]) : rpm;
        boolean known = !(args.length > 3 && args[3].equals("learn"));
        int items = (rpm + changeTo) * minutes / 2;
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
                execution: { concurrency: 16, responseCache: false%s }
                """.formatted(known ? ", requestsPerMinute: " + rpm : ""));
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
                    known ? Optional.of(QuotaPacer.known(rpm, System::nanoTime, RateLimiter.Sleeper.REAL))
                            : Optional.empty(), Optional.empty(),
                    RateLimiter.Sleeper.REAL, 1)) {
                long start = System.nanoTime();
                java.time.Instant startedAt = java.time.Instant.now();
                long changeAfterMs = minutes * 30_000L;
                Thread change = new Thread(() -> {
                    try {
                        Thread.sleep(changeAfterMs);
                        sandbox.changeQuota("amazon.nova-lite-v1:0", changeTo, 0);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "quota-change");
                change.setDaemon(true);
                change.start();
                RunResult r = new Runner(client, store, InstantSource.system(), RunProgress.NONE).run(prepared,
                        new RunId("20261127-000000-0001"), new RunContext("bench", "sandbox", "us-east-1", true),
                        Runner.Options.fresh(Optional.empty()));
                double elapsedMin = (System.nanoTime() - start) / 60e9;
                change.interrupt();
                double quotaMin = Math.min(elapsedMin, changeAfterMs / 60e3);
                double quota = (rpm * quotaMin + changeTo * (elapsedMin - quotaMin)) / elapsedMin;
                long ok = sandbox.requestLog().stream().filter(x -> x.billed()).count();
                // the same while the calls went, from the first request to the last answer
                java.time.Instant first = sandbox.requestLog().get(0).time();
                java.time.Instant last = sandbox.requestLog().stream().filter(x -> x.billed())
                        .map(x -> x.time()).max(java.util.Comparator.naturalOrder()).orElseThrow();
                double callMin = Duration.between(first, last).toNanos() / 60e9;
                double changeMin = Math.max(0, Math.min(callMin, (startedAt.toEpochMilli() + changeAfterMs
                        - first.toEpochMilli()) / 60e3));
                double callQuota = (rpm * changeMin + changeTo * (callMin - changeMin)) / callMin;
                long throttled = sandbox.requestLog().stream().filter(x -> x.status() == 429).count();
                System.out.printf(Locale.ROOT, "quota %d RPM%s, %s, %d items, %.2f min: %.1f successful "
                                + "requests/min = %.1f%% of the quota over the run (%.1f RPM); %d throttled answers "
                                + "(%.2f%% of %d requests), %d retries, %d failed items%n", rpm,
                        changeTo == rpm ? "" : " then " + changeTo + " after " + changeAfterMs / 1000 + " s",
                        known ? "requestsPerMinute " + rpm : "no requestsPerMinute", items, elapsedMin,
                        ok / elapsedMin, 100 * ok / elapsedMin / quota, quota, throttled,
                        100.0 * throttled / (ok + throttled), ok + throttled, r.calls().retries(), r.calls().failed());
                System.out.printf(Locale.ROOT, "while calling (%.2f min from the first request to the last answer): "
                        + "%.1f successful requests/min = %.1f%% of the quota (%.1f RPM)%n", callMin,
                        (ok - 1) / callMin, 100 * (ok - 1) / callMin / callQuota, callQuota);
                // where the shortfall and the throttles are: admitted and throttled per 30 s from the first request
                StringBuilder timeline = new StringBuilder("per 30 s (admitted/throttled):");
                long[] admitted = new long[(int) (callMin * 2) + 2];
                long[] refused = new long[admitted.length];
                for (var x : sandbox.requestLog()) {
                    int bucket = (int) Math.min(admitted.length - 1, Duration.between(first, x.time()).toMillis() / 30_000);
                    if (x.billed()) {
                        admitted[bucket]++;
                    } else if (x.status() == 429) {
                        refused[bucket]++;
                    }
                }
                for (int b = 0; b < admitted.length; b++) {
                    timeline.append(' ').append(admitted[b]).append('/').append(refused[b]);
                }
                System.out.println(timeline);
            }
        }
    }
}
