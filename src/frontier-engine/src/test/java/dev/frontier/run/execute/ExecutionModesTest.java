package dev.frontier.run.execute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontier.config.SuiteLoader;
import dev.frontier.cost.PriceCatalog;
import dev.frontier.run.prepare.Estimator;
import dev.frontier.run.prepare.PreparedSuite;
import dev.frontier.run.prepare.SuitePreparation;
import dev.frontier.results.AnswerSource;
import dev.frontier.score.ScorerRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which candidates run in batch, and the reason the report gives. */
class ExecutionModesTest {

    @TempDir
    Path dir;

    private PreparedSuite prepare(String mode, String extra) throws IOException {
        String yaml = Files.readString(Path.of("eval-configs/smoke.yaml"))
                .replace("../datasets/intents-smoke.csv", Path.of("datasets/intents.csv").toAbsolutePath().toString())
                .replace("  - { id: nova-micro, model: amazon.nova-micro-v1:0 }",
                        "  - { id: nova-micro, model: amazon.nova-micro-v1:0 }\n"
                                + "  - { id: sonnet4, model: us.anthropic.claude-sonnet-4-5-20250929-v1:0 }\n"
                                + "  - { id: nova-lite, model: amazon.nova-lite-v1:0 }")
                .replace("execution:\n  concurrency: 4", "execution:\n  concurrency: 4\n  mode: " + mode)
                + extra;
        Path f = dir.resolve("suite.yaml");
        Files.writeString(f, yaml);
        SuiteLoader.Result loaded = SuiteLoader.load(f);
        assertThat(loaded).as(loaded.problems().toString()).isInstanceOf(SuiteLoader.Loaded.class);
        return ((SuitePreparation.Ready) SuitePreparation.prepare(((SuiteLoader.Loaded) loaded).suite(),
                PriceCatalog.bundled(), ScorerRegistry.standard())).suite();
    }

    @Test
    void autoUsesBatchWhereItHasABatchPriceAndNoLatencyIsNeeded() throws IOException {
        Map<String, ExecutionModes.Choice> modes = ExecutionModes.decide(prepare("auto", ""), 122, true, "");
        assertThat(modes.get("nova-micro").mode()).isEqualTo(AnswerSource.BATCH);
        assertThat(modes.get("nova-micro").reason()).isEqualTo("122 items (>= 100), batch price $0.0000175 in / "
                + "$0.00007 out per 1k tokens, no latency figure needed");
        assertThat(modes.get("sonnet4").mode()).isEqualTo(AnswerSource.ON_DEMAND);
        assertThat(modes.get("sonnet4").reason()).isEqualTo("no batch price for us.anthropic.claude-sonnet-4-5-20250929-v1:0");
    }

    @Test
    void autoStaysOnDemandForFewItemsLatencyRulesOrNoStaging() throws IOException {
        PreparedSuite plain = prepare("auto", "");
        assertThat(ExecutionModes.decide(plain, 99, true, "").get("nova-micro"))
                .isEqualTo(new ExecutionModes.Choice(AnswerSource.ON_DEMAND,
                        "99 items: a batch job needs at least 100 records"));
        assertThat(ExecutionModes.decide(plain, 122, false, "no staging").get("nova-micro"))
                .isEqualTo(new ExecutionModes.Choice(AnswerSource.ON_DEMAND, "no staging"));
        PreparedSuite latency = prepare("auto", "\nselection: { maxLatencyP95Ms: 3000 }\n");
        assertThat(ExecutionModes.decide(latency, 122, true, "").get("nova-micro"))
                .isEqualTo(new ExecutionModes.Choice(AnswerSource.ON_DEMAND,
                        "the suite needs its latency (selection.maxLatencyP95Ms)"));
        PreparedSuite gate = prepare("auto", "\ngates:\n  - { metric: latencyP95Ms, max: 2000, candidate: nova-micro }\n");
        Map<String, ExecutionModes.Choice> gated = ExecutionModes.decide(gate, 122, true, "");
        assertThat(gated.get("nova-micro").reason()).isEqualTo("the suite needs its latency (a latencyP95Ms gate)");
        assertThat(gated.get("nova-lite").mode()).isEqualTo(AnswerSource.BATCH);
    }

    @Test
    void explicitModesAreFollowed() throws IOException {
        Map<String, ExecutionModes.Choice> batch = ExecutionModes.decide(prepare("batch", ""), 122, true, "");
        assertThat(batch.get("nova-micro").mode()).isEqualTo(AnswerSource.BATCH);
        // the suite has a budget: a job of unknown cost could not be guarded, so that model stays on demand
        assertThat(batch.get("sonnet4")).isEqualTo(new ExecutionModes.Choice(AnswerSource.ON_DEMAND,
                "execution.mode is batch, "
                + "but us.anthropic.claude-sonnet-4-5-20250929-v1:0 has no batch price, so the budget could not guard "
                + "a job: on demand"));
        assertThat(ExecutionModes.decide(prepare("on-demand", ""), 122, true, "").values())
                .allSatisfy(c -> assertThat(c.mode()).isEqualTo(AnswerSource.ON_DEMAND));
    }

