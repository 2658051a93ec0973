package dev.frontier.maven;

import java.io.File;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code frontier:validate}: checks a suite and its dataset, every model against the model catalog; spends nothing.
 * Every problem is logged as file:line:col and the build ends with them.
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VALIDATE)
public class ValidateMojo extends FrontierMojo {

    /** The suite file (YAML). */
    @Parameter(property = "frontier.suite", required = true)
    File suite;

    @Override
    void run() throws MojoExecutionException, MojoFailureException {
        Cli.execute(getLog(), command("validate",
                java.util.stream.Stream.concat(java.util.stream.Stream.of(suite.getAbsolutePath()),
                        scorerCode().stream()).toList())).requireSuccess(line -> false);
    }
}
