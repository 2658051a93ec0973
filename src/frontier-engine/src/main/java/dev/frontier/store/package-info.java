/**
 * The run store: SQLite ({@link dev.frontier.store.RunStore}) with runs, per-item outputs, usage, scores, jobs and
 * the response cache. The portable {@code results.json} document is {@link dev.frontier.results}.
 */
package dev.frontier.store;
