package dev.frontier.config;

import dev.frontier.model.S3Uri;
import java.util.Map;
import java.util.Optional;

/**
 * Where frontier stages data for Bedrock jobs and which role those jobs run as.
 *
 * @param s3                  the S3 prefix training data and batch records are written under
 * @param expectedBucketOwner the account that must own the bucket; named on every S3 request that takes it
 * @param kmsKeyId            a KMS key for SSE-KMS on the objects frontier writes (and for job outputs)
 * @param roleArn             the IAM role Bedrock assumes to read and write the prefix
 * @param tags                tags put on every job and resource frontier creates, for cost allocation
 */
public record StagingSpec(Optional<S3Uri> s3, Optional<String> expectedBucketOwner, Optional<String> kmsKeyId,
                          Optional<String> roleArn, Map<String, String> tags) {

    /** No staging configured. */
    public static final StagingSpec NONE = new StagingSpec(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Map.of());

    public StagingSpec {
        tags = Map.copyOf(tags);
    }
}
