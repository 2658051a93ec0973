package dev.frontier.maven;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code frontier:run} (bound to {@code verify}): runs a suite, writes its report, and checks its gates. A failed gate
 * fails the build with the gate's evidence; bad input (a suite or dataset problem, named by file and line) and
 * provider errors end it as errors. The run's {@code results.json} is copied to {@code results}, its gates' JUnit
 * XML to {@code junitDirectory}.
 */
@Mojo(name = "run", defaultPhase = LifecyclePhase.VERIFY)
public class RunMojo extends FrontierMojo {

    /** The suite file (YAML). */
    @Parameter(property = "frontier.suite", required = true)
    File suite;

    /** Runs against the local simulated Bedrock endpoint: no credentials, no network, simulated models. */
    @Parameter(property = "frontier.sandbox", defaultValue = "false")
    boolean sandbox;

    /** The run to compare with for regression gates: a run id in the store, or a results.json (e.g. main's). */
    @Parameter(property = "frontier.baseline")
    String baseline;

    /** More options for {@code frontier run}, one per element, e.g. {@code --budget}, {@code 5}, {@code --no-cache}. */
    @Parameter
    List<String> arguments;

    @Override
    void run() throws MojoExecutionException, MojoFailureException {
        List<String> args = new ArrayList<>(List.of(suite.getAbsolutePath(), "--progress", "plain", "--gate"));
        if (sandbox) {
            args.add("--sandbox");
        }
        if (baseline != null && !baseline.isBlank()) {
            args.add("--baseline");
            args.add(runOrResults(baseline));
        }
        args.addAll(storage());
        args.addAll(scorerCode());
        if (arguments != null) {
            args.addAll(arguments);
        }
        Cli.Outcome outcome = Cli.execute(getLog(), command("run", args));
        if (outcome.exit() <= 1) {
            // the report is written before the gates are checked: publish both, whatever the verdict
            Optional<String> report = outcome.lastValue("report: ");
            if (report.isPresent()) {
                Path folder = Path.of(report.get()).getParent();
                copy(folder.resolve("results.json"), results.toPath());
                getLog().info("frontier: results of the run: " + results);
                if (Files.isRegularFile(folder.resolve("junit.xml"))) {
                    publishJunit(folder.resolve("junit.xml"));
                }
            }
        }
        outcome.requireSuccess(GateMojo.VERDICT);
    }
}
