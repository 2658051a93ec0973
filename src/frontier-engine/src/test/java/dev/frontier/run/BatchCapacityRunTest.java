package dev.frontier.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontier.bedrock.BedrockBatchJobs;
import dev.frontier.bedrock.BedrockConverseClient;
import dev.frontier.bedrock.BedrockSettings;
import dev.frontier.bedrock.CloudClients;
import dev.frontier.bedrock.SdkS3Objects;
import dev.frontier.config.SuiteLoader;
import dev.frontier.cost.PriceCatalog;
import dev.frontier.model.RunId;
import dev.frontier.model.S3Uri;
import dev.frontier.run.execute.BatchSetup;
import dev.frontier.run.flow.RunContext;
import dev.frontier.run.flow.RunProgress;
import dev.frontier.run.prepare.PreparedSuite;
import dev.frontier.run.prepare.SuitePreparation;
import dev.frontier.results.AnswerSource;
import dev.frontier.sandbox.BatchCapacity;
import dev.frontier.sandbox.RequestRecord;
import dev.frontier.sandbox.Sandbox;
import dev.frontier.sandbox.SandboxOptions;
import dev.frontier.score.ScorerRegistry;
import dev.frontier.results.RunResult;
import dev.frontier.store.JobKind;
import dev.frontier.store.RunStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sandbox batch jobs short of capacity (a 24-hour timeout): at 4 records an hour a 122-record job answers the first
 * 96 and ends PartiallyCompleted; queued for 24 hours it never starts and ends Expired. The runner uses what a job
 * answered and calls the rest on demand in the same run, paying for no item twice.
 */
@Tag("e2e")
class BatchCapacityRunTest {

    private static final int ITEMS = 122;

    @TempDir
    Path dir;

    private final List<String> log = new CopyOnWriteArrayList<>();

    private record Outcome(RunResult result, List<RunStore.JobRow> jobs, List<RequestRecord> billed) {
    }

    private Outcome run(BatchCapacity capacity) throws Exception {
        return run(capacity, "");
    }

