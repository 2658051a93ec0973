package dev.frontier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontier.results.ResultsJson;
import dev.frontier.results.RunResult;
import dev.frontier.run.aggregate.SamplePlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code frontier plan} from a pilot: the cost-dials demo on its 122-message set, where Nova Pro at Flex gives the
 * same answers as at Standard but 122 items cannot show it (the pilot says ~180), Nova 2 Lite is below the margin
 * (more items would not help) and Priority costs more (not tested).
 */
@Tag("e2e")
class PlanCommandTest {

    @TempDir
    static Path dir;

    private static Path suite;
    private static RunResult pilot;

    @BeforeAll
    static void pilot() throws IOException {
        String yaml = Files.readString(Path.of("eval-configs/support-dials.yaml"))
                .replace("path: ../datasets/intents-support.csv", "path: "
                        + Path.of("datasets/intents.csv").toAbsolutePath());
        suite = dir.resolve("support-dials.yaml");
        Files.writeString(suite, yaml);
        MainTest.Outcome run = frontier("run", suite.toString(), "--sandbox", "--sandbox-time-scale", "0");
        assertThat(run.code()).as(run.out() + run.err()).isZero();
        Matcher m = Pattern.compile("report: (.*/report\\.html)").matcher(run.out() + run.err());
        assertThat(m.find()).isTrue();
        pilot = ResultsJson.read(Path.of(m.group(1)).resolveSibling("results.json"));
    }

    private static MainTest.Outcome frontier(String... a) {
        String[] all = new String[a.length + 4];
        System.arraycopy(a, 0, all, 0, a.length);
        all[a.length] = "--store";
        all[a.length + 1] = dir.resolve("store.db").toString();
        all[a.length + 2] = "--reports";
        all[a.length + 3] = dir.resolve("reports").toString();
        return MainTest.frontier(all);
    }

    @Test
    void runPilotRunsTheSuiteOnASampleFirstAndPlansFromIt() throws IOException {
        String yaml = Files.readString(Path.of("eval-configs/support-dials.yaml"))
                .replace("path: ../datasets/intents-support.csv", "path: "
                        + Path.of("datasets/intents-support.csv").toAbsolutePath());
        Path full = dir.resolve("support-dials-full.yaml");
        Files.writeString(full, yaml);
        // its own store, so the other tests' pilot stays the suite's latest run
        MainTest.Outcome plan = MainTest.frontier("plan", full.toString(), "--run-pilot", "60", "--sandbox",
                "--sandbox-time-scale", "0", "--store", dir.resolve("pilot.db").toString(), "--reports",
                dir.resolve("reports").toString());
        String out = plan.out() + plan.err();
        assertThat(plan.code()).as(out).isZero();
        assertThat(out).contains("pilot: frontier run " + full + " --sample 60")
                .containsPattern("plan from pilot \\d{8}-\\d{6}-\\w{4} \\(60 items; the dataset has 474\\)");
        assertThat(MainTest.frontier("plan", full.toString(), "--run-pilot", "0", "--store",
                dir.resolve("pilot.db").toString()).code()).isEqualTo(2);
    }

    @Test
    void thePlanSaysHowManyItemsDecideTheOpenCandidatesAndThatTheDatasetIsTooSmall() {
        SamplePlan.Plan plan = SamplePlan.of(pilot, 122);
        SamplePlan.Candidate flex = plan.candidates().stream().filter(c -> c.id().equals("nova-pro-flex"))
                .findFirst().orElseThrow();
        assertThat(flex.standing()).isEqualTo(SamplePlan.Standing.NEEDS_ITEMS);
        assertThat(flex.items().getAsLong()).isGreaterThan(122);
        assertThat(plan.candidates().stream().filter(c -> c.id().equals("nova-2-lite-flex")).findFirst()
                .orElseThrow().standing()).isEqualTo(SamplePlan.Standing.NOT_SHOWABLE);
        assertThat(plan.candidates().stream().filter(c -> c.id().equals("nova-pro-priority")).findFirst()
                .orElseThrow().standing()).isEqualTo(SamplePlan.Standing.NOT_TESTED);
        assertThat(plan.runItems().getAsLong()).isEqualTo(flex.items().getAsLong());
        assertThat(plan.capped()).isTrue();
        assertThat(plan.cost()).isPresent();
    }

    @Test
    void theCommandAndEstimatePrintThePlan() {
        MainTest.Outcome plan = frontier("plan", suite.toString());
        assertThat(plan.code()).as(plan.err()).isZero();
        assertThat(plan.out()).contains("plan from pilot " + pilot.runId() + " (122 items; the dataset has 122)")
                .containsPattern("nova-pro-flex +needs items +122 +\\+0\\.000")
                .contains("the dataset has only 122 items");
        MainTest.Outcome estimate = frontier("estimate", suite.toString());
        assertThat(estimate.code()).isZero();
        assertThat(estimate.out()).contains("plan from pilot " + pilot.runId());
    }

    @Test
    void withoutAPilotItSaysWhatToDo() {
        MainTest.Outcome none = MainTest.frontier("plan", suite.toString(), "--store",
                dir.resolve("empty.db").toString());
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("no run store at").contains("frontier run SUITE --sample 50")
                .contains("--run-pilot 50");
        MainTest.Outcome bad = frontier("plan", suite.toString(), "--pilot", "yesterday");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("'yesterday' is not a run id");
    }
}
