/**
 * Reports: a view model over a {@link dev.frontier.store.RunResult} rendered by FreeMarker into a self-contained
 * {@code report.html} (no scripts or styles from the network; every model output and dataset string escaped by
 * the template engine's HTML output format) and {@code summary.md}. The front door is
 * {@link dev.frontier.report.ReportWriter}; the only home of FreeMarker.
 */
package dev.frontier.report;
