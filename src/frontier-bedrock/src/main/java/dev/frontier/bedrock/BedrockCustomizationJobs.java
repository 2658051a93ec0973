package dev.frontier.bedrock;

import dev.frontier.invoke.CloudException;
import dev.frontier.invoke.CustomizationJobs;
import dev.frontier.model.RequestMetadataFilter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.model.CommitmentDuration;
import software.amazon.awssdk.services.bedrock.model.CreateCustomModelDeploymentRequest;
import software.amazon.awssdk.services.bedrock.model.CreateModelCustomizationJobRequest;
import software.amazon.awssdk.services.bedrock.model.CreateProvisionedModelThroughputRequest;
import software.amazon.awssdk.services.bedrock.model.CustomizationConfig;
import software.amazon.awssdk.services.bedrock.model.DistillationConfig;
import software.amazon.awssdk.services.bedrock.model.GetCustomModelDeploymentResponse;
import software.amazon.awssdk.services.bedrock.model.GetModelCustomizationJobResponse;
import software.amazon.awssdk.services.bedrock.model.GetProvisionedModelThroughputResponse;
import software.amazon.awssdk.services.bedrock.model.InvocationLogSource;
import software.amazon.awssdk.services.bedrock.model.InvocationLogsConfig;
import software.amazon.awssdk.services.bedrock.model.OutputDataConfig;
import software.amazon.awssdk.services.bedrock.model.RequestMetadataBaseFilters;
import software.amazon.awssdk.services.bedrock.model.RequestMetadataFilters;
import software.amazon.awssdk.services.bedrock.model.Tag;
import software.amazon.awssdk.services.bedrock.model.TeacherModelConfig;
import software.amazon.awssdk.services.bedrock.model.TrainingDataConfig;
import software.amazon.awssdk.services.bedrock.model.ValidatorMetric;

/**
 * Bedrock's control plane for custom models: model customization jobs (distillation, fine-tuning), Provisioned
 * Throughput and on-demand custom model deployments. Failures come back as {@link CloudException} naming the
 * resource, Bedrock's error code and what to check.
 */
public final class BedrockCustomizationJobs implements CustomizationJobs {

    private final BedrockClient client;

