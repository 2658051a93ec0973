/**
 * Reports: a view model over a {@link dev.frontier.results.RunResult} rendered by FreeMarker into a self-contained
 * {@code report.html} and {@code summary.md}. The front door is {@link dev.frontier.report.ReportWriter}; the only
 * home of FreeMarker.
 *
 * <p>{@link dev.frontier.report.ReportView} is everything the templates read: the {@link dev.frontier.report.Verdict}
 * shown first (today from {@link dev.frontier.report.HeuristicVerdict}; swap the one call in
 * {@code ReportWriter.render} to use another source), per-candidate rows, the {@link dev.frontier.report.ParetoChart}
 * geometry and the item explorer's data ({@code ExplorerData}). Every model output and dataset string is untrusted:
 * the HTML output format escapes every interpolation, the explorer's JSON has no {@code <}, {@code >} or {@code &},
 * the page's script sets item text only with {@code textContent}, and the Content-Security-Policy allows that one
 * script by its hash and nothing from the network.
 */
package dev.frontier.report;
