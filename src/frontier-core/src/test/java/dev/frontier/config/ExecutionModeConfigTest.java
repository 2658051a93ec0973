package dev.frontier.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecutionModeConfigTest {

    @TempDir
    Path dir;

    private SuiteLoader.Result load(String execution) throws IOException {
        Path data = dir.resolve("d.jsonl");
        Files.writeString(data, "{\"id\":\"1\",\"q\":\"x\"}\n");
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, """
                suite: modes
                dataset: { path: d.jsonl, id: id }
                prompt: { user: "{{q}}" }
                candidates: [ { id: a, model: amazon.nova-lite-v1:0 } ]
                scorers: [ { type: exact-match, expected: "x" } ]
                """ + execution);
        return SuiteLoader.load(f);
    }

    @Test
    void theModeDefaultsToOnDemandAndTakesTheThreeValues() throws IOException {
        assertThat(((SuiteLoader.Loaded) load("")).suite().execution().mode())
                .isEqualTo(SuiteSpec.ExecutionSpec.Mode.ON_DEMAND);
        assertThat(((SuiteLoader.Loaded) load("execution: { mode: batch }\n")).suite().execution().mode())
                .isEqualTo(SuiteSpec.ExecutionSpec.Mode.BATCH);
        assertThat(((SuiteLoader.Loaded) load("execution: { mode: auto }\n")).suite().execution().mode())
                .isEqualTo(SuiteSpec.ExecutionSpec.Mode.AUTO);
    }

    @Test
    void anUnknownModeIsAnErrorAtItsPosition() throws IOException {
        SuiteLoader.Result r = load("execution:\n  mode: cheap\n");
        assertThat(r).isInstanceOf(SuiteLoader.Invalid.class);
        assertThat(r.problems()).hasSize(1);
        assertThat(r.problems().get(0).toString()).endsWith("s.yaml:7:9 execution.mode: 'cheap' is not a mode "
                + "(write on-demand, batch or auto (batch where a candidate has >= 100 items and a batch price))");
    }
}
