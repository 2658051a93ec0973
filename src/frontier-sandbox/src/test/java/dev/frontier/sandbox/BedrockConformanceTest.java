package dev.frontier.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.frontier.catalog.Conformance;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
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
import software.amazon.awssdk.services.bedrockruntime.model.JsonSchemaDefinition;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.OutputConfig;
import software.amazon.awssdk.services.bedrockruntime.model.OutputFormat;
import software.amazon.awssdk.services.bedrockruntime.model.OutputFormatStructure;
import software.amazon.awssdk.services.bedrockruntime.model.OutputFormatType;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;

/**
 * The conformance table ({@code /catalog/conformance.json}) sent through the AWS SDK: every case gets the status,
 * error type and message the table documents for Bedrock. By default against the sandbox; with {@code -Plive}
 * (system property {@code frontier.live=true}) against a real account with the default credentials, each request
 * at most 16 output tokens (a few cents in all). The same table holds the messages the sandbox answers with, so a
 * live run checks in minutes that the sandbox still matches Bedrock.
 */
class BedrockConformanceTest {

    private static final boolean LIVE = Boolean.getBoolean("frontier.live");
    /** Stands for the caller's account id in a case's model. */
    private static final String ACCOUNT = "{account}";
    private static Sandbox sandbox;
    private static final Map<String, BedrockRuntimeClient> CLIENTS = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() {
        if (LIVE) {
            try {
                DefaultCredentialsProvider.builder().build().resolveCredentials();
            } catch (RuntimeException e) {
                Assumptions.abort("-Plive needs AWS credentials (none found: " + e.getMessage() + ")");
            }
        } else {
            sandbox = Sandbox.start(SandboxOptions.forTests());
        }
    }

    @AfterAll
    static void stop() {
        CLIENTS.values().forEach(BedrockRuntimeClient::close);
        if (sandbox != null) {
            sandbox.close();
        }
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Conformance.Case c : Conformance.bundled().cases()) {
            out.add(Arguments.of(c.name(), c));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void bedrockAnswersAsDocumented(String name, Conformance.Case c) {
        // a router ARN names the caller's account, which a live run does not know beforehand
        Assumptions.assumeFalse(LIVE && c.model().contains(ACCOUNT), "needs the account id: " + c.model());
        BedrockRuntimeClient client = CLIENTS.computeIfAbsent(c.region(), BedrockConformanceTest::client);
        ConverseRequest request = request(c);
        if (c.expect().equals(Conformance.OK)) {
            ConverseResponse answer = client.converse(request);
            assertThat(answer.output().message().content()).isNotEmpty();
            if (c.model().contains("prompt-router/")) {
                // the served model is reported only in the trace, as a foundation-model or profile ARN
                assertThat(answer.trace().promptRouter().invokedModelId())
                        .matches("arn:aws:bedrock:" + c.region() + ":(|[0-9]{12}):(foundation-model|inference-profile)/.+");
            }
            c.cacheWrite().ifPresent(expected -> assertThat(answer.usage().cacheWriteInputTokens() == null ? 0
                    : answer.usage().cacheWriteInputTokens()).isEqualTo(expected));
            return;
        }
        Conformance.Rule rule = Conformance.bundled().rule(c.expect());
        AwsServiceException e = catchThrowableOfType(() -> client.converse(request), AwsServiceException.class);
        assertThat(e).as("refused with %s", rule.type()).isNotNull();
        assertThat(e.statusCode()).isEqualTo(rule.status());
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(rule.type());
        if (rule.confirmed()) {
            assertThat(e.awsErrorDetails().errorMessage()).contains(rule.fragment());
        }
    }

    private static ConverseRequest request(Conformance.Case c) {
        List<SystemContentBlock> system = new ArrayList<>();
        system.add(SystemContentBlock.fromText("You answer in one short sentence."));
        if (c.cachePoint()) {
            system.add(SystemContentBlock.fromCachePoint(CachePointBlock.builder().type(CachePointType.DEFAULT)
                    .build()));
        }
        ConverseRequest.Builder r = ConverseRequest.builder().modelId(c.model().replace(ACCOUNT, ControlState.ACCOUNT))
                .system(system)
                .messages(Message.builder().role(ConversationRole.USER)
                        .content(ContentBlock.fromText("Reply with a JSON object saying hello.")).build())
                .inferenceConfig(i -> i.maxTokens(c.maxTokens().orElse(16)).temperature(0f));
        if (c.outputConfig()) {
            r.outputConfig(OutputConfig.builder().textFormat(OutputFormat.builder().type(OutputFormatType.JSON_SCHEMA)
                    .structure(OutputFormatStructure.fromJsonSchema(JsonSchemaDefinition.builder().name("answer")
                            .schema("{\"type\": \"object\", \"properties\": {\"greeting\": {\"type\": \"string\"}}, "
                                    + "\"required\": [\"greeting\"], \"additionalProperties\": false}").build()))
                    .build()).build());
        }
        return r.build();
    }

    private static BedrockRuntimeClient client(String region) {
        AwsCredentialsProvider credentials = LIVE ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDSANDBOXTEST", "sandbox-secret"));
        var b = BedrockRuntimeClient.builder().region(Region.of(region)).credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
        if (!LIVE) {
            b.endpointOverride(URI.create(sandbox.endpoint().toString()));
        }
        return b.build();
    }
}
