/**
 * Orchestration: a run in four stages, each a package with its own front door, and {@link dev.frontier.run.Runner}
 * the front door of the whole. {@code prepare} checks a suite against its dataset, catalogs and scorer registry
 * ({@link dev.frontier.run.prepare.SuitePreparation}) and estimates its cost; {@code execute} has every candidate
 * answer every item ({@link dev.frontier.run.execute.CandidateExecution}: on demand or in batch jobs, each answer
 * scored, priced and committed to the run store as it arrives); {@code review} scores what needs the whole run
 * (judges and human labels, {@link dev.frontier.run.review.ReviewPhase}); {@code aggregate} turns the answers into
 * the figures and the decision of a {@link dev.frontier.results.RunResult} ({@link
 * dev.frontier.run.aggregate.Aggregation}). Each stage uses only the ones before it and the types in {@code flow};
 * none uses this package.
 */
package dev.frontier.run;
