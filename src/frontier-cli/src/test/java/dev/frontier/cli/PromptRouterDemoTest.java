package dev.frontier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontier.catalog.Catalog;
import dev.frontier.cost.ModelPrice;
import dev.frontier.cost.PriceCatalog;
import dev.frontier.model.TokenUsage;
import dev.frontier.results.ResultsJson;
import dev.frontier.results.RunResult;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The intent-routing demo on the sandbox, on its first 120 messages: the suite creates a Bedrock prompt router over
 * Nova Lite and Nova Pro, calls it as a candidate, prices every answer as the model that served it, analyses routing
 * on the stored answers, and {@code jobs stop} deletes the router again.
 */
@Tag("e2e")
class PromptRouterDemoTest {

    @TempDir
    static Path dir;

    private static RunResult recorded;
    private static String out;

    @BeforeAll
    static void run() throws IOException {
        String yaml = Files.readString(Path.of("eval-configs/intent-routing.yaml"))
                .replace("path: ../datasets/intents-support.csv", "path: "
                        + Path.of("datasets/intents-support.csv").toAbsolutePath() + "\n  limit: 120");
        Path suite = dir.resolve("intent-routing.yaml");
        Files.writeString(suite, yaml);
        MainTest.Outcome run = frontier("run", suite.toString(), "--sandbox", "--sandbox-time-scale", "0");
        assertThat(run.code()).as(run.out() + run.err()).isZero();
        out = run.out() + run.err();
        Matcher m = Pattern.compile("report: (.*/report\\.html)").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        recorded = ResultsJson.read(Path.of(m.group(1)).resolveSibling("results.json"));
    }

    private static MainTest.Outcome frontier(String... a) {
        String[] all = new String[a.length + 4];
        System.arraycopy(a, 0, all, 0, a.length);
        all[a.length] = "--store";
        all[a.length + 1] = dir.resolve("store.db").toString();
        all[a.length + 2] = "--reports";
        all[a.length + 3] = dir.resolve("reports").toString();
        return MainTest.frontier(all);
    }

    private static RunResult.CandidateResult router() {
        return recorded.candidates().stream().filter(c -> c.id().equals("nova-router")).findFirst().orElseThrow();
    }

    @Test
    void theRouterIsCreatedAndAnswersAsTheModelsItChose() {
        assertThat(out).contains("prompt router intent-routing-nova: created arn:aws:bedrock:us-east-1:");
        RunResult.CandidateResult router = router();
        assertThat(router.model()).contains(":prompt-router/");
        assertThat(router.servedBy()).containsOnlyKeys("amazon.nova-lite-v1:0", "amazon.nova-pro-v1:0");
        assertThat(router.servedBy().values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0,
                org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void everyRoutedAnswerIsPricedAsTheModelThatServedIt() {
        PriceCatalog prices = PriceCatalog.of(Catalog.bundled(), "us-east-1");
        int routed = 0;
        for (RunResult.ItemResult item : recorded.items()) {
            RunResult.ItemOutput o = item.outputs().get("nova-router");
            if (o == null || o.invokedModel() == null) {
                continue;
            }
            routed++;
            ModelPrice price = prices.find(o.invokedModel()).orElseThrow();
            RunResult.Usage u = o.usage();
            BigDecimal expected = price.cost(new TokenUsage(u.inputTokens(), u.outputTokens(), u.cacheReadInputTokens(),
                    u.cacheWriteInputTokens()), ModelPrice.Mode.ON_DEMAND).usdOrNull();
            assertThat(o.costUsd()).as(item.id() + " served by " + o.invokedModel()).isEqualByComparingTo(expected);
        }
        assertThat(routed).isPositive();
    }

    @Test
    void theRunCarriesItsRoutingAnalysis() {
        RunResult.Routing routing = recorded.routing().orElseThrow();
        assertThat(routing.incumbent()).isEqualTo("nova-pro");
        assertThat(routing.policies()).extracting(RunResult.RoutePolicy::id).contains("nova-router", "oracle",
                "cascade:nova-lite>nova-pro@bare-label", "learned:nova-lite>nova-pro");
    }

    @Test
    void jobsListsTheRouterAndStopDeletesIt() {
        String arn = router().model();
        MainTest.Outcome list = frontier("jobs", "list");
        assertThat(list.out()).as(list.err()).contains(arn);
        MainTest.Outcome stopped = frontier("jobs", "stop", arn, "--sandbox");
        assertThat(stopped.code()).as(stopped.out() + stopped.err()).isZero();
        MainTest.Outcome shown = frontier("jobs", "show", arn, "--sandbox");
        assertThat(shown.out() + shown.err()).containsIgnoringCase("deleted");
    }
}