    @Test
    void judgesGoToBatchWithABatchPriceAndAtLeastAJobsMinimumOfRequests() throws IOException {
        PreparedSuite batch = prepare("batch", "");
        assertThat(ExecutionModes.judge(batch, "amazon.nova-pro-v1:0", 100, true, "no staging"))
                .isEqualTo(new ExecutionModes.Choice(AnswerSource.BATCH, "execution.mode is batch; 100 judge requests "
                        + "(>= 100), batch price $0.0004 in / $0.0016 out per 1k tokens"));
        assertThat(ExecutionModes.judge(batch, "amazon.nova-pro-v1:0", 99, true, "no staging"))
                .isEqualTo(new ExecutionModes.Choice(AnswerSource.ON_DEMAND,
                        "99 judge requests: a batch job needs at least 100 records"));
        // unlike a candidate in batch mode, a judge without a batch price is not sent to a job
        assertThat(ExecutionModes.judge(batch, "us.anthropic.claude-sonnet-4-5-20250929-v1:0", 500, true, ""))
                .isEqualTo(new ExecutionModes.Choice(AnswerSource.ON_DEMAND,
                        "no batch price for judge model us.anthropic.claude-sonnet-4-5-20250929-v1:0"));
        assertThat(ExecutionModes.judge(batch, "amazon.nova-pro-v1:0", 500, false, "no staging"))
                .isEqualTo(new ExecutionModes.Choice(AnswerSource.ON_DEMAND, "no staging"));
        assertThat(ExecutionModes.judge(prepare("auto", ""), "amazon.nova-pro-v1:0", 500, true, "").reason())
                .startsWith("execution.mode is auto; 500 judge requests");
        assertThat(ExecutionModes.judge(prepare("on-demand", ""), "amazon.nova-pro-v1:0", 500, true, ""))
                .isEqualTo(new ExecutionModes.Choice(AnswerSource.ON_DEMAND, "execution.mode is on-demand"));
    }

    @Test
    void theEstimatePricesJudgesAtBatchPricesWhereAJobWouldTakeThem() throws IOException {
        String judges = """
                  - { id: big, type: llm-judge, model: amazon.nova-pro-v1:0, rubric: fits, scale: [1, 5] }
                  - { id: dear, type: llm-judge, model: us.anthropic.claude-sonnet-4-5-20250929-v1:0, rubric: fits, scale: [1, 5] }
                """;
        PreparedSuite p = prepareWithScorers(judges);
        Estimator.Estimate e = Estimator.estimate(p, Map.of(), java.util.Optional.empty(), "", java.time.Instant.EPOCH);
        Estimator.CandidateEstimate big = e.judges().get(0);
        Estimator.CandidateEstimate dear = e.judges().get(1);
        assertThat(big.calls()).isEqualTo(4 * 122);
        // Nova Pro's batch price is half its on-demand price; Claude Sonnet 4 has none
        assertThat(((dev.frontier.model.Cost.Known) big.batch()).usd().multiply(java.math.BigDecimal.valueOf(2)))
                .isEqualByComparingTo(((dev.frontier.model.Cost.Known) big.onDemand()).usd());
        assertThat(dear.batch()).isEqualTo(dear.onDemand());
    }

    private PreparedSuite prepareWithScorers(String scorers) throws IOException {
        String yaml = Files.readString(Path.of("eval-configs/smoke.yaml"))
                .replace("../datasets/intents-smoke.csv", Path.of("datasets/intents.csv").toAbsolutePath().toString())
                .replace("  - { id: nova-micro, model: amazon.nova-micro-v1:0 }",
                        "  - { id: nova-micro, model: amazon.nova-micro-v1:0 }\n"
                                + "  - { id: sonnet4, model: us.anthropic.claude-sonnet-4-5-20250929-v1:0 }")
                .replace("  - { type: exact-match, expected: \"{{intent}}\", weight: 1 }\n",
                        "  - { type: exact-match, expected: \"{{intent}}\", weight: 1 }\n" + scorers)
                .replace("maxUsd: 1.00", "maxUsd: 100.00");
        Path f = dir.resolve("judged.yaml");
        Files.writeString(f, yaml);
        SuiteLoader.Result loaded = SuiteLoader.load(f);
        assertThat(loaded).as(loaded.problems().toString()).isInstanceOf(SuiteLoader.Loaded.class);
        SuitePreparation.Result prepared = SuitePreparation.prepare(((SuiteLoader.Loaded) loaded).suite(),
                PriceCatalog.bundled(), ScorerRegistry.standard());
        assertThat(prepared).as(prepared.toString()).isInstanceOf(SuitePreparation.Ready.class);
        return ((SuitePreparation.Ready) prepared).suite();
    }
}
