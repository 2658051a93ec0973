package dev.frontier.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The control plane's records (jobs, custom models, serving resources) as JSON objects in a hidden bucket of the
 * sandbox's S3, so that a sandbox restarted on the same state directory continues where it was. Statuses are not
 * stored but derived from the time since a record's creation, relative to the sandbox's job time.
 */
final class ControlState {

    /** The bucket the control plane keeps its records in; a user never needs it. */
    static final String BUCKET = "frontier-sandbox-control-plane";
    static final String ACCOUNT = "123456789012";
    static final String REGION = "us-east-1";

    private final SandboxS3 s3;
    private final InstantSource clock;
    private final Duration jobTime;
    private final ObjectMapper json = new ObjectMapper();

    ControlState(SandboxS3 s3, InstantSource clock, Duration jobTime) {
        this.s3 = s3;
        this.clock = clock;
        this.jobTime = jobTime;
    }

    ObjectMapper json() {
        return json;
    }

    /** A request body that must be one JSON object; anything else is Bedrock's validation error. */
    JsonNode request(byte[] body) {
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) {
                throw BedrockError.validation("Malformed input request, please reformat your input and try again.");
            }
            return node;
        } catch (IOException e) {
            throw BedrockError.validation("Malformed input request, please reformat your input and try again.");
        }
    }

    SandboxS3 s3() {
        return s3;
    }

    Instant now() {
        return clock.instant();
    }

    /**
     * Stamps a new record with its creation time and its life span (the job time when it was created, so that a
     * sandbox restarted with another job time does not move it).
     */
    void stamp(ObjectNode record) {
        record.put("createdMs", clock.millis());
        record.put("durationMs", jobTime.toMillis());
    }

    /** How far a record is through its life: 0 at creation, 1 and more when done. */
    double progress(ObjectNode record) {
        return (clock.millis() - record.path("createdMs").asLong()) / (double) Math.max(1, duration(record));
    }

    /** Milliseconds of a record's life that {@code share} of it is. */
    long share(ObjectNode record, double share) {
        return Math.round(duration(record) * share);
    }

    private long duration(ObjectNode record) {
        return record.path("durationMs").asLong(jobTime.toMillis());
    }

    synchronized Optional<ObjectNode> read(String kind, String id) {
        return s3.get(BUCKET, kind + "/" + id + ".json").map(bytes -> {
            try {
                JsonNode node = json.readTree(bytes);
                return (ObjectNode) node;
            } catch (IOException e) {
                throw new UncheckedIOException("sandbox control-plane record " + kind + "/" + id + " is corrupt", e);
            }
        });
    }

    synchronized void write(String kind, String id, ObjectNode record) {
        try {
            s3.put(BUCKET, kind + "/" + id + ".json", json.writeValueAsBytes(record));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a sandbox control-plane record", e);
        }
    }

    synchronized void delete(String kind, String id) {
        s3.delete(BUCKET, kind + "/" + id + ".json");
    }

    /** Every record of a kind, in id order. */
    synchronized List<ObjectNode> all(String kind) {
        List<ObjectNode> out = new ArrayList<>();
        for (String key : s3.list(BUCKET, kind + "/")) {
            String id = key.substring(kind.length() + 1, key.length() - ".json".length());
            read(kind, id).ifPresent(out::add);
        }
        return out;
    }

    /** A 12-character lower-case id, as Bedrock's resource ids look, derived from {@code seed}. */
    static String id(String seed) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            String hex = HexFormat.of().formatHex(digest);
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < 12; i++) {
                int v = Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16) % 36;
                b.append((char) (v < 10 ? '0' + v : 'a' + v - 10));
            }
            return b.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** An ARN of this sandbox's account and region. */
    static String arn(String resource) {
        return "arn:aws:bedrock:" + REGION + ":" + ACCOUNT + ":" + resource;
    }

    /** The id at the end of an ARN (after the last '/'), or the identifier itself. */
    static String lastPart(String identifier) {
        int slash = identifier.lastIndexOf('/');
        return slash < 0 ? identifier : identifier.substring(slash + 1);
    }

    /** A bucket and key from {@code s3://bucket/key}, or empty when the text is not an S3 URI. */
    static Optional<String[]> s3Location(String uri) {
        if (uri == null || !uri.startsWith("s3://")) {
            return Optional.empty();
        }
        String rest = uri.substring(5);
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        if (!bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            return Optional.empty();
        }
        return Optional.of(new String[] {bucket, slash < 0 ? "" : rest.substring(slash + 1)});
    }

    static String iso(long epochMs) {
        return Instant.ofEpochMilli(epochMs).toString();
    }
}
