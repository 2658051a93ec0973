package dev.frontier.invoke;

import java.time.Instant;
import java.util.Map;
import java.util.SortedMap;

/** Statistics of a monitoring service's metrics (CloudWatch). Failures are {@link CloudException}s. */
public interface MetricStatistics extends AutoCloseable {

    /**
     * The sum of a metric in each minute of {@code [from, to)} that has data, by the minute's start.
     *
     * @param namespace  e.g. {@code AWS/Bedrock}
     * @param metric     e.g. {@code Invocations}
     * @param dimensions name → value, e.g. {@code ModelId}
     */
    SortedMap<Instant, Double> sumPerMinute(String namespace, String metric, Map<String, String> dimensions,
                                            Instant from, Instant to);

    @Override
    void close();
}
