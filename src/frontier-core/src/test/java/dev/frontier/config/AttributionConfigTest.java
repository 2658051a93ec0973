package dev.frontier.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontier.model.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code execution.attribution}: application inference profiles and their tags. */
class AttributionConfigTest {

    @TempDir
    Path dir;

    private SuiteLoader.Result load(String execution) throws IOException {
        Files.writeString(dir.resolve("d.jsonl"), "{\"id\":\"1\",\"q\":\"x\"}\n");
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, """
                suite: attributed
                dataset: { path: d.jsonl, id: id }
                prompt: { user: "{{q}}" }
                candidates: [ { id: a, model: amazon.nova-lite-v1:0 } ]
                scorers: [ { type: exact-match, expected: "x" } ]
                execution:
                """ + execution);
        return SuiteLoader.load(f);
    }

    @Test
    void profilesAndTagsAreRead() throws IOException {
        SuiteLoader.Result r = load("  attribution: { inferenceProfiles: true, tags: { team: cx, costCenter: \"42\" } }\n");
        assertThat(r.problems()).filteredOn(Problem::isError).isEmpty();
        assertThat(((SuiteLoader.Loaded) r).suite().execution().attribution()).contains(
                new SuiteSpec.AttributionSpec(true, Map.of("team", "cx", "costCenter", "42")));
        assertThat(((SuiteLoader.Loaded) r).suite().withMode(SuiteSpec.ExecutionSpec.Mode.ON_DEMAND).execution()
                .attribution()).isPresent();
    }

    @Test
    void noSectionNoProfiles() throws IOException {
        SuiteLoader.Result r = load("  concurrency: 2\n");
        assertThat(((SuiteLoader.Loaded) r).suite().execution().attribution()).isEqualTo(Optional.empty());
    }

    @Test
    void awsTagKeysAndUnknownKeysAreErrors() throws IOException {
        SuiteLoader.Result r = load("  attribution: { inferenceProfiles: true, tags: { \"aws:team\": cx }, profile: x }\n");
        assertThat(r.problems()).filteredOn(Problem::isError).extracting(Problem::toString)
                .anySatisfy(p -> assertThat(p).contains("execution.attribution").contains("profile"))
                .anySatisfy(p -> assertThat(p).contains("execution.attribution.tags.aws:team")
                        .contains("AWS's"));
    }
}
