package dev.frontier.logs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Invocation-log lines in Bedrock's schema, for tests. */
final class LogLines {
    private LogLines() {
    }

    /** A Converse record. */
    static String converse(String time, String model, String system, String prompt, String answer, long in, long out,
                           String metadata) {
        String sys = system.isEmpty() ? "" : ",\"system\":[{\"text\":" + q(system) + "}]";
        return record(time, "Converse", model,
                "{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":" + q(prompt) + "}]}]" + sys
                        + ",\"inferenceConfig\":{\"maxTokens\":300}}",
                "{\"output\":{\"message\":{\"role\":\"assistant\",\"content\":[{\"text\":" + q(answer)
                        + "}]}},\"stopReason\":\"end_turn\",\"usage\":{\"inputTokens\":" + in + "},\"metrics\":"
                        + "{\"latencyMs\":300}}",
                in, out, 0, metadata);
    }

    /** A record with the given bodies (JSON text) and counts; {@code metadata} is a JSON object or null. */
    static String record(String time, String operation, String model, String inputBody, String outputBody, long in,
                         long out, long cacheRead, String metadata) {
        return "{\"schemaType\":\"ModelInvocationLog\",\"schemaVersion\":\"1.0\",\"timestamp\":\"" + time + "\","
                + "\"accountId\":\"111122223333\",\"identity\":{\"arn\":\"arn:aws:sts::111122223333:assumed-role/a/x\"},"
                + "\"region\":\"us-east-1\",\"requestId\":\"r-" + Math.abs((time + inputBody).hashCode()) + "\","
                + "\"operation\":\"" + operation + "\",\"modelId\":\"" + model + "\","
                + "\"input\":{\"inputContentType\":\"application/json\",\"inputBodyJson\":" + inputBody
                + ",\"inputTokenCount\":" + in + ",\"cacheReadInputTokenCount\":" + cacheRead
                + ",\"cacheWriteInputTokenCount\":0},"
                + "\"output\":{\"outputContentType\":\"application/json\",\"outputBodyJson\":" + outputBody
                + ",\"outputTokenCount\":" + out + "}"
                + (metadata == null ? "" : ",\"requestMetadata\":" + metadata) + "}";
    }

    static String q(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    static byte[] gzip(List<String> lines) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
