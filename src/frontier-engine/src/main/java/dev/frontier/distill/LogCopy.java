package dev.frontier.distill;

import dev.frontier.config.CandidateSpec;
import dev.frontier.dataset.HoldoutSplit;
import dev.frontier.invoke.CloudException;
import dev.frontier.invoke.S3Objects;
import dev.frontier.logs.InvocationLogReader;
import dev.frontier.logs.InvocationLogRecord;
import dev.frontier.logs.InvocationLogSource;
import dev.frontier.model.Item;
import dev.frontier.model.RequestMetadataFilter;
import dev.frontier.model.S3Uri;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
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
 * itself, so nothing frontier leaves out of a training file would keep a holdout prompt from it; instead frontier
 * reads every record under the logs' prefix ({@link InvocationLogReader}), drops each whose prompt is a holdout
 * item's, and stages the rest, line for line as Bedrock wrote them, in Bedrock's layout
 * ({@code AWSLogs/{account}/BedrockModelInvocationLogs/{region}/{YYYY}/{MM}/{DD}/{HH}/*.json.gz}, gzip-compressed
 * JSON Lines) under the job's staging prefix; the job's {@code invocationLogSource} points at the copy and its
 * request-metadata filters are passed through unchanged.
 *
 * <p>A record is dropped when its prompt (the user turns' text as the reader gives it, white space collapsed) is the
 * user turn of a holdout item as the teacher's prompt renders it, or any field of a holdout item (a dataset made by
 * {@code frontier logs import} holds the logged prompt in its {@code prompt} field, whatever the suite's template
 * wraps around it) — whatever the record's system prompt: a changed system prompt does not make a prompt unseen.
 * Lines that are not usable records are not copied either: what cannot be read cannot be shown not to be a holdout
 * item.
 *
 * @param source            where the logs were read
 * @param filters           the job's request-metadata filters (passed through; counted here for the plan)
 * @param usePromptResponse whether the job trains on the logged answers
 * @param objects           the objects to stage, by key relative to the staged prefix, in key order
 * @param read              log records read
 * @param dropped           of which dropped because their prompt is a holdout item's
 * @param unusable          lines that are not usable records, not copied
 * @param records           of the copied records, those the filters select (what the job trains on)
 * @param sha256            hex SHA-256 over the staged objects' keys and records
 */
public record LogCopy(S3Uri source, Optional<RequestMetadataFilter> filters, boolean usePromptResponse,
                      List<StagedObject> objects, int read, int dropped, int unusable, int records, String sha256)
        implements TrainingInput {

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
     * @param s3                where the logs are
     * @param source            the logs' prefix
     * @param filters           the job's request-metadata filters
     * @param usePromptResponse whether the job trains on the logged answers
     * @param holdoutTexts      the holdout items' texts ({@link #holdoutTexts})
     * @throws CloudException when an object cannot be read
     */
    public static LogCopy of(S3Objects s3, S3Uri source, Optional<RequestMetadataFilter> filters,
                             boolean usePromptResponse, Set<String> holdoutTexts) {
        Set<String> holdout = new HashSet<>();
        holdoutTexts.forEach(t -> holdout.add(normalize(t)));
        S3Uri root = new S3Uri(source.bucket(), source.prefix());
        Map<String, Set<Long>> kept = new TreeMap<>();
        int[] counts = new int[4]; // read, dropped, unusable, selected
        try {
            InvocationLogReader.read(new InvocationLogSource.S3Prefix(root, s3), new InvocationLogReader.Listener() {
                @Override
                public void record(InvocationLogRecord record, String object, long line) {
                    counts[0]++;
                    if (holdout.contains(normalize(record.prompt()))) {
                        counts[1]++;
                        return;
                    }
                    kept.computeIfAbsent(object, k -> new HashSet<>()).add(line);
                    if (filters.map(f -> f.test(record.requestMetadata())).orElse(true)) {
                        counts[3]++;
                    }
                }

                @Override
                public void malformed(InvocationLogReader.Malformed malformed) {
                    counts[2]++;
                }
            });
        } catch (UncheckedIOException e) {
            throw new CloudException("cannot read the invocation logs under " + root + ": " + e.getMessage(), e);
        }
        MessageDigest digest = newDigest();
        List<StagedObject> staged = new ArrayList<>();
        for (Map.Entry<String, Set<Long>> object : kept.entrySet()) {
            S3Uri uri = new S3Uri(root.bucket(), object.getKey());
            ByteArrayOutputStream lines = new ByteArrayOutputStream();
            copyLines(s3, uri, object.getValue(), lines);
            String key = stagedKey(relative(root, uri));
            digest.update(key.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(lines.toByteArray());
            staged.add(new StagedObject(key, gzip(lines.toByteArray()), object.getValue().size()));
        }
        return new LogCopy(source, filters, usePromptResponse, staged, counts[0], counts[1], counts[2], counts[3],
                HexFormat.of().formatHex(digest.digest()));
    }

    /**
     * What a logged prompt is compared with: the user turn of every holdout item as the teacher's prompt renders it
     * (what the evaluation sends), and every field of every holdout item.
     */
    public static Set<String> holdoutTexts(List<Item> items, HoldoutSplit split, CandidateSpec teacher) {
        Set<String> out = new HashSet<>();
        for (Item item : items) {
            if (split.isHoldout(item)) {
                out.add(teacher.prompt().user().render(item));
                item.fields().values().stream().filter(v -> !v.isBlank()).forEach(out::add);
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
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(o.gzip()))) {
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

    /** Copies the lines numbered as the reader numbers them (1-based, by {@link BufferedReader#readLine}). */
    private static void copyLines(S3Objects s3, S3Uri object, Set<Long> keep, ByteArrayOutputStream out) {
        try (InputStream raw = s3.open(object).orElseThrow(() -> new CloudException("the log object " + object
                + " was read a moment ago and is gone (deleted while staging?)"));
             BufferedReader reader = new BufferedReader(new InputStreamReader(decompressed(raw),
                     StandardCharsets.UTF_8))) {
            long n = 0;
            String line;
            while ((line = reader.readLine()) != null) {
                n++;
                if (keep.contains(n)) {
                    out.writeBytes(line.getBytes(StandardCharsets.UTF_8));
                    out.write('\n');
                }
            }
        } catch (IOException e) {
            throw new CloudException("cannot copy the log object " + object + ": " + e.getMessage(), e);
        }
    }

    private static InputStream decompressed(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        return b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(in, 1 << 16) : in;
    }

    private static String relative(S3Uri prefix, S3Uri object) {
        String p = prefix.key();
        String k = object.key();
        return k.startsWith(p) ? k.substring(p.length()).replaceFirst("^/+", "") : k;
    }

    /**
     * The staged key keeps Bedrock's layout: from {@code AWSLogs/} on when the source path has it; and it is
     * gzip-compressed JSON Lines, as Bedrock delivers them, whatever the source object was.
     */
    private static String stagedKey(String relative) {
        int root = relative.indexOf(LAYOUT_ROOT);
        String key = root >= 0 ? relative.substring(root) : relative;
        return key.endsWith(".gz") ? key : key + ".gz";
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
}
