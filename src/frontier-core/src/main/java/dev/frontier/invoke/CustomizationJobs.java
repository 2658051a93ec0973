package dev.frontier.invoke;

import dev.frontier.model.RequestMetadataFilter;
import java.util.Map;
import java.util.Optional;

/**
 * Customization jobs and the ways to serve their models (Provisioned Throughput, on-demand deployments). Failures
 * are {@link CloudException}s.
 */
public interface CustomizationJobs extends AutoCloseable {

    /**
     * A {@code CreateModelCustomizationJob} request.
     *
     * @param jobName             the job's name
     * @param customModelName     the name of the model it makes
     * @param roleArn             the role Bedrock assumes
     * @param clientRequestToken  the idempotency token
     * @param baseModelIdentifier the student / base model with its context window
     * @param customizationType   {@code DISTILLATION} or {@code FINE_TUNING}
     * @param training            the training data: a file, or model-invocation logs
     * @param outputS3Uri         where the job writes its outputs
     * @param kmsKeyId            the custom model's KMS key, empty for none
     * @param hyperParameters     by name (fine-tuning)
     * @param teacherModel        the teacher (distillation), empty otherwise
     * @param maxResponseLength   the teacher's answer limit (distillation)
     * @param tags                job and custom-model tags
     */
    record JobRequest(String jobName, String customModelName, String roleArn, String clientRequestToken,
                      String baseModelIdentifier, String customizationType, TrainingSource training,
                      String outputS3Uri, Optional<String> kmsKeyId, Map<String, String> hyperParameters,
                      Optional<String> teacherModel, int maxResponseLength, Map<String, String> tags) {
        public JobRequest {
            hyperParameters = Map.copyOf(hyperParameters);
            tags = Map.copyOf(tags);
        }
    }

    /** Bedrock's {@code trainingDataConfig}: exactly one source of training data. */
    sealed interface TrainingSource {
    }

    /**
     * A training file ({@code trainingDataConfig.s3Uri}).
     *
     * @param s3Uri the JSONL file
     */
    record TrainingFile(String s3Uri) implements TrainingSource {
    }

    /**
     * Model-invocation logs ({@code trainingDataConfig.invocationLogsConfig}).
     *
     * @param s3Uri             the prefix Bedrock reads the logs under ({@code invocationLogSource.s3Uri})
     * @param filters           {@code requestMetadataFilters}, empty for every logged call
     * @param usePromptResponse whether the logged answers are the training targets
     */
    record InvocationLogs(String s3Uri, Optional<RequestMetadataFilter> filters, boolean usePromptResponse)
            implements TrainingSource {
    }

    /**
     * A job's state as Bedrock reports it.
     *
     * @param jobArn          the job
     * @param jobName         its name
     * @param status          InProgress, Completed, Failed, Stopping or Stopped
     * @param statusDetails   phase → status (validation, data processing, training), in that order
     * @param failureMessage  why it failed, empty otherwise
     * @param outputModelArn  the custom model, once it exists
     * @param trainingLoss    the reported training loss, if any
     * @param validationLoss  the first validator's loss, if any
     * @param customizationType DISTILLATION, FINE_TUNING ...
     * @param baseModelArn    the base model
     * @param creationTime    ISO-8601
     * @param endTime         ISO-8601, empty while running
     */
    record JobState(String jobArn, String jobName, String status, Map<String, String> statusDetails,
                    String failureMessage, Optional<String> outputModelArn, Optional<Float> trainingLoss,
                    Optional<Float> validationLoss, String customizationType, String baseModelArn,
                    String creationTime, String endTime) {

        /** Whether the job will not change any more. */
        public boolean terminal() {
            return status.equals("Completed") || status.equals("Failed") || status.equals("Stopped");
        }
    }

    /**
     * A serving resource's state.
     *
     * @param arn            the Provisioned Throughput or deployment ARN
     * @param status         Creating, InService / Active, Failed, ...
     * @param failureMessage why it failed, empty otherwise
     */
    record ServingState(String arn, String status, String failureMessage) {
        /** Whether requests can be sent to it. */
        public boolean ready() {
            return status.equals("InService") || status.equals("Active");
        }
    }

    /** Submits a customization job; returns its ARN. */
    String create(JobRequest r);

    /** The job's current state. */
    JobState get(String jobIdentifier);

    /** Asks Bedrock to stop a job. */
    void stop(String jobIdentifier);

    /**
     * Buys Provisioned Throughput for a model; returns its ARN.
     *
     * @param commitment {@code none}, {@code OneMonth} or {@code SixMonths}
     */
    String createProvisionedThroughput(String name, String modelArn, int modelUnits, String commitment,
                                              String clientRequestToken, Map<String, String> tags);

    /** A Provisioned Throughput's state. */
    ServingState provisionedThroughput(String arn);

    /** Deletes a Provisioned Throughput (billing stops; committed terms cannot be deleted early). */
    void deleteProvisionedThroughput(String arn);

    /** Deploys a custom model for on-demand (per-token) inference; returns the deployment ARN. */
    String createDeployment(String name, String modelArn, String clientRequestToken,
                                   Map<String, String> tags);

    /** A custom model deployment's state. */
    ServingState deployment(String arn);

    /** Deletes a custom model deployment (on-demand billing ends with it). */
    void deleteDeployment(String arn);

    @Override
    void close();
}
