package dev.frontier.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.frontier.model.ModelRequest;
import java.util.Locale;

/**
 * Batch input records: {@code {"recordId": ..., "modelInput": <Converse body>}} for jobs with
 * {@code modelInvocationType: Converse}. The body is what the Converse API gets, without the model id (the job
 * names it) and without prompt-cache checkpoints (batch inference does not support prompt caching).
 */
public final class BatchRecords {

    /** Bedrock's most records in one input file and in one job (both adjustable quotas; these are the defaults). */
    public static final int MAX_RECORDS_PER_FILE = 50_000;
    /** Bedrock's largest input file (not adjustable). */
    public static final long MAX_FILE_BYTES = 1L << 30;
    /** Bedrock's fewest records in one job (not adjustable). */
    public static final int MIN_RECORDS_PER_JOB = 100;

    private static final ObjectMapper JSON = new ObjectMapper();

    private BatchRecords() {
    }

    /** The record id of the item at {@code index} in the dataset: eleven digits, so ids sort like the items. */
    public static String recordId(int index) {
        return String.format(Locale.ROOT, "%011d", index);
    }

    /** The dataset index a record id stands for, or -1 when it is not one of ours. */
    public static int index(String recordId) {
        if (recordId == null || recordId.length() != 11) {
            return -1;
        }
        for (int i = 0; i < recordId.length(); i++) {
            if (recordId.charAt(i) < '0' || recordId.charAt(i) > '9') {
                return -1;
            }
        }
        long v = Long.parseLong(recordId);
        return v > Integer.MAX_VALUE ? -1 : (int) v;
    }

    /** One JSONL line (without the newline). */
    public static String line(String recordId, ModelRequest request) {
        ObjectNode record = JSON.createObjectNode();
        record.put("recordId", recordId);
        record.set("modelInput", converseBody(request));
        return record.toString();
    }

    /** The Converse request body of a request, as the SDK would send it, minus cache checkpoints. */
    public static ObjectNode converseBody(ModelRequest request) {
        ObjectNode body = JSON.createObjectNode();
        body.putArray("messages").addObject().put("role", "user").putArray("content").addObject()
                .put("text", request.user());
        if (!request.system().isEmpty()) {
            body.putArray("system").addObject().put("text", request.system());
        }
        ModelRequest.InferenceParams p = request.inference();
        ObjectNode inf = body.putObject("inferenceConfig");
        inf.put("maxTokens", p.maxTokens());
        // the SDK sends floats; the same values keep answers identical between modes
        if (p.temperature() != null) {
            inf.put("temperature", p.temperature().floatValue());
        }
        if (p.topP() != null) {
            inf.put("topP", p.topP().floatValue());
        }
        if (!p.stopSequences().isEmpty()) {
            p.stopSequences().forEach(inf.putArray("stopSequences")::add);
        }
        return body;
    }

    /**
     * How many jobs {@code records} need and how many records each gets: as few jobs as the per-job maximum
     * allows, sized evenly so that none falls below the minimum.
     */
    public static int[] jobSizes(int records, int maxPerJob) {
        if (records <= 0) {
            return new int[0];
        }
        int jobs = (records + maxPerJob - 1) / maxPerJob;
        int[] sizes = new int[jobs];
        for (int i = 0; i < jobs; i++) {
            sizes[i] = records / jobs + (i < records % jobs ? 1 : 0);
        }
        return sizes;
    }
}
