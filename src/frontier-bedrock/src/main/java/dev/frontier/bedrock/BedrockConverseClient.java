package dev.frontier.bedrock;

import dev.frontier.invoke.SetupException;
import dev.frontier.invoke.RetryPolicy;
import dev.frontier.invoke.ModelClient;
import dev.frontier.model.CallResult;
import dev.frontier.model.CallSettings;
import dev.frontier.model.ModelRequest;
import dev.frontier.model.TokenUsage;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClientBuilder;
import software.amazon.awssdk.services.bedrockruntime.model.OutputConfig;
import software.amazon.awssdk.services.bedrockruntime.model.OutputFormat;
import software.amazon.awssdk.services.bedrockruntime.model.OutputFormatStructure;
import software.amazon.awssdk.services.bedrockruntime.model.OutputFormatType;
import software.amazon.awssdk.services.bedrockruntime.model.JsonSchemaDefinition;
import software.amazon.awssdk.services.bedrockruntime.model.CachePointBlock;
import software.amazon.awssdk.services.bedrockruntime.model.CachePointType;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.InferenceConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.PerformanceConfigLatency;
import software.amazon.awssdk.services.bedrockruntime.model.PerformanceConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceTier;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;

/**
 * {@link ModelClient} over Bedrock's Converse API with the AWS SDK v2 {@link BedrockRuntimeClient}.
 * The SDK's retry strategy is set explicitly (attempts from {@link BedrockSettings}) so that no hidden
 * layer multiplies attempts.
 */
public final class BedrockConverseClient implements ModelClient {

    private final BedrockRuntimeClient client;
    /** The host calls go to, for messages: the endpoint override's, else Bedrock's regional endpoint. */
    private final String host;

    private BedrockConverseClient(BedrockRuntimeClient client, String host) {
        this.client = client;
        this.host = host;
    }

    /**
     * Builds a client.
     *
     * @throws SetupException when no credentials or no region can be found
     */
    public static BedrockConverseClient create(BedrockSettings settings) {
        BedrockRuntimeClientBuilder b = CloudClients.configure(BedrockRuntimeClient.builder(), settings,
                settings.endpoints().runtime());
        try {
            BedrockRuntimeClient built = b.build();
            String host = settings.endpoints().runtime()
                    .map(u -> u.getPort() < 0 ? u.getHost() : u.getHost() + ":" + u.getPort())
                    .orElseGet(() -> "bedrock-runtime." + built.serviceClientConfiguration().region().id()
                            + ".amazonaws.com");
            return new BedrockConverseClient(built, host);
        } catch (SdkClientException e) {
            throw new SetupException("cannot set up the Bedrock client: " + e.getMessage()
                    + " (set AWS_REGION or execution.region in the suite)");
        }
    }

    @Override
    public CallResult call(ModelRequest request) {
        long start = System.nanoTime();
        try {
            ConverseResponse response = client.converse(toConverse(request));
            return toCompletion(response, elapsedMs(start));
        } catch (AwsServiceException e) {
            String code = e.awsErrorDetails() != null && e.awsErrorDetails().errorCode() != null
                    ? e.awsErrorDetails().errorCode() : "HTTP" + e.statusCode();
            String message = e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null
                    ? e.awsErrorDetails().errorMessage() : e.getMessage();
            return new CallResult.Failure(code, message, RetryPolicy.retryableRefusal(code, e.statusCode()),
                    elapsedMs(start));
        } catch (SdkClientException e) {
            return clientFailure(e, elapsedMs(start));
        } catch (SdkException e) {
            return new CallResult.Failure("SdkError", e.getMessage(), false, elapsedMs(start));
        }
    }

