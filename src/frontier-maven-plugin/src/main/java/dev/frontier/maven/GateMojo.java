package dev.frontier.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code frontier:gate}: checks a stored run's gates (thresholds, and regressions against a baseline) without calling
 * a model. A failed gate fails the build with its evidence; the JUnit XML is copied to {@code junitDirectory}.
 */
@Mojo(name = "gate", defaultPhase = LifecyclePhase.VERIFY)
public class GateMojo extends FrontierMojo {

    /** The lines of {@code frontier gate}'s output that say why it failed: each failed gate, and the tally. */
    static final Predicate<String> VERDICT = line -> line.startsWith("failed ") || line.startsWith("gates FAILED");

    /** The run to check: a run id in the store or a results.json; default: the last run of the {@code run} goal. */
    @Parameter(property = "frontier.run")
    String run;

    /** The run to compare with for regression gates: a run id in the store, or a results.json (e.g. main's). */
    @Parameter(property = "frontier.baseline")
    String baseline;

    @Override
    void run() throws MojoExecutionException, MojoFailureException {
        List<String> args = new ArrayList<>(List.of(runOrResults(run)));
        if (baseline != null && !baseline.isBlank()) {
            args.add("--baseline");
            args.add(runOrResults(baseline));
        }
        args.addAll(storage());
        Cli.Outcome outcome = Cli.execute(getLog(), command("gate", args));
        if (outcome.exit() <= 1) {
            // "gates passed: 2 passed, 0 failed, 0 skipped — <folder>/junit.xml"
            Optional<String> tally = outcome.lastValue("gates ");
            int dash = tally.map(t -> t.lastIndexOf(" — ")).orElse(-1);
            if (dash >= 0) {
                publishJunit(Path.of(tally.get().substring(dash + 3).strip()));
            }
        }
        outcome.requireSuccess(VERDICT);
    }
}
