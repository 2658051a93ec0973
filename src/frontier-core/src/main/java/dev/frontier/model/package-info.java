/**
 * Pure value types shared by every other package: dataset items, prompt templates, model calls and
 * their results, token usage, scores and run identifiers. JDK only; no I/O, no clock, no randomness.
 */
package dev.frontier.model;
