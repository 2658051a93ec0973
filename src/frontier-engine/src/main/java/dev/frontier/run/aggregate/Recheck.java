package dev.frontier.run.aggregate;

import dev.frontier.catalog.Catalog;
import dev.frontier.catalog.ModelFacts;
import dev.frontier.cost.ModelPrice;
import dev.frontier.cost.PriceCatalog;
import dev.frontier.model.CallSettings;
import dev.frontier.model.Cost;
import dev.frontier.model.TokenUsage;
import dev.frontier.select.ParetoFrontier;
import dev.frontier.results.RunResult;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A stored run decided again at today's prices, without a model call: each candidate's production cost per 1,000
 * requests is its recorded token usage (summed over its successful calls) priced on demand with {@code prices}, as
 * {@link Aggregation} does; the Pareto frontier and the statistical decision are made again by the same code, on the
 * same per-item qualities and with the rules and seeds the run recorded, so only the prices can change the outcome.
 * Candidates whose model is Legacy or past its end of life on {@code today} are flagged with the catalog's dates; a
 * candidate other than the incumbent that is past its end of life can no longer be called, so its cost is unknown and
 * it cannot be recommended. A candidate whose model has no price today (a custom model's serving ARN, an application
 * inference profile a suite priced) keeps the cost the run recorded, and says so.
 */
public final class Recheck {
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private Recheck() {
    }

    /**
     * What a recheck found.
     *
     * @param runId          the run rechecked
     * @param suite          its suite
     * @param region         the Region priced
     * @param prices         the price catalog used, name and version (with {@code +overrides} for a price file)
     * @param today          the date the lifecycle was read for, ISO-8601
     * @param traffic        requests per month of the suite
     * @param candidates     per candidate, in suite order
     * @param frontierBefore the frontier the run recorded
     * @param frontierAfter  the frontier at today's prices
     * @param before         the run's decision; null when the run had none (no incumbent)
     * @param after          the decision at today's prices; null when there is none
     * @param changed        whether the decision (the recommended candidate, or keeping the incumbent) changed
     * @param savingBefore   incumbent's monthly cost minus the recommendation's, as recorded; 0 when the incumbent was
     *                       kept, null when unknown
     * @param savingAfter    the same at today's prices
     * @param savingChange   savingAfter − savingBefore, null when either is unknown
     * @param switchImpact   at today's prices, the new recommendation's monthly cost minus the old one's (negative:
     *                       following the new recommendation saves that much); 0 when unchanged, null when unknown
     * @param decision       the full decision at today's prices, with a verdict per candidate; null when none
     * @param notes          what the figures do not cover, in words; empty when nothing
     */
    public record Result(String runId, String suite, String region, String prices, String today, long traffic,
                         List<Row> candidates, List<String> frontierBefore, List<String> frontierAfter,
                         Choice before, Choice after, boolean changed, BigDecimal savingBefore,
                         BigDecimal savingAfter, BigDecimal savingChange, BigDecimal switchImpact,
                         RunResult.Decision decision, List<String> notes) {
    }

    /**
     * One candidate, before and after.
     *
     * @param id            candidate id
     * @param model         its model id
     * @param incumbent     whether it is the incumbent
     * @param per1kBefore   production cost per 1,000 requests as recorded; null when unknown
     * @param per1kAfter    at today's prices; null when unknown
     * @param monthlyBefore per month at the suite's traffic as recorded; null when unknown
     * @param monthlyAfter  at today's prices; null when unknown
     * @param costUnknown   why the new cost is unknown, empty when known
     * @param priceSource   where today's price comes from, empty when there is none
     * @param lifecycle     {@code active}, {@code legacy}, {@code end-of-life} or {@code unknown} (not in the catalog)
     * @param lifecycleNote the catalog's dates in words, empty when Active
     * @param onFrontier    whether it is on the frontier at today's prices
     */
    public record Row(String id, String model, boolean incumbent, BigDecimal per1kBefore, BigDecimal per1kAfter,
                      BigDecimal monthlyBefore, BigDecimal monthlyAfter, String costUnknown, String priceSource,
                      String lifecycle, String lifecycleNote, boolean onFrontier) {
    }

    /**
     * A decision in short.
     *
     * @param recommendation the recommended candidate (the incumbent when it is kept)
     * @param keepIncumbent  whether no cheaper candidate qualified
     * @param reason         in words
     */
    public record Choice(String recommendation, boolean keepIncumbent, String reason) {
        static Choice of(RunResult.Decision d) {
            return d == null ? null : new Choice(d.recommendation(), d.keepIncumbent(), d.reason());
        }

