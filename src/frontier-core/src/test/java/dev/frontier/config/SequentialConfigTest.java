package dev.frontier.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code execution.sequential}: its defaults, its spellings, and each bad value at its line and column. */
class SequentialConfigTest {

    @TempDir
    Path dir;

    private SuiteLoader.Result load(String execution) throws IOException {
        Path data = dir.resolve("d.jsonl");
        Files.writeString(data, "{\"id\":\"1\",\"q\":\"x\"}\n");
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, """
                suite: looks
                dataset: { path: d.jsonl, id: id }
                prompt: { user: "{{q}}" }
                candidates: [ { id: a, model: amazon.nova-lite-v1:0 } ]
                scorers: [ { type: exact-match, expected: "x" } ]
                """ + execution);
        return SuiteLoader.load(f);
    }

    private String problem(String execution) throws IOException {
        SuiteLoader.Result r = load(execution);
        assertThat(r).isInstanceOf(SuiteLoader.Invalid.class);
        assertThat(r.problems()).hasSize(1);
        return r.problems().get(0).toString();
    }

    @Test
    void absentMeansEveryItemAndEmptyTakesTheDefaults() throws IOException {
        assertThat(((SuiteLoader.Loaded) load("")).suite().execution().sequential()).isEmpty();
        SuiteSpec.SequentialSpec spec = ((SuiteLoader.Loaded) load("execution: { sequential: {} }\n")).suite()
                .execution().sequential().orElseThrow();
        assertThat(spec).isEqualTo(new SuiteSpec.SequentialSpec(4, SuiteSpec.SequentialSpec.Spending.OBRIEN_FLEMING,
                OptionalDouble.of(0.1)));
    }

    @Test
    void looksSpendingAndFutilityAreRead() throws IOException {
        SuiteSpec.SequentialSpec spec = ((SuiteLoader.Loaded) load(
                "execution: { sequential: { looks: 3, spending: pocock, futility: none } }\n")).suite().execution()
                .sequential().orElseThrow();
        assertThat(spec).isEqualTo(new SuiteSpec.SequentialSpec(3, SuiteSpec.SequentialSpec.Spending.POCOCK,
                OptionalDouble.empty()));
        assertThat(((SuiteLoader.Loaded) load("execution: { sequential: { futility: 0.2 } }\n")).suite()
                .execution().sequential().orElseThrow().futility()).hasValue(0.2);
    }

    @Test
    void eachBadValueIsAnErrorAtItsPosition() throws IOException {
        assertThat(problem("execution:\n  sequential:\n    looks: 1\n"))
                .endsWith("s.yaml:8:12 execution.sequential.looks: must be between 2 and 10 (4 looks (after a "
                        + "quarter, half, three quarters and all of the items) is usual)");
        assertThat(problem("execution:\n  sequential:\n    spending: haybittle\n"))
                .endsWith("s.yaml:8:15 execution.sequential.spending: 'haybittle' is not a spending function "
                        + "(write obrien-fleming or pocock)");
        assertThat(problem("execution:\n  sequential:\n    futility: 0.9\n"))
                .endsWith("s.yaml:8:15 execution.sequential.futility: must be above 0 and at most 0.5, or none (the "
                        + "predictive power below which a candidate stops, e.g. 0.1)");
        assertThat(problem("execution:\n  sequential:\n    stages: 4\n")).contains("s.yaml:8:5")
                .contains("stages");
    }

    @Test
    void aSequentialRunCallsOnDemand() throws IOException {
        assertThat(problem("execution:\n  mode: batch\n  sequential: { looks: 4 }\n"))
                .endsWith("s.yaml:7:9 execution.mode: a sequential run calls on demand (remove 'mode: batch' or "
                        + "'sequential:' (a batch job answers all its items at once, so there is nothing to stop "
                        + "early))");
    }
}
