package dev.frontier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.frontier.cost.ModelPrice;
import dev.frontier.cost.PriceCatalog;
import dev.frontier.model.RunId;
import dev.frontier.run.aggregate.Recheck;
import dev.frontier.results.ResultsJson;
import dev.frontier.results.RunResult;
import dev.frontier.store.RunStore;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code frontier recheck} on a run made on the sandbox: the smoke suite with a wide margin, so that the cheaper
 * Claude Haiku qualifies against the incumbent Claude Sonnet on its twelve items.
 */
@Tag("e2e")
class RecheckCommandTest {

    @TempDir
    static Path dir;

    private static String runId;
    private static RunResult recorded;
    private static final String INCUMBENT = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";
    private static final String HAIKU = "us.anthropic.claude-haiku-4-5-20251001-v1:0";

    @BeforeAll
    static void run() throws IOException {
        String yaml = Files.readString(Path.of("eval-configs/smoke.yaml"))
                .replace("../datasets/intents-smoke.csv", Path.of("datasets/intents-smoke.csv").toAbsolutePath()
                        .toString())
                + "\nselection: { margin: 0.25 }\n";
        Path suite = dir.resolve("smoke-wide.yaml");
        Files.writeString(suite, yaml);
        MainTest.Outcome run = MainTest.frontier(args("run", suite.toString(), "--sandbox", "--sandbox-time-scale",
                "0"));
        assertThat(run.code()).as(run.out() + run.err()).isZero();
        Matcher m = Pattern.compile("report: .*/([0-9]{8}-[0-9]{6}-[0-9a-f]{4})/report\\.html").matcher(run.out());
        assertThat(m.find()).as(run.out()).isTrue();
        runId = m.group(1);
        recorded = ResultsJson.read(folder().resolve("results.json"));
        // the premise of the tests below: a cheaper candidate is recommended
        assertThat(recorded.decision().orElseThrow().keepIncumbent()).as(recorded.decision().orElseThrow().reason())
                .isFalse();
        assertThat(recorded.decision().orElseThrow().recommendation()).isEqualTo("haiku");
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
        return dir.resolve("reports/smoke").resolve(runId);
    }

    private static JsonNode recheckJson() throws IOException {
        return new ObjectMapper().readTree(folder().resolve("recheck.json").toFile());
    }

    private static JsonNode row(JsonNode recheck, String id) {
        for (JsonNode c : recheck.path("candidates")) {
            if (c.path("id").asText().equals(id)) {
                return c;
            }
        }
        throw new AssertionError("no candidate " + id + " in " + recheck);
    }

