package dev.frontier.invoke;

import dev.frontier.model.S3Uri;
import java.util.Map;
import java.util.Optional;

/** Batch inference jobs: submit once per client token, read the status, stop. Failures are {@link CloudException}s. */
public interface BatchJobClient extends AutoCloseable {

    /**
     * A job to submit.
     *
     * @param jobName     the job's name (Bedrock's pattern)
     * @param clientToken the idempotency token
     * @param modelId     the model, inference profile or custom model
     * @param roleArn     the service role Bedrock assumes to read and write S3
     * @param input       the input file or folder
     * @param output      where Bedrock writes {@code <job-id>/…}
     * @param bucketOwner the account that must own the buckets, or empty
     * @param kmsKeyId    the KMS key for the output, or empty
     * @param tags        tags on the job
     */
    record Submission(String jobName, String clientToken, String modelId, String roleArn, S3Uri input,
                      S3Uri output, Optional<String> bucketOwner, Optional<String> kmsKeyId,
                      Map<String, String> tags) {
    }

    /**
     * A job's state as Bedrock reports it.
     *
     * @param jobArn    the job's ARN
     * @param status    Bedrock's status string (e.g. {@code InProgress}, {@code Completed})
     * @param message   the failure reason, or empty
     * @param total     records in the job, -1 when not reported
     * @param processed records processed so far, -1 when not reported
     * @param success   records answered, -1 when not reported
     * @param errors    records failed, -1 when not reported
     * @param jobId     the job id: the last part of the ARN, also the output folder's name
     */
    record Status(String jobArn, String status, String message, long total, long processed, long success,
                  long errors, String jobId) {
    }

    /** Submits the job and returns its ARN. */
    String submit(Submission s);

    /** The job's current state. */
    Status status(String jobArn);

    /** Asks Bedrock to stop the job (it is charged only for what it processed). */
    void stop(String jobArn);

    @Override
    void close();
}
