package dev.frontier.distill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.frontier.config.CandidateSpec;
import dev.frontier.dataset.HoldoutSplit;
import dev.frontier.invoke.CloudException;
import dev.frontier.invoke.S3Objects;
import dev.frontier.model.Item;
import dev.frontier.model.RequestMetadataFilter;
import dev.frontier.model.S3Uri;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The model-invocation logs a distillation job reads, without the evaluation holdout. Bedrock reads the logs
 * itself, so nothing frontier filters out of a training file would keep a holdout prompt from it; instead frontier
 * reads every record under the logs' prefix, drops each whose prompt is a holdout item's, and stages the rest in
 * Bedrock's layout ({@code AWSLogs/{account}/BedrockModelInvocationLogs/{region}/{YYYY}/{MM}/{DD}/{HH}/*.json.gz},
 * gzip-compressed JSON Lines) under the job's staging prefix; the job's {@code invocationLogSource} points at the
 * copy and its request-metadata filters are passed through unchanged.
 *
 * <p>A record is dropped when its user text (every user turn, white space collapsed) is the user text of a holdout
 * item as the teacher's prompt renders it, whatever its system prompt: a changed system prompt does not make a
 * prompt unseen. Records that name their body by {@code input.inputBodyS3Path} are judged on that body.
 *
 * @param source            where the logs were read
 * @param filters           the job's request-metadata filters (passed through; counted here for the plan)
 * @param usePromptResponse whether the job trains on the logged answers
 * @param objects           the objects to stage, by key relative to the staged prefix, in key order
 * @param read              log records read
 * @param dropped           of which dropped because their prompt is a holdout item's
 * @param records           of the copied records, those the filters select (what the job trains on)
 * @param sha256            hex SHA-256 over the staged objects' keys and records
 */