    private Outcome run(BatchCapacity capacity, String scorers) throws Exception {
        String yaml = Files.readString(Path.of("eval-configs/smoke.yaml"))
                // models with a batch price, so that the suite's budget lets their items go to jobs
                .replace("model: us.anthropic.claude-sonnet-4-5-20250929-v1:0", "model: us.meta.llama3-1-8b-instruct-v1:0")
                .replace("model: us.anthropic.claude-haiku-4-5-20251001-v1:0", "model: amazon.nova-lite-v1:0")
                .replace("  - { type: exact-match, expected: \"{{intent}}\", weight: 1 }\n",
                        "  - { type: exact-match, expected: \"{{intent}}\", weight: 1 }\n" + scorers)
                .replace("../datasets/intents-smoke.csv", Path.of("datasets/intents.csv").toAbsolutePath().toString())
                .replace("execution:\n  concurrency: 4", "execution:\n  concurrency: 4\n  mode: batch\n"
                        + "  responseCache: false");
        Files.writeString(dir.resolve("suite.yaml"), yaml);
        PreparedSuite prepared = ((SuitePreparation.Ready) SuitePreparation.prepare(((SuiteLoader.Loaded)
                SuiteLoader.load(dir.resolve("suite.yaml"))).suite(), PriceCatalog.bundled(),
                ScorerRegistry.standard())).suite();
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.forTests().withS3(null)
                .withJobTime(Duration.ofMillis(1500)).withBatchCapacity(capacity));
             RunStore store = RunStore.open(dir.resolve("store.db"))) {
            sandbox.createBucket("staging");
            BedrockSettings settings = new BedrockSettings(Optional.of("us-east-1"),
                    BedrockSettings.Endpoints.local(sandbox.endpoint(), sandbox.s3Endpoint()),
                    new BedrockSettings.Static("sandbox", "sandbox"), 1, Duration.ofSeconds(30), "frontier#test");
            BatchSetup setup = new BatchSetup(new BedrockBatchJobs(CloudClients.bedrock(settings)),
                    new SdkS3Objects(CloudClients.s3(settings), Optional.empty(),
                            Optional.empty()), S3Uri.parse("s3://staging/frontier/"),
                    "arn:aws:iam::000000000000:role/Batch", Optional.empty(), Optional.empty(), Map.of(),
                    Duration.ofMillis(100), Duration.ofMillis(200), dir.resolve("work"), log::add);
            RunResult r;
            try (BedrockConverseClient client = BedrockConverseClient.create(settings)) {
                r = new Runner(client, store, InstantSource.system(), RunProgress.NONE).withBatch(setup)
                        .run(prepared, new RunId("20261127-120000-ca9a"),
                                new RunContext("test", "sandbox", "us-east-1", true),
                                Runner.Options.fresh(Optional.empty()));
            }
            List<RequestRecord> billed = sandbox.requestLog().stream()
                    .filter(x -> x.operation().equals(RequestRecord.CONVERSE) && x.billed()).toList();
            return new Outcome(r, store.jobs(), billed);
        }
    }

    @Test
    void aPartiallyCompletedJobsAnswersAreUsedAndTheRestIsCalledOnDemandOnce() throws Exception {
        Outcome o = run(new BatchCapacity(0, 4));
        assertThat(o.jobs()).hasSize(3).allSatisfy(j -> {
            assertThat(j.status()).isEqualTo("PartiallyCompleted");
            assertThat(j.detailsJson()).contains("\"processedRecordCount\":96", "\"totalRecordCount\":122");
        });
        assertThat(log).anyMatch(l -> l.contains("manifest agrees with the records"))
                .noneMatch(l -> l.contains("DISAGREES"));
        assertThat(log).anyMatch(l -> l.contains("haiku: 26 item(s) on demand: not answered by its batch job"));
        assertThat(o.result().calls().answers()).isEqualTo(3 * ITEMS);
        // the 26 records each job did not process, called on demand; nothing a job answered is asked again
        assertThat(o.billed()).hasSize(3 * (ITEMS - 96));
        Set<String> distinct = new HashSet<>();
        o.billed().forEach(x -> distinct.add(x.modelId() + " " + x.requestHash()));
        assertThat(distinct).hasSize(o.billed().size());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("store.db"));
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT source, COUNT(*), COUNT(DISTINCT candidate_id || item_id) "
                     + "FROM calls GROUP BY source ORDER BY source")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("batch");
            assertThat(rs.getInt(2)).isEqualTo(3 * 96).isEqualTo(rs.getInt(3));
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("called");
            assertThat(rs.getInt(2)).isEqualTo(3 * (ITEMS - 96)).isEqualTo(rs.getInt(3));
            assertThat(rs.next()).isFalse();
        }
        RunResult.CandidateResult haiku = o.result().candidates().stream().filter(c -> c.id().equals("haiku"))
                .findFirst().orElseThrow();
        assertThat(haiku.mode()).isEqualTo(AnswerSource.BATCH);
        assertThat(haiku.latencyP95Ms()).as("on-demand answers have latency").isPresent();
    }

    @Test
    void anExpiredJobLeavesEveryItemToOnDemandCalls() throws Exception {
        Outcome o = run(new BatchCapacity(24, 0));
        assertThat(o.jobs()).hasSize(3).allSatisfy(j -> assertThat(j.status()).isEqualTo("Expired"));
        assertThat(log).anyMatch(l -> l.contains("Expired") && l.contains("not started before its timeout"));
        assertThat(o.result().calls().answers()).isEqualTo(3 * ITEMS);
        assertThat(o.result().calls().failed()).isZero();
        assertThat(o.billed()).hasSize(3 * ITEMS);
    }

    @Test
    void aPartiallyCompletedJudgeJobLeavesTheRestOfTheJudgesToOnDemandCallsPaidOnce() throws Exception {
        Outcome o = run(new BatchCapacity(0, 4), """
                  - id: judge
                    type: llm-judge
                    model: amazon.nova-pro-v1:0
                    scale: [1, 5]
                    reference: "{{intent}}"
                    rubric: The answer is the one label that fits the message.
                    weight: 0
                """);
        RunStore.JobRow judgeJob = o.jobs().stream().filter(j -> j.kind() == JobKind.JUDGE_BATCH).findFirst()
                .orElseThrow();
        assertThat(o.jobs()).hasSize(4);
        assertThat(judgeJob.status()).isEqualTo("PartiallyCompleted");
        assertThat(judgeJob.detailsJson()).contains("\"processedRecordCount\":96");
        int success = Integer.parseInt(judgeJob.detailsJson().replaceAll(".*\"successRecordCount\":(\\d+).*", "$1"));
        RunResult.Judging j = o.result().judging().orElseThrow();
        assertThat(j.modes()).singleElement().satisfies(m -> assertThat(m.mode()).isEqualTo(AnswerSource.BATCH));
        int asks = j.modes().get(0).requests();
        assertThat(asks).isGreaterThan(300);
        assertThat(j.batch()).isEqualTo(success).isBetween(80, 96);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("store.db"));
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT (SELECT COUNT(*) FROM judge_calls WHERE source = 'batch'), "
                     + "(SELECT COUNT(*) FROM judge_calls WHERE source = 'called' AND attempt = 0), "
                     + "(SELECT COUNT(*) FROM judge_calls WHERE source = 'called')")) {
            assertThat(rs.next()).isTrue();
            // every answer the job gave is kept (none replaced by a second, paid call); every other first ask and
            // every repair was called on demand once
            assertThat(rs.getInt(1)).isEqualTo(success);
            assertThat(rs.getInt(2)).isEqualTo(asks - success);
            List<RequestRecord> judgeCalls = o.billed().stream()
                    .filter(x -> x.modelId().equals("amazon.nova-pro-v1:0")).toList();
            // (identical judge requests for candidates that gave the same label are separate calls: no cache here)
            assertThat(judgeCalls).hasSize(rs.getInt(3));
        }
    }
}
