package dev.frontier.bedrock;

import dev.frontier.invoke.CloudException;
import dev.frontier.invoke.MetricStatistics;
import dev.frontier.invoke.MetricsPublisher;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;

/**
 * CloudWatch: custom metrics through {@code PutMetricData}, at most 1,000 values a request (CloudWatch's limit per
 * call), and per-minute sums of a metric through {@code GetMetricData} (every page).
 */
public final class CloudWatchMetrics implements MetricsPublisher, MetricStatistics {

    /** The most values one PutMetricData call takes. */
    static final int MAX_PER_CALL = 1000;

    private final CloudWatchClient client;

    public CloudWatchMetrics(CloudWatchClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public void publish(String namespace, Instant at, List<Datum> data) {
        for (int from = 0; from < data.size(); from += MAX_PER_CALL) {
            List<MetricDatum> part = data.subList(from, Math.min(data.size(), from + MAX_PER_CALL)).stream()
                    .map(d -> MetricDatum.builder().metricName(d.name()).value(d.value()).unit(d.unit().wire())
                            .timestamp(at).dimensions(d.dimensions().entrySet().stream()
                                    .sorted(Map.Entry.comparingByKey())
                                    .map(e -> Dimension.builder().name(e.getKey()).value(e.getValue()).build())
                                    .toList())
                            .build())
                    .toList();
            try {
                client.putMetricData(b -> b.namespace(namespace).metricData(part));
            } catch (SdkException e) {
                String code = ServiceErrors.code(e).orElse(null);
                throw new CloudException("cannot publish " + part.size() + " metrics to CloudWatch namespace "
                        + namespace + ": " + (code == null ? "" : code + ": ") + e.getMessage()
                        + " (check that your identity may call cloudwatch:PutMetricData in this Region)", e);
            }
        }
    }

    @Override
    public SortedMap<Instant, Double> sumPerMinute(String namespace, String metric, Map<String, String> dimensions,
                                                   Instant from, Instant to) {
        MetricDataQuery query = MetricDataQuery.builder().id("m0").returnData(true)
                .metricStat(s -> s.period(60).stat("Sum").metric(m -> m.namespace(namespace).metricName(metric)
                        .dimensions(dimensions.entrySet().stream().sorted(Map.Entry.comparingByKey())
                                .map(e -> Dimension.builder().name(e.getKey()).value(e.getValue()).build())
                                .toList())))
                .build();
        SortedMap<Instant, Double> out = new TreeMap<>();
        try {
            for (GetMetricDataResponse page : client.getMetricDataPaginator(b -> b.startTime(from).endTime(to)
                    .scanBy(ScanBy.TIMESTAMP_ASCENDING).metricDataQueries(query))) {
                for (MetricDataResult r : page.metricDataResults()) {
                    for (int i = 0; i < r.timestamps().size() && i < r.values().size(); i++) {
                        out.merge(r.timestamps().get(i), r.values().get(i), Double::sum);
                    }
                }
            }
        } catch (SdkException e) {
            throw new CloudException("cannot read " + namespace + " " + metric + " " + dimensions + " from "
                    + "CloudWatch: " + e.getMessage() + " (check that your identity may call cloudwatch:GetMetricData"
                    + " in this Region)", e);
        }
        return out;
    }

    @Override
    public void close() {
        client.close();
    }
}
