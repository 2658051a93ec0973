package dev.frontier.run.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontier.catalog.Catalog;
import dev.frontier.cost.ModelPrice;
import dev.frontier.cost.PriceCatalog;
import dev.frontier.results.RunResult;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Re-pricing and deciding again, on hand-made records with hand-computed figures. */
class RecheckTest {
    private static final String PRO = "amazon.nova-pro-v1:0";
    private static final String LITE = "amazon.nova-lite-v1:0";
    /** Claude 3.5 Haiku: Legacy from 2025-12-19, end of life 2026-06-19 in the catalog. */
    private static final String OLD_HAIKU = "anthropic.claude-3-5-haiku-20241022-v1:0";
    private static final int ITEMS = 60;
    private static final long TRAFFIC = 1_000_000;
    private static final LocalDate BEFORE_EOL = LocalDate.parse("2026-01-01");

    /** Per-item quality: the two cheaper candidates are within ±0.01 of the incumbent on every item. */
    private static Map<String, Map<String, Double>> quality() {
        Map<String, Map<String, Double>> q = new LinkedHashMap<>();
        for (String c : List.of("pro", "lite", "haiku", "pro-flex")) {
            Map<String, Double> byItem = new LinkedHashMap<>();
            for (int i = 0; i < ITEMS; i++) {
                double base = 0.5 + 0.04 * ((i * 7) % 10);
                byItem.put("item-" + i, c.equals("pro") ? base : base + (i % 2 == 0 ? 0.01 : -0.01));
            }
            q.put(c, byItem);
        }
        return q;
    }

