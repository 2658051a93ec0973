/**
 * The frontier Maven plugin: the goals {@code validate}, {@code run} (bound to {@code verify}), {@code gate},
 * {@code report} and {@code recheck}, each a thin adapter that runs the matching frontier command in process
 * ({@code dev.frontier.cli.Main.run}) through {@code Cli}, logs its output and maps its exit code to the build's
 * outcome. Everything is written under {@code target/frontier/} by default.
 */
package dev.frontier.maven;
