/**
 * The second stage of a run: every candidate answers every item, on demand or in Bedrock batch inference jobs, each
 * answer priced, scored and committed to the run store as it arrives ({@link
 * dev.frontier.run.execute.CandidateExecution} is the front door). Also the response cache as a run uses it ({@link
 * dev.frontier.run.execute.CachedResponses}), the batch job mechanics the review's judges share ({@link
 * dev.frontier.run.execute.BatchJobRounds}) and the writer lease of a run ({@link
 * dev.frontier.run.execute.WriterLease}).
 */
package dev.frontier.run.execute;
