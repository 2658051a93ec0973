package dev.frontier.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontier.bedrock.BedrockBatchJobs;
import dev.frontier.bedrock.BedrockConverseClient;
import dev.frontier.bedrock.BedrockSettings;
import dev.frontier.bedrock.CloudClients;
import dev.frontier.bedrock.SdkS3Objects;
import dev.frontier.config.SuiteLoader;
import dev.frontier.cost.PriceCatalog;
import dev.frontier.invoke.BatchJobClient;
import dev.frontier.model.RunId;
import dev.frontier.model.S3Uri;
import dev.frontier.run.execute.BatchSetup;
import dev.frontier.run.flow.RunContext;
import dev.frontier.run.flow.RunProgress;
import dev.frontier.run.prepare.PreparedSuite;
import dev.frontier.run.prepare.SuitePreparation;
import dev.frontier.results.AnswerSource;
import dev.frontier.sandbox.RequestRecord;
import dev.frontier.sandbox.Sandbox;
import dev.frontier.sandbox.SandboxOptions;
import dev.frontier.score.ScorerRegistry;
import dev.frontier.results.RunResult;
import dev.frontier.store.RunStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A batch job that ends without answers (stopped): its items are called on demand in the same run. */
@Tag("e2e")
class BatchFallbackTest {

    @TempDir
    Path dir;

    @Test
    void itemsAStoppedJobDidNotAnswerAreCalledOnDemand() throws Exception {
        String yaml = Files.readString(Path.of("eval-configs/smoke.yaml"))
                // models with a batch price, so that the suite's budget lets their items go to jobs
                .replace("model: us.anthropic.claude-sonnet-4-5-20250929-v1:0", "model: amazon.nova-pro-v1:0")
                .replace("model: us.anthropic.claude-haiku-4-5-20251001-v1:0", "model: amazon.nova-lite-v1:0")
                .replace("../datasets/intents-smoke.csv", Path.of("datasets/intents.csv").toAbsolutePath().toString())
                .replace("execution:\n  concurrency: 4", "execution:\n  concurrency: 4\n  mode: batch\n"
                        + "  responseCache: false");
        Files.writeString(dir.resolve("suite.yaml"), yaml);
        PreparedSuite prepared = ((SuitePreparation.Ready) SuitePreparation.prepare(((SuiteLoader.Loaded)
                SuiteLoader.load(dir.resolve("suite.yaml"))).suite(), PriceCatalog.bundled(),
                ScorerRegistry.standard())).suite();
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.forTests().withS3(null)
                .withJobTime(Duration.ofSeconds(6)));
             RunStore store = RunStore.open(dir.resolve("store.db"))) {
            sandbox.createBucket("staging");
            BedrockSettings settings = new BedrockSettings(Optional.of("us-east-1"),
                    BedrockSettings.Endpoints.local(sandbox.endpoint(), sandbox.s3Endpoint()),
                    new BedrockSettings.Static("sandbox", "sandbox"), 1, Duration.ofSeconds(30), "frontier#test");
            List<String> log = new CopyOnWriteArrayList<>();
            BatchJobClient jobs = new BedrockBatchJobs(CloudClients.bedrock(settings));
            BatchSetup setup = new BatchSetup(jobs, new SdkS3Objects(CloudClients.s3(settings),
                    Optional.empty(), Optional.empty()), S3Uri.parse("s3://staging/frontier/"),
                    "arn:aws:iam::000000000000:role/Batch", Optional.empty(), Optional.empty(), Map.of(),
                    Duration.ofMillis(100), Duration.ofMillis(200), dir.resolve("work"), log::add);
            AtomicReference<RunResult> result = new AtomicReference<>();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            try (BedrockConverseClient client = BedrockConverseClient.create(settings)) {
                Thread run = new Thread(() -> {
                    try {
                        result.set(new Runner(client, store, InstantSource.system(), RunProgress.NONE)
                                .withBatch(setup).run(prepared, new RunId("20261127-120000-ba7c"),
                                        new RunContext("test", "sandbox", "us-east-1", true),
                                        Runner.Options.fresh(Optional.empty())));
                    } catch (Throwable e) {
                        failure.set(e);
                    }
                });
                run.start();
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (store.jobs().size() < 3 && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                RunStore.JobRow haiku = store.jobs().stream().filter(j -> j.candidateId().equals("haiku"))
                        .findFirst().orElseThrow();
                jobs.stop(haiku.jobArn());
                run.join(60_000);
            }
            assertThat(failure.get()).isNull();
            RunResult r = result.get();
            assertThat(r.calls().answers()).isEqualTo(3 * 122);
            assertThat(store.jobs().stream().filter(j -> j.candidateId().equals("haiku")).findFirst().orElseThrow()
                    .status()).isEqualTo("Stopped");
            assertThat(log).anyMatch(l -> l.contains("haiku: 122 item(s) on demand: not answered by its batch job"));
            // the stopped job's items were called on demand, the others came from their jobs
            List<RequestRecord> converse = sandbox.requestLog().stream()
                    .filter(x -> x.operation().equals(RequestRecord.CONVERSE) && x.billed()).toList();
            assertThat(converse).hasSize(122);
            assertThat(converse).allMatch(x -> x.modelId().equals("amazon.nova-lite-v1:0"));
            RunResult.CandidateResult h = r.candidates().stream().filter(c -> c.id().equals("haiku")).findFirst()
                    .orElseThrow();
            assertThat(h.mode()).isEqualTo(AnswerSource.BATCH);
            assertThat(h.latencyP95Ms()).as("on-demand answers have latency").isPresent();
            assertThat(h.failedCalls()).isZero();
        }
    }
}
