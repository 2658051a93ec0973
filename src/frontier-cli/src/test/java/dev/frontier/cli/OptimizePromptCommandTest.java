package dev.frontier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontier.config.CandidateSpec;
import dev.frontier.config.SuiteLoader;
import dev.frontier.config.SuiteSpec;
import dev.frontier.results.ResultsJson;
import dev.frontier.results.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code frontier optimize-prompt} on the sandbox: the intent-classification demo's {@code nova-lite} optimized into
 * a copy of the suite next to it, which loads, holds the new candidate and runs; the user's file is left as it was,
 * and bad input ends with exit 2 at the file and line.
 */
@Tag("e2e")
class OptimizePromptCommandTest {

    @TempDir
    static Path dir;

    private static Path suite;
    private static byte[] original;
    private static MainTest.Outcome optimized;

    @BeforeAll
    static void optimize() throws IOException {
        String yaml = Files.readString(Path.of("eval-configs/intent-classification.yaml"))
                .replace("path: ../datasets/intents.csv", "path: "
                        + Path.of("datasets/intents.csv").toAbsolutePath());
        suite = dir.resolve("intents.yaml");
        Files.writeString(suite, yaml);
        original = Files.readAllBytes(suite);
        optimized = MainTest.frontier("optimize-prompt", suite.toString(), "--candidate", "nova-lite", "--sandbox",
                "--sandbox-time-scale", "0");
    }

    private static Path copy() {
        return dir.resolve("intents.optimized.yaml");
    }

    @Test
    void theCopyLoadsWithTheOptimizedCandidateAndTheSuiteIsUntouched() throws IOException {
        assertThat(optimized.code()).as(optimized.out() + optimized.err()).isZero();
        assertThat(Files.readAllBytes(suite)).isEqualTo(original);
        assertThat(optimized.out()).contains("saved: " + copy(), "next: frontier run " + copy() + " --sandbox",
                "tokens ->");
        SuiteSpec loaded = ((SuiteLoader.Loaded) SuiteLoader.load(copy())).suite();
        CandidateSpec source = loaded.candidates().stream().filter(c -> c.id().equals("nova-lite")).findFirst()
                .orElseThrow();
        CandidateSpec made = loaded.candidates().get(loaded.candidates().size() - 1);
        assertThat(made.id()).isEqualTo("nova-lite-optimized");
        assertThat(made.model()).isEqualTo(source.model());
        assertThat(made.incumbent()).isFalse();
        assertThat(made.inference()).isEqualTo(source.inference());
        assertThat(made.prompt().cache()).isEqualTo(source.prompt().cache());
        assertThat(made.prompt().user().fields()).containsExactly("text");
        String system = made.prompt().system().source();
        assertThat(system.length()).isLessThan(source.prompt().system().source().length());
        assertThat(system).contains("Labels:", "- cancel_subscription:", "Answer with the label only.")
                .contains("Example (billing_refund): We paid for 30 seats");
        assertThat(system).doesNotContain("my card shows the same Tallyhive charge");
        // the rest of the file is as it was, comments and all; the new entry follows the last candidate
        String text = Files.readString(copy());
        assertThat(text).startsWith(new String(original).substring(0, new String(original).indexOf("scorers:")
                - "\nscorers:".length() + 1).stripTrailing().substring(0, 200));
        assertThat(text).contains("# Written by `frontier optimize-prompt` from candidate nova-lite",
                "# Would routing between the candidates beat the best single model?");
        assertThat(text.indexOf("- id: nova-lite-optimized")).isLessThan(text.indexOf("\nscorers:"))
                .isGreaterThan(text.indexOf("- id: micro-short-prompt"));
    }

