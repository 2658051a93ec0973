/**
 * Suite files: YAML to immutable {@code *Spec} records. The front door is {@link dev.frontier.config.SuiteLoader};
 * it gathers every problem with its {@code file:line:col} instead of stopping at the first.
 * Checks that need the dataset or the scorer registry are made later, by the runner, with the locations
 * recorded here.
 */
package dev.frontier.config;
