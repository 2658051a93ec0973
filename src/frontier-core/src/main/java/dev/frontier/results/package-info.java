/**
 * The results document: everything a run found ({@link dev.frontier.results.RunResult}), as written to
 * {@code results.json} and read back by {@link dev.frontier.results.ResultsJson}. Reports, gates and re-renders read
 * only this; it depends on nothing but the model.
 */
package dev.frontier.results;
