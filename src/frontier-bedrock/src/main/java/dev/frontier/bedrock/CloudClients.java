package dev.frontier.bedrock;

import dev.frontier.invoke.SetupException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.bedrockagentruntime.BedrockAgentRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockagentruntime.BedrockAgentRuntimeAsyncClientBuilder;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;

/**
 * Builds the AWS SDK clients frontier uses from one {@link BedrockSettings}: the same credentials, region, timeouts,
 * retry attempts and application id for Bedrock Runtime, the Bedrock control plane, S3 and the Bedrock agent
 * runtime, each sent to its own endpoint (an override from the settings, else the SDK's default regional one). The
 * synchronous clients use the URL connection HTTP client; the agent runtime, whose {@code OptimizePrompt} answers
 * with an event stream that the SDK serves only on its asynchronous client, uses Netty.
 */
public final class CloudClients {

    /**
     * The JDK's HTTP client keeps at most this many idle connections per host for reuse (its default is 5); with
     * more calls in flight than that, every call beyond it opened a new connection (a TLS handshake on AWS) and
     * closed it after the answer. The JDK reads the switch once, when it first keeps a connection, and only from this
     * property. Set only when nobody set it already.
     */
    private static final String KEEP_ALIVE_PROPERTY = "http.maxConnections";

    static {
        System.getProperties().putIfAbsent(KEEP_ALIVE_PROPERTY, "256");
    }

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** The region an S3-compatible server is signed for when the settings name none (s3proxy accepts any). */
    private static final String OVERRIDE_S3_REGION = "us-east-1";

    private CloudClients() {
    }

    /**
     * The Bedrock control plane (customization jobs, batch inference jobs, provisioned throughput, custom model
     * deployments), at {@link BedrockSettings.Endpoints#controlPlane()}.
     *
     * @throws SetupException when no credentials or no region can be found
     */
    public static BedrockClient bedrock(BedrockSettings settings) {
        try {
            return configure(BedrockClient.builder(), settings, settings.endpoints().controlPlane()).build();
        } catch (SdkClientException e) {
            throw new SetupException("cannot set up the Bedrock control-plane client: " + e.getMessage()
                    + " (set AWS_REGION or execution.region in the suite)");
        }
    }

    /**
     * S3 for staging training data and batch records, at {@link BedrockSettings.Endpoints#s3()}. With an override
     * (the sandbox's s3proxy, another S3-compatible server, a VPC endpoint) requests are addressed path-style, which
     * S3 and S3-compatible servers all accept, and signed for us-east-1 when the settings name no region.
     *
     * @throws SetupException when no credentials or no region can be found
     */
    public static S3Client s3(BedrockSettings settings) {
        Optional<URI> endpoint = settings.endpoints().s3();
        BedrockSettings s3Settings = endpoint.isPresent() && settings.region().isEmpty()
                ? new BedrockSettings(Optional.of(OVERRIDE_S3_REGION), settings.endpoints(), settings.credentials(),
                settings.maxAttempts(), settings.callTimeout(), settings.appId())
                : settings;
        S3ClientBuilder b = configure(S3Client.builder(), s3Settings, endpoint)
                // the SDK's default chunked CRC32 trailer is not understood by every S3-compatible server
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED);
        if (endpoint.isPresent()) {
            b.forcePathStyle(true);
        }
        try {
            return b.build();
        } catch (SdkClientException e) {
            throw new SetupException("cannot set up the S3 client: " + e.getMessage()
                    + " (set AWS_REGION or execution.region in the suite)");
        }
    }

    /**
     * The Bedrock agent runtime for prompt optimization, at {@link BedrockSettings.Endpoints#agentRuntime()}: the
     * asynchronous client (the only one the SDK generates {@code OptimizePrompt} for, its answer being an event
     * stream) on the Netty HTTP client, named here so the SDK does not pick one. Close it to stop Netty's threads.
     *
     * @throws SetupException when no credentials or no region can be found
     */
    public static BedrockAgentRuntimeAsyncClient agentRuntime(BedrockSettings settings) {
        BedrockAgentRuntimeAsyncClientBuilder b = shared(BedrockAgentRuntimeAsyncClient.builder(), settings,
                settings.endpoints().agentRuntime())
                .httpClientBuilder(NettyNioAsyncHttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT)
                        .readTimeout(settings.callTimeout()));
        try {
            return b.build();
        } catch (SdkClientException e) {
            throw new SetupException("cannot set up the Bedrock agent runtime client: " + e.getMessage()
                    + " (set AWS_REGION or execution.region in the suite)");
        }
    }

    /**
     * CloudWatch (custom metrics), at {@code endpoint} when given (tests answer from a local stub; the sandbox
     * imitates Bedrock and S3, not CloudWatch).
     *
     * @throws SetupException when no credentials or no region can be found
     */
    public static CloudWatchClient cloudWatch(BedrockSettings settings, Optional<URI> endpoint) {
        try {
            return configure(CloudWatchClient.builder(), settings, endpoint).build();
        } catch (SdkClientException e) {
            throw new SetupException("cannot set up the CloudWatch client: " + e.getMessage()
                    + " (set AWS_REGION or execution.region in the suite)");
        }
    }

    /**
     * Applies the shared settings to any synchronous SDK client builder, with {@code endpoint} as its endpoint
     * override when present; checks that credentials can be found.
     */
    static <B extends AwsSyncClientBuilder<B, C> & AwsClientBuilder<B, C>, C> B configure(B builder,
                                                                                             BedrockSettings settings,
                                                                                             Optional<URI> endpoint) {
        builder.httpClient(UrlConnectionHttpClient.builder()
                .connectionTimeout(CONNECT_TIMEOUT)
                .socketTimeout(settings.callTimeout())
                .build());
        return shared(builder, settings, endpoint);
    }

    /** Credentials (checked here), retries, time limit, application id, region and endpoint: every client's. */
    private static <B extends AwsClientBuilder<B, C>, C> B shared(B builder, BedrockSettings settings,
                                                                 Optional<URI> endpoint) {
        AwsCredentialsProvider credentials = credentials(settings.credentials());
        try {
            credentials.resolveCredentials();
        } catch (SdkClientException e) {
            throw new SetupException("no AWS credentials found (environment, profile, SSO, container or instance "
                    + "role); configure them, or run on the local sandbox with --sandbox");
        }
        RetryStrategy retry = AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(settings.maxAttempts()).build();
        builder.credentialsProvider(credentials)
                // the application id goes into every request's User-Agent as app/<appId>
                .overrideConfiguration(c -> c.retryStrategy(retry).apiCallTimeout(settings.callTimeout())
                        .appId(settings.appId()));
        settings.region().ifPresent(r -> builder.region(Region.of(r)));
        endpoint.ifPresent(builder::endpointOverride);
        return builder;
    }

    private static AwsCredentialsProvider credentials(BedrockSettings.Credentials c) {
        if (c instanceof BedrockSettings.Static s) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(s.accessKeyId(), s.secretAccessKey()));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