public record LogCopy(S3Uri source, Optional<RequestMetadataFilter> filters, boolean usePromptResponse,
                      List<StagedObject> objects, int read, int dropped, int records, String sha256)
        implements TrainingInput {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The object Bedrock writes under the prefix when logging is configured; not a log. */
    static final String PERMISSION_CHECK = "amazon-bedrock-logs-permission-check";
    private static final String LAYOUT_ROOT = "AWSLogs/";

    public LogCopy {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(filters, "filters");
        objects = List.copyOf(objects);
    }

    /**
     * One object of the copy.
     *
     * @param key     the key below the staged prefix, from {@code AWSLogs/} on when the source has Bedrock's layout
     * @param gzip    the gzip-compressed JSON Lines
     * @param records the records in it
     */
    public record StagedObject(String key, byte[] gzip, int records) {
        public StagedObject {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(gzip, "gzip");
        }
    }

    /** Records copied (read minus dropped). */
    public int copied() {
        return read - dropped;
    }

    /**
     * Reads the logs under {@code source} and keeps the records whose prompt is no holdout item's.
     *
     * @param s3              where the logs are
     * @param source          the logs' prefix
     * @param filters         the job's request-metadata filters
     * @param usePromptResponse whether the job trains on the logged answers
     * @param holdoutUserText the holdout items' user turns as the teacher's prompt renders them
     * @throws CloudException when an object cannot be read
     */
    public static LogCopy of(S3Objects s3, S3Uri source, Optional<RequestMetadataFilter> filters,
                             boolean usePromptResponse, Set<String> holdoutUserText) {
        Set<String> holdout = new java.util.HashSet<>();
        holdoutUserText.forEach(t -> holdout.add(normalize(t)));
        MessageDigest digest = newDigest();
        List<StagedObject> staged = new ArrayList<>();
        int read = 0;
        int dropped = 0;
        int selected = 0;
        S3Uri root = new S3Uri(source.bucket(), source.prefix());
        for (S3Uri object : s3.list(root)) {
            String relative = relative(root, object);
            if (!isLog(relative)) {
                continue;
            }
            ByteArrayOutputStream kept = new ByteArrayOutputStream();
            int keptRecords = 0;
            for (String line : lines(s3, object)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode record = parse(line, object);
                read++;
                if (holdout.contains(normalize(userText(s3, record)))) {
                    dropped++;
                    continue;
                }
                keptRecords++;
                if (filters.map(f -> f.test(metadata(record))).orElse(true)) {
                    selected++;
                }
                byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
                kept.writeBytes(bytes);
                kept.write('\n');
            }
            if (keptRecords > 0) {
                String key = stagedKey(relative);
                digest.update(key.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(kept.toByteArray());
                staged.add(new StagedObject(key, gzip(kept.toByteArray()), keptRecords));
            }
        }
        return new LogCopy(source, filters, usePromptResponse, staged, read, dropped, selected,
                HexFormat.of().formatHex(digest.digest()));
    }

    /** The user turns of the holdout items as the teacher's prompt renders them: what the evaluation sends. */
    public static Set<String> holdoutUserText(List<Item> items, HoldoutSplit split, CandidateSpec teacher) {
        Set<String> out = new java.util.HashSet<>();
        for (Item item : items) {
            if (split.isHoldout(item)) {
                out.add(teacher.prompt().user().render(item));
            }
        }
        return out;
    }

    /** Writes the copy under {@code target}; returns the objects written. */
    public List<S3Uri> write(S3Objects s3, S3Uri target) {
        List<S3Uri> written = new ArrayList<>();
        for (StagedObject o : objects) {
            S3Uri uri = target.resolve(o.key());
            s3.put(uri, o.gzip());
            written.add(uri);
        }
        return written;
    }

    /** The records of the staged objects, decompressed, one JSON text a line (for tests and previews). */
    public List<String> stagedLines() {
        List<String> out = new ArrayList<>();
        for (StagedObject o : objects) {
            try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(o.gzip()))) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    if (!line.isBlank()) {
                        out.add(line);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("a gzip stream written here always reads back", e);
            }
        }
        return out;
    }

    private static boolean isLog(String relative) {
        String name = relative.substring(relative.lastIndexOf('/') + 1);
        // bodies too large for a record sit under a data/ segment and are read through the record naming them
        return name.endsWith(".json.gz") && !name.startsWith(PERMISSION_CHECK)
                && !relative.startsWith("data/") && !relative.contains("/data/");
    }

    private static String relative(S3Uri prefix, S3Uri object) {
        String p = prefix.key();
        String k = object.key();
        return k.startsWith(p) ? k.substring(p.length()).replaceFirst("^/+", "") : k;
    }

    /** The staged key keeps Bedrock's layout: from {@code AWSLogs/} on when the source path has it. */
    private static String stagedKey(String relative) {
        int root = relative.indexOf(LAYOUT_ROOT);
        return root >= 0 ? relative.substring(root) : relative;
    }

    private static List<String> lines(S3Objects s3, S3Uri object) {
        try (InputStream in = s3.open(object).orElseThrow(() -> new CloudException("the log object " + object
                + " was listed but cannot be read (deleted while staging?)"));
             InputStream gz = new GZIPInputStream(in)) {
            return List.of(new String(gz.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
        } catch (IOException e) {
            throw new CloudException("cannot read the log object " + object + " as gzip-compressed JSON Lines: "
                    + e.getMessage(), e);
        }
    }

    private static JsonNode parse(String line, S3Uri object) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new CloudException("the log object " + object + " holds a line that is not JSON: "
                    + e.getMessage(), e);
        }
    }

    private static Map<String, String> metadata(JsonNode record) {
        Map<String, String> out = new TreeMap<>();
        record.path("requestMetadata").fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    /** The user text of a record's request body, inline or under {@code input.inputBodyS3Path}. */
    private static String userText(S3Objects s3, JsonNode record) {
        JsonNode input = record.path("input");
        JsonNode body = input.path("inputBodyJson");
        if (body.isMissingNode() && input.hasNonNull("inputBodyS3Path")) {
            S3Uri path = S3Uri.parse(input.get("inputBodyS3Path").asText());
            try (InputStream in = s3.open(path).orElseThrow(() -> new CloudException("the log record "
                    + record.path("requestId").asText() + " names its body at " + path + ", which does not exist"))) {
                byte[] bytes = in.readAllBytes();
                body = JSON.readTree(path.key().endsWith(".gz") ? new GZIPInputStream(
                        new java.io.ByteArrayInputStream(bytes)).readAllBytes() : bytes);
            } catch (IOException e) {
                throw new CloudException("cannot read the logged body " + path + ": " + e.getMessage(), e);
            }
        }
        return PromptText.user(body);
    }

    static String normalize(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory does not fail", e);
        }
        return out.toByteArray();
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** The user text of the request bodies Bedrock logs: Converse, and the native bodies of text models. */
    static final class PromptText {
        private PromptText() {
        }

        /**
         * Every user turn's text, joined by newlines: Converse and Nova ({@code messages[].content[].text}),
         * Anthropic ({@code content} as a string or {@code [{type: text, text}]}), Titan ({@code inputText}),
         * Llama and Mistral ({@code prompt}).
         */
        static String user(JsonNode body) {
            if (body.has("messages")) {
                List<String> parts = new ArrayList<>();
                for (JsonNode m : body.get("messages")) {
                    if (!"user".equals(m.path("role").asText())) {
                        continue;
                    }
                    JsonNode content = m.path("content");
                    if (content.isTextual()) {
                        parts.add(content.asText());
                    } else {
                        for (Iterator<JsonNode> it = content.elements(); it.hasNext(); ) {
                            JsonNode block = it.next();
                            if (block.hasNonNull("text")) {
                                parts.add(block.get("text").asText());
                            }
                        }
                    }
                }
                return String.join("\n", parts);
            }
            if (body.hasNonNull("inputText")) {
                return body.get("inputText").asText();
            }
            return body.path("prompt").asText("");
        }
    }
}
