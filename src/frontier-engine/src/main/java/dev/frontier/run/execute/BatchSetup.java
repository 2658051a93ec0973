package dev.frontier.run.execute;

import dev.frontier.invoke.BatchJobClient;
import dev.frontier.invoke.S3Objects;
import dev.frontier.model.S3Uri;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What a run needs to use Bedrock batch inference.
 *
 * @param jobs        the control-plane client
 * @param s3          S3 for the records and outputs
 * @param prefix      where records and outputs go ({@code staging.s3})
 * @param roleArn     the role Bedrock assumes ({@code staging.roleArn})
 * @param bucketOwner the account that must own the bucket, or empty
 * @param kmsKeyId    the KMS key for the outputs, or empty
 * @param tags        tags on every job
 * @param firstPoll   the first wait between status reads; it doubles up to {@code maxPoll}
 * @param maxPoll     the longest wait between status reads
 * @param workDir     a local folder for record files before upload
 * @param log         receives one line per job event (submitted, status changes, completion)
 */
public record BatchSetup(BatchJobClient jobs, S3Objects s3, S3Uri prefix, String roleArn,
                         Optional<String> bucketOwner, Optional<String> kmsKeyId, Map<String, String> tags,
                         Duration firstPoll, Duration maxPoll, Path workDir, Consumer<String> log) {
    /** Why candidates and judges run on demand when a run has no batch set-up. */
    public static final String UNAVAILABLE =
            "batch needs staging (staging.s3 and staging.roleArn) and a Bedrock control-plane client";

    public BatchSetup {
        Objects.requireNonNull(jobs, "jobs");
        Objects.requireNonNull(s3, "s3");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(roleArn, "roleArn");
        tags = Map.copyOf(tags);
    }
}
