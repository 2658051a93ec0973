/**
 * The command line: picocli commands over the engines, the exit-code mapper ({@link dev.frontier.cli.Exit}) and
 * the composition root. The only package that reads the environment and wires the object graph.
 * {@link dev.frontier.cli.Main#run} returns the exit code and is what tests call.
 */
package dev.frontier.cli;
