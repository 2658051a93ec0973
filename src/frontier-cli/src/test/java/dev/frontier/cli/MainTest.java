package dev.frontier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontier.results.ResultsJson;
import dev.frontier.results.RunResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end, in process, against the sandbox. */
@Tag("e2e")
class MainTest {

    @TempDir
    Path dir;

    record Outcome(int code, String out, String err) {
    }

    static Outcome frontier(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** {@link #frontier} with the store and the reports in {@code dir}, as the end-to-end tests run it. */
    static Outcome frontierIn(Path dir, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--store", dir.resolve("store.db").toString(), "--reports", dir.resolve("reports").toString()));
        return frontier(all.toArray(String[]::new));
    }

    private String[] withStore(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--store", dir.resolve("store.db").toString(), "--reports", dir.resolve("reports").toString()));
        return all.toArray(String[]::new);
    }

    @Test
    void helpAndVersion() {
        Outcome help = frontier("--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("validate", "run", "report", "sandbox", "Exit codes");
        Outcome version = frontier("--version");
        assertThat(version.code()).isZero();
        assertThat(version.out()).startsWith("frontier ");
    }

    @Test
    void badArgumentsExitTwo() {
        assertThat(frontier("nonsense").code()).isEqualTo(2);
        assertThat(frontier("run").code()).isEqualTo(2);
        assertThat(frontier("report", "no-such-run-or-file").code()).isEqualTo(2);
    }

    @Test
    void validateAcceptsTheDemoSuites() {
        for (String suite : List.of("eval-configs/smoke.yaml", "eval-configs/support-summaries.yaml",
                "eval-configs/intent-classification.yaml", "eval-configs/intent-distillation.yaml")) {
            Outcome o = frontier("validate", suite);
            assertThat(o.code()).as(suite + "\n" + o.err()).isZero();
            assertThat(o.out()).contains(": ok");
        }
    }

    @Test
    void validateNamesAnUnknownKeyAndAMissingDatasetWithFileAndLineAndNoStackTrace() throws IOException {
        Path suite = dir.resolve("broken.yaml");
        Files.writeString(suite, """
                suite: broken
                dataset: { path: missing.jsonl, id: id }
                prompt: { user: "{{text}}" }
                candidates:
                  - { id: a, model: amazon.nova-lite-v1:0 }
                scorers:
                  - { type: exact-match, expected: x, wieght: 1 }
                """);
        Outcome o = frontier("validate", suite.toString());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains(suite + ":2:18 dataset.path: dataset file not found");
        assertThat(o.err()).contains(suite + ":7:") .contains("scorers[0].wieght");
        assertThat(o.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void validateNamesTemplateFieldsTheDatasetLacks() throws IOException {
        Files.writeString(dir.resolve("d.csv"), "id,text,label\n1,hello,greet\n");
        Path suite = dir.resolve("s.yaml");
        Files.writeString(suite, """
                suite: fields
                dataset: { path: d.csv, id: id }
                prompt: { user: "{{txt}}" }
                candidates:
                  - { id: a, model: amazon.nova-lite-v1:0 }
                scorers:
                  - { type: exact-match, expected: "{{lable}}" }
                """);
        Outcome o = frontier("validate", suite.toString());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains(suite + ":3:11 prompt.user: the dataset has no field 'txt' (did you mean '{{text}}'?)");
        assertThat(o.err()).contains("scorers[0].expected: the dataset has no field 'lable' (did you mean '{{label}}'?)");
    }

    @Test
    void runOnTheSandboxStoresReportsAndReRenders() throws IOException {
        Outcome run = frontier(withStore("run", "eval-configs/smoke.yaml", "--sandbox", "--sandbox-time-scale", "0"));
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("SIMULATED MODELS", "sonnet", "haiku", "nova-micro", "frontier");
        Matcher m = Pattern.compile("report: (.*report\\.html)").matcher(run.out());
        assertThat(m.find()).isTrue();
        Path html = Path.of(m.group(1));
        Path folder = html.getParent();
        assertThat(folder.resolve("results.json")).isRegularFile();
        assertThat(folder.resolve("summary.md")).isRegularFile();
        RunResult result = ResultsJson.read(folder.resolve("results.json"));
        assertThat(result.simulated()).isTrue();
        assertThat(result.candidates()).hasSize(3);
        assertThat(result.items()).hasSize(12);
        assertThat(result.evalSpend().calls()).isEqualTo(36);
        assertThat(result.pareto()).isNotEmpty();
        String page = Files.readString(html);
        assertThat(page).contains("Simulated models", "data-candidate=\"sonnet\"", "data-candidate=\"haiku\"",
                "data-candidate=\"nova-micro\"", "<svg");
        // self-contained: nothing loaded from the network
        assertThat(page).doesNotContainPattern("(src|href)\\s*=\\s*\"?(https?:)?//");

        Files.delete(html);
        Outcome again = frontier(withStore("report", result.runId()));
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(html).isRegularFile();
    }

    @Test
    void modelOutputIsEscapedInTheReport() throws IOException {
        Files.writeString(dir.resolve("x.jsonl"), """
                {"id":"x1","ticket":"Hello.\\nThe page shows <script>alert('pwned')</script> when I log in. Please fix the <img src=x onerror=alert(1)> banner today."}
                {"id":"x2","ticket":"Hi.\\nMy invoice total is wrong | and ** markdown ** too. I need a corrected invoice."}
                """);
        Path suite = dir.resolve("xss.yaml");
        Files.writeString(suite, """
                suite: xss
                dataset: { path: x.jsonl, id: id }
                prompt: { user: "Summarize this ticket:\\n{{ticket}}" }
                candidates:
                  - { id: lite, model: amazon.nova-lite-v1:0, role: incumbent }
                scorers:
                  - { type: length, unit: words, max: 80 }
                """);
        Outcome run = frontier(withStore("run", suite.toString(), "--sandbox", "--sandbox-time-scale", "0"));
        assertThat(run.code()).as(run.err()).isZero();
        Path folder = Files.list(dir.resolve("reports/xss")).findFirst().orElseThrow();
        String page = Files.readString(folder.resolve("report.html"));
        assertThat(page).doesNotContain("<script>alert").doesNotContain("<img src=x");
        assertThat(page).contains("&lt;script&gt;");
        String md = Files.readString(folder.resolve("summary.md"));
        assertThat(md).doesNotContain("<script>");
    }
}
