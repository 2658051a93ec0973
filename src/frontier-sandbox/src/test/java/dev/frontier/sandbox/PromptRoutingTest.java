package dev.frontier.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.BedrockRuntimeException;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;

/**
 * Converse through prompt routers with the real AWS SDK client: the served model's answer and usage with the
 * router's trace and overhead, deterministic routing, the refusals for routers the Region does not have, and, over
 * the intents dataset, hard items sent to the stronger model more often than easy ones.
 */
class PromptRoutingTest {

    static final String NOVA_ROUTER = "arn:aws:bedrock:us-east-1:123456789012:default-prompt-router/amazon.nova:1";
    static final String LITE_ARN = "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0";
    static final String PRO_ARN = "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-pro-v1:0";
    /** The labels of {@code datasets/intents.csv}, as the intent suite's short prompt declares them. */
    static final String INTENT_SYSTEM = """
            You route customer support messages for Tallyhive, a project management software company. Choose the \
            single label that best describes what the customer wants.

            Labels:
            - billing_refund: money back, a refund, charged twice, overcharged
            - billing_invoice: an invoice, receipt, VAT or PO number, billing email or address
            - account_login: cannot sign in, password reset, locked out, two-factor, SSO error
            - account_delete: delete my account, erase my data, GDPR erasure
            - data_export: export, download or back up data, CSV or JSON export
            - api_limits: API rate limit, 429 Too Many Requests, throttling, quota
            - integration_setup: connect or configure Slack, Salesforce, Jira, Zapier, webhooks
            - bug_report: something is broken: crash, error, wrong result, stopped working
            - feature_request: a suggestion or a request for something new
            - cancel_subscription: cancel the plan, end the subscription, do not renew

            Answer with the label only.""";