    private static Path priceFile(String name, String json) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, json);
        return f;
    }

    private static ModelPrice catalogPrice(String model) {
        return PriceCatalog.bundled().find(model).orElseThrow();
    }

    @Test
    void anUnchangedCatalogGivesTheSameCostsAndDecisionAndExitsZero() throws IOException {
        MainTest.Outcome o = MainTest.frontier(args("recheck", runId, "--date", "2026-12-03"));
        assertThat(o.code()).as(o.out() + o.err()).isZero();
        assertThat(o.out()).contains("the decision is unchanged", "decision now:    switch to haiku");
        JsonNode r = recheckJson();
        assertThat(r.path("changed").asBoolean()).isFalse();
        for (RunResult.CandidateResult c : recorded.candidates()) {
            JsonNode row = row(r, c.id());
            // re-pricing the summed usage gives exactly what the run summed call by call
            assertThat(row.path("per1kAfter").decimalValue()).as(c.id())
                    .isEqualByComparingTo(c.costPer1k().orElseThrow());
            assertThat(row.path("monthlyAfter").decimalValue()).as(c.id())
                    .isEqualByComparingTo(c.monthlyCost().orElseThrow());
        }
        assertThat(r.path("savingAfter").decimalValue()).isEqualByComparingTo(r.path("savingBefore").decimalValue());
        assertThat(r.path("frontierAfter")).isEqualTo(new ObjectMapper().valueToTree(recorded.pareto()));
        // Claude Sonnet 4.5 is Legacy in the catalog, with its dates
        assertThat(row(r, "sonnet").path("lifecycle").asText()).isEqualTo("legacy");
        assertThat(o.out()).contains("legacy: sonnet", "end of life 2027-04-08");
        assertThat(row(r, "haiku").path("lifecycle").asText()).isEqualTo("active");
        assertThat(Files.readString(folder().resolve("recheck.md"))).contains("The decision is unchanged",
                "| sonnet (incumbent) |");
        // the run's own report is still there
        assertThat(folder().resolve("report.html")).exists();
    }

    @Test
    void doublingTheIncumbentsPriceRaisesTheMonthlySavingByItsCost() throws IOException {
        ModelPrice sonnet = catalogPrice(INCUMBENT);
        BigDecimal input = sonnet.input().orElseThrow().multiply(BigDecimal.valueOf(2));
        BigDecimal output = sonnet.output().orElseThrow().multiply(BigDecimal.valueOf(2));
        Path prices = priceFile("double.json", """
                { "region": "us-east-1", "source": "test: the incumbent at twice the price",
                  "models": { "%s": { "input": "%s", "output": %s } } }
                """.formatted(INCUMBENT, input.toPlainString(), output.toPlainString()));
        MainTest.Outcome o = MainTest.frontier(args("recheck", runId, "--prices", prices.toString()));
        assertThat(o.code()).as(o.out() + o.err()).isZero();

        // by hand: the incumbent's summed usage at the doubled prices, per 1,000 requests, then per month
        RunResult.CandidateResult inc = recorded.candidates().get(0);
        RunResult.CandidateResult haiku = recorded.candidates().get(1);
        assertThat(inc.usage().cacheReadInputTokens() + inc.usage().cacheWriteInputTokens()).isZero();
        BigDecimal cost = input.multiply(BigDecimal.valueOf(inc.usage().inputTokens()))
                .add(output.multiply(BigDecimal.valueOf(inc.usage().outputTokens())))
                .divide(BigDecimal.valueOf(1000));
        int ok = inc.calls() - inc.failedCalls();
        BigDecimal per1k = cost.multiply(BigDecimal.valueOf(1000)).divide(BigDecimal.valueOf(ok), 6,
                RoundingMode.HALF_EVEN);
        BigDecimal monthly = per1k.multiply(BigDecimal.valueOf(recorded.traffic())).divide(BigDecimal.valueOf(1000),
                2, RoundingMode.HALF_EVEN);
        BigDecimal saving = monthly.subtract(haiku.monthlyCost().orElseThrow());
        BigDecimal savingBefore = inc.monthlyCost().orElseThrow().subtract(haiku.monthlyCost().orElseThrow());

        JsonNode r = recheckJson();
        assertThat(r.path("changed").asBoolean()).isFalse();
        assertThat(row(r, "sonnet").path("monthlyAfter").decimalValue()).isEqualByComparingTo(monthly);
        // twice the old monthly cost, within a cent of rounding
        assertThat(monthly.subtract(inc.monthlyCost().orElseThrow().multiply(BigDecimal.valueOf(2))).abs())
                .isLessThanOrEqualTo(new BigDecimal("0.01"));
        assertThat(r.path("savingBefore").decimalValue()).isEqualByComparingTo(savingBefore);
        assertThat(r.path("savingAfter").decimalValue()).isEqualByComparingTo(saving);
        assertThat(r.path("savingChange").decimalValue()).isEqualByComparingTo(saving.subtract(savingBefore));
        assertThat(saving).isGreaterThan(savingBefore);
        assertThat(o.out()).contains(String.format(java.util.Locale.ROOT, "$%,.2f before, $%,.2f now",
                savingBefore, saving));
        assertThat(row(r, "sonnet").path("priceSource").asText()).contains("test: the incumbent at twice the price");
    }

    @Test
    void aRecommendationThatBecomesDearerThanTheIncumbentChangesTheDecisionAndExitsOne() throws IOException {
        ModelPrice sonnet = catalogPrice(INCUMBENT);
        Path prices = priceFile("haiku-dear.json", """
                { "models": { "%s": { "input": %s, "output": %s, "source": "what if" } } }
                """.formatted(HAIKU, sonnet.input().orElseThrow().multiply(BigDecimal.TEN).toPlainString(),
                sonnet.output().orElseThrow().multiply(BigDecimal.TEN).toPlainString()));
        MainTest.Outcome o = MainTest.frontier(args("recheck", runId, "--prices", prices.toString()));
        assertThat(o.code()).as(o.out() + o.err()).isEqualTo(1);
        assertThat(o.out()).contains("THE DECISION CHANGED", "decision before: switch to haiku");
        JsonNode r = recheckJson();
        assertThat(r.path("changed").asBoolean()).isTrue();
        assertThat(r.path("after").path("recommendation").asText()).isNotEqualTo("haiku");
        assertThat(row(r, "haiku").path("per1kAfter").decimalValue())
                .isGreaterThan(row(r, "sonnet").path("per1kAfter").decimalValue());
        assertThat(r.path("frontierAfter").toString()).doesNotContain("haiku");
        assertThat(Files.readString(folder().resolve("recheck.md"))).contains("**The decision changed.**");
    }

    @Test
    void lifecyclesAreReadForTheDateGiven() throws IOException {
        MainTest.Outcome o = MainTest.frontier(args("recheck", runId, "--date", "2027-05-01"));
        assertThat(o.code()).as(o.out() + o.err()).isZero();
        assertThat(o.out()).contains("END OF LIFE: sonnet", "end of life 2027-04-08");
        assertThat(row(recheckJson(), "sonnet").path("lifecycle").asText()).isEqualTo("end-of-life");
    }

    @Test
    void aBadPriceFileExitsTwoWithFileAndLineAndWritesNothing() throws IOException {
        Path bad = priceFile("bad.json", """
                {
                  "models": {
                    "amazon.nova-micro-v1:0": { "input": "cheap", "output": 0.00014 },
                    "amazon.nova-lite-v1:0": { "inptu": 0.00006, "output": -1 }
                  }
                }
                """);
        Path elsewhere = dir.resolve("other-reports");
        MainTest.Outcome o = MainTest.frontier("recheck", runId, "--prices", bad.toString(), "--store",
                dir.resolve("store.db").toString(), "--reports", elsewhere.toString());
        assertThat(o.code()).as(o.out() + o.err()).isEqualTo(2);
        assertThat(o.err()).contains(bad + ":3:", "models.amazon.nova-micro-v1:0.input: 'cheap' is not a price",
                bad + ":4:", "models.amazon.nova-lite-v1:0.inptu: unknown key",
                "models.amazon.nova-lite-v1:0.output: '-1' is not a price", "3 problems in " + bad);
        assertThat(elsewhere).doesNotExist();

        Path broken = priceFile("broken.json",
                "{\n  \"models\": { \"amazon.nova-lite-v1:0\": { \"input\": 1,, } }\n}\n");
        MainTest.Outcome syntax = MainTest.frontier(args("recheck", runId, "--prices", broken.toString()));
        assertThat(syntax.code()).isEqualTo(2);
        assertThat(syntax.err()).contains(broken + ":2:", "not valid JSON");

        Path region = priceFile("region.json", "{ \"region\": \"eu-west-1\", \"models\": { \"amazon.nova-lite-v1:0\": "
                + "{ \"input\": 1, \"output\": 2 } } }");
        MainTest.Outcome wrongRegion = MainTest.frontier(args("recheck", runId, "--prices", region.toString()));
        assertThat(wrongRegion.code()).isEqualTo(2);
        assertThat(wrongRegion.err()).contains("\"region\" is eu-west-1 but run " + runId + " was priced in us-east-1");

        MainTest.Outcome missing = MainTest.frontier(args("recheck", runId, "--prices",
                dir.resolve("nowhere.json").toString()));
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("nowhere.json: cannot read it");
    }

    @Test
    void unknownRunsBadIdsAndAFileThatIsNoStoreExitTwo() throws IOException {
        MainTest.Outcome unknown = MainTest.frontier(args("recheck", "20200101-000000-0000"));
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("run 20200101-000000-0000 has no results");

        MainTest.Outcome notAnId = MainTest.frontier(args("recheck", "../../etc"));
        assertThat(notAnId.code()).isEqualTo(2);
        assertThat(notAnId.err()).contains("is not a run id");

        Path garbage = dir.resolve("garbage.db");
        Files.writeString(garbage, "this is not a SQLite database, and it is long enough to have a header ......");
        MainTest.Outcome store = MainTest.frontier("recheck", runId, "--store", garbage.toString(), "--reports",
                dir.resolve("reports").toString());
        // as in every command: --store names a file that is not a frontier store, which is bad input
        assertThat(store.code()).as(store.out() + store.err()).isEqualTo(2);
        assertThat(store.err()).contains("is not a frontier run store").doesNotContain("\tat ");

        Path file = dir.resolve("a-file");
        Files.writeString(file, "not a folder");
        MainTest.Outcome unwritable = MainTest.frontier("recheck", runId, "--store", dir.resolve("store.db").toString(),
                "--reports", file.toString());
        assertThat(unwritable.code()).as(unwritable.out() + unwritable.err()).isEqualTo(3);
        assertThat(unwritable.err()).contains("cannot write recheck.json / recheck.md into");
    }

    @Test
    void qualityFromTheStoredScoresIsTheQualityTheRecordHolds() {
        // the path a large run takes (its record lists only a sample of its items) gives the same per-item quality
        try (RunStore store = RunStore.open(dir.resolve("store.db"))) {
            var fromScores = Recheck.quality(recorded.scorers(), store.scores(new RunId(runId)));
            var fromRecord = Recheck.quality(recorded).orElseThrow();
            assertThat(fromScores).isEqualTo(fromRecord);
            assertThat(fromScores.get("sonnet")).hasSize(12);
        }
    }
}
