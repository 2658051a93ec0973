package dev.frontier.bedrock;

import dev.frontier.invoke.CloudException;
import dev.frontier.invoke.InferenceProfiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.model.CreateInferenceProfileRequest;
import software.amazon.awssdk.services.bedrock.model.InferenceProfileModel;
import software.amazon.awssdk.services.bedrock.model.InferenceProfileModelSource;
import software.amazon.awssdk.services.bedrock.model.InferenceProfileSummary;
import software.amazon.awssdk.services.bedrock.model.InferenceProfileType;
import software.amazon.awssdk.services.bedrock.model.Tag;

/**
 * Inference profiles through Bedrock's control plane: {@code ListInferenceProfiles} (by type, every page) and
 * {@code CreateInferenceProfile} with {@code modelSource.copyFrom}, tags and a client request token.
 */
public final class BedrockInferenceProfiles implements InferenceProfiles {

    private final BedrockClient client;

    public BedrockInferenceProfiles(BedrockClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public List<Profile> listApplication() {
        return list(InferenceProfileType.APPLICATION);
    }

    @Override
    public List<Profile> listSystem() {
        return list(InferenceProfileType.SYSTEM_DEFINED);
    }

    private List<Profile> list(InferenceProfileType type) {
        try {
            List<Profile> out = new ArrayList<>();
            for (InferenceProfileSummary s : client.listInferenceProfilesPaginator(b -> b.typeEquals(type))
                    .inferenceProfileSummaries()) {
                out.add(new Profile(s.inferenceProfileArn(), s.inferenceProfileId(), s.inferenceProfileName(),
                        s.statusAsString(), s.models().stream().map(InferenceProfileModel::modelArn).toList()));
            }
            return out;
        } catch (SdkException e) {
            throw failure("list the " + type + " inference profiles", e);
        }
    }

    @Override
    public String create(ProfileRequest r) {
        CreateInferenceProfileRequest.Builder b = CreateInferenceProfileRequest.builder()
                .inferenceProfileName(r.name()).clientRequestToken(r.clientRequestToken())
                .modelSource(InferenceProfileModelSource.fromCopyFrom(r.copyFrom()))
                .tags(r.tags().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                        .map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build()).toList());
        if (!r.description().isEmpty()) {
            b.description(r.description());
        }
        try {
            return client.createInferenceProfile(b.build()).inferenceProfileArn();
        } catch (SdkException e) {
            throw failure("create the application inference profile " + r.name(), e);
        }
    }

    @Override
    public void close() {
        client.close();
    }

    private static CloudException failure(String action, SdkException e) {
        String code = ServiceErrors.code(e).orElse(null);
        String message = ServiceErrors.message(e);
        String hint = switch (code == null ? "" : code) {
            case "AccessDeniedException" -> "check that your identity may call bedrock:CreateInferenceProfile, "
                    + "ListInferenceProfiles and bedrock:TagResource";
            case "ValidationException" -> "check the model can be copied into a profile in this Region";
            case "ServiceQuotaExceededException" -> "delete unused application inference profiles";
            case "TooManyTagsException" -> "use fewer tags in execution.attribution.tags";
            default -> "check the region and the credentials";
        };
        return new CloudException("cannot " + action + ": " + (code == null ? "" : code + ": ") + message + " ("
                + hint + ")", e);
    }
}
