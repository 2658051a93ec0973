package dev.frontier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.frontier.model.RunId;
import dev.frontier.results.ResultsJson;
import dev.frontier.results.RunResult;
import dev.frontier.store.RunStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code frontier route} on a run made on the sandbox: the intent-classification demo with its routing section, run
 * once with a request log; {@code route} then analyses the stored answers again without a single request.
 */
@Tag("e2e")
class RouteCommandTest {

    @TempDir
    static Path dir;

    private static String runId;
    private static RunResult recorded;
    private static long requestsAfterRun;

    @BeforeAll
    static void run() throws IOException {
        String yaml = Files.readString(Path.of("eval-configs/intent-classification.yaml"))
                .replace("../datasets/intents.csv", Path.of("datasets/intents.csv").toAbsolutePath().toString());
        Path suite = dir.resolve("intents.yaml");
        Files.writeString(suite, yaml);
        MainTest.Outcome run = MainTest.frontier(args("run", suite.toString(), "--sandbox", "--sandbox-time-scale",
                "0", "--sandbox-request-log", log().toString()));
        assertThat(run.code()).as(run.out() + run.err()).isZero();
        Matcher m = Pattern.compile("report: .*/([0-9]{8}-[0-9]{6}-[0-9a-f]{4})/report\\.html").matcher(run.out());
        assertThat(m.find()).as(run.out()).isTrue();
        runId = m.group(1);
        recorded = ResultsJson.read(folder().resolve("results.json"));
        requestsAfterRun = Files.readAllLines(log()).size();
        assertThat(requestsAfterRun).isPositive();
    }

    private static Path log() {
        return dir.resolve("requests.jsonl");
    }

    private static String[] args(String... a) {
        String[] all = new String[a.length + 4];
        System.arraycopy(a, 0, all, 0, a.length);
        all[a.length] = "--store";
        all[a.length + 1] = dir.resolve("store.db").toString();
        all[a.length + 2] = "--reports";
        all[a.length + 3] = dir.resolve("reports").toString();
        return all;
    }

    private static Path folder() {
        return dir.resolve("reports/intent-classification").resolve(runId);
    }

    @Test
    void aSuiteWithARoutingSectionGetsItsAnalysisInTheRunsRecordAndReport() throws IOException {
        RunResult.Routing routing = recorded.routing().orElseThrow();
        assertThat(routing.incumbent()).isEqualTo("sonnet");
        List<String> kinds = routing.policies().stream().map(RunResult.RoutePolicy::kind).distinct().toList();
        assertThat(kinds).contains("single", "oracle", "cascade", "learned");
        assertThat(routing.signals()).containsExactly("bare-label", "outputTokens");
        // prompt-only features: the message field, never the intent label the answers are scored against
        assertThat(routing.features()).anyMatch(f -> f.startsWith("text.")).noneMatch(f -> f.startsWith("intent"));
        assertThat(routing.recommendation()).isNotBlank();
        String html = Files.readString(folder().resolve("report.html"));
        assertThat(html).contains("id=\"routing-section\"").contains("data-policy=\"oracle\"");
        assertThat(Files.readString(folder().resolve("summary.md"))).contains("**Routing**");
    }

    @Test
    void routeAnalysesAStoredRunWithoutAModelCall() throws IOException {
        MainTest.Outcome route = MainTest.frontier(args("route", runId, "--folds", "4"));
        assertThat(route.code()).as(route.out() + route.err()).isZero();
        assertThat(route.out()).contains("routing of run " + runId).contains("oracle").contains("recommendation: ")
                .contains("report: ");
        assertThat(Files.readAllLines(log())).hasSize((int) requestsAfterRun);

        RunResult routed = ResultsJson.read(folder().resolve("results.json"));
        assertThat(routed.routing().orElseThrow().method()).contains("4");
        try (RunStore store = RunStore.open(dir.resolve("store.db"))) {
            RunResult stored = ResultsJson.fromJson(store.resultsJson(new RunId(runId)).orElseThrow());
            assertThat(stored.routing()).isEqualTo(routed.routing());
        }
        JsonNode json = new ObjectMapper().readTree(folder().resolve("results.json").toFile());
        for (JsonNode p : json.path("routing").path("policies")) {
            assertThat(p.path("quality").path("mean").asDouble()).isBetween(0.0, 1.0);
            if (p.path("kind").asText().equals("cascade") || p.path("kind").asText().equals("learned")) {
                assertThat(p.path("adjustedPValue").asDouble()).isGreaterThanOrEqualTo(p.path("pValue").asDouble());
            }
        }
    }

    @Test
    void badArgumentsEndWithExitTwo() {
        assertThat(MainTest.frontier(args("route", "not-a-run")).code()).isEqualTo(2);
        assertThat(MainTest.frontier(args("route", runId, "--folds", "1")).code()).isEqualTo(2);
        assertThat(MainTest.frontier(args("route", "20200101-000000-abcd")).code()).isEqualTo(2);
    }
}
