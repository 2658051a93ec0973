package dev.frontier.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.model.BedrockException;
import software.amazon.awssdk.services.bedrock.model.CreatePromptRouterRequest;
import software.amazon.awssdk.services.bedrock.model.GetPromptRouterResponse;
import software.amazon.awssdk.services.bedrock.model.PromptRouterSummary;
import software.amazon.awssdk.services.bedrock.model.PromptRouterTargetModel;
import software.amazon.awssdk.services.bedrock.model.PromptRouterType;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.BedrockRuntimeException;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;

/**
 * CreatePromptRouter, GetPromptRouter, ListPromptRouters and DeletePromptRouter through the real SDK's
 * {@code BedrockClient}: each refusal the conformance table lists, idempotency by client request token, listing by
 * type, and a configured router serving Converse until it is deleted.
 */
class PromptRouterControlPlaneTest {

    private static final String LITE = PromptRoutingTest.LITE_ARN;
    private static final String PRO = PromptRoutingTest.PRO_ARN;
    private static final String HAIKU = "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0";

    @TempDir
    Path state;

    private Sandbox sandbox;
    private BedrockClient bedrock;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start(SandboxOptions.forTests().withS3(state));
        bedrock = client(Region.US_EAST_1);
    }

    private BedrockClient client(Region region) {
        return BedrockClient.builder().endpointOverride(sandbox.endpoint()).region(region)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("sandbox", "sandbox")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    @AfterEach
    void stop() {
        bedrock.close();
        sandbox.close();
    }

    private static PromptRouterTargetModel model(String arn) {
        return PromptRouterTargetModel.builder().modelArn(arn).build();
    }

    /** A valid request: Nova Lite and Pro, Pro as fallback, 20 % criterion. */
    private static CreatePromptRouterRequest request(String name) {
        return CreatePromptRouterRequest.builder().promptRouterName(name).description("Nova for support triage")
                .models(model(LITE), model(PRO)).fallbackModel(model(PRO))
                .routingCriteria(c -> c.responseQualityDifference(20.0)).clientRequestToken("token-" + name).build();
    }

    private BedrockException refused(UnaryOperator<CreatePromptRouterRequest.Builder> change) {
        CreatePromptRouterRequest r = change.apply(request("refused").toBuilder()).build();
        BedrockException e = catchThrowableOfType(() -> bedrock.createPromptRouter(r), BedrockException.class);
        assertThat(e).as("refused").isNotNull();
        return e;
    }

    private static void validation(BedrockException e, String fragment) {
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(e.awsErrorDetails().errorMessage()).contains(fragment);
    }

    @Test
    void aConfiguredRouterIsCreatedReadListedServesConverseAndIsDeleted() {
        String arn = bedrock.createPromptRouter(request("support-triage")).promptRouterArn();
        assertThat(arn).matches("arn:aws:bedrock:us-east-1:123456789012:prompt-router/[a-z0-9]{10}");

        GetPromptRouterResponse got = bedrock.getPromptRouter(b -> b.promptRouterArn(arn));
        assertThat(got.promptRouterName()).isEqualTo("support-triage");
        assertThat(got.type()).isEqualTo(PromptRouterType.CUSTOM);
        assertThat(got.models()).extracting(PromptRouterTargetModel::modelArn).containsExactly(LITE, PRO);
        assertThat(got.fallbackModel().modelArn()).isEqualTo(PRO);
        assertThat(got.routingCriteria().responseQualityDifference()).isEqualTo(20.0);
        assertThat(got.statusAsString()).isEqualTo("AVAILABLE");
        assertThat(got.description()).isEqualTo("Nova for support triage");
        assertThat(got.createdAt()).isNotNull();

        assertThat(bedrock.listPromptRouters(b -> b.type(PromptRouterType.CUSTOM)).promptRouterSummaries())
                .extracting(PromptRouterSummary::promptRouterArn).containsExactly(arn);
        List<PromptRouterSummary> defaults = bedrock.listPromptRouters(b -> b.type(PromptRouterType.DEFAULT))
                .promptRouterSummaries();
        assertThat(defaults).extracting(PromptRouterSummary::promptRouterArn).contains(
                PromptRoutingTest.NOVA_ROUTER,
                "arn:aws:bedrock:us-east-1:123456789012:default-prompt-router/meta.llama:1");
        assertThat(defaults).allSatisfy(r -> assertThat(r.type()).isEqualTo(PromptRouterType.DEFAULT));
        assertThat(bedrock.listPromptRouters(b -> { }).promptRouterSummaries()).hasSize(defaults.size() + 1);

        try (BedrockRuntimeClient runtime = Bedrock.client(sandbox)) {
            ConverseResponse r = runtime.converse(Bedrock.request(arn, "", false, "Hello there", 20));
            assertThat(r.trace().promptRouter().invokedModelId()).isIn(LITE, PRO);

            bedrock.deletePromptRouter(b -> b.promptRouterArn(arn));
            BedrockException gone = catchThrowableOfType(() -> bedrock.getPromptRouter(b -> b.promptRouterArn(arn)),
                    BedrockException.class);
            assertThat(gone.statusCode()).isEqualTo(404);
            assertThat(gone.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException");
            BedrockRuntimeException invalid = catchThrowableOfType(
                    () -> runtime.converse(Bedrock.request(arn, "", false, "Hello there", 20)),
                    BedrockRuntimeException.class);
            assertThat(invalid.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        }
        assertThat(bedrock.listPromptRouters(b -> b.type(PromptRouterType.CUSTOM)).promptRouterSummaries()).isEmpty();
    }

    @Test
    void oneTokenMakesOneRouterAndADuplicateNameIsAConflict() {
        String first = bedrock.createPromptRouter(request("triage")).promptRouterArn();
        assertThat(bedrock.createPromptRouter(request("triage")).promptRouterArn()).isEqualTo(first);
        assertThat(bedrock.listPromptRouters(b -> b.type(PromptRouterType.CUSTOM)).promptRouterSummaries()).hasSize(1);

        BedrockException e = catchThrowableOfType(() -> bedrock.createPromptRouter(request("triage").toBuilder()
                .clientRequestToken("another-token").build()), BedrockException.class);
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ConflictException");
        assertThat(e.awsErrorDetails().errorMessage()).contains("triage");
    }

    @Test
    void routersAreRegional() {
        String arn = bedrock.createPromptRouter(request("east-only")).promptRouterArn();
        try (BedrockClient west = client(Region.US_WEST_2)) {
            BedrockException e = catchThrowableOfType(() -> west.getPromptRouter(b -> b.promptRouterArn(arn)),
                    BedrockException.class);
            assertThat(e.statusCode()).isEqualTo(404);
            assertThat(west.listPromptRouters(b -> b.type(PromptRouterType.CUSTOM)).promptRouterSummaries())
                    .isEmpty();
        }
    }

    @Test
    void theNameMustMatchItsPatternAndLength() {
        validation(refused(b -> b.promptRouterName("-starts-with-a-dash")), "promptRouterName");
        validation(refused(b -> b.promptRouterName("two  spaces")), "promptRouterName");
        validation(refused(b -> b.promptRouterName("n".repeat(65))), "promptRouterName");
        validation(refused(b -> b.description("no/slashes")), "description");
    }

    @Test
    void theQualityDifferenceIsFrom0To100() {
        validation(refused(b -> b.routingCriteria(c -> c.responseQualityDifference(100.5))),
                "less than or equal to 100");
        validation(refused(b -> b.routingCriteria(c -> c.responseQualityDifference(-1.0))),
                "greater than or equal to 0");
        assertThat(bedrock.createPromptRouter(request("edge").toBuilder()
                .routingCriteria(c -> c.responseQualityDifference(100.0)).build()).promptRouterArn()).isNotBlank();
    }

    @Test
    void aRouterNamesExactlyTwoModelsOfOneFamilyRoutableInTheRegionAndAFallbackAmongThem() {
        validation(refused(b -> b.models(model(PRO)).fallbackModel(model(PRO))), "exactly two models");
        validation(refused(b -> b.models(model(PRO), model(PRO))), "exactly two models");
        validation(refused(b -> b.models(model(HAIKU),
                model("arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0"),
                model("arn:aws:bedrock:us-east-1:123456789012:inference-profile/"
                        + "us.anthropic.claude-3-5-haiku-20241022-v1:0")).fallbackModel(model(HAIKU))),
                "exactly two models");
        validation(refused(b -> b.models(model(LITE),
                model("arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-micro-v1:0"))), "not supported");
        validation(refused(b -> b.models(model(LITE), model(HAIKU)).fallbackModel(model(LITE))), "one model family");
        validation(refused(b -> b.fallbackModel(model(HAIKU))), "must be one of the prompt router's models");
        // Llama 3.1 is routable in us-east-1 only through its us. profile (the bare id is not served on demand)
        validation(refused(b -> b.models(
                model("arn:aws:bedrock:us-east-1::foundation-model/meta.llama3-1-8b-instruct-v1:0"),
                model("arn:aws:bedrock:us-east-1::foundation-model/meta.llama3-1-70b-instruct-v1:0"))
                .fallbackModel(model("arn:aws:bedrock:us-east-1::foundation-model/meta.llama3-1-70b-instruct-v1:0"))),
                "not supported for intelligent prompt routing in us-east-1");
        assertThat(bedrock.createPromptRouter(request("llama").toBuilder().models(
                model("arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.meta.llama3-1-8b-instruct-v1:0"),
                model("arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.meta.llama3-1-70b-instruct-v1:0"))
                .fallbackModel(model(
                        "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.meta.llama3-1-70b-instruct-v1:0"))
                .build()).promptRouterArn()).isNotBlank();
        // a model of another Region
        validation(refused(b -> b.models(model("arn:aws:bedrock:us-west-2::foundation-model/amazon.nova-lite-v1:0"),
                model(PRO))), "not supported");
    }

    @Test
    void aDefaultRouterCanBeReadButNotDeleted() {
        GetPromptRouterResponse nova = bedrock.getPromptRouter(b -> b.promptRouterArn(PromptRoutingTest.NOVA_ROUTER));
        assertThat(nova.type()).isEqualTo(PromptRouterType.DEFAULT);
        assertThat(nova.models()).extracting(PromptRouterTargetModel::modelArn).containsExactly(LITE, PRO);
        assertThat(nova.fallbackModel().modelArn()).isEqualTo(PRO);

        BedrockException e = catchThrowableOfType(
                () -> bedrock.deletePromptRouter(b -> b.promptRouterArn(PromptRoutingTest.NOVA_ROUTER)),
                BedrockException.class);
        validation(e, "cannot be deleted");
        BedrockException unknown = catchThrowableOfType(() -> bedrock.deletePromptRouter(b -> b.promptRouterArn(
                "arn:aws:bedrock:us-east-1:123456789012:prompt-router/abcde12345")), BedrockException.class);
        assertThat(unknown.statusCode()).isEqualTo(404);
    }
}
