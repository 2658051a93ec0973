/**
 * The model catalog: one versioned data file ({@code /catalog/bedrock-models.json}) holding, per Bedrock model and
 * Region, how the model is called (bare id on demand, or only through a system inference profile), its
 * capabilities (prompt caching with its limits, structured output, batch, the largest {@code maxTokens}), its
 * lifecycle and its prices, every fact with a source and date. {@code validate}, pricing, distillation pairs and the
 * sandbox all read it; nothing else in the code hard-codes a model fact.
 *
 * <p>Front door: {@link dev.frontier.catalog.Catalog#bundled()}; identifiers are read by
 * {@link dev.frontier.catalog.ModelId#parse(String)}; an account's listing of a Region is compared with the catalog
 * by {@link dev.frontier.catalog.AccountComparison#compare}.
 */
package dev.frontier.catalog;
