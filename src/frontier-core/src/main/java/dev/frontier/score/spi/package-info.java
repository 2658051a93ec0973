/**
 * The scorer plug-in interface: {@link dev.frontier.score.spi.ScorerPlugin} is what a plug-in jar implements, and
 * {@link dev.frontier.score.spi.ScorerPlugins} finds the installed ones with {@link java.util.ServiceLoader}. The
 * registry ({@link dev.frontier.score.ScorerRegistry#withPlugins}) makes them usable as {@code type: plugin}.
 */
package dev.frontier.score.spi;
