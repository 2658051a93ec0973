package dev.frontier.report;

import dev.frontier.select.ParetoFrontier;
import dev.frontier.results.RunResult;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Builds {@link RunResult}s for report tests: candidates with given cost and quality, seeded per-item outputs and
 * scores, and optionally hostile text (script and markup payloads) in one candidate's outputs, an item id and a
 * dataset field.
 */
final class RunFixture {
    /** Payloads that would run if any output reached the page unescaped. */
    static final String SCRIPT_PAYLOAD = "<script>window.__pwned=1</script>";
    static final String IMG_PAYLOAD = "<img src=x onerror=\"window.__pwned=2\">";
    static final String BREAKOUT_PAYLOAD = "</script><script>window.__pwned=3</script>";
    static final String HOSTILE_ITEM_ID = "T-<b>7</b>&amp;";
    static final String HOSTILE_FIELD = "<i>dataset</i> field & \"quotes\" \u2028 line separator";
    /** A word that occurs in exactly one output. */
    static final String UNIQUE_WORD = "zeppelin";
    static final int UNIQUE_ITEM = 37;

    private record Cand(String id, String model, BigDecimal costPer1k, double quality, double halfWidth,
                        boolean incumbent) {
    }

    private final List<Cand> candidates = new ArrayList<>();
    private int items = 120;
    private long seed = 1;
    private long traffic = 2_000_000;
    private int outputWords = 30;
    private String hostile;

    static RunFixture builder() {
        return new RunFixture();
    }

    /** Four candidates, 120 items; {@code risky}'s outputs carry the payloads. */
    static RunFixture standard() {
        return builder()
                .incumbent("premium", "us.anthropic.claude-sonnet-4-5-20250929-v1:0", "1.80", 0.82, 0.02)
                .candidate("mid", "us.anthropic.claude-haiku-4-5-20251001-v1:0", "0.15", 0.80, 0.02)
                .candidate("budget", "amazon.nova-micro-v1:0", "0.02", 0.61, 0.03)
                .candidate("risky", "us.meta.llama3-1-8b-instruct-v1:0", "0.09", 0.55, 0.03)
                .hostile("risky");
    }

    /** {@code n} candidates spread over four decades of cost, the first the incumbent. */
    static RunFixture many(int n) {
        RunFixture f = builder();
        Random random = new Random(n);
        for (int i = 0; i < n; i++) {
            double cost = Math.pow(10, -2.5 + 4.0 * random.nextDouble());
            double quality = 0.45 + 0.45 * random.nextDouble();
            String c = BigDecimal.valueOf(cost).setScale(6, RoundingMode.HALF_EVEN).toPlainString();
            String id = "candidate-" + (i + 1);
            if (i == 0) {
                f.incumbent(id, "model-" + i, c, quality, 0.02);
            } else {
                f.candidate(id, "model-" + i, c, quality, 0.01 + 0.03 * random.nextDouble());
            }
        }
        return f;
    }

    RunFixture candidate(String id, String model, String costPer1k, double quality, double halfWidth) {
        candidates.add(new Cand(id, model, new BigDecimal(costPer1k), quality, halfWidth, false));
        return this;
    }

    RunFixture incumbent(String id, String model, String costPer1k, double quality, double halfWidth) {
        candidates.add(new Cand(id, model, new BigDecimal(costPer1k), quality, halfWidth, true));
        return this;
    }

    RunFixture items(int n) {
        items = n;
        return this;
    }

    RunFixture traffic(long requestsPerMonth) {
        traffic = requestsPerMonth;
        return this;
    }

    RunFixture outputWords(int words) {
        outputWords = words;
        return this;
    }

    RunFixture seed(long s) {
        seed = s;
        return this;
    }

    RunFixture hostile(String candidateId) {
        hostile = candidateId;
        return this;
    }

