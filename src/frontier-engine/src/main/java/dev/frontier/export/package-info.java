/**
 * A stored run as rows for analysis elsewhere (pandas, a notebook, a spreadsheet): one row per candidate and item,
 * streamed from the run store in JSON Lines or CSV. The front door is {@link dev.frontier.export.RunExport}; the
 * column names are {@link dev.frontier.export.RunExport#COLUMNS} and the per-scorer ones.
 */
package dev.frontier.export;
