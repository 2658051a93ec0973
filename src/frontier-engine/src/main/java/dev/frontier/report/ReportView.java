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
}
