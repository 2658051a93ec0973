package dev.frontier.invoke;

import dev.frontier.model.S3Uri;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Objects in S3, written and read for the account that must own the bucket. Failures are {@link CloudException}s. */
public interface S3Objects {

    /** Uploads a file. */
    void put(S3Uri target, Path file);

    /** Uploads bytes. */
    void put(S3Uri target, byte[] bytes);

    /**
     * Opens an object for streaming; the caller closes the stream.
     *
     * @return empty when the object does not exist
     */
    Optional<InputStream> open(S3Uri source);

    /** The objects under a prefix, in key order, as S3 URIs. */
    List<S3Uri> list(S3Uri prefix);
}
