package dev.frontier.run.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.frontier.catalog.Catalog;
import dev.frontier.config.RoutingSpec;
import dev.frontier.cost.PriceCatalog;
import dev.frontier.results.RunResult;
import dev.frontier.store.CallSource;
import dev.frontier.store.RunStore;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A stored run made into a routing section: 3,000 items where Nova Lite answers as Nova Pro does except on a fifth of
 * them, which a reference-free check of its answer flags; the cascade that escalates on that check is non-inferior
 * and far cheaper, and becomes the recommendation, the policy artefact and the closest prompt-router request.
 */
class RoutesTest {

    private static final double PRO_USD = 0.0004;
    private static final double LITE_USD = 0.00003;

    private static RunResult run(int items) {
        List<RunResult.CandidateResult> candidates = List.of(
                RunResult.CandidateResult.builder().id("nova-pro").model("amazon.nova-pro-v1:0").modelName("Nova Pro")
                        .incumbent(true).calls(items).quality(Optional.of(new RunResult.Estimate(0.9, 0.89, 0.91,
                                items))).build(),
                RunResult.CandidateResult.builder().id("nova-lite").model("amazon.nova-lite-v1:0")
                        .modelName("Nova Lite").calls(items).quality(Optional.of(new RunResult.Estimate(0.76, 0.74,
                                0.78, items))).build());
        RunResult.Provenance p = new RunResult.Provenance("test", "", "", "", "", items, 0, 0, 7,
                "bedrock-models/us-east-1", "", "", 400, 42, 0.95, "", "us-east-1", "", "");
        return RunResult.builder().runId("20261203-120000-abcd").suite("routes-test").provenance(p)
                .traffic(1_000_000).candidates(candidates)
                .scorers(List.of(new RunResult.ScorerInfo("exact-match", "exact-match", 1, true),
                        new RunResult.ScorerInfo("json-ok", "json-valid", 0, true)))
                .rules(new RunResult.Rules(0.03, 0.95, null, Map.of(), List.of()))
                .decision(new RunResult.Decision("nova-pro", true, "no cheaper candidate qualifies", 0.03, 0.95,
                        List.of(), null))
                .build();
    }

    private static Routes.Stored stored(int items, CallSource liteSource) {
        SplittableRandom random = new SplittableRandom(3);
        List<RunStore.CallFigures> calls = new ArrayList<>();
        Map<String, Map<String, Map<String, Double>>> scores = new HashMap<>();
        for (int i = 0; i < items; i++) {
            String item = String.format("I%05d", i);
            boolean proRight = random.nextDouble() < 0.9;
            boolean hard = random.nextDouble() < 0.2;
            boolean liteRight = hard ? random.nextDouble() < 0.3 : proRight;
            long input = 200 + random.nextInt(300);
            calls.add(new RunStore.CallFigures("nova-pro", item, "amazon.nova-pro-v1:0", false, "end_turn", input, 5,
                    BigDecimal.valueOf(PRO_USD), CallSource.CALLED));
            calls.add(new RunStore.CallFigures("nova-lite", item, "amazon.nova-lite-v1:0", false, "end_turn", input,
                    5, BigDecimal.valueOf(LITE_USD), liteSource));
            scores.computeIfAbsent("nova-pro", k -> new HashMap<>()).put(item,
                    Map.of("exact-match", proRight ? 1.0 : 0.0, "json-ok", 1.0));
            scores.computeIfAbsent("nova-lite", k -> new HashMap<>()).put(item,
                    Map.of("exact-match", liteRight ? 1.0 : 0.0, "json-ok", hard ? 0.0 : 1.0));
        }
        return new Routes.Stored(calls, scores, Map.of());
    }

    private static RunResult.Routing analyse(int items, CallSource liteSource) {
        return Routes.analyse(run(items), RoutingSpec.DEFAULT, stored(items, liteSource), Optional.empty(),
                PriceCatalog.of(Catalog.bundled(), "us-east-1"), Catalog.bundled());
    }