        /** Whether {@code other} decides the same: the same candidate, and keeping the incumbent or not. */
        boolean sameAs(Choice other) {
            return other != null && java.util.Objects.equals(recommendation, other.recommendation)
                    && keepIncumbent == other.keepIncumbent;
        }
    }

    /**
     * Per-item quality per candidate as the record holds it; empty when the record lists only a sample of its items
     * (then {@link #quality(List, Map)} rebuilds it from the run store's scores).
     */
    public static Optional<Map<String, Map<String, Double>>> quality(RunResult run) {
        return run.itemSample().isPresent() ? Optional.empty() : Optional.of(Decisions.qualityByItem(run.items()));
    }

    /**
     * The Region a run was priced in: the Region of its price catalog ({@code bedrock-models/<region>}), else the
     * Region it called, else the catalog's default Region.
     */
    public static String regionOf(RunResult run) {
        RunResult.Provenance p = run.provenance();
        if (p == null) {
            return PriceCatalog.DEFAULT_REGION;
        }
        String catalog = p.priceCatalog() == null ? "" : p.priceCatalog();
        int slash = catalog.lastIndexOf('/');
        if (slash >= 0 && slash < catalog.length() - 1) {
            return catalog.substring(slash + 1);
        }
        return p.region() != null && !p.region().isEmpty() ? p.region() : PriceCatalog.DEFAULT_REGION;
    }

    /**
     * Per-item quality per candidate from stored scores, weighted as a run weighs them: the weighted mean of the
     * scorers with a weight that produced a value, capped at 1; no quality when none did.
     *
     * @param scorers the run's scorers, in suite order (their weights)
     * @param scores  score values by candidate id, item id, scorer id; a null value is a failed score
     */
    public static Map<String, Map<String, Double>> quality(List<RunResult.ScorerInfo> scorers,
                                                           Map<String, Map<String, Map<String, Double>>> scores) {
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        scores.forEach((candidate, items) -> items.forEach((item, values) -> {
            double sum = 0;
            double weights = 0;
            for (RunResult.ScorerInfo s : scorers) {
                Double v = values.get(s.id());
                if (s.weight() > 0 && v != null) {
                    sum += s.weight() * v;
                    weights += s.weight();
                }
            }
            if (weights > 0) {
                out.computeIfAbsent(candidate, k -> new LinkedHashMap<>()).put(item, Math.min(1.0, sum / weights));
            }
        }));
        return out;
    }

