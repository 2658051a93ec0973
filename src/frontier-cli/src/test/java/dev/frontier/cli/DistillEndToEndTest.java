package dev.frontier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.frontier.bedrock.BedrockSettings;
import dev.frontier.bedrock.CloudClients;
import dev.frontier.bedrock.SdkS3Objects;
import dev.frontier.dataset.HoldoutSplit;
import dev.frontier.invoke.S3Objects;
import dev.frontier.model.Item;
import dev.frontier.model.S3Uri;
import dev.frontier.results.VerdictStatus;
import dev.frontier.sandbox.Sandbox;
import dev.frontier.sandbox.SandboxOptions;
import dev.frontier.results.ResultsJson;
import dev.frontier.results.RunResult;
import dev.frontier.store.JobKind;
import dev.frontier.store.RunStore;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's distillation on the sandbox, end to end: run the suite, decide, export, stage in S3, launch (twice:
 * one job), follow the job to completion, serve the custom model, evaluate it on the holdout and report it.
 */
@Tag("e2e")
class DistillEndToEndTest {

    private static final String SUITE = "eval-configs/intent-distillation.yaml";

    @TempDir
    Path dir;

    private MainTest.Outcome frontier(String... args) {
        return MainTest.frontierIn(dir, args);
    }

    @Test
    void suiteToDecisionToJobToServingToEvaluationAndReport() throws Exception {
        MainTest.Outcome noRun = frontier("distill", SUITE, "--sandbox");
        assertThat(noRun.code()).as(noRun.err()).isEqualTo(2);
        assertThat(noRun.err()).contains("intent-distillation.yaml:", "frontier run");

        MainTest.Outcome run = frontier("run", SUITE, "--sandbox", "--sandbox-time-scale", "0");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("no cheaper candidate qualifies");

        MainTest.Outcome dry = frontier("distill", SUITE, "--sandbox");
        assertThat(dry.code()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("decision: RECOMMENDED", "\"customizationType\" : \"DISTILLATION\"",
                "\"teacherModelIdentifier\" : \"amazon.nova-pro-v1:0\"", "\"baseModelIdentifier\" : "
                        + "\"amazon.nova-lite-v1:0:300k\"", "dry run: nothing was sent");
        try (RunStore store = RunStore.open(dir.resolve("store.db"))) {
            assertThat(store.jobs()).isEmpty();
        }

        MainTest.Outcome first = frontier("distill", SUITE, "--sandbox", "--launch", "--sandbox-job-time", "2");
        assertThat(first.code()).as(first.err()).isZero();
        String jobArn = match(first.out(), "launched (arn:\\S+)");
        MainTest.Outcome second = frontier("distill", SUITE, "--sandbox", "--launch", "--wait",
                "--sandbox-job-time", "2");
        assertThat(second.code()).as(second.err()).isZero();
        assertThat(second.out()).contains("already launched (same suite and training data): " + jobArn);
        assertThat(second.err()).contains("Completed", "training loss");
        try (RunStore store = RunStore.open(dir.resolve("store.db"))) {
            assertThat(store.jobs()).hasSize(1);
            assertThat(store.jobs().get(0).status()).isEqualTo("Completed");
        }
        MainTest.Outcome listed = frontier("jobs", "list");
        assertThat(listed.out()).contains("distillation", "Completed", jobArn);
        MainTest.Outcome shown = frontier("jobs", "show", jobArn, "--sandbox", "--sandbox-job-time", "2");
        assertThat(shown.code()).as(shown.err()).isZero();
        assertThat(shown.out()).contains("Completed", "validation loss", "custom model: arn:aws:bedrock:");

        MainTest.Outcome evaluated = frontier("distill", SUITE, "--sandbox", "--launch", "--wait", "--serve",
                "--evaluate", "--sandbox-job-time", "2", "--sandbox-time-scale", "0");
        assertThat(evaluated.code()).as(evaluated.err()).isZero();
        assertThat(evaluated.out()).contains("already launched", "serving: arn:aws:bedrock:us-east-1:123456789012:"
                + "custom-model-deployment/");
        try (RunStore store = RunStore.open(dir.resolve("store.db"))) {
            assertThat(store.jobs()).extracting(RunStore.JobRow::kind)
                    .containsExactlyInAnyOrder(JobKind.DISTILLATION, JobKind.CUSTOM_DEPLOYMENT);
        }
        Matcher m = Pattern.compile("report: (.*)report\\.html").matcher(evaluated.out());
        assertThat(m.find()).isTrue();
        Path reportDir = Path.of(m.group(1));
        RunResult result = ResultsJson.read(reportDir.resolve("results.json"));
        assertThat(result.distillation()).isPresent();
        RunResult.Distillation d = result.distillation().get();
        assertThat(d.recommended()).isTrue();
        assertThat(d.jobArn()).isEqualTo(jobArn);
        assertThat(d.customCandidate()).isEqualTo("distilled");
        assertThat(d.trainingLoss()).isPositive();
        assertThat(result.items()).allMatch(RunResult.ItemResult::holdout);
        // the holdout is large enough for a statistical verdict on the custom model, whichever way it goes
        assertThat(result.items()).hasSizeGreaterThanOrEqualTo(120);
        RunResult.CandidateVerdict verdict = result.decision().orElseThrow().verdicts().stream()
                .filter(v -> v.id().equals("distilled")).findFirst().orElseThrow();
        assertThat(verdict.status()).isNotEqualTo(VerdictStatus.TOO_FEW_ITEMS);
        assertThat(verdict.n()).isEqualTo(result.items().size());
        assertThat(verdict.lower()).isNotNull();
        RunResult.CandidateResult custom = result.candidates().stream().filter(c -> c.id().equals("distilled"))
                .findFirst().orElseThrow();
        assertThat(custom.model()).isEqualTo(d.servingArn());
        assertThat(custom.costPer1k()).isPresent();
        assertThat(custom.calls()).isEqualTo(result.items().size());
        String html = Files.readString(reportDir.resolve("report.html"));
        assertThat(html).contains("id=\"distillation-section\"", jobArn, d.servingArn());

        checkStagedObjects(jobArn);

        // stopping the serving resource deletes it, which ends its billing
        MainTest.Outcome stopped = frontier("jobs", "stop", d.servingArn(), "--sandbox");
        assertThat(stopped.code()).as(stopped.err()).isZero();
        assertThat(stopped.out()).contains(d.servingArn() + ": deleted");
        assertThat(frontier("jobs", "list").out()).contains("Deleted");
        MainTest.Outcome gone = frontier("jobs", "show", d.servingArn(), "--sandbox");
        assertThat(gone.code()).isEqualTo(3);
        assertThat(gone.err()).contains("ResourceNotFoundException");
    }

    /** The training file in S3 has exactly the non-holdout items; the job wrote its metrics to the output URI. */
    private void checkStagedObjects(String jobArn) throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.forTests().withS3(dir.resolve("sandbox")))) {
            S3Objects s3 = new SdkS3Objects(CloudClients.s3(new BedrockSettings(Optional.of("us-east-1"),
                    BedrockSettings.Endpoints.local(sandbox.endpoint(), sandbox.s3Endpoint()),
                    new BedrockSettings.Static("sandbox", "sandbox"), 1, Duration.ofSeconds(30), "frontier#test")), Optional.of("123456789012"), Optional.empty());
            List<S3Uri> objects = s3.list(S3Uri.parse("s3://frontier-demo/distill/"));
            S3Uri training = objects.stream().filter(u -> u.key().endsWith("train.jsonl")).findFirst().orElseThrow();
            assertThat(objects).anyMatch(u -> u.key().endsWith("step_wise_training_metrics.csv"));
            String jsonl;
            try (InputStream in = s3.open(training).orElseThrow()) {
                jsonl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            List<String> lines = jsonl.lines().toList();
            assertThat(lines).hasSizeGreaterThanOrEqualTo(300);
            ObjectMapper json = new ObjectMapper();
            HoldoutSplit split = new HoldoutSplit(0.30, 7);
            List<String> rows = Files.readAllLines(Path.of("datasets/intents-support.csv"));
            long expected = 0;
            for (String row : rows.subList(1, rows.size())) {
                String id = row.substring(0, row.indexOf(','));
                if (!split.isHoldout(new Item(id, Map.of()))) {
                    expected++;
                }
            }
            assertThat(lines).hasSize((int) expected);
            for (String line : lines) {
                JsonNode rec = json.readTree(line);
                assertThat(rec.path("schemaVersion").asText()).isEqualTo("bedrock-conversation-2024");
                assertThat(rec.path("messages").get(0).path("role").asText()).isEqualTo("user");
            }
        }
    }

    private static String match(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return m.group(1);
    }
}
