package dev.frontier.logs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.frontier.model.S3Uri;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Streams Bedrock's model-invocation logs, one record at a time, from a folder or an S3 prefix: the objects
 * ({@code *.json}, {@code *.jsonl}, gzip-compressed or not, told by their first bytes) in key order, each line one
 * record. Bedrock's {@code amazon-bedrock-logs-permission-check} object and the bodies it delivers under a
 * {@code data/} segment are not records and are skipped. Every line that is not a usable record is reported to the
 * listener with its object and line and the reason; none is dropped silently. Memory stays bounded by one line.
 *
 * <p>An object that cannot be decompressed or decoded is reported at the line where reading stopped, and reading
 * goes on with the next object. S3 that cannot be reached fails with the port's {@code CloudException}.
 */
public final class InvocationLogReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SUFFIXES = List.of(".json", ".json.gz", ".jsonl", ".jsonl.gz");
    private static final String PERMISSION_CHECK = "amazon-bedrock-logs-permission-check";

    private InvocationLogReader() {
    }

    /** Receives what is read, in order. */
    public interface Listener {
        /** A usable record, read at {@code object}:{@code line}. */
        void record(InvocationLogRecord record, String object, long line);

        /** A line (or an object, at the line where reading stopped) that is not a usable record. */
        void malformed(Malformed malformed);
    }

    /**
     * A line that is not a usable record.
     *
     * @param object the object key (S3) or the file's path relative to the folder
     * @param line   1-based line number
     * @param reason what is wrong
     */
    public record Malformed(String object, long line, String reason) {
        public Malformed {
            Objects.requireNonNull(object, "object");
            Objects.requireNonNull(reason, "reason");
        }

        /** {@code object:line: reason}. */
        @Override
        public String toString() {
            return object + ":" + line + ": " + reason;
        }
    }

    /**
     * What a reading covered.
     *
     * @param objects   log objects read
     * @param records   usable records
     * @param malformed lines (or objects) reported as malformed
     */
    public record Summary(long objects, long records, long malformed) {
    }

    /** Reads every log object of {@code source} in key order. */
    public static Summary read(InvocationLogSource source, Listener listener) {
        Objects.requireNonNull(listener, "listener");
        Counting counting = new Counting(listener);
        long objects = source instanceof InvocationLogSource.Folder f ? readFolder(f, counting)
                : readS3((InvocationLogSource.S3Prefix) source, counting);
        return new Summary(objects, counting.records, counting.malformed);
    }

    private static long readFolder(InvocationLogSource.Folder f, Counting counting) {
        long objects = 0;
        for (String name : files(f.root())) {
            objects++;
            try (InputStream in = Files.newInputStream(f.root().resolve(name))) {
                readObject(name, in, folderBodies(), counting);
            } catch (IOException e) {
                counting.malformed(new Malformed(name, 0, "cannot be read: " + e.getMessage()));
            }
        }
        return objects;
    }

    private static long readS3(InvocationLogSource.S3Prefix p, Counting counting) {
        InvocationLogParser.Bodies bodies = s3Bodies(p);
        long objects = 0;
        for (S3Uri object : p.s3().list(p.prefix())) {
            if (!isLog(object.key())) {
                continue;
            }
            objects++;
            var in = p.s3().open(object);
            if (in.isEmpty()) {
                counting.malformed(new Malformed(object.key(), 0, "listed but gone when read"));
                continue;
            }
            try (InputStream stream = in.get()) {
                readObject(object.key(), stream, bodies, counting);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + object + ": " + e.getMessage(), e);
            }
        }
        return objects;
    }

    /** Whether an object key (or relative path) holds records. */
    static boolean isLog(String key) {
        String name = key.substring(key.lastIndexOf('/') + 1);
        if (name.startsWith(PERMISSION_CHECK) || ("/" + key).contains("/data/")) {
            return false;
        }
        return SUFFIXES.stream().anyMatch(name::endsWith);
    }

    /** The folder's log files as '/'-separated relative paths, in key order. */
    private static List<String> files(Path root) {
        if (!Files.isDirectory(root)) {
            throw new UncheckedIOException(new java.nio.file.NoSuchFileException(root.toString(), null,
                    "not a folder"));
        }
        List<String> names = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).forEach(p -> {
                String rel = root.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/");
                if (isLog(rel)) {
                    names.add(rel);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        names.sort(Comparator.naturalOrder());
        return names;
    }

    /** Reads one object's lines; a broken stream ends the object with a malformed entry at the line it stopped. */
    private static void readObject(String name, InputStream raw, InvocationLogParser.Bodies bodies, Counting out)
            throws IOException {
        long n = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(decompressed(raw),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)))) {
            String line;
            while (true) {
                n++;    // before the read: a broken stream is reported at the line it broke in
                line = reader.readLine();
                if (line == null) {
                    return;
                }
                if (line.isBlank()) {
                    continue;
                }
                parseLine(name, n, line, bodies, out);
            }
        } catch (ZipException | EOFException e) {
            out.malformed(new Malformed(name, n, "the gzip stream is broken, the rest of the object is unread: "
                    + e.getMessage()));
        } catch (CharacterCodingException e) {
            out.malformed(new Malformed(name, n, "not UTF-8 text, the rest of the object is unread"));
        }
    }

    private static void parseLine(String name, long n, String line, InvocationLogParser.Bodies bodies, Counting out) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            out.malformed(new Malformed(name, n, "not valid JSON: " + e.getOriginalMessage()));
            return;
        }
        if (node == null || !node.isObject()) {
            out.malformed(new Malformed(name, n, "not a JSON object"));
            return;
        }
        try {
            out.record(InvocationLogParser.parse(node, bodies), name, n);
        } catch (InvocationLogParser.Bad e) {
            out.malformed(new Malformed(name, n, e.getMessage()));
        }
    }

    /** The stream itself, or its gzip decompression when it starts with gzip's magic bytes. */
    private static InputStream decompressed(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        return b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(in, 1 << 16) : in;
    }

    private static InvocationLogParser.Bodies folderBodies() {
        return path -> {
            throw new InvocationLogParser.Bad("the body was delivered to S3 (" + path + "); import from the logs' S3 "
                    + "prefix to read it");
        };
    }

    private static InvocationLogParser.Bodies s3Bodies(InvocationLogSource.S3Prefix p) {
        return path -> {
            S3Uri uri;
            try {
                uri = S3Uri.parse(path);
            } catch (IllegalArgumentException e) {
                throw new InvocationLogParser.Bad("the body's S3 path is not an S3 URI: " + path);
            }
            var in = p.s3().open(uri);
            if (in.isEmpty()) {
                throw new InvocationLogParser.Bad("the body delivered to " + path + " is not there");
            }
            try (InputStream stream = decompressed(in.get())) {
                return JSON.readTree(stream);
            } catch (IOException e) {
                throw new InvocationLogParser.Bad("the body at " + path + " cannot be read: " + e.getMessage());
            }
        };
    }

    /** Counts what passes to the listener. */
    private static final class Counting implements Listener {
        private final Listener to;
        long records;
        long malformed;

        Counting(Listener to) {
            this.to = to;
        }

        @Override
        public void record(InvocationLogRecord record, String object, long line) {
            records++;
            to.record(record, object, line);
        }

        @Override
        public void malformed(Malformed m) {
            malformed++;
            to.malformed(m);
        }
    }
}
