package dev.frontier.cli;

import dev.frontier.score.ScorerRegistry;
import dev.frontier.score.spi.ScorerPlugins;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Whether a suite's scorers may run code, and where scorer plug-ins come from; shared by the commands that load a
 * suite. Suite files arrive in pull requests, so a {@code command} or {@code plugin} scorer runs only when the person
 * (or the CI job) running frontier allows it.
 */
final class ScorerCode {
    /** The environment variable that allows scorer code, for CI: {@code true} allows it. */
    static final String ENV = "FRONTIER_ALLOW_SCORER_CODE";

    @Option(names = "--allow-scorer-code",
            description = "run the suite's command and plug-in scorers (programs named in the suite file); also "
                    + "allowed by " + ENV + "=true")
    boolean allow;

    @Option(names = "--plugins", paramLabel = "DIR",
            description = "load scorer plug-ins from every jar in DIR (besides those on the class path)")
    Path plugins;

    /** Whether scorer code may run: the flag, or the environment variable set to {@code true}. */
    boolean allowed() {
        return allowed(allow, System.getenv(ENV));
    }

    static boolean allowed(boolean flag, String env) {
        return flag || (env != null && env.strip().equalsIgnoreCase("true"));
    }

    /** The scorer registry with the installed plug-ins; exit 2 when a plug-in cannot be loaded. */
    ScorerRegistry registry() {
        try {
            return ScorerRegistry.standard().withPlugins(ScorerPlugins.load(Optional.ofNullable(plugins)));
        } catch (IllegalArgumentException e) {
            throw new CliFailure(Exit.INVALID_INPUT, e.getMessage());
        }
    }
}
