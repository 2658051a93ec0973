package dev.frontier.model;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An {@code s3://bucket/prefix} location, checked against S3's bucket naming rules before any call is made.
 *
 * @param bucket the bucket name
 * @param key    the key or key prefix, without a leading slash; may be empty
 */
public record S3Uri(String bucket, String key) {

    private static final String SCHEME = "s3://";
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern IP_ADDRESS = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final int MAX_KEY_BYTES = 1024;

    public S3Uri {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        String problem = bucketProblem(bucket);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        if (key.startsWith("/")) {
            throw new IllegalArgumentException("the key must not start with '/': " + key);
        }
        if (key.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
            throw new IllegalArgumentException("an S3 key is at most 1024 bytes long");
        }
    }

    /**
     * Parses {@code s3://bucket[/key]}.
     *
     * @throws IllegalArgumentException with what is wrong and the expected form
     */
    public static S3Uri parse(String text) {
        Objects.requireNonNull(text, "text");
        if (!text.startsWith(SCHEME)) {
            throw new IllegalArgumentException("not an S3 URI: \"" + text + "\" (write s3://bucket/prefix/)");
        }
        String rest = text.substring(SCHEME.length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String key = slash < 0 ? "" : rest.substring(slash + 1);
        if (bucket.isEmpty()) {
            throw new IllegalArgumentException("the S3 URI \"" + text + "\" names no bucket (write s3://bucket/prefix/)");
        }
        try {
            return new S3Uri(bucket, key);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad S3 URI \"" + text + "\": " + e.getMessage(), e);
        }
    }

    /** This location with {@code child} appended as a path segment (a '/' is added when needed). */
    public S3Uri resolve(String child) {
        Objects.requireNonNull(child, "child");
        if (key.isEmpty() || key.endsWith("/")) {
            return new S3Uri(bucket, key + child);
        }
        return new S3Uri(bucket, key + "/" + child);
    }

    /** The key as a prefix: empty, or ending with '/'. */
    public String prefix() {
        return key.isEmpty() || key.endsWith("/") ? key : key + "/";
    }

    @Override
    public String toString() {
        return SCHEME + bucket + (key.isEmpty() ? "" : "/" + key);
    }

    private static String bucketProblem(String bucket) {
        if (bucket.length() < 3 || bucket.length() > 63) {
            return "bucket name \"" + bucket + "\" must be 3 to 63 characters long";
        }
        if (!BUCKET.matcher(bucket).matches()) {
            return "bucket name \"" + bucket + "\" may contain only lowercase letters, digits, '.' and '-', and must"
                    + " begin and end with a letter or digit";
        }
        if (bucket.contains("..") || bucket.contains(".-") || bucket.contains("-.")) {
            return "bucket name \"" + bucket + "\" must not contain \"..\", \".-\" or \"-.\"";
        }
        if (IP_ADDRESS.matcher(bucket).matches()) {
            return "bucket name \"" + bucket + "\" must not look like an IP address";
        }
        return null;
    }
}
