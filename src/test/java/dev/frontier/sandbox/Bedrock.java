package dev.frontier.sandbox;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.CachePointBlock;
import software.amazon.awssdk.services.bedrockruntime.model.CachePointType;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;

import java.util.ArrayList;
import java.util.List;

/** The real AWS SDK client pointed at a sandbox, and a few request shortcuts for tests. */
final class Bedrock {

    static final String SONNET = "anthropic.claude-3-5-sonnet-20241022-v2:0";
    static final String CLAUDE_3_HAIKU = "anthropic.claude-3-haiku-20240307-v1:0";
    static final String CLAUDE_35_HAIKU = "anthropic.claude-3-5-haiku-20241022-v1:0";
    static final String NOVA_LITE = "amazon.nova-lite-v1:0";
    static final String NOVA_MICRO = "amazon.nova-micro-v1:0";
    static final String LLAMA_8B = "meta.llama3-1-8b-instruct-v1:0";

    private Bedrock() {
    }

    static BedrockRuntimeClient client(Sandbox sandbox) {
        return BedrockRuntimeClient.builder()
                .endpointOverride(sandbox.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("AKIDSANDBOXTEST", "sandbox-secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    /** A single-turn request; a cache checkpoint follows the system prompt when {@code cacheSystem}. */
    static ConverseRequest request(String modelId, String system, boolean cacheSystem, String user, int maxTokens) {
        List<SystemContentBlock> systemBlocks = new ArrayList<>();
        if (!system.isEmpty()) {
            systemBlocks.add(SystemContentBlock.fromText(system));
            if (cacheSystem) {
                systemBlocks.add(SystemContentBlock.fromCachePoint(
                        CachePointBlock.builder().type(CachePointType.DEFAULT).build()));
            }
        }
        return ConverseRequest.builder()
                .modelId(modelId)
                .system(systemBlocks)
                .messages(Message.builder().role(ConversationRole.USER).content(ContentBlock.fromText(user)).build())
                .inferenceConfig(c -> c.maxTokens(maxTokens).temperature(0f))
                .build();
    }

    static String text(ConverseResponse response) {
        return response.output().message().content().get(0).text();
    }
}
