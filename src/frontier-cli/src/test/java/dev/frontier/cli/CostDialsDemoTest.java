package dev.frontier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.frontier.results.ResultsJson;
import dev.frontier.results.RunResult;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cost-dials demo on the sandbox: a matrix of two models × three service tiers, latency-optimized inference,
 * a reasoning effort and a shorter prompt. Each setting goes from the suite onto the wire (the sandbox's request
 * log), back as the tier that served it, into the price in results.json, and into the report; the recommendation
 * names the cheapest qualifying (model, tier) pair.
 */
@Tag("e2e")
class CostDialsDemoTest {

    @TempDir
    static Path dir;

    private static RunResult recorded;
    private static String out;
    private static String report;
    private static final List<JsonNode> WIRE = new ArrayList<>();

    @BeforeAll
    static void run() throws IOException {
        String yaml = Files.readString(Path.of("eval-configs/support-dials.yaml"))
                .replace("path: ../datasets/intents-support.csv", "path: "
                        + Path.of("datasets/intents-support.csv").toAbsolutePath());
        Path suite = dir.resolve("support-dials.yaml");
        Files.writeString(suite, yaml);
        Path log = dir.resolve("requests.jsonl");
        MainTest.Outcome run = MainTest.frontier("run", suite.toString(), "--sandbox", "--sandbox-time-scale", "0",
                "--sandbox-request-log", log.toString(), "--store", dir.resolve("store.db").toString(), "--reports",
                dir.resolve("reports").toString());
        out = run.out() + run.err();
        assertThat(run.code()).as(out).isZero();
        Matcher m = Pattern.compile("report: (.*/report\\.html)").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        recorded = ResultsJson.read(Path.of(m.group(1)).resolveSibling("results.json"));
        report = Files.readString(Path.of(m.group(1)));
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(log)) {
            WIRE.add(json.readTree(line));
        }
    }

    private static RunResult.CandidateResult candidate(String id) {
        return recorded.candidates().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    private static long onTheWire(String model, String field, String value) {
        return WIRE.stream().filter(r -> r.path("operation").asText().equals("converse")
                && r.path("modelId").asText().equals(model) && r.path(field).asText().equals(value)).count();
    }

    @Test
    void theMatrixMakesSixCandidatesAndTheRecommendationIsTheCheapestQualifyingPair() {
        assertThat(recorded.candidates()).extracting(RunResult.CandidateResult::id).startsWith("nova-pro-standard",
                "nova-pro-flex", "nova-pro-priority", "nova-2-lite-standard", "nova-2-lite-flex",
                "nova-2-lite-priority");
        assertThat(candidate("nova-pro-standard").incumbent()).isTrue();
        assertThat(recorded.decision().orElseThrow().recommendation()).isEqualTo("nova-pro-flex");
        assertThat(out).contains("recommendation: nova-pro-flex");
    }

    @Test
    void everyTierIsOnTheWireAndAnsweredAsServed() {
        assertThat(onTheWire("amazon.nova-pro-v1:0", "serviceTier", "flex")).isEqualTo(474);
        assertThat(onTheWire("amazon.nova-pro-v1:0", "serviceTier", "priority")).isEqualTo(474);
        assertThat(onTheWire("us.amazon.nova-2-lite-v1:0", "serviceTier", "flex")).isEqualTo(474);
        assertThat(onTheWire("us.amazon.nova-pro-v1:0", "latency", "optimized")).isEqualTo(474);
        assertThat(onTheWire("us.amazon.nova-2-lite-v1:0", "reasoning", "effort:low")).isEqualTo(474);
        assertThat(candidate("nova-pro-flex").settings().orElseThrow().servedTiers()).containsEntry("flex", 1.0);
        assertThat(candidate("nova-pro-latency-optimized").settings().orElseThrow().servedOptimized()).isEqualTo(1.0);
        assertThat(candidate("nova-2-lite-short-prompt").settings()).isEmpty();
    }

    /** USD per 1,000 requests of {@code c}'s recorded usage at Nova Pro's prices (catalog, us-east-1) × {@code m}. */
    private static BigDecimal novaProPer1k(RunResult.CandidateResult c, String m) {
        RunResult.Usage u = c.usage();
        BigDecimal usd = new BigDecimal("0.0008").multiply(BigDecimal.valueOf(u.inputTokens()))
                .add(new BigDecimal("0.0032").multiply(BigDecimal.valueOf(u.outputTokens())))
                .add(new BigDecimal("0.0002").multiply(BigDecimal.valueOf(u.cacheReadInputTokens())))
                .add(new BigDecimal("0.0008").multiply(BigDecimal.valueOf(u.cacheWriteInputTokens())))
                .multiply(new BigDecimal(m)).divide(BigDecimal.valueOf(1000));
        return usd.multiply(BigDecimal.valueOf(1000)).divide(BigDecimal.valueOf(c.calls()), 6, RoundingMode.HALF_EVEN);
    }

    @Test
    void eachTierIsPricedAtItsMultipleOfStandard() {
        // Flex bills every token at half of Standard's prices, Priority at 1.75 times (catalog, tier-prices-3p)
        assertThat(candidate("nova-pro-standard").costPer1k().orElseThrow())
                .isEqualByComparingTo(novaProPer1k(candidate("nova-pro-standard"), "1"));
        assertThat(candidate("nova-pro-flex").costPer1k().orElseThrow())
                .isEqualByComparingTo(novaProPer1k(candidate("nova-pro-flex"), "0.5"));
        assertThat(candidate("nova-pro-priority").costPer1k().orElseThrow())
                .isEqualByComparingTo(novaProPer1k(candidate("nova-pro-priority"), "1.75"));
        // reasoning tokens are output tokens
        assertThat(candidate("nova-2-lite-reasoning").meanOutputTokens())
                .isGreaterThan(10 * candidate("nova-2-lite-standard").meanOutputTokens());
    }

    @Test
    void plansPerTierAndThePromptVariantsSavingAreRecorded() {
        RunResult.CandidatePlans plans = recorded.plans().stream().filter(p -> p.candidate().equals("nova-pro-standard"))
                .findFirst().orElseThrow();
        assertThat(plans.plans()).extracting(RunResult.Plan::kind).contains("on-demand", "flex", "priority");
        RunResult.PromptSaving saving = candidate("nova-2-lite-short-prompt").promptSaving().orElseThrow();
        assertThat(saving.baseline()).isEqualTo("nova-2-lite-standard");
        assertThat(saving.inputTokensSaved()).isGreaterThan(1000);
        assertThat(saving.monthlySaved()).isPresent();
        assertThat(saving.qualityDifference()).isPresent();
    }

    @Test
    void theReportShowsTheSettingsTheTierPlansAndThePromptVariant() {
        assertThat(report).contains("nova-pro-flex").contains("flex").contains("latency-optimized")
                .contains("reasoning effort low").contains("id=\"prompt-variants\"");
    }
}
