package dev.frontier.run;

import dev.frontier.invoke.MetricsPublisher;
import dev.frontier.results.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@code frontier run --publish-metrics} sends to CloudWatch after a run: per candidate, its quality, cost per
 * 1,000 requests (USD), and p50 / p95 latency (ms), in namespace {@value #NAMESPACE} with dimensions {@code Suite}
 * and {@code Candidate}, so a dashboard or alarm follows a suite's candidates from run to run. A figure the run
 * does not know (no scored item, no price, no timed call) is left out rather than sent as 0.
 */
public final class RunMetrics {

    /** The CloudWatch namespace. */
    public static final String NAMESPACE = "frontier";

    private RunMetrics() {
    }

    /** The values of a finished run. */
    public static List<MetricsPublisher.Datum> of(RunResult run) {
        List<MetricsPublisher.Datum> out = new ArrayList<>();
        for (RunResult.CandidateResult c : run.candidates()) {
            Map<String, String> dims = Map.of("Suite", run.suite(), "Candidate", c.id());
            c.quality().ifPresent(q -> out.add(new MetricsPublisher.Datum("Quality", q.mean(),
                    MetricsPublisher.Unit.NONE, dims)));
            c.costPer1k().ifPresent(usd -> out.add(new MetricsPublisher.Datum("CostPer1kRequests", usd.doubleValue(),
                    MetricsPublisher.Unit.NONE, dims)));
            c.latencyP50Ms().ifPresent(ms -> out.add(new MetricsPublisher.Datum("LatencyP50", ms,
                    MetricsPublisher.Unit.MILLISECONDS, dims)));
            c.latencyP95Ms().ifPresent(ms -> out.add(new MetricsPublisher.Datum("LatencyP95", ms,
                    MetricsPublisher.Unit.MILLISECONDS, dims)));
        }
        return out;
    }
}
