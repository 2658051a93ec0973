package dev.frontier.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.frontier.score.spi.ScorerPlugin;
import dev.frontier.results.ResultsJson;
import dev.frontier.results.RunResult;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scorers that run code from outside frontier, end to end through the CLI: the example plug-in (compiled from
 * src/examples/scorer-plugin and jarred here) loaded with --plugins, a {@code command} scorer (a Python script), and
 * the switch without which neither runs.
 */
class ScorerCodeRunTest {

    private static final Path EXAMPLE = Path.of("src/examples/scorer-plugin");

    @TempDir
    Path dir;

    @BeforeEach
    void writeData() throws IOException {
        List<String> items = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        String[] keywords = {"refund, order", "refund, delay", null, "password"};
        String[] answers = {"We sent the refund for your order.", "Your refund is on its way.", "Hello.",
                "Reset your password here."};
        for (int i = 1; i <= 4; i++) {
            items.add("{\"id\": \"q" + i + "\", \"question\": \"Question " + i + "?\""
                    + (keywords[i - 1] == null ? "" : ", \"keywords\": \"" + keywords[i - 1] + "\"") + "}");
            outputs.add("{\"id\": \"q" + i + "\", \"output\": \"" + answers[i - 1] + "\"}");
        }
        Files.write(dir.resolve("items.jsonl"), items);
        Files.write(dir.resolve("answers.jsonl"), outputs);
        Files.writeString(dir.resolve("length.py"), """
                import json, sys
                for line in sys.stdin:
                    req = json.loads(line)
                    words = len(req["output"].split())
                    print(json.dumps({"pass": words >= 4, "reason": "%d words" % words}), flush=True)
                """);
    }

    private Path suite(String scorer) throws IOException {
        return Files.writeString(dir.resolve("suite.yaml"), """
                suite: scorer-code
                dataset: { path: items.jsonl, id: id }
                prompt: { user: "{{question}}" }
                candidates:
                  - { id: vendor, outputs: answers.jsonl }
                scorers:
                  - { id: length, type: length, min: 1 }
                """ + scorer);
    }

    private MainTest.Outcome frontier(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (!args[0].equals("run")) {
            return MainTest.frontier(args);
        }
        all.addAll(List.of("--store", dir.resolve("store.db").toString(), "--reports",
                dir.resolve("reports").toString()));
        return MainTest.frontier(all.toArray(String[]::new));
    }

    private static RunResult results(MainTest.Outcome o) throws IOException {
        assertThat(o.code()).as(o.out() + o.err()).isZero();
        Matcher m = Pattern.compile("report: (.*)report\\.html").matcher(o.out());
        assertThat(m.find()).as(o.out() + o.err()).isTrue();
        return ResultsJson.read(Path.of(m.group(1)).resolve("results.json"));
    }

    private static RunResult.ItemOutput output(RunResult r, String item) {
        return r.items().stream().filter(i -> i.id().equals(item)).findFirst().orElseThrow().outputs().get("vendor");
    }

