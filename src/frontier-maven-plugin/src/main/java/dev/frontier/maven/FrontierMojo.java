package dev.frontier.maven;

import dev.frontier.model.RunId;
import dev.frontier.results.ResultsJson;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What every goal shares: where the run store, the reports and the last run's results live (all under
 * {@code target/frontier/} by default), and {@code frontier.skip}.
 */
abstract class FrontierMojo extends AbstractMojo {

    /** The project's folder: relative paths given as text (a baseline, a run's results.json) are read from it. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    File basedir;

    /** Skips the goal. */
    @Parameter(property = "frontier.skip", defaultValue = "false")
    boolean skip;

    /**
     * Lets the suite's {@code command} and plug-in scorers run ({@code --allow-scorer-code}). Suite files arrive in
     * pull requests, so this is the build's decision, off by default: set it in the pom, not in the suite.
     */
    @Parameter(property = "frontier.allowScorerCode", defaultValue = "false")
    boolean allowScorerCode;

    /**
     * The run store (SQLite: runs, answers, the response cache). Under {@code target} it goes with {@code mvn clean};
     * put it elsewhere (e.g. {@code .frontier/frontier.db}) to keep the response cache between builds.
     */
    @Parameter(property = "frontier.store", defaultValue = "${project.build.directory}/frontier/frontier.db",
            required = true)
    File store;

    /** The reports folder: each run writes {@code <suite>/<run-id>/} in it (report.html, results.json, ...). */
    @Parameter(property = "frontier.reportsDirectory", defaultValue = "${project.build.directory}/frontier/reports",
            required = true)
    File reportsDirectory;

    /**
     * A copy of the {@code results.json} of the last run the {@code run} goal made: a fixed path for a CI artifact
     * (the next build's baseline), and the run the other goals take when none is named.
     */
    @Parameter(property = "frontier.results", defaultValue = "${project.build.directory}/frontier/results.json",
            required = true)
    File results;

    /** The folder the gates' JUnit XML is copied to, as {@code TEST-frontier-<suite>.xml}. */
    @Parameter(property = "frontier.junitDirectory", defaultValue = "${project.build.directory}/frontier/junit",
            required = true)
    File junitDirectory;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("frontier: skipped (frontier.skip)");
            return;
        }
        run();
    }

    /** The goal itself. */
    abstract void run() throws MojoExecutionException, MojoFailureException;

    /** {@code --store S --reports R}, absolute, so that the engine does not depend on Maven's working folder. */
    final List<String> storage() {
        return List.of("--store", absolute(store).toString(), "--reports", absolute(reportsDirectory).toString());
    }

    /** {@code --allow-scorer-code} when the build allows the suite's own scorer code, else nothing. */
    final List<String> scorerCode() {
        return allowScorerCode ? List.of("--allow-scorer-code") : List.of();
    }

    /** A command line: {@code command}, then {@code args}. */
    static List<String> command(String command, List<String> args) {
        List<String> all = new ArrayList<>();
        all.add(command);
        all.addAll(args);
        return all;
    }

    /**
     * A run as the engine takes it: a run id as it is, anything else as a results.json path read from the project's
     * folder. Without one, the {@code results} file of the last {@code run} goal.
     */
    final String runOrResults(String run) throws MojoExecutionException {
        if (run == null || run.isBlank()) {
            if (!results.isFile()) {
                throw new MojoExecutionException("no run named and no " + results + ": name one with <run> or "
                        + "-Dfrontier.run=RUN (a run id or a results.json), or run the 'run' goal first");
            }
            return absolute(results).toString();
        }
        return RunId.isValid(run.strip()) ? run.strip() : basedir.toPath().resolve(run.strip()).toString();
    }

    /** The run id of a run named by {@link #runOrResults}: a results.json is read for it. */
    final String runId(String run) throws MojoExecutionException {
        String named = runOrResults(run);
        if (RunId.isValid(named)) {
            return named;
        }
        try {
            return ResultsJson.read(Path.of(named)).runId();
        } catch (IOException | RuntimeException e) {
            throw new MojoExecutionException(named + ": not a frontier results.json (" + e.getMessage() + "); name a "
                    + "run id with <run> or -Dfrontier.run=RUN");
        }
    }

    /**
     * Copies a run's {@code junit.xml} (from its report folder) to {@code junitDirectory} as
     * {@code TEST-frontier-<suite>.xml}, where test report publishers look for it.
     */
    final void publishJunit(Path junitXml) throws MojoExecutionException {
        Path suite = junitXml.getParent().getParent().getFileName();
        Path target = junitDirectory.toPath().resolve("TEST-frontier-" + suite + ".xml");
        copy(junitXml, target);
        getLog().info("frontier: gates as JUnit XML: " + target);
    }

    static void copy(Path from, Path to) throws MojoExecutionException {
        try {
            Files.createDirectories(to.toAbsolutePath().getParent());
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot copy " + from + " to " + to + ": " + e);
        }
    }

    private Path absolute(File f) {
        return basedir.toPath().resolve(f.toPath()).toAbsolutePath().normalize();
    }
}
