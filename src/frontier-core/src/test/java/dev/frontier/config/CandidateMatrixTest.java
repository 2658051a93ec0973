package dev.frontier.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontier.model.CallSettings;
import dev.frontier.model.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A candidate matrix expands into readable candidates, and request settings are read with their lines. */
class CandidateMatrixTest {

    @TempDir
    Path dir;

    private SuiteLoader.Result load(String candidates) throws IOException {
        Files.writeString(dir.resolve("data.jsonl"), "{\"id\": \"a\", \"text\": \"x\"}\n");
        Files.writeString(dir.resolve("suite.yaml"), """
                suite: matrix
                dataset: { path: data.jsonl, id: id }
                prompt: { user: "{{text}}" }
                inference: { maxTokens: 3000, serviceTier: flex }
                candidates:
                %s
                scorers:
                  - { type: contains, value: x }
                """.formatted(candidates.indent(2)));
        return SuiteLoader.load(dir.resolve("suite.yaml"));
    }

    private SuiteSpec loaded(String candidates) throws IOException {
        SuiteLoader.Result r = load(candidates);
        assertThat(r).as(r.problems().toString()).isInstanceOf(SuiteLoader.Loaded.class);
        return ((SuiteLoader.Loaded) r).suite();
    }

    @Test
    void twoModelsTimesThreeTiersMakeSixCandidatesWithReadableIds() throws IOException {
        SuiteSpec s = loaded("""
                - { id: incumbent, model: us.anthropic.claude-haiku-4-5-20251001-v1:0, role: incumbent, inference: { serviceTier: standard } }
                - matrix:
                    model: [amazon.nova-pro-v1:0, us.amazon.nova-2-lite-v1:0]
                    serviceTier: [standard, flex, priority]
                - { id: last, model: amazon.nova-micro-v1:0 }
                """);
        assertThat(s.incumbent().map(CandidateSpec::id)).contains("incumbent");
        assertThat(s.candidates()).extracting(CandidateSpec::id).containsExactly("incumbent", "nova-pro-standard",
                "nova-pro-flex", "nova-pro-priority", "nova-2-lite-standard", "nova-2-lite-flex",
                "nova-2-lite-priority", "last");
        assertThat(s.candidates().get(5).model()).isEqualTo("us.amazon.nova-2-lite-v1:0");
        assertThat(s.candidates().get(5).inference().settings().serviceTier())
                .contains(CallSettings.ServiceTier.FLEX);
        assertThat(s.candidates().get(5).inference().maxTokens()).isEqualTo(3000);
        // the suite's tier applies where the candidate sets none
        assertThat(s.candidates().get(7).inference().settings().serviceTier()).contains(CallSettings.ServiceTier.FLEX);
        // positions follow the expanded list: the matrix values, and the candidates after the matrix
        assertThat(s.at("candidates[5].model").line()).isEqualTo(8);
        assertThat(s.at("candidates[5].inference.serviceTier").line()).isEqualTo(9);
        assertThat(s.at("candidates[5].inference.serviceTier").column()).isEqualTo(31);
        assertThat(s.at("candidates[7].model").line()).isEqualTo(10);
    }

    @Test
    void aMatrixNamesItsIncumbentByGeneratedId() throws IOException {
        SuiteSpec s = loaded("""
                - matrix: { model: [amazon.nova-pro-v1:0], serviceTier: [standard, flex] }
                  incumbent: nova-pro-standard
                """);
        assertThat(s.incumbent().map(CandidateSpec::id)).contains("nova-pro-standard");
        SuiteLoader.Result wrong = load("""
                - matrix: { model: [amazon.nova-pro-v1:0], serviceTier: [standard, flex] }
                  incumbent: nova-pro
                """);
        assertThat(wrong.problems()).extracting(p -> p.line() + ":" + p.column() + " " + p.problem() + " | "
                + p.hint()).containsExactly("7:16 the matrix makes no candidate 'nova-pro' | use one of: "
                + "nova-pro-standard, nova-pro-flex");
    }

    @Test
    void reasoningAndLatencyAxesAndAPrefix() throws IOException {
        SuiteSpec s = loaded("""
                - id: t
                  matrix:
                    model: [us.anthropic.claude-haiku-4-5-20251001-v1:0]
                    reasoning: [off, 2048]
                    latency: [standard]
                """);
        assertThat(s.candidates()).extracting(CandidateSpec::id).containsExactly("t-claude-haiku-4-5-lat-std-noreason",
                "t-claude-haiku-4-5-lat-std-think2048");
        assertThat(s.candidates().get(1).inference().settings().reasoning())
                .contains(new CallSettings.Reasoning.Budget(2048));
        assertThat(s.candidates().get(0).inference().settings().reasoning()).isEmpty();
    }

    @Test
    void settingsAndTtlAreRead() throws IOException {
        SuiteSpec s = loaded("""
                - id: a
                  model: us.amazon.nova-2-lite-v1:0
                  inference: { serviceTier: priority, latency: optimized, reasoning: medium }
                  prompt: { cache: system, cacheTtl: 1h }
                """);
        CandidateSpec c = s.candidates().get(0);
        assertThat(c.inference().settings()).isEqualTo(new CallSettings(Optional.of(CallSettings.ServiceTier.PRIORITY),
                true, Optional.of(new CallSettings.Reasoning.Effort("medium")), Optional.empty()));
        assertThat(c.prompt().cacheTtl()).contains("1h");
    }

    @Test
    void badValuesAndMatrixMistakesAreReportedAtTheirLines() throws IOException {
        SuiteLoader.Result r = load("""
                - { id: a, model: amazon.nova-pro-v1:0, inference: { serviceTier: cheapest, reasoning: lots, latency: fast } }
                - { id: b, model: amazon.nova-pro-v1:0, prompt: { cacheTtl: 2h } }
                - matrix: { model: [amazon.nova-pro-v1:0], serviceTier: [flex, flex] }
                  role: incumbent
                - matrix: { serviceTier: [flex] }
                """);
        assertThat(r).isInstanceOf(SuiteLoader.Invalid.class);
        List<String> errors = r.problems().stream().filter(Problem::isError)
                .map(p -> p.line() + ":" + p.column() + " " + p.problem()).toList();
        assertThat(errors).containsExactlyInAnyOrder(
                "6:69 unknown service tier 'cheapest'",
                "6:90 unknown reasoning setting 'lots'",
                "6:105 unknown latency 'fast'",
                "7:63 unknown cache TTL '2h'",
                "8:66 'flex' is listed twice",
                "9:11 'role' beside 'matrix'",
                "10:13 missing");
    }

    @Test
    void shortNames() {
        assertThat(SuiteLoader.shortName("amazon.nova-pro-v1:0")).isEqualTo("nova-pro");
        assertThat(SuiteLoader.shortName("us.anthropic.claude-haiku-4-5-20251001-v1:0"))
                .isEqualTo("claude-haiku-4-5");
        assertThat(SuiteLoader.shortName("meta.llama3-1-70b-instruct-v1:0")).isEqualTo("llama3-1-70b-instruct");
        assertThat(SuiteLoader.shortName("anthropic.claude-3-haiku-20240307-v1:0:200k"))
                .isEqualTo("claude-3-haiku");
        assertThat(SuiteLoader.shortName("router:intents")).isEqualTo("router-intents");
    }
}
