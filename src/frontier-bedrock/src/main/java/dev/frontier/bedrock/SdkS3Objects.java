package dev.frontier.bedrock;

import dev.frontier.invoke.CloudException;
import dev.frontier.invoke.S3Objects;
import dev.frontier.model.S3Uri;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * Reads and writes objects in S3 for staging: every request names the expected bucket owner when one is
 * configured (S3 then refuses to act on a bucket another account owns), and writes use SSE-KMS with the given key
 * when one is configured. Failures come back as {@link CloudException} with the S3 URI and what to check.
 */
public final class SdkS3Objects implements S3Objects {

    private final S3Client client;
    private final Optional<String> expectedBucketOwner;
    private final Optional<String> kmsKeyId;

    /**
     * @param expectedBucketOwner the 12-digit account id that must own the buckets, or empty not to check
     * @param kmsKeyId            a KMS key id or ARN for SSE-KMS on writes, or empty for the bucket's default
     */
    public SdkS3Objects(S3Client client, Optional<String> expectedBucketOwner, Optional<String> kmsKeyId) {
        this.client = Objects.requireNonNull(client, "client");
        this.expectedBucketOwner = Objects.requireNonNull(expectedBucketOwner, "expectedBucketOwner");
        this.kmsKeyId = Objects.requireNonNull(kmsKeyId, "kmsKeyId");
    }

    /** Uploads a file. */
    @Override
    public void put(S3Uri target, Path file) {
        put(target, RequestBody.fromFile(file));
    }

    /** Uploads bytes. */
    @Override
    public void put(S3Uri target, byte[] bytes) {
        put(target, RequestBody.fromBytes(bytes));
    }

    private void put(S3Uri target, RequestBody body) {
        PutObjectRequest.Builder request = PutObjectRequest.builder().bucket(target.bucket()).key(target.key());
        expectedBucketOwner.ifPresent(request::expectedBucketOwner);
        kmsKeyId.ifPresent(key -> request.serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(key));
        try {
            client.putObject(request.build(), body);
        } catch (SdkException e) {
            throw failure("upload to", target, e);
        }
    }

    /**
     * Opens an object for streaming; the caller closes the stream.
     *
     * @return empty when the object does not exist
     */
    @Override
    public Optional<InputStream> open(S3Uri source) {
        GetObjectRequest.Builder request = GetObjectRequest.builder().bucket(source.bucket()).key(source.key());
        expectedBucketOwner.ifPresent(request::expectedBucketOwner);
        try {
            ResponseInputStream<GetObjectResponse> in = client.getObject(request.build());
            return Optional.of(in);
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw failure("read", source, e);
        }
    }

    /** The objects under a prefix, in key order, as S3 URIs. */
    @Override
    public List<S3Uri> list(S3Uri prefix) {
        List<S3Uri> found = new ArrayList<>();
        ListObjectsV2Request.Builder request = ListObjectsV2Request.builder().bucket(prefix.bucket())
                .prefix(prefix.key());
        expectedBucketOwner.ifPresent(request::expectedBucketOwner);
        try {
            String token = null;
            do {
                ListObjectsV2Response page = client.listObjectsV2(request.continuationToken(token).build());
                for (S3Object object : page.contents()) {
                    found.add(new S3Uri(prefix.bucket(), object.key()));
                }
                token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
            } while (token != null);
        } catch (SdkException e) {
            throw failure("list", prefix, e);
        }
        return found;
    }

    private CloudException failure(String action, S3Uri where, SdkException e) {
        String code = ServiceErrors.code(e).orElse(null);
        String hint = switch (code == null ? "" : code) {
            case "NoSuchBucket" -> "create the bucket or fix the S3 URI";
            case "AccessDenied" -> "check the bucket policy, the expected bucket owner and the credentials' S3 "
                    + "permissions";
            default -> "check the S3 URI, the region and the credentials";
        };
        return new CloudException("cannot " + action + " " + where + ": "
                + (code == null ? e.getMessage() : code + " " + ServiceErrors.message(e)) + " (" + hint + ")", e);
    }
}
