/**
 * Choosing between candidates: the cost-vs-quality Pareto frontier. The front door is
 * {@link dev.frontier.select.ParetoFrontier}.
 */
package dev.frontier.select;
