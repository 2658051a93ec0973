package dev.frontier.bedrock;

import dev.frontier.invoke.BatchJobClient;
import dev.frontier.invoke.CloudException;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.model.CreateModelInvocationJobRequest;
import software.amazon.awssdk.services.bedrock.model.GetModelInvocationJobResponse;
import software.amazon.awssdk.services.bedrock.model.ModelInvocationType;
import software.amazon.awssdk.services.bedrock.model.Tag;

/**
 * Bedrock batch inference jobs (model invocation jobs) through the control plane: submit with a client request
 * token (so a repeated submission returns the job the first one created), read the status, stop. Failures come
 * back as {@link CloudException} with what to check.
 */
public final class BedrockBatchJobs implements BatchJobClient {

    private final BedrockClient client;

    public BedrockBatchJobs(BedrockClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /** Submits the job and returns its ARN. */
    @Override
    public String submit(Submission s) {
        CreateModelInvocationJobRequest.Builder r = CreateModelInvocationJobRequest.builder()
                .jobName(s.jobName())
                .clientRequestToken(s.clientToken())
                .modelId(s.modelId())
                .roleArn(s.roleArn())
                .modelInvocationType(ModelInvocationType.CONVERSE)
                .inputDataConfig(i -> i.s3InputDataConfig(c -> {
                    c.s3Uri(s.input().toString()).s3InputFormat("JSONL");
                    s.bucketOwner().ifPresent(c::s3BucketOwner);
                }))
                .outputDataConfig(o -> o.s3OutputDataConfig(c -> {
                    c.s3Uri(s.output().toString());
                    s.bucketOwner().ifPresent(c::s3BucketOwner);
                    s.kmsKeyId().ifPresent(c::s3EncryptionKeyId);
                }));
        if (!s.tags().isEmpty()) {
            r.tags(s.tags().entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
                    .toList());
        }
        try {
            return client.createModelInvocationJob(r.build()).jobArn();
        } catch (SdkException e) {
            throw failure("submit the batch inference job " + s.jobName() + " for " + s.modelId(), e,
                    "check staging.roleArn (it must trust bedrock.amazonaws.com and may read and write "
                            + s.input() + "), the model's batch support in this region, and the batch job quota");
        }
    }

    /** The job's current state. */
    @Override
    public Status status(String jobArn) {
        try {
            GetModelInvocationJobResponse r = client.getModelInvocationJob(b -> b.jobIdentifier(jobArn));
            return new Status(r.jobArn(), r.statusAsString(), r.message() == null ? "" : r.message(),
                    n(r.totalRecordCount()), n(r.processedRecordCount()), n(r.successRecordCount()),
                    n(r.errorRecordCount()), jobArn.substring(jobArn.lastIndexOf('/') + 1));
        } catch (SdkException e) {
            throw failure("read the batch inference job " + jobArn, e, "check the credentials and the region the "
                    + "job was submitted in");
        }
    }

    /** Asks Bedrock to stop the job (it is charged only for what it processed). */
    @Override
    public void stop(String jobArn) {
        try {
            client.stopModelInvocationJob(b -> b.jobIdentifier(jobArn));
        } catch (SdkException e) {
            throw failure("stop the batch inference job " + jobArn, e, "check the job's status");
        }
    }

    private static long n(Long v) {
        return v == null ? -1 : v;
    }

    private static CloudException failure(String action, SdkException e, String hint) {
        String detail = ServiceErrors.code(e).map(code -> code + ": " + ServiceErrors.message(e))
                .orElse(e.getMessage());
        return new CloudException("cannot " + action + ": " + detail + " (" + hint + ")", e);
    }

    @Override
    public void close() {
        client.close();
    }
}