    public BedrockCustomizationJobs(BedrockClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /** Submits a customization job; returns its ARN. */
    @Override
    public String create(JobRequest r) {
        CreateModelCustomizationJobRequest.Builder b = CreateModelCustomizationJobRequest.builder()
                .jobName(r.jobName()).customModelName(r.customModelName()).roleArn(r.roleArn())
                .clientRequestToken(r.clientRequestToken()).baseModelIdentifier(r.baseModelIdentifier())
                .customizationType(r.customizationType())
                .trainingDataConfig(trainingData(r.training()))
                .outputDataConfig(OutputDataConfig.builder().s3Uri(r.outputS3Uri()).build())
                .jobTags(tags(r.tags())).customModelTags(tags(r.tags()));
        r.kmsKeyId().ifPresent(b::customModelKmsKeyId);
        if (!r.hyperParameters().isEmpty()) {
            b.hyperParameters(r.hyperParameters());
        }
        r.teacherModel().ifPresent(t -> b.customizationConfig(CustomizationConfig.fromDistillationConfig(
                DistillationConfig.builder().teacherModelConfig(TeacherModelConfig.builder()
                        .teacherModelIdentifier(t).maxResponseLengthForInference(r.maxResponseLength()).build())
                        .build())));
        try {
            return client.createModelCustomizationJob(b.build()).jobArn();
        } catch (SdkException e) {
            throw failure("create the customization job " + r.jobName(), e);
        }
    }

    /** The union {@code trainingDataConfig} with exactly the one member the request's source names. */
    static TrainingDataConfig trainingData(TrainingSource source) {
        if (source instanceof TrainingFile f) {
            return TrainingDataConfig.builder().s3Uri(f.s3Uri()).build();
        }
        InvocationLogs logs = (InvocationLogs) source;
        InvocationLogsConfig.Builder c = InvocationLogsConfig.builder()
                .invocationLogSource(InvocationLogSource.fromS3Uri(logs.s3Uri()))
                .usePromptResponse(logs.usePromptResponse());
        logs.filters().ifPresent(f -> c.requestMetadataFilters(filters(f)));
        return TrainingDataConfig.builder().invocationLogsConfig(c.build()).build();
    }

    private static RequestMetadataFilters filters(RequestMetadataFilter f) {
        if (f instanceof RequestMetadataFilter.Equals e) {
            return RequestMetadataFilters.fromEqualsValue(Map.of(e.key(), e.value()));
        }
        if (f instanceof RequestMetadataFilter.NotEquals n) {
            return RequestMetadataFilters.fromNotEquals(Map.of(n.key(), n.value()));
        }
        if (f instanceof RequestMetadataFilter.AndAll a) {
            return RequestMetadataFilters.fromAndAll(a.all().stream().map(BedrockCustomizationJobs::base).toList());
        }
        return RequestMetadataFilters.fromOrAll(((RequestMetadataFilter.OrAll) f).any().stream()
                .map(BedrockCustomizationJobs::base).toList());
    }

    private static RequestMetadataBaseFilters base(RequestMetadataFilter.Base b) {
        return b instanceof RequestMetadataFilter.Equals
                ? RequestMetadataBaseFilters.builder().equalsValue(Map.of(b.key(), b.value())).build()
                : RequestMetadataBaseFilters.builder().notEquals(Map.of(b.key(), b.value())).build();
    }

    /** The job's current state. */
    @Override
    public JobState get(String jobIdentifier) {
        try {
            GetModelCustomizationJobResponse j = client.getModelCustomizationJob(b -> b.jobIdentifier(jobIdentifier));
            Map<String, String> details = new LinkedHashMap<>();
            if (j.statusDetails() != null) {
                if (j.statusDetails().validationDetails() != null) {
                    details.put("validation", j.statusDetails().validationDetails().statusAsString());
                }
                if (j.statusDetails().dataProcessingDetails() != null) {
                    details.put("dataProcessing", j.statusDetails().dataProcessingDetails().statusAsString());
                }
                if (j.statusDetails().trainingDetails() != null) {
                    details.put("training", j.statusDetails().trainingDetails().statusAsString());
                }
            }
            Optional<Float> validation = j.validationMetrics() == null ? Optional.empty()
                    : j.validationMetrics().stream().map(ValidatorMetric::validationLoss).filter(Objects::nonNull)
                    .findFirst();
            return new JobState(j.jobArn(), j.jobName(), j.statusAsString(), details,
                    j.failureMessage() == null ? "" : j.failureMessage(), Optional.ofNullable(j.outputModelArn()),
                    Optional.ofNullable(j.trainingMetrics() == null ? null : j.trainingMetrics().trainingLoss()),
                    validation, j.customizationTypeAsString(), j.baseModelArn(),
                    j.creationTime() == null ? "" : j.creationTime().toString(),
                    j.endTime() == null ? "" : j.endTime().toString());
        } catch (SdkException e) {
            throw failure("read the customization job " + jobIdentifier, e);
        }
    }

    /** Asks Bedrock to stop a job. */
    @Override
    public void stop(String jobIdentifier) {
        try {
            client.stopModelCustomizationJob(b -> b.jobIdentifier(jobIdentifier));
        } catch (SdkException e) {
            throw failure("stop the customization job " + jobIdentifier, e);
        }
    }

    /**
     * Buys Provisioned Throughput for a model; returns its ARN.
     *
     * @param commitment {@code none}, {@code OneMonth} or {@code SixMonths}
     */
    @Override
    public String createProvisionedThroughput(String name, String modelArn, int modelUnits, String commitment,
                                              String clientRequestToken, Map<String, String> tags) {
        CreateProvisionedModelThroughputRequest.Builder b = CreateProvisionedModelThroughputRequest.builder()
                .provisionedModelName(name).modelId(modelArn).modelUnits(modelUnits)
                .clientRequestToken(clientRequestToken).tags(tags(tags));
        if (!commitment.equals("none")) {
            b.commitmentDuration(CommitmentDuration.fromValue(commitment));
        }
        try {
            return client.createProvisionedModelThroughput(b.build()).provisionedModelArn();
        } catch (SdkException e) {
            throw failure("create Provisioned Throughput " + name, e);
        }
    }

    /** A Provisioned Throughput's state. */
    @Override
    public ServingState provisionedThroughput(String arn) {
        try {
            GetProvisionedModelThroughputResponse r = client.getProvisionedModelThroughput(
                    b -> b.provisionedModelId(arn));
            return new ServingState(r.provisionedModelArn(), r.statusAsString(),
                    r.failureMessage() == null ? "" : r.failureMessage());
        } catch (SdkException e) {
            throw failure("read Provisioned Throughput " + arn, e);
        }
    }

    /** Deletes a Provisioned Throughput (billing stops; committed terms cannot be deleted early). */
    @Override
    public void deleteProvisionedThroughput(String arn) {
        try {
            client.deleteProvisionedModelThroughput(b -> b.provisionedModelId(arn));
        } catch (SdkException e) {
            throw failure("delete Provisioned Throughput " + arn, e);
        }
    }

    /** Deploys a custom model for on-demand (per-token) inference; returns the deployment ARN. */
    @Override
    public String createDeployment(String name, String modelArn, String clientRequestToken,
                                   Map<String, String> tags) {
        try {
            return client.createCustomModelDeployment(CreateCustomModelDeploymentRequest.builder()
                    .modelDeploymentName(name).modelArn(modelArn).clientRequestToken(clientRequestToken)
                    .tags(tags(tags)).build()).customModelDeploymentArn();
        } catch (SdkException e) {
            throw failure("create the custom model deployment " + name, e);
        }
    }

    /** A custom model deployment's state. */
    @Override
    public ServingState deployment(String arn) {
        try {
            GetCustomModelDeploymentResponse r = client.getCustomModelDeployment(
                    b -> b.customModelDeploymentIdentifier(arn));
            return new ServingState(r.customModelDeploymentArn(), r.statusAsString(),
                    r.failureMessage() == null ? "" : r.failureMessage());
        } catch (SdkException e) {
            throw failure("read the custom model deployment " + arn, e);
        }
    }

    /** Deletes a custom model deployment (on-demand billing ends with it). */
    @Override
    public void deleteDeployment(String arn) {
        try {
            client.deleteCustomModelDeployment(b -> b.customModelDeploymentIdentifier(arn));
        } catch (SdkException e) {
            throw failure("delete the custom model deployment " + arn, e);
        }
    }

    private static List<Tag> tags(Map<String, String> tags) {
        return tags.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
    }

    private static CloudException failure(String action, SdkException e) {
        String code = ServiceErrors.code(e).orElse(null);
        String message = ServiceErrors.message(e);
        String hint = switch (code == null ? "" : code) {
            case "AccessDeniedException" -> "check that your identity may call Bedrock's customization APIs and "
                    + "pass the job role (iam:PassRole)";
            case "ResourceNotFoundException" -> "check the ARN and the region";
            case "ValidationException" -> "fix the request as the message says";
            case "ServiceQuotaExceededException" -> "request a higher quota in Service Quotas, or stop another job";
            case "TooManyTagsException" -> "use fewer tags";
            default -> "check the region and the credentials";
        };
        return new CloudException("cannot " + action + ": " + (code == null ? "" : code + ": ") + message
                + " (" + hint + ")", e);
    }

    @Override
    public void close() {
        client.close();
    }
}