    RunResult build() {
        Random random = new Random(seed);
        List<RunResult.ScorerInfo> scorers = List.of(new RunResult.ScorerInfo("overlap", "rouge-l", 0.7, false),
                new RunResult.ScorerInfo("length", "length", 0.3, true));
        List<RunResult.ItemResult> itemResults = new ArrayList<>(items);
        for (int n = 0; n < items; n++) {
            String id = hostile != null && n == 5 ? HOSTILE_ITEM_ID : String.format("T-%05d", n + 1);
            String input = "Summarize this support ticket in two sentences:\n" + words(random, 60)
                    + (hostile != null && n == 5 ? "\n" + HOSTILE_FIELD : "");
            Map<String, RunResult.ItemOutput> outputs = new LinkedHashMap<>();
            for (int ci = 0; ci < candidates.size(); ci++) {
                Cand c = candidates.get(ci);
                double overlap = clamp(c.quality() + random.nextGaussian() * 0.15);
                double length = random.nextDouble() < 0.9 ? 1.0 : 0.0;
                double quality = 0.7 * overlap + 0.3 * length;
                String text = words(random, outputWords);
                if (n == UNIQUE_ITEM && ci == Math.min(1, candidates.size() - 1)) {
                    text = text + " The " + UNIQUE_WORD + " invoice.";
                }
                if (c.id().equals(hostile) && n % 10 == 3) {
                    text = "Summary: " + SCRIPT_PAYLOAD + " then " + IMG_PAYLOAD + " and " + BREAKOUT_PAYLOAD;
                }
                outputs.put(c.id(), new RunResult.ItemOutput(text, "end_turn", "",
                        new RunResult.Usage(300, outputWords * 2L, 0, 0), 400 + random.nextInt(900),
                        c.costPer1k().movePointLeft(3), quality, Map.of("overlap", overlap, "length", length),
                        Map.of("overlap", String.format("rouge-l F %.4f", overlap),
                                "length", (outputWords + (length == 1.0 ? 0 : 80)) + " words")));
            }
            itemResults.add(new RunResult.ItemResult(id, n % 4 == 0, input, outputs));
        }

        List<ParetoFrontier.Point> points = candidates.stream()
                .map(c -> new ParetoFrontier.Point(c.id(), c.costPer1k().doubleValue(), c.quality())).toList();
        List<String> frontier = ParetoFrontier.of(points);
        List<RunResult.CandidateResult> results = new ArrayList<>();
        BigDecimal spend = BigDecimal.ZERO;
        for (Cand c : candidates) {
            BigDecimal evalSpend = c.costPer1k().multiply(BigDecimal.valueOf(items)).movePointLeft(3);
            spend = spend.add(evalSpend);
            BigDecimal monthly = traffic == 0 ? null
                    : c.costPer1k().multiply(BigDecimal.valueOf(traffic)).movePointLeft(3)
                    .setScale(2, RoundingMode.HALF_EVEN);
            RunResult.Estimate q = new RunResult.Estimate(c.quality(), c.quality() - c.halfWidth(),
                    c.quality() + c.halfWidth(), items);
            results.add(RunResult.CandidateResult.builder().id(c.id()).model(c.model())
                    .modelName("Model " + c.model()).incumbent(c.incumbent()).calls(items).quality(q)
                    .scores(Map.of("overlap", q, "length", new RunResult.Estimate(0.9, 0.85, 0.95, items)))
                    .usage(new RunResult.Usage(300L * items, 2L * outputWords * items, 0, 0)).meanInputTokens(300)
                    .meanOutputTokens(2.0 * outputWords).costPer1k(c.costPer1k())
                    .monthlyCost(Optional.ofNullable(monthly)).evalSpend(evalSpend).latencyP50Ms(700.0)
                    .latencyP95Ms(1500.0).onFrontier(frontier.contains(c.id())).build());
        }
        RunResult.Provenance provenance = new RunResult.Provenance("0.1.0-test", "suite.yaml", "a".repeat(64),
                "tickets.jsonl", "b".repeat(64), items, items / 4, 0.25, 7, "bedrock-text-us-east-1", "2026.11.1",
                "2026-11-01", 1000, 42, 0.95, "sandbox", "", "2026-11-27T10:00:00Z", "2026-11-27T10:05:00Z");
        return RunResult.builder().runId("20261127-100000-test").suite("fixture-suite")
                .description("A fixture for report tests.").simulated(true).provenance(provenance).traffic(traffic)
                .scorers(scorers).rules(new RunResult.Rules(0.03, 0.95, null, Map.of(), List.of()))
                .candidates(results).pareto(frontier)
                .evalSpend(new RunResult.Spend(spend, "", items * candidates.size()))
                .calls(new RunResult.Calls(items * candidates.size(), items * candidates.size(), 0, 0, 0, 0, 0,
                        items * candidates.size(), 0, 0)).items(itemResults).build();
    }

