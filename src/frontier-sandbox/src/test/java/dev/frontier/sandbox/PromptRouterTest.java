package dev.frontier.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The routing rule without HTTP: the fallback is the anchor and the response quality difference decides when the
 * other model serves, whichever of the two is the cheaper; the difficulty estimate is deterministic and in [0, 1].
 */
class PromptRouterTest {

    private static final ModelCatalog PROFILES = ModelCatalog.builtIn();
    private static final PromptRouter.Target LITE = new PromptRouter.Target("amazon.nova-lite-v1:0",
            PromptRoutingTest.LITE_ARN);
    private static final PromptRouter.Target PRO = new PromptRouter.Target("amazon.nova-pro-v1:0",
            PromptRoutingTest.PRO_ARN);

    private static PromptRouter router(PromptRouter.Target fallback, double difference) {
        return new PromptRouter("arn:aws:bedrock:us-east-1:123456789012:prompt-router/abcde12345", "r",
                PromptRouter.CUSTOM, "us-east-1", List.of(LITE, PRO), fallback, difference);
    }

    private static List<ConverseCall> intentCalls() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<ConverseCall> calls = new ArrayList<>();
        for (String text : PromptRoutingTest.intentTexts()) {
            var body = json.createObjectNode();
            body.putArray("system").addObject().put("text", PromptRoutingTest.INTENT_SYSTEM);
            body.putArray("messages").addObject().put("role", "user").putArray("content").addObject()
                    .put("text", text);
            calls.add(ConverseCall.parse(body));
        }
        return calls;
    }

    private static long toPro(PromptRouter router, List<ConverseCall> calls) {
        return calls.stream().filter(c -> router.route(c, PROFILES).equals(PRO)).count();
    }

    @Test
    void aCheapFallbackGivesWayToTheStrongerModelOnlyWhenItIsPredictedEnoughBetter() throws IOException {
        List<ConverseCall> calls = intentCalls();
        // at 0 % the stronger model, always predicted better, serves everything; at 100 % it never is twice as good
        assertThat(toPro(router(LITE, 0), calls)).isEqualTo(calls.size());
        assertThat(toPro(router(LITE, 100), calls)).isZero();
        long at10 = toPro(router(LITE, 10), calls);
        long at20 = toPro(router(LITE, 20), calls);
        assertThat(at10).isBetween(1L, calls.size() - 1L);
        assertThat(at20).isLessThan(at10);
    }

    @Test
    void aStrongFallbackGivesWayToTheCheaperModelWhenItIsPredictedCloseEnough() throws IOException {
        List<ConverseCall> calls = intentCalls();
        assertThat(toPro(router(PRO, 0), calls)).isEqualTo(calls.size());
        assertThat(toPro(router(PRO, 100), calls)).isZero();
        long at10 = toPro(router(PRO, 10), calls);
        assertThat(at10).isBetween(1L, calls.size() - 1L);
        assertThat(toPro(router(PRO, 20), calls)).isLessThan(at10);
    }

    @Test
    void theDifficultyEstimateIsDeterministicBoundedAndFollowsAmbiguity() throws IOException {
        List<ConverseCall> calls = intentCalls();
        double clearSum = 0;
        double ambiguousSum = 0;
        int clear = 0;
        int ambiguous = 0;
        for (ConverseCall call : calls) {
            double d = PromptDifficulty.estimate(call);
            assertThat(d).isBetween(0.0, 1.0).isEqualTo(PromptDifficulty.estimate(call));
            double a = ClassificationTask.detect(call).orElseThrow().ambiguity();
            if (a < 0.3) {
                clearSum += d;
                clear++;
            } else if (a > 0.7) {
                ambiguousSum += d;
                ambiguous++;
            }
        }
        assertThat(clear).isPositive();
        assertThat(ambiguous).isPositive();
        assertThat(ambiguousSum / ambiguous).isGreaterThan(clearSum / clear + 0.3);
    }

    @Test
    void theOverheadHasTheDocumentedNinetiethPercentile() {
        List<Long> draws = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            long ms = PromptRouter.overheadMs("request-" + i);
            assertThat(ms).isEqualTo(PromptRouter.overheadMs("request-" + i));
            draws.add(ms);
        }
        draws.sort(Long::compare);
        assertThat(draws.get(1799)).isBetween(78L, 92L); // about 85 ms at P90 (GA announcement)
        assertThat(draws.get(999)).isBetween(60L, 70L);
    }
}
