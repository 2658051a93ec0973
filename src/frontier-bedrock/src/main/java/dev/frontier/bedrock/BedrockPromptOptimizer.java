package dev.frontier.bedrock;

import dev.frontier.invoke.CloudException;
import dev.frontier.invoke.PromptOptimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.bedrockagentruntime.BedrockAgentRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockagentruntime.model.InputPrompt;
import software.amazon.awssdk.services.bedrockagentruntime.model.OptimizePromptRequest;
import software.amazon.awssdk.services.bedrockagentruntime.model.OptimizePromptResponseHandler;
import software.amazon.awssdk.services.bedrockagentruntime.model.OptimizedPromptEvent;

/**
 * Bedrock's prompt optimization through the SDK's {@link BedrockAgentRuntimeAsyncClient} (API reference:
 * {@code OptimizePrompt}, {@code OptimizedPromptStream}). The answer is an event stream: each
 * {@code analyzePromptEvent}'s message is kept as analysis, the {@code optimizedPromptEvent}'s text prompt is the
 * result (the last one, should there be more). An error event in the stream fails the call like an error status.
 */
public final class BedrockPromptOptimizer implements PromptOptimizer {

    private final BedrockAgentRuntimeAsyncClient client;

    public BedrockPromptOptimizer(BedrockAgentRuntimeAsyncClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /** The optimizer on {@link CloudClients#agentRuntime} for {@code settings}. */
    public static BedrockPromptOptimizer create(BedrockSettings settings) {
        return new BedrockPromptOptimizer(CloudClients.agentRuntime(settings));
    }

    @Override
    public Optimized optimize(String prompt, String targetModelId) {
        OptimizePromptRequest request = OptimizePromptRequest.builder()
                .input(InputPrompt.fromTextPrompt(t -> t.text(prompt)))
                .targetModelId(targetModelId)
                .build();
        List<String> analysis = new ArrayList<>();
        List<String> optimized = new ArrayList<>();
        OptimizePromptResponseHandler handler = OptimizePromptResponseHandler.builder()
                .subscriber(OptimizePromptResponseHandler.Visitor.builder()
                        .onAnalyzePromptEvent(e -> {
                            if (e.message() != null) {
                                analysis.add(e.message());
                            }
                        })
                        .onOptimizedPromptEvent(e -> text(e, optimized))
                        .build())
                .build();
        try {
            client.optimizePrompt(request, handler).join();
        } catch (CompletionException e) {
            throw failure(targetModelId, e.getCause() == null ? e : e.getCause());
        } catch (SdkException e) {
            throw failure(targetModelId, e);
        }
        // the handler's events have all been delivered once the future completes
        synchronized (optimized) {
            if (optimized.isEmpty()) {
                throw new CloudException("Bedrock answered the prompt optimization for " + targetModelId
                        + " without an optimized prompt (try again; if it persists, optimize the prompt in the "
                        + "Bedrock console)");
            }
            return new Optimized(optimized.get(optimized.size() - 1), analysis);
        }
    }

    private static void text(OptimizedPromptEvent e, List<String> into) {
        if (e.optimizedPrompt() != null && e.optimizedPrompt().textPrompt() != null
                && e.optimizedPrompt().textPrompt().text() != null) {
            synchronized (into) {
                into.add(e.optimizedPrompt().textPrompt().text());
            }
        }
    }

    private static CloudException failure(String targetModelId, Throwable t) {
        String code = ServiceErrors.code(t).orElse(null);
        String message = ServiceErrors.message(t);
        String hint = switch (code == null ? "" : code) {
            case "AccessDeniedException" -> "check that your identity may call bedrock:OptimizePrompt";
            case "ValidationException" -> "check that the model and the Region offer prompt optimization and that "
                    + "the prompt is 1 to 200,000 characters";
            case "ThrottlingException" -> "wait a minute and try again";
            case "DependencyFailedException", "BadGatewayException", "InternalServerException" ->
                    "a Bedrock-side failure; try again";
            default -> "check the region and the credentials";
        };
        return new CloudException("cannot optimize the prompt for " + targetModelId + ": "
                + (code == null ? "" : code + ": ") + message + " (" + hint + ")", t);
    }

    @Override
    public void close() {
        client.close();
    }
}
