package dev.frontier.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.frontier.model.CallResult;
import dev.frontier.model.TokenUsage;
import java.io.IOException;

/**
 * One line of a batch job's {@code *.jsonl.out}: the record id and either the model's Converse response (a
 * completion; batch answers carry no latency) or the record's error.
 */
public final class BatchOutput {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BatchOutput() {
    }

    /**
     * A parsed output record.
     *
     * @param recordId the record id as written, or empty when the line had none
     * @param result   the completion, or the record's error as a failure (not retryable within the job)
     */
    public record Record(String recordId, CallResult result) {
    }

    /**
     * Parses one output line.
     *
     * @throws IllegalArgumentException when the line is not a JSON object
     */
    public static Record parse(String line) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a JSON output record: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("not a JSON output record");
        }
        String id = node.path("recordId").asText("");
        JsonNode error = node.get("error");
        if (error != null && !error.isNull()) {
            String code = error.path("errorCode").asText("error");
            String message = error.path("errorMessage").asText("");
            return new Record(id, new CallResult.Failure("BatchRecordError" + (code.isEmpty() ? "" : "-" + code),
                    message, true, 0));
        }
        JsonNode out = node.get("modelOutput");
        if (out == null || !out.isObject()) {
            return new Record(id, new CallResult.Failure("BatchRecordError", "the record has no modelOutput", true,
                    0));
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode block : out.path("output").path("message").path("content")) {
            if (block.has("text")) {
                text.append(block.path("text").asText());
            }
        }
        JsonNode u = out.path("usage");
        TokenUsage usage = new TokenUsage(u.path("inputTokens").asLong(), u.path("outputTokens").asLong(),
                u.path("cacheReadInputTokens").asLong(), u.path("cacheWriteInputTokens").asLong());
        return new Record(id, new CallResult.Completion(text.toString(), out.path("stopReason").asText(""), usage,
                0, 0, ""));
    }
}