    /** The example plug-in, compiled from its source against frontier's classes and jarred with its service file. */
    private Path examplePluginJar() throws IOException, URISyntaxException {
        Path classes = Files.createDirectories(dir.resolve("plugin-classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> sources;
        try (Stream<Path> files = Files.walk(EXAMPLE.resolve("src/main/java"))) {
            sources = files.filter(f -> f.toString().endsWith(".java")).map(Path::toString).toList();
        }
        assertThat(sources).isNotEmpty();
        String frontier = Path.of(ScorerPlugin.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
        List<String> args = new ArrayList<>(List.of("--release", "17", "-classpath", frontier, "-d",
                classes.toString()));
        args.addAll(sources);
        assertThat(javac.run(null, null, null, args.toArray(String[]::new))).as("javac").isZero();
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Path jar = plugins.resolve("keyword-coverage.jar");
        Path resources = EXAMPLE.resolve("src/main/resources");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> compiled = Files.walk(classes);
             Stream<Path> meta = Files.walk(resources)) {
            for (Path f : compiled.filter(Files::isRegularFile).toList()) {
                add(out, classes.relativize(f), f);
            }
            for (Path f : meta.filter(Files::isRegularFile).toList()) {
                add(out, resources.relativize(f), f);
            }
        }
        return plugins;
    }

    private static void add(JarOutputStream jar, Path name, Path file) throws IOException {
        jar.putNextEntry(new JarEntry(name.toString().replace('\\', '/')));
        Files.copy(file, jar);
        jar.closeEntry();
    }

    @Test
    void theExamplePluginScoresARunLoadedWithPlugins() throws Exception {
        Path plugins = examplePluginJar();
        Path suite = suite("  - { id: keywords, type: plugin, plugin: keyword-coverage, field: keywords }\n");

        MainTest.Outcome refused = frontier("run", suite.toString(), "--plugins", plugins.toString());
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("suite.yaml:8:", "scorers[1].type: this plugin scorer runs plug-in "
                + "'keyword-coverage' from the suite file, and scorer code runs only when allowed (if you trust this "
                + "suite file, pass --allow-scorer-code (in CI: set FRONTIER_ALLOW_SCORER_CODE=true))")
                .doesNotContain("Exception");
        assertThat(dir.resolve("reports")).doesNotExist();

        RunResult r = results(frontier("run", suite.toString(), "--plugins", plugins.toString(),
                "--allow-scorer-code"));
        assertThat(output(r, "q1").scores()).containsEntry("keywords", 1.0);
        assertThat(output(r, "q2").scores()).containsEntry("keywords", 0.5);
        assertThat(output(r, "q2").notes()).containsEntry("keywords", "missing: delay");
        assertThat(output(r, "q4").scores()).containsEntry("keywords", 1.0);
        // the plug-in throws for the item without keywords: that item alone is unscored, with the message
        assertThat(output(r, "q3").scores()).containsEntry("keywords", null);
        assertThat(output(r, "q3").notes()).containsEntry("keywords",
                "plug-in 'keyword-coverage' failed on item q3: item q3 has no field 'keywords'");
        assertThat(r.candidates().get(0).scores().get("keywords").mean()).isCloseTo(2.5 / 3, within(1e-12));
        assertThat(r.scorers()).extracting(RunResult.ScorerInfo::type).containsExactly("length", "plugin");
    }

    @Test
    void anUnknownPluginOrBadParametersAreSuiteErrorsNamingTheLine() throws Exception {
        Path plugins = examplePluginJar();
        Path suite = suite("  - { id: keywords, type: plugin, plugin: keyword-covrage, field: keywords }\n");
        MainTest.Outcome unknown = frontier("validate", suite.toString(), "--allow-scorer-code");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("suite.yaml:8:", "scorers[1].plugin: no scorer plug-in named "
                + "'keyword-covrage' is installed (put the plug-in's jar in a folder and pass --plugins <folder> (no "
                + "plug-in is installed))");
        MainTest.Outcome near = frontier("validate", suite.toString(), "--allow-scorer-code", "--plugins",
                plugins.toString());
        assertThat(near.code()).isEqualTo(2);
        assertThat(near.err()).contains("did you mean 'keyword-coverage'?",
                "installed plug-ins: keyword-coverage");

        suite = suite("  - { id: keywords, type: plugin, plugin: keyword-coverage, feld: keywords }\n");
        MainTest.Outcome bad = frontier("validate", suite.toString(), "--allow-scorer-code", "--plugins",
                plugins.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("suite.yaml:8:", "plug-in 'keyword-coverage' refused its parameters: unknown "
                + "parameter 'feld' (keyword-coverage takes field and separator)");

        MainTest.Outcome noFolder = frontier("validate", suite.toString(), "--plugins",
                dir.resolve("nowhere").toString());
        assertThat(noFolder.code()).isEqualTo(2);
        assertThat(noFolder.err()).contains("--plugins " + dir.resolve("nowhere") + ": not a folder");
    }

    @Test
    void aCommandScorerRunsOnlyWhenAllowedAndItsRepliesAreScores() throws IOException {
        Path suite = suite("  - { id: long-enough, type: command, command: [python3, length.py], timeout: 20 }\n");
        MainTest.Outcome validate = frontier("validate", suite.toString());
        assertThat(validate.code()).isEqualTo(2);
        assertThat(validate.err()).contains("suite.yaml:8:", "scorers[1].type: this command scorer runs 'python3 "
                + "length.py' from the suite file, and scorer code runs only when allowed (if you trust this suite "
                + "file, pass --allow-scorer-code (in CI: set FRONTIER_ALLOW_SCORER_CODE=true))");
        assertThat(frontier("run", suite.toString()).code()).isEqualTo(2);
        assertThat(frontier("validate", suite.toString(), "--allow-scorer-code").code()).isZero();

        RunResult r = results(frontier("run", suite.toString(), "--allow-scorer-code"));
        assertThat(output(r, "q1").scores()).containsEntry("long-enough", 1.0);
        assertThat(output(r, "q1").notes()).containsEntry("long-enough", "7 words");
        assertThat(output(r, "q3").scores()).containsEntry("long-enough", 0.0);
        assertThat(r.candidates().get(0).scores().get("long-enough").mean()).isCloseTo(0.75, within(1e-12));

        // a program printing garbage fails each item with the line and what was expected; the run still ends 0
        Files.writeString(dir.resolve("length.py"), "import sys\nfor line in sys.stdin:\n    print('ok!', "
                + "flush=True)\n");
        RunResult garbage = results(frontier("run", suite.toString(), "--allow-scorer-code"));
        assertThat(output(garbage, "q2").scores()).containsEntry("long-enough", null);
        assertThat(output(garbage, "q2").notes().get("long-enough")).startsWith("reply line 1 (item q2): not a JSON "
                + "object: ok!; expected one JSON object per line");
        assertThat(garbage.candidates().get(0).scores()).doesNotContainKey("long-enough");
    }

    @Test
    void theEnvironmentVariableAllowsScorerCodeToo() {
        assertThat(ScorerCode.allowed(false, null)).isFalse();
        assertThat(ScorerCode.allowed(false, "1")).isFalse();
        assertThat(ScorerCode.allowed(false, " TRUE ")).isTrue();
        assertThat(ScorerCode.allowed(true, "false")).isTrue();
    }
}
