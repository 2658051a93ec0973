package dev.frontier.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Model invocation logging (user guide, model-invocation-logging; API reference,
 * PutModelInvocationLoggingConfiguration / GetModelInvocationLoggingConfiguration /
 * DeleteModelInvocationLoggingConfiguration, {@code PUT|GET|DELETE /logging/modelinvocations}): the account's one
 * logging configuration, kept in the control plane's state, and the delivery of one record per answered runtime call
 * to the configured S3 bucket.
 *
 * <p>Only S3 delivery is imitated: a {@code cloudWatchConfig} is accepted, stored and returned, but nothing is sent
 * to CloudWatch Logs. Records are written in Bedrock's schema ({@code schemaType ModelInvocationLog},
 * {@code schemaVersion 1.0}) as gzip-compressed JSON Lines under
 * {@code {keyPrefix}/AWSLogs/{account}/BedrockModelInvocationLogs/{region}/YYYY/MM/DD/HH/}, buffered per hour
 * prefix and flushed on a short timer and on close. Logging never fails a call: a record that cannot be written is
 * dropped and the failure logged.
 */
final class InvocationLogging implements ControlPlane.Operations {

    private static final Logger LOG = LoggerFactory.getLogger(InvocationLogging.class);
    private static final String KIND = "invocation-logging";
    private static final String ID = "modelinvocations";
    /** Written under the prefix when logging is configured, as Bedrock's check that it may write there. */
    static final String PERMISSION_CHECK = "amazon-bedrock-logs-permission-check";
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy/MM/dd/HH");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'");

    /**
     * One answered runtime call as the log records it.
     *
     * @param time         when Bedrock received it
     * @param region       the Region it was signed for
     * @param requestId    the {@code x-amzn-RequestId} it was answered with
     * @param operation    {@code Converse}, {@code ConverseStream}, {@code InvokeModel}, ...
     * @param modelId      the model id as the caller named it (bare id, profile id or ARN)
     * @param input        the request body as sent
     * @param output       the response body as answered
     * @param inputTokens  uncached input tokens
     * @param outputTokens output tokens
     * @param cacheRead    input tokens read from the prompt cache
     * @param cacheWrite   input tokens written to the prompt cache
     * @param metadata     the request's {@code requestMetadata}, empty when it sent none
     */
    record Invocation(Instant time, String region, String requestId, String operation, String modelId,
                      JsonNode input, JsonNode output, long inputTokens, long outputTokens, long cacheRead,
                      long cacheWrite, Map<String, String> metadata) {
        Invocation {
            Objects.requireNonNull(time, "time");
            metadata = Map.copyOf(metadata);
        }
    }

    private final ControlState state;
    private final ObjectMapper json;
    private final String account;
    private final AtomicLong objects = new AtomicLong();
    /** The configuration now, or null; read once from the state and then kept in step with it. */
    private volatile ObjectNode config;
    /** Records waiting to be written: full object key prefix (bucket + "\n" + prefix) to JSON lines. */
    private final Map<String, List<String>> pending = new LinkedHashMap<>();

    InvocationLogging(ControlState state, String account) {
        this.state = Objects.requireNonNull(state, "state");
        this.json = state.json();
        this.account = Objects.requireNonNull(account, "account");
        this.config = state.read(KIND, ID).orElse(null);
    }

    @Override
    public Optional<ControlPlane.Reply> handle(String method, List<String> segments, Map<String, String> query,
                                               byte[] body, String region) {
        if (segments.size() != 2 || !segments.get(0).equals("logging") || !segments.get(1).equals(ID)) {
            return Optional.empty();
        }
        return switch (method) {
            case "PUT" -> Optional.of(put(body, region));
            case "GET" -> {
                ObjectNode out = json.createObjectNode();
                ObjectNode now = config;
                if (now != null) {
                    out.set("loggingConfig", now.deepCopy());
                }
                yield Optional.of(new ControlPlane.Reply("GetModelInvocationLoggingConfiguration", 200, out));
            }
            case "DELETE" -> {
                synchronized (this) {
                    flush();
                    config = null;
                    state.delete(KIND, ID);
                }
                yield Optional.of(new ControlPlane.Reply("DeleteModelInvocationLoggingConfiguration", 200,
                        json.createObjectNode()));
            }
            default -> Optional.empty();
        };
    }

    private ControlPlane.Reply put(byte[] body, String region) {
        JsonNode request = state.request(body);
        JsonNode logging = request.get("loggingConfig");
        if (logging == null || !logging.isObject()) {
            throw BedrockError.validation("1 validation error detected: Value null at 'loggingConfig' failed to "
                    + "satisfy constraint: Member must not be null");
        }
        JsonNode s3 = logging.get("s3Config");
        if (s3 != null && !s3.isNull()) {
            String bucket = s3.path("bucketName").asText("");
            if (bucket.isEmpty() || bucket.length() > 63) {
                throw BedrockError.validation("1 validation error detected: Value '" + bucket + "' at "
                        + "'loggingConfig.s3Config.bucketName' failed to satisfy constraint: Member must have length "
                        + "between 1 and 63");
            }
            String prefix = s3.path("keyPrefix").asText("");
            if (prefix.length() > 1024) {
                throw BedrockError.validation("1 validation error detected: Value at 'loggingConfig.s3Config.keyPrefix'"
                        + " failed to satisfy constraint: Member must have length less than or equal to 1024");
            }
            if (!state.s3().bucketExists(bucket)) {
                throw BedrockError.rule("logging-bucket-missing", Map.of("bucket", bucket));
            }
            // Bedrock checks it may write by putting this object under the prefix (user guide)
            state.s3().put(bucket, join(prefix, "AWSLogs/" + account + "/BedrockModelInvocationLogs/"
                    + PERMISSION_CHECK), new byte[0]);
        }
        synchronized (this) {
            flush();
            ObjectNode stored = ((ObjectNode) logging).deepCopy();
            state.write(KIND, ID, stored);
            config = stored;
        }
        return new ControlPlane.Reply("PutModelInvocationLoggingConfiguration", 200, json.createObjectNode());
    }

    /** Queues the call's record when logging of text to S3 is on; never throws. */
    void record(Invocation call) {
        try {
            ObjectNode now = config;
            if (now == null || !now.path("textDataDeliveryEnabled").asBoolean(false)
                    || !now.path("s3Config").isObject()) {
                return;
            }
            String line = json.writeValueAsString(toRecord(call, account));
            String bucket = now.path("s3Config").path("bucketName").asText();
            String prefix = join(now.path("s3Config").path("keyPrefix").asText(""),
                    hourPrefix(account, call.region() == null ? ControlState.REGION : call.region(), call.time()));
            synchronized (this) {
                pending.computeIfAbsent(bucket + "\n" + prefix, k -> new ArrayList<>()).add(line);
            }
        } catch (RuntimeException | JsonProcessingException e) {
            LOG.warn("sandbox invocation log record dropped", e);
        }
    }

    /**
     * Writes every queued record, one object per hour prefix; failures are logged, never thrown. Calls that are
     * answered meanwhile queue their records for the next delivery.
     */
    void flush() {
        Map<String, List<String>> batches;
        synchronized (this) {
            batches = new LinkedHashMap<>(pending);
            pending.clear();
        }
        for (Map.Entry<String, List<String>> batch : batches.entrySet()) {
            String[] where = batch.getKey().split("\n", 2);
            try {
                String key = where[1] + objectName(state.now(), objects.incrementAndGet());
                state.s3().put(where[0], key, gzipLines(batch.getValue()));
            } catch (RuntimeException e) {
                LOG.warn("sandbox invocation logs for s3://{}/{} dropped", where[0], where[1], e);
            }
        }
    }

    /** The record Bedrock writes for a call (logformat: the schema of one line). */
    static ObjectNode toRecord(Invocation call, String account) {
        ObjectNode record = new ObjectMapper().createObjectNode();
        record.put("schemaType", "ModelInvocationLog");
        record.put("schemaVersion", "1.0");
        // whole seconds, as a real record shows (dheerajoruganty/aws-bedrock-logs-mcp-server, setup.md)
        record.put("timestamp", call.time().truncatedTo(ChronoUnit.SECONDS).toString());
        record.put("accountId", account);
        record.putObject("identity").put("arn", "arn:aws:sts::" + account + ":assumed-role/sandbox/caller");
        record.put("region", call.region());
        record.put("requestId", call.requestId());
        record.put("operation", call.operation());
        record.put("modelId", call.modelId());
        ObjectNode input = record.putObject("input");
        input.put("inputContentType", "application/json");
        input.set("inputBodyJson", call.input());
        input.put("inputTokenCount", call.inputTokens());
        input.put("cacheReadInputTokenCount", call.cacheRead());
        input.put("cacheWriteInputTokenCount", call.cacheWrite());
        ObjectNode output = record.putObject("output");
        output.put("outputContentType", "application/json");
        output.set("outputBodyJson", call.output());
        output.put("outputTokenCount", call.outputTokens());
        if (!call.metadata().isEmpty()) {
            ObjectNode metadata = record.putObject("requestMetadata");
            call.metadata().forEach(metadata::put);
        }
        return record;
    }

    /** {@code AWSLogs/{account}/BedrockModelInvocationLogs/{region}/YYYY/MM/DD/HH/}. */
    static String hourPrefix(String account, String region, Instant time) {
        return "AWSLogs/" + account + "/BedrockModelInvocationLogs/" + region + "/"
                + HOUR.format(time.atZone(ZoneOffset.UTC)) + "/";
    }

    /** An object name in Bedrock's style: the delivery time and a distinguishing hex suffix. */
    static String objectName(Instant time, long sequence) {
        ZonedDateTime at = time.atZone(ZoneOffset.UTC);
        return STAMP.format(at) + "_" + String.format("%016x", sequence * 0x9E3779B97F4A7C15L) + ".json.gz";
    }

    /** A key prefix and a key, joined by exactly one '/' (no leading '/' when there is no prefix). */
    static String join(String prefix, String key) {
        if (prefix.isEmpty()) {
            return key;
        }
        return prefix.endsWith("/") ? prefix + key : prefix + "/" + key;
    }

    /** Gzip of the lines, each ended by a new line; the fastest compression level, as a log writer would use. */
    static byte[] gzipLines(List<String> lines) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes, 64 * 1024) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }) {
            for (String line : lines) {
                gzip.write(line.getBytes(StandardCharsets.UTF_8));
                gzip.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compress invocation log records", e);
        }
        return bytes.toByteArray();
    }
}
