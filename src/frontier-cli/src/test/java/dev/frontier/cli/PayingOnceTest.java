package dev.frontier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontier.results.ResultsJson;
import dev.frontier.results.RunResult;
import dev.frontier.results.RunStatus;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The budget guard, resume after a stop, the response cache and fail-fast, end to end on the sandbox. */
@Tag("e2e")
class PayingOnceTest {

    @TempDir
    Path dir;

    private MainTest.Outcome frontier(String... args) {
        String[] all = new String[args.length + 6];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--store";
        all[args.length + 1] = dir.resolve("store.db").toString();
        all[args.length + 2] = "--reports";
        all[args.length + 3] = dir.resolve("reports").toString();
        all[args.length + 4] = "--sandbox-time-scale";
        all[args.length + 5] = "0";
        return MainTest.frontier(all);
    }

    private static RunResult result(MainTest.Outcome o) throws IOException {
        Matcher m = Pattern.compile("report: (.*)report\\.html").matcher(o.out());
        assertThat(m.find()).as(o.out() + o.err()).isTrue();
        return ResultsJson.read(Path.of(m.group(1)).resolve("results.json"));
    }

    @Test
    void theBudgetIsNeverExceededAndAResumeFinishesWithoutPayingTwice() throws IOException {
        MainTest.Outcome first = frontier("run", "eval-configs/smoke.yaml", "--sandbox", "--no-cache",
                "--budget", "0.004");
        assertThat(first.code()).as(first.err()).isEqualTo(3);
        assertThat(first.err()).contains("budget exhausted", "--resume");
        RunResult partial = result(first);
        assertThat(partial.status()).isEqualTo(RunStatus.BUDGET_EXHAUSTED);
        assertThat(partial.evalSpend().usd()).isLessThanOrEqualTo(new BigDecimal("0.004"));
        assertThat(partial.calls().notRun()).isPositive();

        MainTest.Outcome resumed = frontier("run", "eval-configs/smoke.yaml", "--sandbox", "--no-cache",
                "--resume", partial.runId(), "--budget", "1");
        assertThat(resumed.code()).as(resumed.err()).isZero();
        RunResult done = result(resumed);
        assertThat(done.runId()).isEqualTo(partial.runId());
        assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(done.calls().answers()).isEqualTo(36);
        // what was paid before the stop is carried over, not paid again
        assertThat(done.calls().resumed()).isEqualTo(partial.calls().paid());
        assertThat(done.calls().attempts()).isEqualTo(36 - partial.calls().paid());
        assertThat(done.evalSpend().calls()).isEqualTo(36);
    }

    @Test
    void aSecondRunOfAnUnchangedSuitePaysForNothing() throws IOException {
        MainTest.Outcome first = frontier("run", "eval-configs/smoke.yaml", "--sandbox");
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(result(first).calls().paid()).isEqualTo(36);
        MainTest.Outcome second = frontier("run", "eval-configs/smoke.yaml", "--sandbox");
        assertThat(second.code()).as(second.err()).isZero();
        RunResult again = result(second);
        assertThat(again.calls().paid()).isZero();
        assertThat(again.calls().cacheHits()).isEqualTo(36);
        assertThat(again.calls().attempts()).isZero();
        assertThat(again.evalSpend().usd()).isEqualByComparingTo("0");
        // same answers, same figures
        assertThat(again.candidates().get(0).quality()).isEqualTo(result(first).candidates().get(0).quality());
        MainTest.Outcome fresh = frontier("run", "eval-configs/smoke.yaml", "--sandbox", "--no-cache");
        assertThat(result(fresh).calls().paid()).isEqualTo(36);
    }

    @Test
    void anUnknownModelStopsTheRunWithinSecondsNamingModelAndRegion() throws IOException {
        Files.writeString(dir.resolve("d.csv"), "id,text\n1,hello\n2,world\n3,again\n4,more\n");
        Path suite = dir.resolve("s.yaml");
        Files.writeString(suite, """
                suite: unknown-model
                dataset: { path: d.csv, id: id }
                prompt: { user: "{{text}}" }
                candidates:
                  - { id: ok, model: amazon.nova-lite-v1:0 }
                  - { id: bad, model: amazon.nova-ultra-v9:0 }
                scorers: [ { type: length, max: 100 } ]
                """);
        MainTest.Outcome o = frontier("run", suite.toString(), "--sandbox");
        assertThat(o.code()).isEqualTo(3);
        assertThat(o.err()).contains("candidate 'bad'", "amazon.nova-ultra-v9:0", "region us-east-1",
                "ValidationException", "check the model id");
        assertThat(o.err()).contains("run stopped:").doesNotContain("\tat ");
    }
}
