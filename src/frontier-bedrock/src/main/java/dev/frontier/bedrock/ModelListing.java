package dev.frontier.bedrock;

import dev.frontier.invoke.CloudException;
import dev.frontier.catalog.AccountModels;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.model.FoundationModelSummary;
import software.amazon.awssdk.services.bedrock.model.InferenceProfileSummary;
import software.amazon.awssdk.services.bedrock.model.InferenceProfileType;
import software.amazon.awssdk.services.bedrock.model.ListFoundationModelsRequest;
import software.amazon.awssdk.services.bedrock.model.ListInferenceProfilesRequest;

/**
 * What the account's Bedrock control plane lists in the client's Region: {@code ListFoundationModels} (no filter)
 * and every page of {@code ListInferenceProfiles} of type {@code SYSTEM_DEFINED}. Enum values are read as the
 * strings Bedrock sent, so a value newer than the SDK ({@code INFERENCE_PROFILE}) is kept. Failures come back as
 * {@link CloudException} with what to check.
 */
public final class ModelListing implements AutoCloseable {

    private final BedrockClient client;

    public ModelListing(BedrockClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /**
     * Reads both lists.
     *
     * @param region the Region the client is set up for, for messages
     * @throws CloudException when Bedrock refuses or cannot be reached
     */
    public AccountModels read(String region) {
        List<AccountModels.Model> models = new ArrayList<>();
        List<AccountModels.Profile> profiles = new ArrayList<>();
        String operation = "ListFoundationModels";
        try {
            for (FoundationModelSummary m : client.listFoundationModels(ListFoundationModelsRequest.builder().build())
                    .modelSummaries()) {
                models.add(new AccountModels.Model(m.modelId(), m.providerName() == null ? "" : m.providerName(),
                        m.inferenceTypesSupportedAsStrings(), m.outputModalitiesAsStrings(),
                        m.modelLifecycle() == null || m.modelLifecycle().statusAsString() == null ? ""
                                : m.modelLifecycle().statusAsString()));
            }
            operation = "ListInferenceProfiles";
            for (InferenceProfileSummary p : client.listInferenceProfilesPaginator(ListInferenceProfilesRequest
                    .builder().typeEquals(InferenceProfileType.SYSTEM_DEFINED).build()).inferenceProfileSummaries()) {
                profiles.add(new AccountModels.Profile(p.inferenceProfileId(), p.typeAsString()));
            }
        } catch (AwsServiceException e) {
            String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
            throw new CloudException("Bedrock refused " + operation + " in " + region + ": " + code + " "
                    + (e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage())
                    + " (the identity needs bedrock:ListFoundationModels and bedrock:ListInferenceProfiles)", e);
        } catch (SdkException e) {
            throw new CloudException("cannot reach Bedrock for " + operation + " in " + region + ": "
                    + e.getMessage(), e);
        }
        return new AccountModels(models, profiles);
    }

    @Override
    public void close() {
        client.close();
    }
}