    @Test
    void aCascadeOnAReferenceFreeCheckIsRecommendedWithItsArtefactAndTheClosestPromptRouter() throws IOException {
        RunResult.Routing r = analyse(3000, CallSource.CALLED);
        assertThat(r.signals()).containsExactly("outputTokens", "stopReason", "json-ok");
        assertThat(r.features()).containsExactly("inputTokens");
        assertThat(r.notes()).anyMatch(n -> n.startsWith("features: input tokens only"));
        assertThat(r.best()).contains("cascade:nova-lite>nova-pro@json-ok");
        RunResult.RoutePolicy best = r.policies().stream().filter(p -> p.id().equals(r.best().get())).findFirst()
                .orElseThrow();
        assertThat(best.verdict()).isEqualTo("non-inferior");
        assertThat(best.costPer1k()).isLessThan(BigDecimal.valueOf(PRO_USD * 1000));
        assertThat(best.share().get("nova-pro")).isBetween(0.15, 0.25);
        assertThat(r.recommendation()).startsWith("call nova-lite first and escalate to nova-pro when json-ok says so")
                .contains("non-inferior to nova-pro at 0.03").contains("/month more than the best single model "
                        + "(nova-pro)");

        JsonNode policy = new ObjectMapper().readTree(r.policy().orElseThrow());
        assertThat(policy.toString()).contains("json-ok").contains("nova-lite").contains("nova-pro");
        assertThat(policy.path("models").path("nova-lite").asText()).isEqualTo("amazon.nova-lite-v1:0");
        JsonNode router = new ObjectMapper().readTree(r.promptRouter().orElseThrow());
        assertThat(router.path("models")).hasSize(2);
        assertThat(router.path("fallbackModel").path("modelArn").asText())
                .isEqualTo("arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-pro-v1:0");
        // the margin as a percentage of the stronger model's quality: 0.03 / 0.9
        assertThat(router.path("routingCriteria").path("responseQualityDifference").asDouble()).isEqualTo(3.33);
    }

    @Test
    void anEmbeddingFieldLetsALearnedRouterFindTheHardItems() {
        int items = 6000;
        Routes.Stored stored = stored(items, CallSource.CALLED);
        // the same draws as stored(): an embedding whose first element says "hard", blurred by noise
        SplittableRandom random = new SplittableRandom(3);
        SplittableRandom noise = new SplittableRandom(11);
        List<dev.frontier.model.Item> rows = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            random.nextDouble();
            boolean hard = random.nextDouble() < 0.2;
            if (hard) {
                random.nextDouble();
            }
            random.nextInt(300);
            double e0 = (hard ? 1 : 0) + 0.3 * (noise.nextDouble() - 0.5);
            rows.add(new dev.frontier.model.Item(String.format("I%05d", i), Map.of("text", "message " + i,
                    "emb", String.format(java.util.Locale.ROOT, "[%.4f, %.4f]", e0, noise.nextDouble()))));
        }
        RoutingSpec spec = new RoutingSpec(List.of(), List.of(), true, true, 5, List.of("emb"));
        RunResult.Routing r = Routes.analyse(run(items), spec, stored, Optional.of(new Routes.Prompts(rows,
                java.util.Set.of("text"), List.of())), PriceCatalog.of(Catalog.bundled(), "us-east-1"),
                Catalog.bundled());
        assertThat(r.features()).contains("emb[0]", "emb[1]", "text.chars");
        RunResult.RoutePolicy learned = r.policies().stream().filter(p -> p.id().equals("learned:nova-lite>nova-pro"))
                .findFirst().orElseThrow();
        assertThat(learned.verdict()).as(learned.toString()).isEqualTo("non-inferior");
        assertThat(learned.share().get("nova-lite")).isGreaterThan(0.6);
    }

    @Test
    void answersFromABatchJobArePricedOnDemandAsInProduction() {
        RunResult.Routing called = analyse(600, CallSource.CALLED);
        RunResult.Routing batch = analyse(600, CallSource.BATCH);
        RunResult.RoutePolicy lite = batch.policies().stream().filter(p -> p.id().equals("nova-lite")).findFirst()
                .orElseThrow();
        // 305 input and 5 output tokens priced at Nova Lite's on-demand rates, not the stored figure
        assertThat(lite.costPer1k()).isNotEqualByComparingTo(called.policies().stream()
                .filter(p -> p.id().equals("nova-lite")).findFirst().orElseThrow().costPer1k());
        assertThat(lite.costPer1k().doubleValue()).isBetween(0.01, 0.03);
    }

    @Test
    void aRunTooSmallForTheFoldsIsNotAnalysable() {
        assertThatThrownBy(() -> analyse(6, CallSource.CALLED)).isInstanceOf(Routes.NotAnalysable.class)
                .hasMessageContaining("folds");
    }
}