    /**
     * A failure of the client side, classified by whether the request can have reached Bedrock: a connection that
     * was never made (the host name does not resolve, nothing listens, no route) is
     * {@link RetryPolicy#UNREACHABLE}, never billed; a request that was sent but got no answer (the client's timeout,
     * a connection reset or closed while waiting) is {@link RetryPolicy#NO_RESPONSE}: Bedrock bills a request it
     * processed whether or not the answer arrives, so it may have been billed. Anything else is {@code ClientError}.
     */
    private CallResult.Failure clientFailure(SdkClientException e, long elapsedMs) {
        Throwable unreachable = null;
        Throwable lost = e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException ? e : null;
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof UnknownHostException || t instanceof ConnectException
                    || t instanceof NoRouteToHostException
                    || t instanceof SocketTimeoutException && String.valueOf(t.getMessage()).contains("connect")) {
                unreachable = t;
                break;
            }
            if (t instanceof SocketTimeoutException || t instanceof SocketException
                    || t instanceof java.io.EOFException
                    || t instanceof java.io.IOException && String.valueOf(t.getMessage()).contains("end of file")) {
                lost = lost == null ? t : lost;
            }
        }
        if (unreachable != null) {
            return new CallResult.Failure(RetryPolicy.UNREACHABLE, "cannot reach " + host + ": "
                    + unreachable.getClass().getSimpleName() + ": " + unreachable.getMessage(), true, elapsedMs);
        }
        if (lost != null) {
            return new CallResult.Failure(RetryPolicy.NO_RESPONSE, "no answer from " + host + " after the request was "
                    + "sent (" + lost.getClass().getSimpleName() + ": " + lost.getMessage() + "); Bedrock may have "
                    + "billed it", false, elapsedMs);
        }
        return new CallResult.Failure("ClientError", e.getMessage(), true, elapsedMs);
    }

    static ConverseRequest toConverse(ModelRequest request) {
        ConverseRequest.Builder r = ConverseRequest.builder()
                .modelId(request.modelId())
                .messages(Message.builder().role(ConversationRole.USER)
                        .content(ContentBlock.fromText(request.user())).build());
        if (!request.system().isEmpty()) {
            List<SystemContentBlock> system = new ArrayList<>(2);
            system.add(SystemContentBlock.fromText(request.system()));
            if (request.cacheSystem()) {
                CachePointBlock.Builder point = CachePointBlock.builder().type(CachePointType.DEFAULT);
                request.settings().cacheTtl().ifPresent(point::ttl);
                system.add(SystemContentBlock.fromCachePoint(point.build()));
            }
            r.system(system);
        }
        ModelRequest.InferenceParams p = request.inference();
        CallSettings settings = request.settings();
        InferenceConfiguration.Builder inf = InferenceConfiguration.builder();
        if (!settings.omitsMaxTokens()) {
            inf.maxTokens(p.maxTokens());
        }
        if (p.temperature() != null) {
            inf.temperature(p.temperature().floatValue());
        }
        if (p.topP() != null) {
            inf.topP(p.topP().floatValue());
        }
        if (!p.stopSequences().isEmpty()) {
            inf.stopSequences(p.stopSequences());
        }
        if (!request.requestMetadata().isEmpty()) {
            r.requestMetadata(request.requestMetadata());
        }
        request.outputSchema().ifPresent(schema -> r.outputConfig(OutputConfig.builder()
                .textFormat(OutputFormat.builder().type(OutputFormatType.JSON_SCHEMA)
                        .structure(OutputFormatStructure.fromJsonSchema(JsonSchemaDefinition.builder()
                                .schema(schema).name("answer").build()))
                        .build())
                .build()));
        settings.serviceTier().ifPresent(t -> r.serviceTier(ServiceTier.builder().type(t.wire()).build()));
        if (settings.latencyOptimized()) {
            r.performanceConfig(PerformanceConfiguration.builder().latency(PerformanceConfigLatency.OPTIMIZED).build());
        }
        settings.reasoning().ifPresent(reasoning -> r.additionalModelRequestFields(reasoningFields(reasoning)));
        return r.inferenceConfig(inf.build()).build();
    }

    /**
     * The model-native reasoning fields: Anthropic's {@code thinking} with a token budget (user guide, Claude extended
     * thinking), Amazon Nova 2's {@code reasoningConfig} with an effort (Nova 2 user guide, extended thinking).
     */
    static Document reasoningFields(CallSettings.Reasoning reasoning) {
        if (reasoning instanceof CallSettings.Reasoning.Budget b) {
            return Document.mapBuilder()
                    .putDocument("thinking", Document.mapBuilder().putString("type", "enabled")
                            .putNumber("budget_tokens", b.tokens()).build())
                    .build();
        }
        CallSettings.Reasoning.Effort e = (CallSettings.Reasoning.Effort) reasoning;
        return Document.mapBuilder()
                .putDocument("reasoningConfig", Document.mapBuilder().putString("type", "enabled")
                        .putString("maxReasoningEffort", e.level()).build())
                .build();
    }

    static CallResult.Completion toCompletion(ConverseResponse response, long clientLatencyMs) {
        StringBuilder text = new StringBuilder();
        if (response.output() != null && response.output().message() != null) {
            for (ContentBlock block : response.output().message().content()) {
                if (block.text() != null) {
                    text.append(block.text());
                }
            }
        }
        var u = response.usage();
        TokenUsage usage = u == null ? TokenUsage.ZERO : new TokenUsage(n(u.inputTokens()), n(u.outputTokens()),
                n(u.cacheReadInputTokens()), n(u.cacheWriteInputTokens()));
        long latency = response.metrics() != null && response.metrics().latencyMs() != null
                ? response.metrics().latencyMs() : clientLatencyMs;
        String requestId = response.responseMetadata() != null ? response.responseMetadata().requestId() : "";
        String tier = response.serviceTier() != null && response.serviceTier().typeAsString() != null
                ? response.serviceTier().typeAsString() : "";
        String performance = response.performanceConfig() != null
                && response.performanceConfig().latencyAsString() != null
                ? response.performanceConfig().latencyAsString() : "";
        return new CallResult.Completion(text.toString(), response.stopReasonAsString(), usage, latency,
                clientLatencyMs, requestId == null ? "" : requestId, invokedModelId(response), tier, performance);
    }

    /**
     * The model a prompt router chose: Converse reports it only in {@code trace.promptRouter.invokedModelId}, as a
     * foundation-model or inference-profile ARN (API reference, {@code PromptRouterTrace}); "" for a call made to a
     * model directly, whose response has no such trace.
     */
    static String invokedModelId(ConverseResponse response) {
        if (response.trace() == null || response.trace().promptRouter() == null) {
            return "";
        }
        String id = response.trace().promptRouter().invokedModelId();
        return id == null ? "" : id;
    }

    private static long n(Integer v) {
        return v == null ? 0 : v;
    }

    private static long elapsedMs(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    @Override
    public void close() {
        client.close();
    }
}
