package dev.frontier.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrontierMojoTest {

    @TempDir
    Path project;

    /** A goal that records that it ran. */
    static final class Probe extends FrontierMojo {
        final List<String> ran = new ArrayList<>();

        @Override
        void run() {
            ran.add("ran");
        }
    }

    private Probe probe() {
        Probe p = new Probe();
        p.basedir = project.toFile();
        p.store = new File("target/frontier/frontier.db");
        p.reportsDirectory = project.resolve("target/frontier/reports").toFile();
        p.results = project.resolve("target/frontier/results.json").toFile();
        p.junitDirectory = project.resolve("target/frontier/junit").toFile();
        return p;
    }

    @Test
    void skipDoesNothing() throws Exception {
        Probe p = probe();
        p.skip = true;
        p.setLog(new SystemStreamLog());
        p.execute();
        assertThat(p.ran).isEmpty();
        p.skip = false;
        p.execute();
        assertThat(p.ran).containsExactly("ran");
    }

    @Test
    void scorerCodeRunsOnlyWhenThePomAllowsIt() {
        Probe p = probe();
        assertThat(p.scorerCode()).isEmpty();
        p.allowScorerCode = true;
        assertThat(p.scorerCode()).containsExactly("--allow-scorer-code");
    }

    @Test
    void storageIsAbsoluteAndReadFromTheProjectFolder() {
        assertThat(probe().storage()).containsExactly(
                "--store", project.resolve("target/frontier/frontier.db").toString(),
                "--reports", project.resolve("target/frontier/reports").toString());
    }

    @Test
    void aRunIsARunIdOrAResultsFileOfTheProject() throws Exception {
        Probe p = probe();
        assertThat(p.runOrResults("20261203-122904-4393")).isEqualTo("20261203-122904-4393");
        assertThat(p.runOrResults(" main-results.json ")).isEqualTo(project.resolve("main-results.json").toString());
    }

    @Test
    void withoutARunTheLastResultsAreTakenOrTheUserIsToldWhatToDo() throws Exception {
        Probe p = probe();
        assertThatThrownBy(() -> p.runOrResults(null))
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("no run named and no " + p.results)
                .hasMessageContaining("-Dfrontier.run=RUN");
        Files.createDirectories(p.results.toPath().getParent());
        Files.writeString(p.results.toPath(), "{}");
        assertThat(p.runOrResults("")).isEqualTo(p.results.getAbsolutePath());
    }

    @Test
    void aResultsFileThatIsNotOneIsNamed() throws Exception {
        Probe p = probe();
        Files.writeString(project.resolve("bad.json"), "{ \"schema\": 3 ");
        assertThatThrownBy(() -> p.runId("bad.json"))
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith(project.resolve("bad.json") + ": not a frontier results.json");
        assertThat(p.runId("20261203-122904-4393")).isEqualTo("20261203-122904-4393");
    }

    @Test
    void junitIsPublishedUnderTheSuitesName() throws Exception {
        Probe p = probe();
        p.setLog(new SystemStreamLog());
        Path run = project.resolve("target/frontier/reports/smoke/20261203-122904-4393");
        Files.createDirectories(run);
        Files.writeString(run.resolve("junit.xml"), "<testsuite/>");
        p.publishJunit(run.resolve("junit.xml"));
        assertThat(project.resolve("target/frontier/junit/TEST-frontier-smoke.xml")).hasContent("<testsuite/>");
    }
}