    @Test
    void theCopyRunsAndItsResultsHoldTheNewCandidate() throws IOException {
        assertThat(optimized.code()).as(optimized.err()).isZero();
        Path store = dir.resolve("store.db");
        MainTest.Outcome run = MainTest.frontier("run", copy().toString(), "--sandbox", "--sandbox-time-scale", "0",
                "--store", store.toString(), "--reports", dir.resolve("reports").toString());
        assertThat(run.code()).as(run.out() + run.err()).isZero();
        Matcher m = Pattern.compile("report: (.*)/report\\.html").matcher(run.out());
        assertThat(m.find()).as(run.out()).isTrue();
        RunResult result = ResultsJson.read(Path.of(m.group(1)).resolve("results.json"));
        RunResult.CandidateResult made = result.candidates().stream()
                .filter(c -> c.id().equals("nova-lite-optimized")).findFirst().orElseThrow();
        RunResult.CandidateResult source = result.candidates().stream()
                .filter(c -> c.id().equals("nova-lite")).findFirst().orElseThrow();
        double optimizedQuality = made.quality().orElseThrow().mean();
        double sourceQuality = source.quality().orElseThrow().mean();
        // the rewrite is a working prompt for the same task: labels and one example per label keep it near the
        // original (the simulation labels by word overlap, where fewer examples can help as well as hurt)
        assertThat(optimizedQuality).isBetween(sourceQuality - 0.2, sourceQuality + 0.2).isGreaterThan(0.4);
    }

    @Test
    void anExistingOutputIsKeptUnlessForced() throws IOException {
        assertThat(optimized.code()).isZero();
        String before = Files.readString(copy());
        MainTest.Outcome again = MainTest.frontier("optimize-prompt", suite.toString(), "--candidate", "nova-lite",
                "--sandbox", "--sandbox-time-scale", "0");
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("exists; pass --force");
        assertThat(Files.readString(copy())).isEqualTo(before);
    }

    @Test
    void aSecondOptimizationOfTheCopyGetsTheNextFreeId() throws IOException {
        assertThat(optimized.code()).isZero();
        Path second = dir.resolve("second.yaml");
        MainTest.Outcome again = MainTest.frontier("optimize-prompt", copy().toString(), "--candidate", "nova-lite",
                "--out", second.toString(), "--sandbox", "--sandbox-time-scale", "0");
        assertThat(again.code()).as(again.err()).isZero();
        SuiteSpec loaded = ((SuiteLoader.Loaded) SuiteLoader.load(second)).suite();
        assertThat(loaded.candidates().stream().map(CandidateSpec::id))
                .contains("nova-lite-optimized", "nova-lite-optimized-2");
    }

    @Test
    void badInputEndsWithExit2AtTheFileAndLine() throws IOException {
        MainTest.Outcome unknown = MainTest.frontier("optimize-prompt", suite.toString(), "--candidate", "gpt",
                "--sandbox", "--out", dir.resolve("x.yaml").toString());
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).containsPattern(Pattern.quote(suite.getFileName().toString()) + ":\\d+:\\d+")
                .contains("no candidate 'gpt'", "nova-lite, nova-micro, micro-short-prompt");

        MainTest.Outcome unsupported = MainTest.frontier("optimize-prompt", suite.toString(), "--candidate",
                "sonnet", "--sandbox", "--out", dir.resolve("y.yaml").toString());
        assertThat(unsupported.code()).isEqualTo(2);
        assertThat(unsupported.err()).containsPattern("intents\\.yaml:\\d+:\\d+ candidates\\[0\\]\\.model")
                .contains("does not serve anthropic.claude-sonnet-4-5-20250929-v1:0");

        MainTest.Outcome itself = MainTest.frontier("optimize-prompt", suite.toString(), "--candidate", "nova-lite",
                "--out", suite.toString(), "--sandbox");
        assertThat(itself.code()).isEqualTo(2);
        assertThat(itself.err()).contains("is the suite file itself");

        Path imported = dir.resolve("imported.yaml");
        Files.writeString(imported, Files.readString(suite).replace(
                "  - { id: nova-micro, model: amazon.nova-micro-v1:0 }",
                "  - { id: nova-micro, model: amazon.nova-micro-v1:0 }\n  - { id: old, outputs: old.jsonl }"));
        Files.writeString(dir.resolve("old.jsonl"), "");
        MainTest.Outcome outputs = MainTest.frontier("optimize-prompt", imported.toString(), "--candidate", "old",
                "--sandbox");
        assertThat(outputs.code()).isEqualTo(2);
        assertThat(outputs.err()).containsPattern("imported\\.yaml:\\d+:\\d+").contains("imported outputs");
        assertThat(outputs.err()).doesNotContain("Exception", "\tat ");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList())
                    .as("no half-written file").isEmpty();
        }
        assertThat(List.of(dir.resolve("x.yaml"), dir.resolve("y.yaml"), dir.resolve("imported.optimized.yaml")))
                .noneMatch(Files::exists);
    }
}
