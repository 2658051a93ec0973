/**
 * Money: the versioned price catalog (each entry with its source and date), suite overrides, the turning of token
 * usage into dollars, and the consumption plans (on-demand, batch, prompt caching, provisioned throughput) of a
 * candidate at the suite's traffic. Pure: the bundled catalog is read from the class path, nothing else is read.
 * The front doors are {@link dev.frontier.cost.PriceCatalog} and {@link dev.frontier.cost.ConsumptionPlans}.
 */
package dev.frontier.cost;
