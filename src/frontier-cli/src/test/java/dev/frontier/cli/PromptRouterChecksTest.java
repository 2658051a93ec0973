package dev.frontier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code validate} checks prompt-router candidates and the suite's own routers against the model catalog: what
 * Bedrock would refuse stops the command with exit 2, the file, the line and the fix.
 */
class PromptRouterChecksTest {

    private static final String NOVA_ROUTER = "arn:aws:bedrock:us-east-1:123456789012:default-prompt-router/"
            + "amazon.nova:1";

    @TempDir
    Path dir;

    private Path suite(String candidate, String routers) throws IOException {
        String text = Files.readString(Path.of("eval-configs/smoke.yaml"))
                .replace("../datasets/intents-smoke.csv", Path.of("datasets/intents-smoke.csv").toAbsolutePath()
                        .toString())
                .replace("  - { id: nova-micro, model: amazon.nova-micro-v1:0 }",
                        "  - { id: nova-micro, model: amazon.nova-micro-v1:0 }\n  - { id: routed, model: \""
                                + candidate + "\" }")
                + routers;
        Path file = dir.resolve("suite.yaml");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void aDefaultRouterOfTheSuitesRegionPassesAndIsEstimatedAtItsDearestModel() throws IOException {
        MainTest.Outcome o = MainTest.frontier("validate", suite(NOVA_ROUTER, "").toString());
        assertThat(o.code()).as(o.err()).isZero();
        MainTest.Outcome estimate = MainTest.frontier("estimate", suite(NOVA_ROUTER, "").toString());
        assertThat(estimate.code()).as(estimate.err()).isZero();
        assertThat(estimate.out()).contains("routed");
    }

    @Test
    void aRouterArnOfAnotherRegionIsRefusedAtItsLine() throws IOException {
        MainTest.Outcome o = MainTest.frontier("validate", suite(NOVA_ROUTER.replace("us-east-1", "us-west-2"), "")
                .toString());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).containsPattern("suite\\.yaml:\\d+:\\d+ candidates\\[3\\]\\.model: the prompt router of "
                + "'routed' is in us-west-2 but the suite calls us-east-1")
                .contains("set 'execution.region: us-west-2'").doesNotContain("Exception");
    }

    @Test
    void anUnknownDefaultRouterListsTheKnownOnes() throws IOException {
        MainTest.Outcome o = MainTest.frontier("validate", suite(NOVA_ROUTER.replace("amazon.nova:1",
                "mistral.mistral:1"), "").toString());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("candidates[3].model: 'mistral.mistral:1' is not a default prompt router the "
                + "model catalog knows (use one of: amazon.nova:1, anthropic.claude:1, meta.llama:1)");
    }

    @Test
    void aDefaultRouterTheRegionDoesNotOfferIsRefused() throws IOException {
        Path file = suite(NOVA_ROUTER.replace("us-east-1", "eu-central-1"), "");
        Files.writeString(file, Files.readString(file).replace("execution:\n  concurrency: 4",
                "execution:\n  concurrency: 4\n  region: eu-central-1"));
        MainTest.Outcome o = MainTest.frontier("validate", file.toString());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("Bedrock offers the default prompt router 'amazon.nova:1' in us-east-1, "
                + "us-west-2, not in eu-central-1");
    }

    @Test
    void aSuitesRouterMustNameOneRoutableFamily() throws IOException {
        MainTest.Outcome o = MainTest.frontier("validate", suite("router:mixed", """

                promptRouters:
                  - id: mixed
                    models: [amazon.nova-lite-v1:0, us.anthropic.claude-haiku-4-5-20251001-v1:0]
                    fallback: amazon.nova-lite-v1:0
                    responseQualityDifference: 5
                """).toString());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).containsPattern("suite\\.yaml:\\d+:\\d+ promptRouters\\[0\\]\\.models\\[1\\]: "
                + "'us\\.anthropic\\.claude-haiku-4-5-20251001-v1:0' is not a model Bedrock's prompt routing supports")
                .contains("amazon.nova: amazon.nova-lite-v1:0, amazon.nova-pro-v1:0");
    }

    @Test
    void batchModeCallsARouterOnDemandAndACheckpointIsNotSentWhereAModelLacksCaching() throws IOException {
        Path file = suite("router:llama", """

                promptRouters:
                  - id: llama
                    models: [us.meta.llama3-1-8b-instruct-v1:0, us.meta.llama3-1-70b-instruct-v1:0]
                    fallback: us.meta.llama3-1-70b-instruct-v1:0
                    responseQualityDifference: 5
                """);
        Files.writeString(file, Files.readString(file).replace("cache: none", "cache: system")
                .replace("execution:\n  concurrency: 4", "execution:\n  concurrency: 4\n  mode: batch"));
        MainTest.Outcome o = MainTest.frontier("validate", file.toString());
        assertThat(o.err()).contains("warning: prompt.cache: the prompt router of 'routed' may route to "
                        + "us.meta.llama3-1-8b-instruct-v1:0, us.meta.llama3-1-70b-instruct-v1:0, which have no prompt "
                        + "caching")
                .contains("warning: execution.mode: 'routed' is a prompt router, which Bedrock's batch inference "
                        + "documentation does not list");
    }
}
