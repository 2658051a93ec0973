package dev.frontier.bedrock;

import dev.frontier.invoke.CloudException;
import dev.frontier.invoke.MetricsPublisher;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;

/**
 * Custom metrics through CloudWatch's {@code PutMetricData}, at most 1,000 values a request (CloudWatch's limit per
 * call).
 */
public final class CloudWatchMetrics implements MetricsPublisher {

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
                String code = e instanceof AwsServiceException ase && ase.awsErrorDetails() != null
                        ? ase.awsErrorDetails().errorCode() : null;
                throw new CloudException("cannot publish " + part.size() + " metrics to CloudWatch namespace "
                        + namespace + ": " + (code == null ? "" : code + ": ") + e.getMessage()
                        + " (check that your identity may call cloudwatch:PutMetricData in this Region)", e);
            }
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
