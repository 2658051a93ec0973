package dev.frontier.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.frontier.invoke.CloudException;
import dev.frontier.invoke.MetricsPublisher;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.thirdparty.jackson.core.JsonParser;
import software.amazon.awssdk.thirdparty.jackson.core.JsonToken;
import software.amazon.awssdk.thirdparty.jackson.dataformat.cbor.CBORFactory;
import software.amazon.awssdk.thirdparty.jackson.dataformat.cbor.CBORGenerator;

/**
 * PutMetricData through the real SDK client against a local stub answering with CloudWatch's recorded answer (the
 * Smithy RPC v2 CBOR protocol: an empty CBOR map, {@code smithy-protocol: rpc-v2-cbor}). CloudWatch is exercised
 * against recorded responses, not an emulator: the sandbox imitates Bedrock and S3, and a local CloudWatch would
 * be a second emulator to keep true.
 */
class CloudWatchMetricsTest {

    private record Seen(String path, String protocol, Map<String, Object> body) {
    }

    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private MetricsPublisher metrics;
    private volatile int status = 200;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
        URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        metrics = new CloudWatchMetrics(CloudClients.cloudWatch(new BedrockSettings(Optional.of("us-east-1"),
                BedrockSettings.Endpoints.none(), new BedrockSettings.Static("k", "s"), 1, Duration.ofSeconds(10),
                "frontier#test"), Optional.of(endpoint)));
    }

    @AfterEach
    void stop() {
        metrics.close();
        server.stop(0);
    }

    @SuppressWarnings("unchecked")
    private void handle(HttpExchange x) throws IOException {
        byte[] body = x.getRequestBody().readAllBytes();
        if ("gzip".equals(x.getRequestHeaders().getFirst("Content-Encoding"))) {
            // the SDK compresses large PutMetricData bodies, as CloudWatch allows
            body = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body)).readAllBytes();
        }
        try (JsonParser p = new CBORFactory().createParser(body)) {
            p.nextToken();
            seen.add(new Seen(x.getRequestURI().getPath(), x.getRequestHeaders().getFirst("smithy-protocol"),
                    (Map<String, Object>) read(p)));
        }
        x.getResponseHeaders().add("smithy-protocol", "rpc-v2-cbor");
        x.getResponseHeaders().add("Content-Type", "application/cbor");
        byte[] answer = x.getRequestURI().getPath().endsWith("/GetMetricData") ? metricData()
                : status == 200 ? new byte[] {(byte) 0xA0}
                : new byte[] {(byte) 0xA2, 0x66, '_', '_', 't', 'y', 'p', 'e', 0x75, 'I', 'n', 'v', 'a', 'l', 'i', 'd',
                'P', 'a', 'r', 'a', 'm', 'e', 't', 'e', 'r', 'V', 'a', 'l', 'u', 'e', 0x67, 'm', 'e', 's', 's', 'a',
                'g', 'e', 0x63, 'b', 'a', 'd'};
        x.sendResponseHeaders(status, answer.length);
        x.getResponseBody().write(answer);
        x.close();
    }

    /**
     * GetMetricData's answer as CloudWatch encodes it: one result, its timestamps as CBOR epoch-seconds (tag 1),
     * on two pages when asked without a token.
     */
    private byte[] metricData() throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        boolean first = seen.get(seen.size() - 1).body().get("NextToken") == null;
        try (CBORGenerator g = (CBORGenerator) new CBORFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeFieldName("MetricDataResults");
            g.writeStartArray();
            g.writeStartObject();
            g.writeStringField("Id", "m0");
            g.writeStringField("Label", "Invocations");
            g.writeFieldName("Timestamps");
            g.writeStartArray();
            g.writeTag(1);
            g.writeNumber(first ? 1795420800.0 : 1795420920.0);
            g.writeEndArray();
            g.writeFieldName("Values");
            g.writeStartArray();
            g.writeNumber(first ? 2.0 : 4.0);
            g.writeEndArray();
            g.writeStringField("StatusCode", "Complete");
            g.writeEndObject();
            g.writeEndArray();
            if (first) {
                g.writeStringField("NextToken", "page2");
            }
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    @Test
    void sumsPerMinuteAreReadFromEveryPage() {
        java.util.SortedMap<Instant, Double> sums = ((dev.frontier.invoke.MetricStatistics) metrics).sumPerMinute(
                "AWS/Bedrock", "Invocations", Map.of("ModelId", "amazon.nova-lite-v1:0"),
                Instant.parse("2026-11-23T08:00:00Z"), Instant.parse("2026-11-23T09:00:00Z"));
        assertThat(sums).containsExactly(Map.entry(Instant.parse("2026-11-23T08:00:00Z"), 2.0),
                Map.entry(Instant.parse("2026-11-23T08:02:00Z"), 4.0));
        assertThat(seen).hasSize(2);
        assertThat(seen.get(0).path()).isEqualTo("/service/GraniteServiceVersion20100801/operation/GetMetricData");
        @SuppressWarnings("unchecked")
        Map<String, Object> query = ((List<Map<String, Object>>) seen.get(0).body().get("MetricDataQueries")).get(0);
        @SuppressWarnings("unchecked")
        Map<String, Object> stat = (Map<String, Object>) query.get("MetricStat");
        assertThat(stat).containsEntry("Period", 60.0).containsEntry("Stat", "Sum");
        assertThat(stat.get("Metric")).isEqualTo(Map.of("Namespace", "AWS/Bedrock", "MetricName", "Invocations",
                "Dimensions", List.of(Map.of("Name", "ModelId", "Value", "amazon.nova-lite-v1:0"))));
        assertThat(seen.get(1).body()).containsEntry("NextToken", "page2");
    }

    /** A CBOR value as maps, lists and scalars. */
    private static Object read(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            Map<String, Object> m = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                m.put(name, read(p));
            }
            return m;
        }
        if (t == JsonToken.START_ARRAY) {
            List<Object> l = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                l.add(read(p));
            }
            return l;
        }
        if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT) {
            return p.getNumberValue().doubleValue();
        }
        return p.getText();
    }

    @Test
    void valuesGoOutAsPutMetricDataWithTheirDimensionsAndUnits() {
        Instant at = Instant.parse("2026-12-03T12:00:00Z");
        metrics.publish("frontier", at, List.of(
                new MetricsPublisher.Datum("Quality", 0.82, MetricsPublisher.Unit.NONE,
                        Map.of("Suite", "support", "Candidate", "lite")),
                new MetricsPublisher.Datum("LatencyP95", 910, MetricsPublisher.Unit.MILLISECONDS,
                        Map.of("Suite", "support", "Candidate", "lite"))));
        assertThat(seen).singleElement().satisfies(s -> {
            assertThat(s.path()).isEqualTo("/service/GraniteServiceVersion20100801/operation/PutMetricData");
            assertThat(s.protocol()).isEqualTo("rpc-v2-cbor");
            assertThat(s.body().get("Namespace")).isEqualTo("frontier");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> data = (List<Map<String, Object>>) s.body().get("MetricData");
            assertThat(data).hasSize(2);
            assertThat(data.get(0)).containsEntry("MetricName", "Quality").containsEntry("Value", 0.82)
                    .containsEntry("Unit", "None").containsKey("Timestamp");
            assertThat(data.get(0).get("Dimensions")).isEqualTo(List.of(
                    Map.of("Name", "Candidate", "Value", "lite"), Map.of("Name", "Suite", "Value", "support")));
            assertThat(data.get(1)).containsEntry("MetricName", "LatencyP95").containsEntry("Value", 910.0)
                    .containsEntry("Unit", "Milliseconds");
        });
    }

    @Test
    void moreThanAThousandValuesAreSplitAcrossCalls() {
        List<MetricsPublisher.Datum> data = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            data.add(new MetricsPublisher.Datum("Quality", i, MetricsPublisher.Unit.NONE, Map.of("Candidate", "c" + i)));
        }
        metrics.publish("frontier", Instant.EPOCH, data);
        assertThat(seen).hasSize(2);
        assertThat((List<?>) seen.get(1).body().get("MetricData")).hasSize(1);
    }

    @Test
    void aRefusalIsACloudException() {
        status = 400;
        assertThatThrownBy(() -> metrics.publish("frontier", Instant.EPOCH, List.of(new MetricsPublisher.Datum(
                "Quality", 1, MetricsPublisher.Unit.NONE, Map.of())))).isInstanceOf(CloudException.class)
                .hasMessageContaining("cloudwatch:PutMetricData");
    }
}
