package dev.frontier.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code frontier:recheck}: re-prices a stored run with today's model catalog (or a price file) and decides again,
 * without a model call. A changed decision fails the build (for a scheduled job), with the decision before and now.
 */
@Mojo(name = "recheck")
public class RecheckMojo extends FrontierMojo {

    /** The run: a run id in the store, or a results.json naming one; default: the last run of the {@code run} goal. */
    @Parameter(property = "frontier.run")
    String run;

    /** JSON prices that replace the catalog's for some models. */
    @Parameter(property = "frontier.prices")
    File prices;

    /** The day (YYYY-MM-DD) to read model lifecycles for; default today (UTC). */
    @Parameter(property = "frontier.date")
    String date;

    @Override
    void run() throws MojoExecutionException, MojoFailureException {
        List<String> args = new ArrayList<>(List.of(runId(run)));
        if (prices != null) {
            args.add("--prices");
            args.add(prices.getAbsolutePath());
        }
        if (date != null && !date.isBlank()) {
            args.add("--date");
            args.add(date.strip());
        }
        args.addAll(storage());
        Cli.execute(getLog(), command("recheck", args))
                .requireSuccess(line -> line.startsWith("decision ") || line.startsWith("THE DECISION CHANGED"));
    }
}
