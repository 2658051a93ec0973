/**
 * Datasets: JSONL and CSV readers, the seeded holdout split and the content hash. The front door is
 * {@link dev.frontier.dataset.DatasetReader}; bad rows are reported with file and line, all of them at once.
 */
package dev.frontier.dataset;
