package dev.frontier.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.domain.Blob;
import org.jclouds.blobstore.domain.PageSet;
import org.jclouds.blobstore.domain.StorageMetadata;
import org.jclouds.blobstore.domain.StorageType;
import org.jclouds.blobstore.options.ListContainerOptions;

/**
 * The sandbox's S3: s3proxy, a real S3-compatible server, in process on 127.0.0.1, backed by jclouds' in-memory
 * blob store or, when a state directory is given, by files under it (so objects and the control plane's job state
 * survive a restart). It checks AWS signatures against the sandbox's fixed keys. The control plane reads and
 * writes the same blobs directly, as Bedrock reads and writes S3 on the caller's behalf.
 */
final class SandboxS3 implements AutoCloseable {

    /** The fixed access key the sandbox's S3 accepts. */
    static final String ACCESS_KEY = "sandbox";
    /** The fixed secret key the sandbox's S3 accepts. */
    static final String SECRET_KEY = "sandbox";

    private static final long START_TIMEOUT_MS = 30_000;
    private static final int PAGE_LIMIT = 1000;

    private final BlobStoreContext context;
    private final S3Proxy proxy;
    private final URI endpoint;

    private SandboxS3(BlobStoreContext context, S3Proxy proxy, URI endpoint) {
        this.context = context;
        this.proxy = proxy;
        this.endpoint = endpoint;
    }

    /**
     * Starts s3proxy on any free port.
     *
     * @param stateDir where objects are kept, or null to keep them in memory only
     */
    static SandboxS3 start(Path stateDir) {
        Properties properties = new Properties();
        String provider = "transient";
        if (stateDir != null) {
            try {
                Files.createDirectories(stateDir.resolve("s3"));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the sandbox state directory " + stateDir, e);
            }
            provider = "filesystem-nio2";
            properties.setProperty("jclouds.filesystem.basedir", stateDir.resolve("s3").toString());
        }
        BlobStoreContext context = ContextBuilder.newBuilder(provider).credentials(ACCESS_KEY, SECRET_KEY)
                .overrides(properties)
                .build(BlobStoreContext.class);
        S3Proxy proxy = S3Proxy.builder().blobStore(context.getBlobStore())
                .endpoint(URI.create("http://" + SandboxOptions.HOST + ":0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .ignoreUnknownHeaders(true)
                .build();
        try {
            proxy.start();
            long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
            while (!"STARTED".equals(proxy.getState())) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("s3proxy did not start within " + START_TIMEOUT_MS + " ms");
                }
                Thread.sleep(5);
            }
        } catch (Exception e) {
            context.close();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("cannot start the sandbox's S3: " + e.getMessage(), e);
        }
        return new SandboxS3(context, proxy, URI.create("http://" + SandboxOptions.HOST + ":" + proxy.getPort()));
    }

    /** The base URI for an S3 client's {@code endpointOverride} (path-style addressing). */
    URI endpoint() {
        return endpoint;
    }

    /** Creates a bucket unless it exists. */
    void createBucket(String bucket) {
        blobs().createContainerInLocation(null, bucket);
    }

    boolean bucketExists(String bucket) {
        return blobs().containerExists(bucket);
    }

    /** The object's bytes, or empty when the bucket or key does not exist. */
    Optional<byte[]> get(String bucket, String key) {
        if (!bucketExists(bucket)) {
            return Optional.empty();
        }
        Blob blob = blobs().getBlob(bucket, key);
        if (blob == null) {
            return Optional.empty();
        }
        try (var in = blob.getPayload().openStream()) {
            return Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read s3://" + bucket + "/" + key, e);
        }
    }

    /** Writes an object, creating the bucket when missing. */
    void put(String bucket, String key, byte[] bytes) {
        createBucket(bucket);
        BlobStore store = blobs();
        store.putBlob(bucket, store.blobBuilder(key).payload(bytes).contentLength(bytes.length)
                .contentType("application/octet-stream").build());
    }

    /** Removes an object; nothing happens when it does not exist. */
    void delete(String bucket, String key) {
        if (bucketExists(bucket)) {
            blobs().removeBlob(bucket, key);
        }
    }

    /** The object as a stream (the caller closes it), or empty when the bucket or key does not exist. */
    Optional<java.io.InputStream> open(String bucket, String key) {
        if (!bucketExists(bucket)) {
            return Optional.empty();
        }
        Blob blob = blobs().getBlob(bucket, key);
        if (blob == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(blob.getPayload().openStream());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read s3://" + bucket + "/" + key, e);
        }
    }

    /** Writes an object from a file, creating the bucket when missing. */
    void put(String bucket, String key, Path file) {
        createBucket(bucket);
        BlobStore store = blobs();
        try {
            store.putBlob(bucket, store.blobBuilder(key).payload(file.toFile()).contentLength(Files.size(file))
                    .contentType("application/octet-stream").build());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store s3://" + bucket + "/" + key, e);
        }
    }

    /** The keys of the objects under {@code prefix}, recursively, in key order. */
    List<String> list(String bucket, String prefix) {
        List<String> keys = new ArrayList<>();
        if (!bucketExists(bucket)) {
            return keys;
        }
        ListContainerOptions options = ListContainerOptions.Builder.recursive().maxResults(PAGE_LIMIT);
        if (!prefix.isEmpty()) {
            options = options.prefix(prefix);
        }
        while (true) {
            PageSet<? extends StorageMetadata> page = blobs().list(bucket, options);
            for (StorageMetadata m : page) {
                if (m.getType() == StorageType.BLOB) {
                    keys.add(m.getName());
                }
            }
            if (page.getNextMarker() == null) {
                break;
            }
            options = options.afterMarker(page.getNextMarker());
        }
        keys.sort(null);
        return keys;
    }

    private BlobStore blobs() {
        return context.getBlobStore();
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            // stopping a server that failed half-way: nothing more to release than the context
        } finally {
            context.close();
        }
    }
}
