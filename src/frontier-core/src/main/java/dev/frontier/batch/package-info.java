/**
 * Bedrock batch inference without I/O to AWS: the JSONL records ({@link BatchRecords}: Converse bodies keyed by
 * {@code recordId}, split at Bedrock's per-file limits by {@link RecordSplitter}), the output records
 * ({@link BatchOutput}: one {@code *.jsonl.out} line back to a completion or an error), the job's
 * {@code manifest.json.out} checked against the records ({@link Manifest}) and the job statuses
 * ({@link JobStatus}). The control-plane and S3 calls live in {@code invoke}; the orchestration in {@code run}.
 */
package dev.frontier.batch;
