/**
 * The first stage of a run: a suite is checked against its dataset, the model catalog, the price catalog and the
 * scorer registry, every problem gathered with its file and position ({@link
 * dev.frontier.run.prepare.SuitePreparation#prepare} is the front door, giving a {@link
 * dev.frontier.run.prepare.PreparedSuite}); what a request of a candidate is ({@link
 * dev.frontier.run.prepare.Requests}) and costs at most ({@link dev.frontier.run.prepare.WorstCase}); the cost of a
 * run before anything is spent ({@link dev.frontier.run.prepare.Estimator}).
 */
package dev.frontier.run.prepare;
