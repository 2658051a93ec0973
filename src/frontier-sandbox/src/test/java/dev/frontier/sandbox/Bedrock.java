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

    /** Claude Sonnet 4.5 through its us. profile (served on demand only that way in us-east-1). */
    static final String SONNET = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";
    /** Claude Sonnet 4.5's base id, for options keyed by base model. */
    static final String SONNET_BASE = "anthropic.claude-sonnet-4-5-20250929-v1:0";
    /** Prompt caching from 4,096 tokens per checkpoint. */
    static final String HAIKU_45 = "us.anthropic.claude-haiku-4-5-20251001-v1:0";
    /** Prompt caching from 1,000 tokens per checkpoint; bare id served on demand in us-east-1. */
    static final String NOVA_PRO = "amazon.nova-pro-v1:0";
    static final String NOVA_LITE = "amazon.nova-lite-v1:0";
    static final String NOVA_MICRO = "amazon.nova-micro-v1:0";
    static final String LLAMA_8B = "us.meta.llama3-1-8b-instruct-v1:0";

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
