/**
 * The last stage of a run: the answers become the run's figures, its Pareto frontier, its statistical decision and
 * its consumption plans ({@link dev.frontier.run.aggregate.Aggregation} is the front door); a stored run re-priced and
 * decided again by the same code ({@link dev.frontier.run.aggregate.Recheck}).
 */
package dev.frontier.run.aggregate;
