package dev.frontier.run.prepare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontier.config.SuiteLoader;
import dev.frontier.cost.PriceCatalog;
import dev.frontier.model.Problem;
import dev.frontier.score.ScorerRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Request settings the model does not take in the suite's Region stop at validate, at their line, with a fix. */
class SettingsChecksTest {

    @TempDir
    Path dir;

    private SuitePreparation.Result prepare(String candidates) throws IOException {
        Files.writeString(dir.resolve("data.jsonl"), """
                {"id": "a", "text": "refund please", "intent": "billing_refund"}
                {"id": "b", "text": "cannot log in", "intent": "account_login"}
                """);
        Files.writeString(dir.resolve("suite.yaml"), """
                suite: settings-check
                dataset: { path: data.jsonl, id: id }
                prompt: { system: "Label the message.", user: "{{text}}" }
                inference: { maxTokens: 4000 }
                candidates:
                %s
                scorers:
                  - { type: exact-match, expected: "{{intent}}" }
                """.formatted(candidates.indent(2)));
        SuiteLoader.Result loaded = SuiteLoader.load(dir.resolve("suite.yaml"));
        assertThat(loaded).as(loaded.problems().toString()).isInstanceOf(SuiteLoader.Loaded.class);
        return SuitePreparation.prepare(((SuiteLoader.Loaded) loaded).suite(), PriceCatalog.bundled(),
                ScorerRegistry.standard());
    }

    private List<String> errors(SuitePreparation.Result r) {
        assertThat(r).isInstanceOf(SuitePreparation.Invalid.class);
        return ((SuitePreparation.Invalid) r).problems().stream().filter(Problem::isError)
                .map(p -> p.line() + ":" + p.column() + " " + p.problem() + " | " + p.hint()).toList();
    }

    @Test
    void supportedSettingsPass() throws IOException {
        assertThat(prepare("""
                - { id: pro-flex, model: amazon.nova-pro-v1:0, inference: { serviceTier: flex } }
                - { id: pro-fast, model: us.amazon.nova-pro-v1:0, inference: { latency: optimized } }
                - { id: lite-think, model: us.amazon.nova-2-lite-v1:0, inference: { reasoning: low } }
                - id: haiku-think
                  model: us.anthropic.claude-haiku-4-5-20251001-v1:0
                  inference: { reasoning: 2048 }
                  prompt: { cache: system, cacheTtl: 1h }
                - matrix: { model: [amazon.nova-pro-v1:0, us.amazon.nova-2-lite-v1:0], serviceTier: [standard, flex, priority] }
                """)).isInstanceOf(SuitePreparation.Ready.class);
    }

    @Test
    void aTierTheModelLacksIsRefusedAtItsLineWithTheModelsThatHaveIt() throws IOException {
        assertThat(errors(prepare("""
                - { id: micro-flex, model: amazon.nova-micro-v1:0, inference: { serviceTier: flex } }
                """))).singleElement().asString()
                .startsWith("6:67 'micro-flex' asks for the flex service tier, which Bedrock does not offer for "
                        + "Amazon Nova Micro in us-east-1")
                .contains("use a model that offers it there: amazon.nova-pro-v1:0");
    }

    @Test
    void aMatrixValueIsBlamedAtTheMatrixLine() throws IOException {
        assertThat(errors(prepare("""
                - { id: pro, model: amazon.nova-pro-v1:0 }
                - matrix:
                    model: [amazon.nova-pro-v1:0, amazon.nova-micro-v1:0]
                    serviceTier: [flex]
                """))).singleElement().asString().startsWith("9:21 'nova-micro-flex' asks for the flex service tier");
    }

    @Test
    void latencyOptimizedNeedsTheModelTheRegionTheProfileAndNoCheckpoint() throws IOException {
        assertThat(errors(prepare("""
                - { id: lite-fast, model: us.amazon.nova-lite-v1:0, inference: { latency: optimized } }
                - { id: pro-bare, model: amazon.nova-pro-v1:0, inference: { latency: optimized } }
                - id: pro-cached
                  model: us.amazon.nova-pro-v1:0
                  inference: { latency: optimized }
                  prompt: { cache: system }
                """))).satisfiesExactlyInAnyOrder(
                e -> assertThat(e).startsWith("6:68 'lite-fast' asks for latency-optimized inference, which "
                        + "Bedrock offers for Amazon Nova Lite nowhere").contains("us.amazon.nova-pro-v1:0"),
                e -> assertThat(e).startsWith("7:21 latency-optimized inference is served only through the us. "
                        + "cross-Region inference profile"),
                e -> assertThat(e).startsWith("11:15 'pro-cached' asks for latency-optimized inference and a cache "
                        + "checkpoint"));
    }

    @Test
    void reasoningMustFitTheModel() throws IOException {
        assertThat(errors(prepare("""
                - { id: pro-think, model: amazon.nova-pro-v1:0, inference: { reasoning: low } }
                - { id: lite-budget, model: us.amazon.nova-2-lite-v1:0, inference: { reasoning: 2048 } }
                - { id: haiku-small, model: us.anthropic.claude-haiku-4-5-20251001-v1:0, inference: { reasoning: 512 } }
                - { id: haiku-big, model: us.anthropic.claude-haiku-4-5-20251001-v1:0, inference: { reasoning: 8000 } }
                - id: haiku-warm
                  model: us.anthropic.claude-haiku-4-5-20251001-v1:0
                  inference: { reasoning: 2048, temperature: 0 }
                - id: lite-high-warm
                  model: us.amazon.nova-2-lite-v1:0
                  inference: { reasoning: high, topP: 0.9 }
                """))).extracting(e -> e.substring(0, e.indexOf(' ')) + " " + e.substring(e.indexOf(' ') + 1,
                e.indexOf(' ') + 40)).containsExactlyInAnyOrder(
                "6:64 Amazon Nova Pro takes no reasoning sett",
                "7:72 Amazon Nova 2 Lite takes a reasoning ef",
                "8:89 a thinking budget of 512 tokens is belo",
                "9:87 the thinking budget of 'haiku-big' (800",
                "12:35 Claude Haiku 4.5 takes no temperature w",
                "15:35 Amazon Nova 2 Lite takes no topP while ");
    }

    @Test
    void aOneHourTtlOnAModelWithFiveMinutesIsRefused() throws IOException {
        assertThat(errors(prepare("""
                - id: pro-1h
                  model: amazon.nova-pro-v1:0
                  prompt: { cache: system, cacheTtl: 1h }
                """))).singleElement().asString()
                .startsWith("8:30 Amazon Nova Pro caches prompts for 5m, not 1h; Bedrock refuses the checkpoint "
                        + "('Extended TTL prompt caching is only supported for Anthropic models')")
                .contains("anthropic.claude-haiku-4-5-20251001-v1:0");
    }
}
