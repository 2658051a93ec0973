package dev.frontier.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontier.model.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The suite's {@code promptRouters:} section and candidates that name a router with {@code router:<id>}. */
class PromptRoutersConfigTest {

    @TempDir
    Path dir;

    private SuiteLoader.Result load(String model, String routers) throws IOException {
        Path data = dir.resolve("d.jsonl");
        Files.writeString(data, "{\"id\":\"1\",\"q\":\"x\"}\n");
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, """
                suite: routed
                dataset: { path: d.jsonl, id: id }
                prompt: { user: "{{q}}" }
                candidates: [ { id: a, model: %s } ]
                scorers: [ { type: exact-match, expected: "x" } ]
                """.formatted(model) + routers);
        return SuiteLoader.load(f);
    }

    private static List<String> errors(SuiteLoader.Result r) {
        return r.problems().stream().filter(Problem::isError).map(Problem::toString).toList();
    }

    @Test
    void aRouterIsReadWithItsSettingsAndACandidateNamesIt() throws IOException {
        SuiteLoader.Result r = load("router:nova", """
                promptRouters:
                  - id: nova
                    models: [amazon.nova-lite-v1:0, us.amazon.nova-pro-v1:0]
                    fallback: us.amazon.nova-pro-v1:0
                    responseQualityDifference: 12.5
                    description: Lite unless Pro is clearly better
                    tags: { team: support }
                """);
        assertThat(errors(r)).isEmpty();
        SuiteSpec suite = ((SuiteLoader.Loaded) r).suite();
        assertThat(suite.promptRouters()).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo("nova");
            assertThat(p.models()).containsExactly("amazon.nova-lite-v1:0", "us.amazon.nova-pro-v1:0");
            assertThat(p.fallback()).isEqualTo("us.amazon.nova-pro-v1:0");
            assertThat(p.responseQualityDifference()).isEqualTo(12.5);
            assertThat(p.description()).contains("Lite unless Pro is clearly better");
            assertThat(p.tags()).isEqualTo(Map.of("team", "support"));
            assertThat(p.path()).isEqualTo("promptRouters[0]");
        });
        assertThat(suite.candidates().get(0).model()).isEqualTo("router:nova");
        assertThat(suite.at("promptRouters[0].models").line()).isEqualTo(8);
    }

    @Test
    void aCandidateNamingAnUndeclaredRouterIsAnErrorAtItsLine() throws IOException {
        assertThat(errors(load("router:nova", ""))).singleElement().asString()
                .endsWith("s.yaml:4:31 candidates[0].model: no prompt router 'nova' in promptRouters (declare it "
                        + "under 'promptRouters:' with id, models and fallback)");
        assertThat(errors(load("router:other", """
                promptRouters:
                  - { id: nova, models: [amazon.nova-lite-v1:0, amazon.nova-pro-v1:0], fallback: amazon.nova-pro-v1:0, responseQualityDifference: 0 }
                """))).singleElement().asString().contains("use one of: router:nova");
    }

    @Test
    void theRequestsOwnLimitsAreCheckedWithTheirPositions() throws IOException {
        List<String> errors = errors(load("router:nova", """
                promptRouters:
                  - id: nova
                    models: [amazon.nova-lite-v1:0]
                    fallback: amazon.nova-pro-v1:0
                    responseQualityDifference: 150
                  - id: nova
                    models: [amazon.nova-lite-v1:0, amazon.nova-pro-v1:0]
                    fallback: amazon.nova-pro-v1:0
                    responseQualityDifference: 1
                  - { id: Bad_Id, models: [a.b-v1:0, c.d-v1:0], fallback: a.b-v1:0, responseQualityDifference: 1 }
                """));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("s.yaml:8:13 promptRouters[0].models: a prompt "
                + "router routes between exactly two different models (1 given)"));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("promptRouters[0].fallback: 'amazon.nova-pro-v1:0' "
                + "is not one of the router's models"));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("s.yaml:10:32 promptRouters[0]"
                + ".responseQualityDifference: 150 is outside 0 to 100"));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("promptRouters[1].id: duplicate router id 'nova'"));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("promptRouters[2].id: 'Bad_Id' is not a valid "
                + "router id"));
    }

    @Test
    void anUnknownKeyOfARouterGetsAHint() throws IOException {
        assertThat(errors(load("router:nova", """
                promptRouters:
                  - { id: nova, models: [amazon.nova-lite-v1:0, amazon.nova-pro-v1:0], fallback: amazon.nova-pro-v1:0, responseQualityDiference: 1 }
                """))).anySatisfy(e -> assertThat(e).contains("promptRouters[0].responseQualityDiference: unknown key"));
    }
}
