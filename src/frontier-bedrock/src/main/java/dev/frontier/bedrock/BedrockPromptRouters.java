package dev.frontier.bedrock;

import dev.frontier.invoke.CloudException;
import dev.frontier.invoke.PromptRouters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.model.CreatePromptRouterRequest;
import software.amazon.awssdk.services.bedrock.model.GetPromptRouterResponse;
import software.amazon.awssdk.services.bedrock.model.PromptRouterSummary;
import software.amazon.awssdk.services.bedrock.model.PromptRouterTargetModel;
import software.amazon.awssdk.services.bedrock.model.PromptRouterType;
import software.amazon.awssdk.services.bedrock.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrock.model.RoutingCriteria;
import software.amazon.awssdk.services.bedrock.model.Tag;

/**
 * Bedrock's prompt routers through the SDK's {@link BedrockClient} (API reference: {@code CreatePromptRouter},
 * {@code GetPromptRouter}, {@code ListPromptRouters} with {@code type=custom}, {@code DeletePromptRouter}). The
 * fallback is sent as a single {@code PromptRouterTargetModel}, as the API model has it (the user guide's CLI
 * example wraps it in a list, which the API does not accept).
 */
public final class BedrockPromptRouters implements PromptRouters {

    private final BedrockClient client;

    public BedrockPromptRouters(BedrockClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public String create(RouterRequest r) {
        CreatePromptRouterRequest.Builder b = CreatePromptRouterRequest.builder()
                .promptRouterName(r.name()).clientRequestToken(r.clientRequestToken())
                .models(r.modelArns().stream().map(BedrockPromptRouters::target).toList())
                .fallbackModel(target(r.fallbackModelArn()))
                .routingCriteria(RoutingCriteria.builder().responseQualityDifference(r.responseQualityDifference())
                        .build());
        r.description().ifPresent(b::description);
        if (!r.tags().isEmpty()) {
            b.tags(tags(r.tags()));
        }
        try {
            return client.createPromptRouter(b.build()).promptRouterArn();
        } catch (SdkException e) {
            throw failure("create the prompt router " + r.name(), e);
        }
    }

    @Override
    public Optional<Router> get(String arn) {
        try {
            GetPromptRouterResponse g = client.getPromptRouter(b -> b.promptRouterArn(arn));
            return Optional.of(new Router(g.promptRouterArn(), g.promptRouterName(), arns(g.models()),
                    g.fallbackModel() == null ? "" : g.fallbackModel().modelArn(), quality(g.routingCriteria()),
                    g.statusAsString(), g.typeAsString()));
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw failure("read the prompt router " + arn, e);
        }
    }

    @Override
    public List<Router> listCustom() {
        return list(PromptRouterType.CUSTOM);
    }

    @Override
    public List<Router> listDefault() {
        return list(PromptRouterType.DEFAULT);
    }

    private List<Router> list(PromptRouterType type) {
        List<Router> out = new ArrayList<>();
        try {
            for (PromptRouterSummary s : client.listPromptRoutersPaginator(b -> b.type(type))
                    .promptRouterSummaries()) {
                out.add(new Router(s.promptRouterArn(), s.promptRouterName(), arns(s.models()),
                        s.fallbackModel() == null ? "" : s.fallbackModel().modelArn(), quality(s.routingCriteria()),
                        s.statusAsString(), s.typeAsString()));
            }
        } catch (SdkException e) {
            throw failure("list the prompt routers", e);
        }
        return out;
    }

    @Override
    public void delete(String arn) {
        try {
            client.deletePromptRouter(b -> b.promptRouterArn(arn));
        } catch (ResourceNotFoundException e) {
            // already gone: what a stop asks for
        } catch (SdkException e) {
            throw failure("delete the prompt router " + arn, e);
        }
    }

    private static PromptRouterTargetModel target(String arn) {
        return PromptRouterTargetModel.builder().modelArn(arn).build();
    }

    private static List<String> arns(List<PromptRouterTargetModel> models) {
        return models == null ? List.of() : models.stream().map(PromptRouterTargetModel::modelArn).toList();
    }

    private static double quality(RoutingCriteria c) {
        return c == null || c.responseQualityDifference() == null ? 0 : c.responseQualityDifference();
    }

    private static List<Tag> tags(Map<String, String> tags) {
        return tags.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
    }

    private static CloudException failure(String action, SdkException e) {
        String code = ServiceErrors.code(e).orElse(null);
        String message = ServiceErrors.message(e);
        String hint = switch (code == null ? "" : code) {
            case "AccessDeniedException" -> "check that your identity may call bedrock:CreatePromptRouter, "
                    + "GetPromptRouter, ListPromptRouters and DeletePromptRouter";
            case "ResourceNotFoundException" -> "check the ARN and the region";
            case "ValidationException" -> "fix the router in the suite as the message says";
            case "ConflictException" -> "a router of that name exists with other settings; delete it or rename "
                    + "the suite's router";
            case "ServiceQuotaExceededException" -> "delete unused prompt routers (500 per account by default)";
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