    private static ModelPrice price(String model, String input, String output) {
        return new ModelPrice(model, model, Optional.of(new BigDecimal(input)), Optional.of(new BigDecimal(output)),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), "hand", "2026-12-01");
    }

    private static PriceCatalog prices(String liteInput, String liteOutput) {
        Map<String, ModelPrice> m = new LinkedHashMap<>();
        m.put(PRO, price(PRO, "0.0008", "0.0032"));
        m.put(LITE, price(LITE, liteInput, liteOutput));
        m.put(OLD_HAIKU, price(OLD_HAIKU, "0.0002", "0.0008"));
        return new PriceCatalog("hand/us-east-1", "1", "2026-12-01", m);
    }

    private static RunResult.CandidateResult candidate(String id, String model, boolean incumbent,
                                                       BigDecimal per1k) {
        RunResult.Estimate q = new RunResult.Estimate(0.68, 0.64, 0.72, ITEMS);
        // 1,000 input and 100 output tokens per call
        Optional<BigDecimal> cost = Optional.ofNullable(per1k);
        return RunResult.CandidateResult.builder().id(id).model(model).modelName(model).incumbent(incumbent)
                .calls(ITEMS).quality(q).scores(Map.of("s", q))
                .usage(new RunResult.Usage(1000L * ITEMS, 100L * ITEMS, 0, 0)).meanInputTokens(1000)
                .meanOutputTokens(100).costPer1k(cost)
                .monthlyCost(cost.map(c -> c.multiply(BigDecimal.valueOf(TRAFFIC)).movePointLeft(3)
                        .setScale(2, java.math.RoundingMode.HALF_EVEN)))
                .costUnknown(per1k == null ? "unknown" : "").evalSpend(BigDecimal.ZERO).latencyP50Ms(500.0)
                .latencyP95Ms(900.0).build();
    }

    /** A record priced with {@code recorded} and holding {@code decision}. */
    private static RunResult record(PriceCatalog recorded, RunResult.Decision decision) {
        List<RunResult.CandidateResult> cs = new ArrayList<>();
        cs.add(candidate("pro", PRO, true, per1k(recorded, PRO)));
        cs.add(candidate("lite", LITE, false, per1k(recorded, LITE)));
        cs.add(candidate("haiku", OLD_HAIKU, false, per1k(recorded, OLD_HAIKU)));
        RunResult.Provenance p = new RunResult.Provenance("test", "s.yaml", "a", "d.jsonl", "b", ITEMS, 0, 0, 1,
                "hand/us-east-1", "1", "2026-12-01", 1000, 42, 0.95, "sandbox", "us-east-1", "", "");
        return RunResult.builder().runId("20261201-000000-0000").suite("hand").simulated(true).provenance(p)
                .traffic(TRAFFIC).scorers(List.of(new RunResult.ScorerInfo("s", "rouge-l", 1, false)))
                .rules(new RunResult.Rules(0.05, 0.95, null, Map.of(), List.of())).candidates(cs)
                .decision(Optional.ofNullable(decision)).evalSpend(new RunResult.Spend(BigDecimal.ZERO, "", 0))
                .build();
    }

    private static BigDecimal per1k(PriceCatalog prices, String model) {
        ModelPrice p = prices.find(model).orElseThrow();
        // per call: 1,000 input and 100 output tokens
        return p.input().orElseThrow().add(p.output().orElseThrow().movePointLeft(1)).multiply(BigDecimal.valueOf(1000))
                .setScale(6);
    }

    @Test
    void usageIsPricedPerThousandRequestsAndPerMonth() {
        // Nova Lite at $0.0001 / $0.0004 per 1k tokens: 1,000 × 0.0001 / 1000 + 100 × 0.0004 / 1000 = $0.00014 a call
        Recheck.Result r = Recheck.of(record(prices("0.0001", "0.0004"), null), quality(),
                prices("0.0001", "0.0004"), Catalog.bundled(), BEFORE_EOL, "us-east-1");
        Recheck.Row lite = r.candidates().get(1);
        assertThat(lite.per1kAfter()).isEqualByComparingTo("0.14");
        assertThat(lite.monthlyAfter()).isEqualByComparingTo("140.00");
        assertThat(lite.per1kBefore()).isEqualByComparingTo("0.14");
        // Nova Pro: 1,000 × 0.0008 + 100 × 0.0032 = $1.12 per 1,000 requests
        assertThat(r.candidates().get(0).per1kAfter()).isEqualByComparingTo("1.12");
        assertThat(r.candidates().get(0).monthlyAfter()).isEqualByComparingTo("1120.00");
        assertThat(r.candidates().get(1).priceSource()).isEqualTo("hand, 2026-12-01");
    }

    @Test
    void aCandidateCalledAtATierIsRepricedAtTheTierThatServedIt() {
        PriceCatalog bundled = PriceCatalog.bundled();
        RunResult base = record(prices("0.0001", "0.0004"), null);
        RunResult.CandidateResult flex = candidate("pro-flex", PRO, false, new BigDecimal("0.56")).toBuilder()
                .settings(Optional.of(new RunResult.Settings("flex", false, "", "", "flex", Map.of("flex", 1.0),
                        null))).build();
        List<RunResult.CandidateResult> cs = new ArrayList<>(base.candidates());
        cs.add(flex);
        Recheck.Result r = Recheck.of(base.toBuilder().candidates(cs).build(), quality(), bundled, Catalog.bundled(),
                BEFORE_EOL, "us-east-1");
        // Nova Pro at Standard: $1.12 per 1,000 requests (1,000 in, 100 out per call); Flex half of it
        assertThat(r.candidates().get(0).per1kAfter()).isEqualByComparingTo("1.12");
        assertThat(r.candidates().get(3).per1kAfter()).isEqualByComparingTo("0.56");
        assertThat(r.candidates().get(3).priceSource()).contains("Flex 0.5x");
    }

    @Test
    void theDecisionChangesOnlyWhenThePricesChangeIt() {
        PriceCatalog today = prices("0.0001", "0.0004");
        RunResult.Decision first = Recheck.of(record(today, null), quality(), today, Catalog.bundled(), BEFORE_EOL,
                "us-east-1").decision();
        // Nova Lite ($0.14) is cheaper than Claude 3.5 Haiku ($0.28) and as good as the incumbent
        assertThat(first.keepIncumbent()).as(first.reason()).isFalse();
        assertThat(first.recommendation()).isEqualTo("lite");
        RunResult run = record(today, first);

        Recheck.Result same = Recheck.of(run, quality(), today, Catalog.bundled(), BEFORE_EOL, "us-east-1");
        assertThat(same.changed()).isFalse();
        assertThat(same.switchImpact()).isEqualByComparingTo("0");
        // 1,120.00 − 140.00 a month
        assertThat(same.savingBefore()).isEqualByComparingTo("980.00");
        assertThat(same.savingAfter()).isEqualByComparingTo("980.00");

        // Nova Lite now dearer than Claude 3.5 Haiku: Haiku is recommended instead
        Recheck.Result dearer = Recheck.of(run, quality(), prices("0.0004", "0.0016"), Catalog.bundled(), BEFORE_EOL,
                "us-east-1");
        assertThat(dearer.changed()).isTrue();
        assertThat(dearer.after().recommendation()).isEqualTo("haiku");
        // Haiku $0.28 → $280.00 a month; saving 1,120 − 280 = 840, 140 less than before
        assertThat(dearer.savingAfter()).isEqualByComparingTo("840.00");
        assertThat(dearer.savingChange()).isEqualByComparingTo("-140.00");
        // at today's prices Haiku ($280) against Lite ($560): following the new recommendation saves $280 a month
        assertThat(dearer.switchImpact()).isEqualByComparingTo("-280.00");
    }

    @Test
    void aRouterIsRepricedAsTheModelsItServedByTheirShares() {
        PriceCatalog today = prices("0.0001", "0.0004");
        RunResult base = record(today, null);
        String router = "arn:aws:bedrock:us-east-1:123456789012:prompt-router/abc123";
        // three quarters of the answers from Lite ($0.14 per 1,000 requests), a quarter from Pro ($1.12)
        RunResult.CandidateResult routed = candidate("routed", router, false, new BigDecimal("0.385")).toBuilder()
                .servedBy(Map.of(LITE, 0.75, PRO, 0.25)).build();
        List<RunResult.CandidateResult> cs = new ArrayList<>(base.candidates());
        cs.add(routed);
        Map<String, Map<String, Double>> q = quality();
        q.put("routed", q.get("lite"));
        RunResult run = base.toBuilder().candidates(cs).build();
        Recheck.Row row = Recheck.of(run, q, today, Catalog.bundled(), BEFORE_EOL, "us-east-1").candidates().get(3);
        // 0.75 × 0.14 + 0.25 × 1.12 = 0.385
        assertThat(row.per1kAfter()).isEqualByComparingTo("0.385");
        assertThat(row.priceSource()).startsWith("the price of each model the router served");
        // Lite's price halves: 0.75 × 0.07 + 0.25 × 1.12 = 0.3325
        Recheck.Row cheaper = Recheck.of(run, q, prices("0.00005", "0.0002"), Catalog.bundled(), BEFORE_EOL,
                "us-east-1").candidates().get(3);
        assertThat(cheaper.per1kAfter()).isEqualByComparingTo("0.3325");
    }

    @Test
    void aCandidatePastItsEndOfLifeIsFlaggedAndCannotBeRecommended() {
        PriceCatalog today = prices("0.0004", "0.0016"); // Lite dearer than Haiku: Haiku would be recommended
        RunResult run = record(today, null);
        Recheck.Result legacy = Recheck.of(run, quality(), today, Catalog.bundled(), BEFORE_EOL, "us-east-1");
        Recheck.Row haiku = legacy.candidates().get(2);
        assertThat(haiku.lifecycle()).isEqualTo("legacy");
        assertThat(haiku.lifecycleNote()).contains("end of life 2026-06-19");
        assertThat(legacy.after().recommendation()).isEqualTo("haiku");

        Recheck.Result ended = Recheck.of(run, quality(), today, Catalog.bundled(), LocalDate.parse("2026-06-19"),
                "us-east-1");
        Recheck.Row gone = ended.candidates().get(2);
        assertThat(gone.lifecycle()).isEqualTo("end-of-life");
        assertThat(gone.per1kAfter()).isNull();
        assertThat(gone.costUnknown()).contains("reached its end of life on 2026-06-19");
        assertThat(ended.after().recommendation()).isEqualTo("lite");
        assertThat(ended.frontierAfter()).doesNotContain("haiku");
        assertThat(ended.candidates().get(0).lifecycle()).isEqualTo("active");
    }

    @Test
    void aModelWithoutAPriceTodayKeepsTheCostTheRunRecorded() {
        PriceCatalog today = prices("0.0001", "0.0004");
        RunResult run = record(today, null);
        String arn = "arn:aws:bedrock:us-east-1:123456789012:provisioned-model/abc123";
        List<RunResult.CandidateResult> cs = new ArrayList<>(run.candidates());
        cs.set(2, candidate("custom", arn, false, new BigDecimal("0.123456")));
        RunResult withCustom = run.toBuilder().candidates(cs).decision(Optional.empty()).build();
        Recheck.Row custom = Recheck.of(withCustom, quality(), today, Catalog.bundled(), BEFORE_EOL, "us-east-1")
                .candidates().get(2);
        assertThat(custom.per1kAfter()).isEqualByComparingTo("0.123456");
        assertThat(custom.monthlyAfter()).isEqualByComparingTo("123.46");
        assertThat(custom.priceSource()).startsWith("as recorded by the run (no price for " + arn);
        assertThat(custom.lifecycle()).isEqualTo("unknown");
    }

    @Test
    void qualityFromScoresWeighsAsARunDoes() {
        List<RunResult.ScorerInfo> scorers = List.of(new RunResult.ScorerInfo("a", "x", 0.75, false),
                new RunResult.ScorerInfo("b", "y", 0.25, true), new RunResult.ScorerInfo("shown", "z", 0, false));
        Map<String, Double> failedB = new java.util.HashMap<>();
        failedB.put("a", 0.4);
        failedB.put("b", null);
        failedB.put("shown", 1.0);
        Map<String, Double> none = new java.util.HashMap<>();
        none.put("a", null);
        none.put("shown", 0.9);
        Map<String, Map<String, Map<String, Double>>> scores = Map.of("c", new LinkedHashMap<>(Map.of(
                "i1", Map.of("a", 0.8, "b", 0.0, "shown", 0.1), "i2", failedB, "i3", none)));
        Map<String, Map<String, Double>> q = Recheck.quality(scorers, scores);
        assertThat(q.get("c")).hasSize(2);
        assertThat(q.get("c").get("i1")).isEqualTo(0.6, org.assertj.core.data.Offset.offset(1e-12)); // (0.75·0.8)/1
        assertThat(q.get("c").get("i2")).isEqualTo(0.4, org.assertj.core.data.Offset.offset(1e-12)); // b failed
        assertThat(q.get("c")).doesNotContainKey("i3"); // no weighted scorer produced a value
    }
}
