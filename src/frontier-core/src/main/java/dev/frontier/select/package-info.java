/**
 * Choosing between candidates: the cost-vs-quality Pareto frontier ({@link dev.frontier.select.ParetoFrontier}),
 * which frontier candidates cannot be told apart ({@link dev.frontier.select.Distinguishability}), and the
 * qualification of cheaper candidates against the incumbent with the recommendation
 * ({@link dev.frontier.select.Qualification}, the front door for decisions).
 */
package dev.frontier.select;
