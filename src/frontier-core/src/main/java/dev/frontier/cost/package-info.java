/**
 * Money: the versioned price catalog (each entry with its source and date), suite overrides, and the turning
 * of token usage into dollars. Pure: the bundled catalog is read from the class path, nothing else is read.
 * The front door is {@link dev.frontier.cost.PriceCatalog}.
 *
 * <p>{@link dev.frontier.cost.ConsumptionPlans} prices a candidate's measured usage under each consumption option
 * (on-demand, batch, prompt caching, provisioned throughput) at the suite's traffic and names the cheapest.
 */
package dev.frontier.cost;
