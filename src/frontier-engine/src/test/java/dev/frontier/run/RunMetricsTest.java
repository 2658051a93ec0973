package dev.frontier.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontier.invoke.MetricsPublisher;
import dev.frontier.model.RunId;
import dev.frontier.results.RunResult;
import dev.frontier.run.flow.RunContext;
import dev.frontier.run.flow.RunProgress;
import dev.frontier.run.prepare.PreparedSuite;
import dev.frontier.store.RunStore;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CloudWatch values of a run: per candidate, the figures its record holds, with Suite and Candidate. */
class RunMetricsTest {

    @TempDir
    Path dir;

    @Test
    void eachCandidateGetsItsKnownFigures() throws Exception {
        PreparedSuite suite = TinySuite.prepare(dir, 4);
        RunResult r;
        try (RunStore store = RunStore.open(dir.resolve("store.db"))) {
            r = new Runner(new FakeModelClient(TinySuite::answer), store, InstantSource.system(), RunProgress.NONE)
                    .run(suite, new RunId("20261203-120000-0001"), new RunContext("test", "fake", "us-east-1", true),
                            Runner.Options.fresh(Optional.empty()));
        }
        List<MetricsPublisher.Datum> data = RunMetrics.of(r);
        RunResult.CandidateResult micro = r.candidates().stream().filter(c -> c.id().equals("micro")).findFirst()
                .orElseThrow();
        Map<String, String> dims = Map.of("Suite", "tiny", "Candidate", "micro");
        assertThat(data).contains(new MetricsPublisher.Datum("Quality", 1.0, MetricsPublisher.Unit.NONE, dims),
                new MetricsPublisher.Datum("CostPer1kRequests", micro.costPer1k().orElseThrow().doubleValue(),
                        MetricsPublisher.Unit.NONE, dims));
        assertThat(data).filteredOn(d -> d.dimensions().get("Candidate").equals("lite"))
                .extracting(MetricsPublisher.Datum::name).contains("Quality", "CostPer1kRequests");
        assertThat(data).filteredOn(d -> d.name().startsWith("Latency"))
                .allSatisfy(d -> assertThat(d.unit()).isEqualTo(MetricsPublisher.Unit.MILLISECONDS));
        assertThat(data).extracting(d -> d.dimensions().keySet()).containsOnly(java.util.Set.of("Suite", "Candidate"));
    }
}
