package dev.frontier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code validate} and {@code run} read the model catalog: ids and settings Bedrock would refuse stop the command
 * before any call with exit 2, the line and the fix; a cache checkpoint is never sent to a model without caching.
 */
class ModelCatalogChecksTest {

    @TempDir
    Path dir;

    private Path suite(String from, String to) throws IOException {
        String text = Files.readString(Path.of("eval-configs/smoke.yaml"))
                .replace("../datasets/intents-smoke.csv", Path.of("datasets/intents-smoke.csv").toAbsolutePath()
                        .toString());
        assertThat(text).contains(from);
        Path file = dir.resolve("suite.yaml");
        Files.writeString(file, text.replace(from, to));
        return file;
    }

    @Test
    void aBareIdThatNeedsAnInferenceProfileNamesTheProfile() throws IOException {
        MainTest.Outcome o = MainTest.frontier("validate", suite("model: us.anthropic.claude-sonnet-4-5",
                "model: anthropic.claude-sonnet-4-5").toString());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).containsPattern("suite\\.yaml:\\d+:\\d+ candidates\\[0\\]\\.model: "
                        + "'anthropic\\.claude-sonnet-4-5-20250929-v1:0' \\(Claude Sonnet 4\\.5\\) is served on demand in "
                        + "us-east-1 only through an inference profile")
                .contains("use 'us.anthropic.claude-sonnet-4-5-20250929-v1:0' or "
                        + "'global.anthropic.claude-sonnet-4-5-20250929-v1:0'")
                .doesNotContain("Exception");
    }

    @Test
    void theRegionDecidesWhichIdsWork() throws IOException {
        // Nova Micro takes its bare id in us-east-1 only; in us-west-2 it is called through us.
        Path file = suite("execution:\n  concurrency: 4", "execution:\n  concurrency: 4\n  region: us-west-2");
        MainTest.Outcome o = MainTest.frontier("validate", file.toString());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("candidates[2].model: 'amazon.nova-micro-v1:0'", "in us-west-2",
                "use 'us.amazon.nova-micro-v1:0'");
    }

    @Test
    void aModelPastItsEndOfLifeIsRefused() throws IOException {
        MainTest.Outcome o = MainTest.frontier("validate", suite("model: us.anthropic.claude-haiku-4-5-20251001-v1:0",
                "model: anthropic.claude-3-haiku-20240307-v1:0").toString());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("candidates[1].model: Claude 3 Haiku (anthropic.claude-3-haiku-20240307-v1:0) "
                + "reached its end of life on 2026-09-10");
    }

    @Test
    void aLegacyModelIsAWarningWithItsDates() throws IOException {
        MainTest.Outcome o = MainTest.frontier("validate", suite("cache: none", "cache: none").toString());
        assertThat(o.code()).isZero();
        assertThat(o.err()).contains("warning: candidates[0].model: Claude Sonnet 4.5 is a Legacy model",
                "end of life 2027-04-08");
    }

    @Test
    void maxTokensAboveTheModelsLimitIsRefused() throws IOException {
        MainTest.Outcome o = MainTest.frontier("validate", suite("maxTokens: 20", "maxTokens: 9000").toString());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("inference.maxTokens: maxTokens 9000 is above Amazon Nova Micro's limit of 5000");
    }

    @Test
    void structuredOutputOnAJudgeWithoutItIsRefused() throws IOException {
        Path file = suite("  - { type: exact-match, expected: \"{{intent}}\", weight: 1 }",
                "  - { type: exact-match, expected: \"{{intent}}\", weight: 1 }\n"
                        + "  - { id: judge, type: llm-judge, model: amazon.nova-pro-v1:0, rubric: \"Is it right?\", "
                        + "scale: [1, 5], structuredOutput: true, weight: 0 }");
        MainTest.Outcome o = MainTest.frontier("validate", file.toString());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("scorers[1].structuredOutput: Amazon Nova Pro does not support structured output",
                "anthropic.claude-haiku-4-5-20251001-v1:0");
    }

    @Test
    void aCacheCheckpointIsNeverSentToAModelWithoutCaching() throws IOException {
        // Llama 3.1 8B has no prompt caching: Bedrock (and so the sandbox) answers a cachePoint with
        // AccessDeniedException, so a run that succeeds on it proves no checkpoint was sent
        Path file = suite("  cache: none", "  cache: system");
        String text = Files.readString(file).replace("model: amazon.nova-micro-v1:0",
                "model: us.meta.llama3-1-8b-instruct-v1:0");
        Files.writeString(file, text);
        MainTest.Outcome validate = MainTest.frontier("validate", file.toString());
        assertThat(validate.code()).isZero();
        assertThat(validate.err()).contains("Llama 3.1 8B Instruct has no prompt caching",
                "no checkpoint is sent for 'nova-micro'");
        MainTest.Outcome run = MainTest.frontier("run", file.toString(), "--sandbox", "--sandbox-time-scale", "0",
                "--store", dir.resolve("f.db").toString(), "--reports", dir.resolve("reports").toString());
        assertThat(run.code()).as(run.err()).isZero();
        Path results = Files.walk(dir.resolve("reports")).filter(p -> p.endsWith("results.json")).findFirst()
                .orElseThrow();
        assertThat(Files.readString(results)).contains("\"promptCache\" : \"not offered by the model: no checkpoint "
                + "sent\"", "\"promptCache\" : \"checkpoint after the system prompt\"");
    }
}
