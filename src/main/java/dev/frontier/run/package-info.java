/**
 * Orchestration: a suite is checked against its dataset and the scorer registry
 * ({@link dev.frontier.run.SuitePreparation}), then every candidate answers every item, each answer is scored,
 * priced and committed to the run store as it arrives, and the figures are aggregated into a
 * {@link dev.frontier.results.RunResult} ({@link dev.frontier.run.Runner} is the front door).
 */
package dev.frontier.run;
