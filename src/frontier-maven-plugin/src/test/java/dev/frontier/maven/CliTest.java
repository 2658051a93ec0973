package dev.frontier.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

class CliTest {

    private static final List<String> VALIDATE_ERR = List.of(
            "suite.yaml:13:19 warning: candidates[0].model: Claude Sonnet 4.5 is a Legacy model",
            "suite.yaml:39:24 gates[0].mini: unknown key (did you mean 'min'?)",
            "frontier: 1 problem found; nothing was run");

    @Test
    void levelsFollowWhatALineSays() {
        assertThat(Cli.level("frontier: budget exhausted")).isEqualTo(Cli.Level.ERROR);
        assertThat(Cli.level("suite.yaml:39:24 gates[0].mini: unknown key")).isEqualTo(Cli.Level.ERROR);
        assertThat(Cli.level("/w/data.csv:7 text: no value")).isEqualTo(Cli.Level.ERROR);
        assertThat(Cli.level("suite.yaml:13:19 warning: Legacy model")).isEqualTo(Cli.Level.WARN);
        assertThat(Cli.level("  100%  16/16 calls, 0 failed, spent $0.0002")).isEqualTo(Cli.Level.INFO);
        assertThat(Cli.level("run 20261203-122904-4393: smoke, 2 candidates × 8 items on the local sandbox at "
                + "http://127.0.0.1:38049")).isEqualTo(Cli.Level.INFO);
    }

    @Test
    void successEndsNothing() throws Exception {
        new Cli.Outcome(List.of("run"), 0, List.of("gates passed"), List.of()).requireSuccess(l -> true);
    }

    @Test
    void aFailedGateFailsTheBuildWithTheGatesEvidence() {
        Cli.Outcome gate = new Cli.Outcome(List.of("run", "suite.yaml"), 1, List.of(
                "report: /p/target/frontier/reports/s/20261203-122904-4393/report.html",
                "passed   quality >= 0.5 (nova-lite): quality of nova-lite is 0.625",
                "failed   costPer1kRequests <= 0.0001 (nova-lite): costPer1kRequests of nova-lite is 0.0167 > maximum "
                        + "0.0001",
                "gates FAILED: 1 passed, 1 failed, 0 skipped — /p/junit.xml"), List.of());
        assertThatThrownBy(() -> gate.requireSuccess(GateMojo.VERDICT))
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("frontier run failed:\n"
                        + "  failed   costPer1kRequests <= 0.0001 (nova-lite): costPer1kRequests of nova-lite is "
                        + "0.0167 > maximum 0.0001\n"
                        + "  gates FAILED: 1 passed, 1 failed, 0 skipped — /p/junit.xml");
    }

    @Test
    void badInputIsAnErrorNamingEveryProblemButNotTheWarnings() {
        Cli.Outcome invalid = new Cli.Outcome(List.of("validate", "suite.yaml"), 2, List.of(), VALIDATE_ERR);
        assertThatThrownBy(() -> invalid.requireSuccess(l -> true))
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("frontier validate: invalid input (exit 2):\n"
                        + "  suite.yaml:39:24 gates[0].mini: unknown key (did you mean 'min'?)\n"
                        + "  frontier: 1 problem found; nothing was run");
    }

    @Test
    void providerAndInternalErrorsAreErrorsWithFrontiersMessage() {
        Cli.Outcome provider = new Cli.Outcome(List.of("run"), 3, List.of(), List.of(
                "run 20261203-122904-4393: s, 2 candidates × 8 items on Amazon Bedrock in us-east-1",
                "  50%  8/16 calls, 0 failed, spent $0.0001",
                "frontier: cannot reach bedrock-runtime.invalid: UnknownHostException"));
        assertThatThrownBy(() -> provider.requireSuccess(l -> true))
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("frontier run: provider or infrastructure error (exit 3):\n"
                        + "  frontier: cannot reach bedrock-runtime.invalid: UnknownHostException");
        Cli.Outcome internal = new Cli.Outcome(List.of("gate"), 4, List.of(), List.of(
                "frontier: internal error: java.lang.IllegalStateException: x", "  at A.b(A.java:1) (please report)"));
        assertThatThrownBy(() -> internal.requireSuccess(l -> true))
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("frontier gate: internal error (exit 4):\n"
                        + "  frontier: internal error: java.lang.IllegalStateException: x\n"
                        + "    at A.b(A.java:1) (please report)");
    }

    @Test
    void aFailureWithoutLinesPointsAtTheLog() {
        Cli.Outcome quiet = new Cli.Outcome(List.of("recheck"), 1, List.of("the table"), List.of());
        assertThatThrownBy(() -> quiet.requireSuccess(l -> l.startsWith("decision ")))
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("frontier recheck failed: (see the log above)");
    }

    @Test
    void lastValueReadsTheLastLineWithThePrefix() {
        Cli.Outcome o = new Cli.Outcome(List.of("report"), 0, List.of("report: /a/report.html", "x",
                "report: /b/report.html "), List.of());
        assertThat(o.lastValue("report: ")).contains("/b/report.html");
        assertThat(o.lastValue("recheck: ")).isEmpty();
    }
}
