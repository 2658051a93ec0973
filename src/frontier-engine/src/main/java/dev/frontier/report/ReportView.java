package dev.frontier.report;

import dev.frontier.results.RunResult;
import dev.frontier.results.RunResult.CandidateResult;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything the templates read, derived from a {@link RunResult} and a {@link Verdict}: nothing else reaches
 * a report, so no environment value or credential can appear in one.
 *
 * @param r              the run
 * @param verdict        the recommendation shown first
 * @param incumbent      the incumbent's row, null when none is declared
 * @param recommendation the recommended candidate's row, null when there is none
 * @param rows           one per candidate, in suite order
 * @param chart          the cost-vs-quality chart
 * @param confidence     the intervals' coverage as a percentage, e.g. "95%"
 * @param itemsJson      the explorer's data (see {@link ExplorerData}); safe inside a script element
 * @param itemsEmbedded  how many items the explorer carries
 * @param itemsOmitted   how many items were left out of the page for size (they are in results.json)
 * @param fallbackItems  the first items, rendered as HTML for readers without scripts
 * @param pageSize       items per explorer page
 */
public record ReportView(RunResult r, Verdict verdict, CandidateRow incumbent, CandidateRow recommendation,
                         List<CandidateRow> rows, ParetoChart chart, String confidence, String itemsJson,
                         int itemsEmbedded, int itemsOmitted, List<RunResult.ItemResult> fallbackItems,
                         int pageSize) {

    /** Most candidate outputs embedded in one page (e.g. 50,000 items × 5 candidates); the rest stay in results.json. */
    static final int MAX_OUTPUTS_IN_HTML = 250_000;
    static final int PAGE_SIZE = 50;
    static final int FALLBACK_ITEMS = 10;
    /** With more candidates than this, the explorer starts with the incumbent, the recommendation and the frontier. */
    static final int COMPARE_ALL_UP_TO = 6;

    static ReportView of(RunResult r, Verdict verdict) {
        CandidateResult inc = r.candidates().stream().filter(CandidateResult::incumbent).findFirst().orElse(null);
        BigDecimal spend = r.evalSpend().usd();
        boolean all = r.candidates().size() <= COMPARE_ALL_UP_TO;
        List<CandidateRow> rows = new ArrayList<>();
        CandidateRow incRow = null;
        CandidateRow recRow = null;
        for (CandidateResult c : r.candidates()) {
            boolean recommended = c.id().equals(verdict.recommendationId());
            BigDecimal delta = inc == null ? null
                    : c.monthlyCost().flatMap(m -> inc.monthlyCost().map(m::subtract)).orElse(null);
            Double share = spend == null || spend.signum() == 0 ? null
                    : c.evalSpend().map(s -> s.divide(spend, MathContext.DECIMAL64).doubleValue()).orElse(null);
            boolean compared = all || c.incumbent() || recommended || c.onFrontier();
            CandidateRow row = new CandidateRow(c, recommended, verdict.noteFor(c.id()), delta, share, compared);
            rows.add(row);
            if (c == inc) {
                incRow = row;
            }
            if (recommended) {
                recRow = row;
            }
        }
        List<RunResult.ItemResult> items = r.items();
        int cap = MAX_OUTPUTS_IN_HTML / Math.max(1, r.candidates().size());
        List<RunResult.ItemResult> embedded = items.size() > cap ? items.subList(0, cap) : items;
        return new ReportView(r, verdict, incRow, recRow, List.copyOf(rows), ParetoChart.of(r, verdict),
                Formats.pct(r.provenance().confidence()), ExplorerData.json(r, verdict, embedded), embedded.size(),
                items.size() - embedded.size(), embedded.subList(0, Math.min(FALLBACK_ITEMS, embedded.size())),
                PAGE_SIZE);
    }

    /** Whether the suite declares production traffic, so that monthly figures exist. */
    public boolean hasTraffic() {
        return r.traffic() > 0;
    }

    /** The incumbent's cost per 1,000 requests minus the recommendation's; null when there is no recommendation. */
    public BigDecimal savingPer1k() {
        if (incumbent == null || recommendation == null || incumbent.c().costPer1k().isEmpty()
                || recommendation.c().costPer1k().isEmpty()) {
            return null;
        }
        return Known.cost(incumbent.c()).subtract(Known.cost(recommendation.c()));
    }

    /** The frontier's ids, cheapest first. */
    public List<String> frontier() {
        return r.pareto();
    }

    /**
     * A row of the candidates table, grouped by model.
     *
     * @param row   the candidate
     * @param first whether it is the first of its model's group
     * @param size  how many candidates its model's group holds
     */
    public record GroupedRow(CandidateRow row, boolean first, int size) {
    }

    /**
     * The candidates table's rows: the candidates of one model together (a request-settings or prompt variant right
     * below the first candidate of its model), the models in the order they first appear in the suite.
     */
    public List<GroupedRow> candidateRows() {
        java.util.Map<String, List<CandidateRow>> byModel = new java.util.LinkedHashMap<>();
        rows.forEach(row -> byModel.computeIfAbsent(row.c().model(), k -> new ArrayList<>()).add(row));
        List<GroupedRow> out = new ArrayList<>();
        byModel.values().forEach(group -> {
            for (int i = 0; i < group.size(); i++) {
                out.add(new GroupedRow(group.get(i), i == 0, group.size()));
            }
        });
        return out;
    }

    /** The tiers it was served at when they differ from the one asked for, in words; "" otherwise. */
    public String servedTiers(CandidateResult c) {
        if (c.settings().isEmpty() || c.settings().get().servedTiers().isEmpty()) {
            return "";
        }
        RunResult.Settings s = c.settings().get();
        String asked = wire(s.serviceTier());
        java.util.Map<String, Double> served = s.servedTiers();
        if (served.size() == 1 && wire(served.keySet().iterator().next()).equals(asked)) {
            return "";
        }
        StringBuilder out = new StringBuilder("served: ");
        served.entrySet().stream().sorted(java.util.Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> out.append(out.length() > "served: ".length() ? ", " : "")
                        .append(Formats.pct(e.getValue())).append(' ').append(label(e.getKey())));
        return out.toString();
    }

    private static String wire(String tier) {
        return dev.frontier.model.CallSettings.ServiceTier.parse(tier)
                .map(dev.frontier.model.CallSettings.ServiceTier::wire).orElse(tier);
    }

    private static String label(String tier) {
        return dev.frontier.model.CallSettings.ServiceTier.parse(tier)
                .map(dev.frontier.model.CallSettings.ServiceTier::label).orElse(tier);
    }

    /** The service-tier plans some candidate has (flex, priority, reserved), in that order. */
    public List<String> tierKinds() {
        return java.util.stream.Stream.of("flex", "priority", "reserved")
                .filter(k -> r.plans().stream().anyMatch(cp -> cp.plans().stream().anyMatch(p -> p.kind().equals(k))))
                .toList();
    }

    /** Whether any candidate has a client-cache plan (a suite that prices a client cache on its traffic profile). */
    public boolean hasClientCachePlans() {
        return r.plans().stream().anyMatch(cp -> cp.plans().stream().anyMatch(p -> p.kind().equals("client cache")));
    }

    /** The plan kinds the plans table shows, in its column order. */
    public List<String> planKinds() {
        List<String> kinds = new java.util.ArrayList<>(List.of("on-demand", "batch", "prompt caching"));
        if (hasClientCachePlans()) {
            kinds.add("client cache");
        }
        kinds.add("provisioned throughput");
        kinds.addAll(tierKinds());
        return kinds;
    }

    /** Whether any plan states a latency (records before service tiers did not). */
    public boolean plansHaveLatency() {
        return r.plans().stream().anyMatch(cp -> cp.plans().stream().anyMatch(p -> p.latency() != null));
    }

    /** The candidates that are prompt variants with a baseline, in suite order. */
    public List<CandidateResult> promptVariants() {
        return r.candidates().stream().filter(c -> c.promptSaving().isPresent()).toList();
    }
}
