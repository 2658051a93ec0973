package dev.frontier.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A batch job's {@code manifest.json.out}: record counts and token totals as Bedrock billed them.
 *
 * @param totalRecordCount     records in the input
 * @param processedRecordCount records processed
 * @param successRecordCount   records answered
 * @param errorRecordCount     records that failed
 * @param inputTokenCount      input tokens of the answered records
 * @param outputTokenCount     output tokens of the answered records
 */
public record Manifest(long totalRecordCount, long processedRecordCount, long successRecordCount,
                       long errorRecordCount, long inputTokenCount, long outputTokenCount) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Parses the manifest.
     *
     * @throws IllegalArgumentException when it is not a JSON object
     */
    public static Manifest parse(byte[] bytes) {
        JsonNode n;
        try {
            n = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalArgumentException("manifest.json.out is not JSON: " + e.getMessage());
        }
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("manifest.json.out is not a JSON object");
        }
        return new Manifest(n.path("totalRecordCount").asLong(), n.path("processedRecordCount").asLong(),
                n.path("successRecordCount").asLong(), n.path("errorRecordCount").asLong(),
                n.path("inputTokenCount").asLong(), n.path("outputTokenCount").asLong());
    }

    /**
     * Where the manifest disagrees with the records read: counts of answered and failed records, and the sums of
     * their input (all input, cached or not) and output tokens. Empty when all agree.
     */
    public List<String> disagreements(long success, long errors, long inputTokens, long outputTokens) {
        List<String> out = new ArrayList<>();
        check(out, "successful records", successRecordCount, success);
        check(out, "error records", errorRecordCount, errors);
        check(out, "input tokens", inputTokenCount, inputTokens);
        check(out, "output tokens", outputTokenCount, outputTokens);
        return out;
    }

    private static void check(List<String> out, String what, long manifest, long records) {
        if (manifest != records) {
            out.add(what + ": manifest " + manifest + ", records " + records);
        }
    }
}