    /**
     * Re-prices {@code run} with {@code prices} and decides again on {@code quality} (per candidate, per item).
     *
     * @param catalog the model catalog, for lifecycles
     * @param today   the date lifecycles are read for
     */
    public static Result of(RunResult run, Map<String, Map<String, Double>> quality, PriceCatalog prices,
                            Catalog catalog, LocalDate today, String region) {
        Objects.requireNonNull(run.provenance(), "provenance");
        List<RunResult.CandidateResult> repriced = new ArrayList<>();
        Map<String, String> unknown = new LinkedHashMap<>();
        Map<String, String> sources = new LinkedHashMap<>();
        for (RunResult.CandidateResult c : run.candidates()) {
            Optional<ModelFacts> facts = catalog.model(c.model());
            Optional<ModelPrice> price = prices.find(c.model(), settingsOf(c));
            price.ifPresent(p -> sources.put(c.id(), p.source() + (p.asOf().isEmpty() || p.source().contains(p.asOf())
                    ? "" : ", " + p.asOf())));
            Optional<Cost> routed = routed(c, prices);
            Cost cost = routed.orElseGet(() -> production(c, price, prices.name()));
            if (routed.isPresent()) {
                sources.put(c.id(), "the price of each model the router served, by the run's shares ("
                        + String.join(", ", c.servedBy().keySet()) + "; tokens split as the calls were)");
            }
            if (routed.isEmpty() && price.isEmpty() && c.costPer1k().isPresent()) {
                // a model today's prices do not cover (a custom model's serving ARN, an application inference profile
                // priced by a suite override): the run's own figure stands rather than an unknown that would change
                // the decision by itself
                cost = Cost.usd(c.costPer1k().get().multiply(BigDecimal.valueOf(c.calls() - c.failedCalls()))
                        .divide(THOUSAND));
                sources.put(c.id(), "as recorded by the run (no price for " + c.model() + " in " + prices.name()
                        + "; a price file can give one)");
            }
            if (!c.incumbent() && facts.isPresent() && facts.get().lifecycle().endedBy(today)) {
                cost = new Cost.Unknown(facts.get().name() + " reached its end of life on "
                        + facts.get().lifecycle().endOfLife().orElseThrow() + ": it can no longer be called");
            }
            BigDecimal per1k = null;
            BigDecimal monthly = null;
            String why = "";
            if (cost instanceof Cost.Known k) {
                per1k = k.usd().multiply(THOUSAND).divide(BigDecimal.valueOf(c.calls() - c.failedCalls()), 6,
                        RoundingMode.HALF_EVEN);
                if (run.traffic() > 0) {
                    monthly = per1k.multiply(BigDecimal.valueOf(run.traffic())).divide(THOUSAND, 2,
                            RoundingMode.HALF_EVEN);
                }
            } else {
                why = ((Cost.Unknown) cost).reason();
            }
            unknown.put(c.id(), why);
            repriced.add(c.toBuilder().costPer1k(Optional.ofNullable(per1k))
                    .monthlyCost(Optional.ofNullable(monthly)).costUnknown(why).onFrontier(false).build());
        }
        List<ParetoFrontier.Point> points = new ArrayList<>();
        for (RunResult.CandidateResult c : repriced) {
            if (c.costPer1k().isPresent() && c.quality().isPresent()) {
                points.add(new ParetoFrontier.Point(c.id(), c.costPer1k().get().doubleValue(),
                        c.quality().get().mean()));
            }
        }
        List<String> frontier = ParetoFrontier.of(points);
        List<RunResult.CandidateResult> candidates = repriced.stream().map(c -> frontier.contains(c.id())
                ? c.toBuilder().onFrontier(true).build() : c).toList();
        // a sequential run's looks decided each candidate's non-inferiority on the items it answered: kept as decided
        RunResult.Decision decision = Decisions.decide(Decisions.Basis.of(run), Decisions.SliceBasis.of(run),
                candidates, quality, run.sequential().map(SequentialLooks::readings).orElse(Map.of()))
                .decision().orElse(null);

        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            RunResult.CandidateResult old = run.candidates().get(i);
            RunResult.CandidateResult now = candidates.get(i);
            Optional<ModelFacts> facts = catalog.model(now.model());
            String life = facts.isEmpty() ? "unknown" : facts.get().lifecycle().endedBy(today) ? "end-of-life"
                    : facts.get().lifecycle().status() == ModelFacts.Status.LEGACY ? "legacy" : "active";
            String note = facts.isEmpty() || life.equals("active") ? "" : facts.get().lifecycle().describe();
            rows.add(new Row(now.id(), now.model(), now.incumbent(), old.costPer1k().orElse(null),
                    now.costPer1k().orElse(null), old.monthlyCost().orElse(null), now.monthlyCost().orElse(null),
                    unknown.get(now.id()), sources.getOrDefault(now.id(), ""),
                    life, note, now.onFrontier()));
        }
        Choice before = Choice.of(run.decision().orElse(null));
        Choice after = Choice.of(decision);
        boolean changed = before == null ? after != null : !before.sameAs(after);
        BigDecimal savingBefore = saving(run.decision().orElse(null), run.candidates());
        BigDecimal savingAfter = saving(decision, candidates);
        BigDecimal impact = null;
        if (!changed) {
            impact = BigDecimal.ZERO.setScale(2);
        } else if (before != null && after != null) {
            BigDecimal oldPick = monthly(candidates, before.recommendation());
            BigDecimal newPick = monthly(candidates, after.recommendation());
            impact = oldPick == null || newPick == null ? null : newPick.subtract(oldPick);
        }
        List<String> notes = new ArrayList<>();
        String recorded = run.provenance().priceCatalogVersion();
        if (recorded != null && recorded.endsWith("+overrides")) {
            // PriceCatalog.with marks a catalog with a suite's overrides; the record does not keep the overrides
            notes.add("the run was priced with its suite's pricing.overrides, which the run record does not keep: "
                    + "prices they set are the catalog's here unless a price file gives them again");
        }
        if (run.itemSample().isPresent()) {
            notes.add("the record lists a sample of its items; the decision uses every item's stored scores");
        }
        return new Result(run.runId(), run.suite(), region, prices.name() + " " + prices.version(), today.toString(),
                run.traffic(), rows, run.pareto(), frontier, before, after, changed, savingBefore, savingAfter,
                savingBefore == null || savingAfter == null ? null : savingAfter.subtract(savingBefore), impact,
                decision, List.copyOf(notes));
    }

    /**
     * A prompt router's on-demand cost: its summed usage split among the models that served it in proportion to
     * the calls each served (the record keeps the shares, not each model's tokens), each part at its model's price,
     * as Bedrock bills each routed request as the model that served it. Empty for a candidate that is not a router,
     * or when a served model has no price here.
     */
    private static Optional<Cost> routed(RunResult.CandidateResult c, PriceCatalog prices) {
        if (c.servedBy().isEmpty() || c.calls() - c.failedCalls() <= 0) {
            return Optional.empty();
        }
        RunResult.Usage u = c.usage();
        Cost total = Cost.ZERO;
        Map<String, Double> shares = new LinkedHashMap<>(c.servedBy());
        double rest = 1 - shares.values().stream().mapToDouble(Double::doubleValue).sum();
        if (rest > 1e-9) {
            // answers that named no served model (kept by an older store): at the router's own price, the dearest
            shares.put(c.model(), rest);
        }
        for (Map.Entry<String, Double> e : shares.entrySet()) {
            Optional<ModelPrice> p = prices.find(e.getKey());
            if (p.isEmpty()) {
                return Optional.empty();
            }
            double share = e.getValue();
            total = total.plus(p.get().cost(new TokenUsage(Math.round(u.inputTokens() * share),
                    Math.round(u.outputTokens() * share), Math.round(u.cacheReadInputTokens() * share),
                    Math.round(u.cacheWriteInputTokens() * share)), ModelPrice.Mode.ON_DEMAND));
        }
        return Optional.of(total);
    }

    /** On-demand cost of the candidate's summed usage; the usage of successful calls is what a run records. */
    private static Cost production(RunResult.CandidateResult c, Optional<ModelPrice> price, String priced) {
        int ok = c.calls() - c.failedCalls();
        if (ok <= 0) {
            return new Cost.Unknown("no successful call to measure usage");
        }
        if (price.isEmpty()) {
            return new Cost.Unknown("no price for " + c.model() + " in " + priced + " (a price file can give one)");
        }
        RunResult.Usage u = c.usage();
        return price.get().cost(new TokenUsage(u.inputTokens(), u.outputTokens(), u.cacheReadInputTokens(),
                u.cacheWriteInputTokens()), ModelPrice.Mode.ON_DEMAND);
    }

    /** The incumbent's monthly cost minus the recommendation's; 0 when the incumbent is kept; null when unknown. */
    private static BigDecimal saving(RunResult.Decision d, List<RunResult.CandidateResult> candidates) {
        if (d == null || !d.decided()) {
            return null;
        }
        if (d.keepIncumbent()) {
            return BigDecimal.ZERO.setScale(2);
        }
        BigDecimal incumbent = candidates.stream().filter(RunResult.CandidateResult::incumbent).findFirst()
                .flatMap(RunResult.CandidateResult::monthlyCost).orElse(null);
        BigDecimal pick = monthly(candidates, d.recommendation());
        return incumbent == null || pick == null ? null : incumbent.subtract(pick);
    }

    private static BigDecimal monthly(List<RunResult.CandidateResult> candidates, String id) {
        return candidates.stream().filter(c -> c.id().equals(id)).findFirst()
                .flatMap(RunResult.CandidateResult::monthlyCost).orElse(null);
    }

    /**
     * The request settings a recorded candidate was priced under: the tier that served most of its calls (else the
     * one asked for), latency-optimized when asked for and served so, and the cache TTL; reasoning does not change
     * prices (its tokens are output tokens).
     */
    static CallSettings settingsOf(RunResult.CandidateResult c) {
        return c.settings().map(s -> {
            String tier = s.servedTiers().isEmpty() ? s.serviceTier() : s.servedTiers().keySet().iterator().next();
            boolean optimized = s.latencyOptimized() && (s.servedOptimized() == null || s.servedOptimized() >= 0.5);
            return new CallSettings(CallSettings.ServiceTier.parse(tier), optimized, Optional.empty(),
                    s.cacheTtl().isEmpty() ? Optional.<String>empty() : Optional.of(s.cacheTtl()));
        }).orElse(CallSettings.NONE);
    }
}
