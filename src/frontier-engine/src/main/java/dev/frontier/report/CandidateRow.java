package dev.frontier.report;

import dev.frontier.results.RunResult.CandidateResult;
import java.math.BigDecimal;

/**
 * A candidate as the report shows it: its stored figures and what the report derives from them.
 *
 * @param c            the stored figures
 * @param recommended  whether the verdict recommends it
 * @param note         why it is or is not the recommendation
 * @param monthlyDelta its monthly cost minus the incumbent's (negative when cheaper); null when either is unknown
 *                     or there is no incumbent
 * @param spendShare   its share of the run's eval spend; null when unknown
 * @param compared     whether the item explorer shows it side by side by default
 */
public record CandidateRow(CandidateResult c, boolean recommended, String note, BigDecimal monthlyDelta,
                           Double spendShare, boolean compared) {
}
