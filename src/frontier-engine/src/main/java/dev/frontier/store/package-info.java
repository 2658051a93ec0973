/**
 * The run record: the SQLite run store ({@link dev.frontier.store.RunStore}) and the portable
 * {@code results.json} document ({@link dev.frontier.store.RunResult}, read and written by
 * {@link dev.frontier.store.ResultsJson}).
 */
package dev.frontier.store;