    /**
     * {@link #standard()} with request settings and their plans: {@code budget-terse}, a prompt variant of
     * {@code budget} called at Flex and served partly at Standard; {@code mid} with Reserved sizing; {@code budget}
     * with Flex (over the 2,000 ms p95 limit) and Priority plans; hostile text in the variant's note and label.
     */
    static RunResult withTiers() {
        RunResult base = standard().candidate("budget-terse", "amazon.nova-micro-v1:0", "0.015", 0.58, 0.03).build();
        List<RunResult.CandidateResult> candidates = new ArrayList<>();
        for (RunResult.CandidateResult c : base.candidates()) {
            if (c.id().equals("budget-terse")) {
                c = c.toBuilder().promptVariant(true)
                        .settings(Optional.of(new RunResult.Settings("flex", false, "", "", "flex " + SCRIPT_PAYLOAD,
                                new LinkedHashMap<>(Map.of("flex", 0.75, "default", 0.25)), null)))
                        .promptSaving(Optional.of(new RunResult.PromptSaving("budget", 412.0,
                                Optional.of(new BigDecimal("1648.00")),
                                Optional.of(new RunResult.Estimate(-0.021, -0.034, -0.008, 120)),
                                "saves 412 input tokens a request " + IMG_PAYLOAD))).build();
            }
            candidates.add(c);
        }
        List<String> none = List.of();
        List<RunResult.CandidatePlans> plans = List.of(
                new RunResult.CandidatePlans("mid", "on-demand", "cheapest: on-demand at $300.00 a month", List.of(
                        new RunResult.Plan("on-demand", new BigDecimal("300.00"), "", null, null, none, 1500.0,
                                "1,500 ms (measured)", null, null, null),
                        new RunResult.Plan("batch", new BigDecimal("150.00"), "", null, null, none, null,
                                "up to 24 h", "batch answers within 24 h, not within the p95 limit of 2,000 ms",
                                null, null),
                        new RunResult.Plan("reserved", null, "priced by the AWS account team; not public", null,
                                null, List.of("overflow above the reservation is billed at Standard"), 1500.0,
                                "1,500 ms (measured)", null, 27_400L, 2_740L))),
                new RunResult.CandidatePlans("budget", "priority", "cheapest: priority at $70.00 a month", List.of(
                        new RunResult.Plan("on-demand", new BigDecimal("40.00"), "", null, null, none, 2500.0,
                                "2,500 ms (measured)", "projected p95 2,500 ms exceeds the limit of 2,000 ms", null,
                                null),
                        new RunResult.Plan("flex", new BigDecimal("20.00"), "", null, null, none, 4000.0,
                                "4,000 ms (2,500 ms measured at standard × 1.6)",
                                "projected p95 4,000 ms exceeds the limit of 2,000 ms", null, null),
                        new RunResult.Plan("priority", new BigDecimal("70.00"), "", null, null, none, 2000.0,
                                "2,000 ms (2,500 ms measured at standard × 0.8)", null, null, null))));
        return base.toBuilder().candidates(candidates).plans(plans)
                .rules(new RunResult.Rules(0.03, 0.95, 2000L, Map.of(), List.of())).build();
    }

    private static final String[] WORDS = ("customer invoice refund export login error page report dashboard team "
            + "account billing renewal charge duplicate password reset workspace project timeline upload file "
            + "sync calendar integration webhook token permission admin seat license").split(" ");

    private static String words(Random random, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                s.append(' ');
            }
            s.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return s.append('.').toString();
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
