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
import dev.frontier.sandbox.Sandbox;
import dev.frontier.sandbox.SandboxOptions;
import dev.frontier.store.RunStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production demo distilled from the logs it was imported from: frontier stages the sandbox's week of invocation
 * logs without the holdout items' records, the sandbox (validating {@code invocationLogsConfig} as Bedrock's API
 * reference states it) trains from the copy, and no holdout prompt is in what it trained on.
 */
@Tag("e2e")
class DistillFromLogsEndToEndTest {

    private static final String DISTILLATION = """

            distillation:
              method: distillation
              teacher: nova-pro
              student: amazon.nova-lite-v1:0:300k
              trainingPer1kTokens: 0.002
              storagePerMonth: 1.95
              horizonMonths: 12
              serving: { mode: on-demand-deployment }
              source: invocation-logs
              invocationLogs:
                s3Uri: s3://sandbox-invocation-logs/demo/
                usePromptResponse: true
                requestMetadataFilters:
                  andAll:
                    - { equals: { feature: summaries } }
                    - { notEquals: { frontier-suite: support-summaries-production } }

            staging:
              s3: s3://frontier-demo/distill/
              roleArn: arn:aws:iam::123456789012:role/BedrockCustomization
            """;

    @TempDir
    Path dir;

    private MainTest.Outcome frontier(String... args) {
        return MainTest.frontierIn(dir, args);
    }

    private Sandbox sandbox() {
        return Sandbox.start(SandboxOptions.forTests().withS3(ControlPlaneAccess.sandboxState(dir.resolve("store.db"))));
    }

    private static S3Objects s3(Sandbox sandbox) {
        return new SdkS3Objects(CloudClients.s3(new BedrockSettings(Optional.of("us-east-1"),
                BedrockSettings.Endpoints.local(sandbox.endpoint(), sandbox.s3Endpoint()),
                new BedrockSettings.Static("sandbox", "sandbox"), 1, Duration.ofSeconds(30), "frontier#test")),
                Optional.empty(), Optional.empty());
    }

    @Test
    void theJobTrainsOnTheLogsWithoutTheHoldout() throws Exception {
        Path configs = Files.createDirectories(dir.resolve("eval-configs"));
        Path production = Files.createDirectories(dir.resolve("datasets/production"));
        for (String f : new String[] {"summaries.jsonl", "traffic.json"}) {
            Files.copy(Path.of("datasets/production", f), production.resolve(f));
        }
        Path suite = configs.resolve("production.yaml");
        Files.writeString(suite, Files.readString(Path.of("eval-configs/support-summaries-production.yaml"))
                + DISTILLATION);
        try (Sandbox sandbox = sandbox()) {
            assertThat(sandbox.writeDemoLogs()).isEqualTo("s3://sandbox-invocation-logs/demo/");
        }

        MainTest.Outcome run = frontier("run", suite.toString(), "--sandbox", "--sandbox-time-scale", "0");
        assertThat(run.code()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("no cheaper candidate qualifies");

        MainTest.Outcome dry = frontier("distill", suite.toString(), "--sandbox");
        assertThat(dry.code()).as(dry.out() + dry.err()).isZero();
        assertThat(dry.out()).contains("decision: RECOMMENDED", "\"invocationLogsConfig\"",
                "one-off: teacher inference $0.00 + training",
                "training data: invocation logs under s3://sandbox-invocation-logs/demo/: 55236 records read",
                "dry run: nothing was sent")
                .containsPattern("55236 records read, [1-9][0-9]* dropped as holdout items");

        MainTest.Outcome launched = frontier("distill", suite.toString(), "--sandbox", "--launch", "--wait",
                "--sandbox-job-time", "2");
        assertThat(launched.code()).as(launched.out() + launched.err()).isZero();
        assertThat(launched.err()).contains("Completed");
        try (RunStore store = RunStore.open(dir.resolve("store.db"))) {
            assertThat(store.jobs()).hasSize(1);
            assertThat(store.jobs().get(0).status()).isEqualTo("Completed");
        }

        // the holdout items' prompts, as the dataset holds them (the logged user turn)
        Set<String> holdout = new HashSet<>();
        ObjectMapper json = new ObjectMapper();
        HoldoutSplit split = new HoldoutSplit(0.25, 7);
        for (String line : Files.readAllLines(production.resolve("summaries.jsonl"))) {
            JsonNode row = json.readTree(line);
            if (split.isHoldout(new Item(row.path("id").asText(), Map.of()))) {
                holdout.add(row.path("prompt").asText());
            }
        }
        assertThat(holdout).hasSizeBetween(30, 70);
        try (Sandbox sandbox = sandbox()) {
            S3Objects s3 = s3(sandbox);
            int records = 0;
            for (S3Uri object : s3.list(S3Uri.parse("s3://frontier-demo/distill/"))) {
                if (!object.key().contains("/BedrockModelInvocationLogs/")) {
                    continue;
                }
                assertThat(object.key()).endsWith(".json.gz");
                for (String line : lines(s3, object)) {
                    records++;
                    JsonNode user = json.readTree(line).path("input").path("inputBodyJson").path("messages").path(0)
                            .path("content");
                    String text = user.isArray() && user.size() > 0 ? user.path(0).path("text").asText()
                            : user.asText();
                    assertThat(holdout).as(object.key()).doesNotContain(text);
                }
            }
            // every usable record of the week but the holdout items' (each sent `count` times)
            assertThat(records).isGreaterThan(50_000).isLessThan(55_236);
        }
    }

    private static java.util.List<String> lines(S3Objects s3, S3Uri object) throws IOException {
        try (InputStream in = new GZIPInputStream(s3.open(object).orElseThrow())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        }
    }
}