    private static Sandbox sandbox;
    private static BedrockRuntimeClient bedrock;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(SandboxOptions.forTests());
        bedrock = Bedrock.client(sandbox);
    }

    @AfterAll
    static void stop() {
        bedrock.close();
        sandbox.close();
    }

    @Test
    void theDefaultNovaRouterAnswersAsTheModelItPickedWithTheTraceAndItsOverhead() {
        ConverseRequest viaRouter = Bedrock.request(NOVA_ROUTER, "Answer briefly.", false,
                "Summarize:\nThe export job failed twice last night. The retry worked this morning.", 200);
        ConverseResponse routed = bedrock.converse(viaRouter);

        String invoked = routed.trace().promptRouter().invokedModelId();
        assertThat(invoked).isIn(LITE_ARN, PRO_ARN);
        ConverseResponse direct = bedrock.converse(viaRouter.toBuilder().modelId(invoked).build());
        assertThat(Bedrock.text(routed)).isEqualTo(Bedrock.text(direct));
        assertThat(routed.usage()).isEqualTo(direct.usage());
        assertThat(routed.stopReason()).isEqualTo(direct.stopReason());
        assertThat(direct.trace()).isNull();
        long overhead = routed.metrics().latencyMs() - direct.metrics().latencyMs();
        assertThat(overhead).isBetween(1L, 500L);
    }

    @Test
    void routingIsDeterministicAndTheRequestLogNamesRouterAndModel() {
        ConverseRequest request = Bedrock.request(NOVA_ROUTER, INTENT_SYSTEM, false,
                "I was charged twice this month, please refund one payment.", 20);
        ConverseResponse first = bedrock.converse(request);
        ConverseResponse second = bedrock.converse(request);
        assertThat(second.trace().promptRouter().invokedModelId())
                .isEqualTo(first.trace().promptRouter().invokedModelId());
        assertThat(Bedrock.text(second)).isEqualTo(Bedrock.text(first));
        assertThat(second.metrics().latencyMs()).isEqualTo(first.metrics().latencyMs());

        RequestRecord last = sandbox.requestLog().get(sandbox.requestLog().size() - 1);
        assertThat(last.modelId()).isEqualTo(NOVA_ROUTER);
        assertThat(last.invokedModelId()).isEqualTo(first.trace().promptRouter().invokedModelId());
        assertThat(last.inputTokens()).isEqualTo(first.usage().inputTokens().longValue());
        assertThat(last.billed()).isTrue();
    }

    @Test
    void inARegionServingNovaOnlyThroughProfilesTheTraceNamesTheProfile() {
        try (BedrockRuntimeClient west = client(Region.US_WEST_2)) {
            ConverseResponse r = west.converse(Bedrock.request(
                    "arn:aws:bedrock:us-west-2:123456789012:default-prompt-router/amazon.nova:1", "", false,
                    "What is the capital of France?", 50));
            assertThat(r.trace().promptRouter().invokedModelId()).isIn(
                    "arn:aws:bedrock:us-west-2:123456789012:inference-profile/us.amazon.nova-lite-v1:0",
                    "arn:aws:bedrock:us-west-2:123456789012:inference-profile/us.amazon.nova-pro-v1:0");
        }
    }

    @Test
    void aRouterTheRegionDoesNotHaveIsAnInvalidModelIdentifier() {
        for (String arn : List.of("arn:aws:bedrock:us-east-1:123456789012:prompt-router/abcde12345",
                "arn:aws:bedrock:us-west-2:123456789012:default-prompt-router/amazon.nova:1",
                "arn:aws:bedrock:us-east-1:123456789012:default-prompt-router/mistral.mistral:1")) {
            BedrockRuntimeException e = catchThrowableOfType(
                    () -> bedrock.converse(Bedrock.request(arn, "", false, "Hello", 20)),
                    BedrockRuntimeException.class);
            assertThat(e).as(arn).isNotNull();
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
            assertThat(e.awsErrorDetails().errorMessage()).contains("model identifier is invalid");
        }
    }

    @Test
    void theClaudeRoutersModelsArePastTheirEndOfLifeInUsEast1() {
        BedrockRuntimeException e = catchThrowableOfType(() -> bedrock.converse(Bedrock.request(
                "arn:aws:bedrock:us-east-1:123456789012:default-prompt-router/anthropic.claude:1", "", false,
                "Hello", 20)), BedrockRuntimeException.class);
        assertThat(e.statusCode()).isEqualTo(404);
        assertThat(e.awsErrorDetails().errorMessage()).contains("end of its life");
    }

    @Test
    void overTheIntentsDatasetHardItemsGoToTheStrongerModelMoreOftenThanEasyOnes() throws IOException {
        List<double[]> items = new ArrayList<>(); // ambiguity, 1 when served by Nova Pro
        for (String text : intentTexts()) {
            ConverseRequest request = Bedrock.request(NOVA_ROUTER, INTENT_SYSTEM, false, text, 20);
            String invoked = bedrock.converse(request).trace().promptRouter().invokedModelId();
            double ambiguity = ClassificationTask.detect(ConverseCall.parse(new ObjectMapper().readTree(
                    body(request)))).orElseThrow().ambiguity();
            items.add(new double[] {ambiguity, invoked.equals(PRO_ARN) ? 1 : 0});
        }
        items.sort((a, b) -> Double.compare(a[0], b[0]));
        int half = items.size() / 2;
        double easyToPro = items.subList(0, half).stream().mapToDouble(i -> i[1]).average().orElseThrow();
        double hardToPro = items.subList(half, items.size()).stream().mapToDouble(i -> i[1]).average().orElseThrow();
        assertThat(items).hasSizeGreaterThan(100);
        assertThat(hardToPro).as("share of hard items sent to Nova Pro").isGreaterThan(easyToPro + 0.3);
        // a real router errs: some easy items still go to the stronger model, some hard ones to the cheaper
        assertThat(easyToPro).isGreaterThan(0);
        assertThat(hardToPro).isLessThan(1);
    }

    /** The request's JSON as Converse receives it (the fields the simulation reads). */
    private static String body(ConverseRequest request) {
        ObjectMapper json = new ObjectMapper();
        var root = json.createObjectNode();
        request.system().forEach(s -> root.withArray("system").addObject().put("text", s.text()));
        root.withArray("messages").addObject().put("role", "user").putArray("content").addObject()
                .put("text", request.messages().get(0).content().get(0).text());
        root.putObject("inferenceConfig").put("maxTokens", request.inferenceConfig().maxTokens())
                .put("temperature", request.inferenceConfig().temperature());
        return root.toString();
    }

    /** The {@code text} column of {@code datasets/intents.csv} (quoted fields may hold commas). */
    static List<String> intentTexts() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("datasets/intents.csv"), StandardCharsets.UTF_8);
        List<String> texts = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String rest = line.substring(line.indexOf(',') + 1);
            String text;
            if (rest.startsWith("\"")) {
                int end = rest.indexOf("\",", 1);
                text = rest.substring(1, end).replace("\"\"", "\"");
            } else {
                text = rest.substring(0, rest.lastIndexOf(','));
            }
            texts.add(text);
        }
        return texts;
    }

    private static BedrockRuntimeClient client(Region region) {
        return BedrockRuntimeClient.builder().endpointOverride(sandbox.endpoint()).region(region)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("AKIDSANDBOXTEST", "sandbox-secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }
}
