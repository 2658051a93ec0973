package dev.frontier.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** {@code frontier:report}: re-renders a run's report (report.html, results.json, summary.md) from the run store. */
@Mojo(name = "report")
public class ReportMojo extends FrontierMojo {

    /** The run: a run id in the store or a results.json; default: the last run of the {@code run} goal. */
    @Parameter(property = "frontier.run")
    String run;

    @Override
    void run() throws MojoExecutionException, MojoFailureException {
        List<String> args = new ArrayList<>(List.of(runOrResults(run)));
        args.addAll(storage());
        Cli.execute(getLog(), command("report", args)).requireSuccess(line -> false);
    }
}
