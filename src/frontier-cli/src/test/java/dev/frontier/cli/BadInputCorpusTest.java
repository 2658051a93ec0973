package dev.frontier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus: suite files, datasets, labels, imported outputs, command-line arguments, run stores and
 * results files that frontier must refuse, each with the exit code and a fragment of the message it must give. Every
 * row runs through {@code Main.run} in its own folder; the output must hold no stack trace, and the folder must hold
 * afterwards exactly the files it held before (nothing half-written, nothing deleted, nothing written outside).
 */
@Tag("e2e")
class BadInputCorpusTest {

    @TempDir
    static Path root;

    /** A results.json and a run store from a real (sandbox) run, which the results and store rows start from. */
    private static String goodResults;
    private static String runId;
    private static Path goodStore;

    static final String SUITE = """
            suite: corpus
            dataset: { path: data.csv, id: id }
            prompt: { user: "Classify: {{text}}" }
            candidates:
              - { id: a, model: amazon.nova-micro-v1:0 }
            scorers:
              - { type: exact-match, expected: "{{label}}" }
            """;
    static final String DATA = "id,text,label\n1,hello,greet\n2,bye,leave\n";
    static final String LABELS_SUITE = SUITE + """
              - { id: team, type: human-labels, file: labels.csv, kind: score, scale: [1, 5], weight: 0,
                  columns: { item: id, candidate: candidate, annotator: annotator, value: grade } }
            """;
    static final String OUTPUTS_SUITE = SUITE.replace("  - { id: a, model: amazon.nova-micro-v1:0 }",
            "  - { id: a, model: amazon.nova-micro-v1:0 }\n  - { id: vendor, outputs: out.jsonl }");

    /**
     * One bad input.
     *
     * @param name     what it is
     * @param files    files of the case folder (name to content; {@code null} content: a folder)
     * @param args     the command line; {@code {d}} stands for the case folder
     * @param exit     the expected exit code
     * @param fragment a piece of the expected message
     * @param setup    runs before the command (e.g. a lock held on a store); returns what to close after it
     */
    record Case(String name, Map<String, Object> files, List<String> args, int exit, String fragment, Setup setup) {
        @Override
        public String toString() {
            return name;
        }
    }

    interface Setup {
        AutoCloseable apply(Path dir) throws Exception;
    }

    private static final List<Case> CASES = new ArrayList<>();
    /** A file the case names but does not create. */
    private static final Object ABSENT = new Object();

    @BeforeAll
    static void realRun() throws IOException {
        Path d = root.resolve("_good");
        Files.createDirectories(d);
        Files.writeString(d.resolve("suite.yaml"), SUITE);
        Files.writeString(d.resolve("data.csv"), DATA);
        goodStore = d.resolve("store.db");
        MainTest.Outcome o = MainTest.frontier("run", d.resolve("suite.yaml").toString(), "--sandbox",
                "--sandbox-time-scale", "0", "--store", goodStore.toString(), "--reports", d.resolve("reports").toString());
        assertThat(o.code()).as(o.err()).isZero();
        Matcher m = Pattern.compile("report: (.*)report\\.html").matcher(o.out());
        assertThat(m.find()).isTrue();
        Path folder = Path.of(m.group(1));
        goodResults = Files.readString(folder.resolve("results.json"));
        runId = folder.getFileName().toString();
    }

    @AfterAll
    static void countsByExitCode() {
        Map<Integer, Long> byCode = new TreeMap<>();
        for (Case c : cases().toList()) {
            byCode.merge(c.exit(), 1L, Long::sum);
        }
        System.out.println("bad-input corpus: " + CASES.size() + " rows, by exit code " + byCode);
    }

    @Test
    void theCorpusIsLargeAndCoversEveryKindOfInput() {
        List<Case> all = cases().toList();
        assertThat(all).hasSizeGreaterThanOrEqualTo(150);
        assertThat(all.stream().map(Case::name).distinct().count()).isEqualTo(all.size());
        for (String kind : List.of("suite", "dataset", "labels", "outputs", "cli", "store", "results")) {
            assertThat(all).as(kind).anyMatch(c -> c.name().startsWith(kind + ":"));
        }
    }

    @Test
    void aCraftedResultsFileLeavesNoControlOrBidiCharactersInTheReport() throws IOException {
        Path d = root.resolve("_crafted");
        Files.createDirectories(d);
        ObjectNode r = (ObjectNode) new ObjectMapper().readTree(goodResults);
        poison(r.get("items"));
        Files.writeString(d.resolve("r.json"), r.toString());
        MainTest.Outcome o = MainTest.frontier("report", d.resolve("r.json").toString(), "--reports",
                d.resolve("reports").toString(), "--store", d.resolve("store.db").toString());
        assertThat(o.code()).as(o.err()).isZero();
        Path folder = d.resolve("reports").resolve("corpus").resolve(runId);
        assertThat(Files.readString(folder.resolve("results.json"))).contains("\\u001B");
        for (String file : List.of("report.html", "summary.md")) {
            String text = Files.readString(folder.resolve(file));
            assertThat(text).as(file).doesNotContain("\u001b", "\u202e");
        }
        assertThat(Files.readString(folder.resolve("report.html"))).contains("[31mPOISON");
    }

    private static void poison(com.fasterxml.jackson.databind.JsonNode node) {
        if (node instanceof ObjectNode o) {
            for (String name : List.copyOf(iterable(o.fieldNames()))) {
                if (o.get(name).isTextual() && !name.equals("id")) {
                    o.put(name, "\u001b[31mPOISON\u202e" + o.get(name).asText());
                } else {
                    poison(o.get(name));
                }
            }
        } else if (node != null && node.isArray()) {
            node.forEach(BadInputCorpusTest::poison);
        }
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedWithItsExitCodeAndMessageAndLeavesNothingBehind(Case c) throws Exception {
        Path dir = root.resolve("case-" + Integer.toHexString(c.name().hashCode()));
        Files.createDirectories(dir);
        for (Map.Entry<String, Object> f : c.files().entrySet()) {
            Path p = dir.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Object v = f.getValue();
            if (v == ABSENT) {
                continue;
            } else if (v == null) {
                Files.createDirectories(p);
            } else if (v instanceof String s) {
                Files.writeString(p, s.replace("{d}", dir.toString()));
            } else if (v instanceof byte[] b) {
                Files.write(p, b);
            } else if (v instanceof Long sparse) {
                try (RandomAccessFile raf = new RandomAccessFile(p.toFile(), "rw")) {
                    raf.setLength(sparse);
                }
            } else if (v instanceof Path copy) {
                Files.copy(copy, p);
            } else {
                throw new IllegalStateException(f.toString());
            }
        }
        String[] args = c.args().stream().map(a -> a.replace("{d}", dir.toString()).replace("{RUN}", runId))
                .toArray(String[]::new);
        AutoCloseable held = c.setup() == null ? () -> { } : c.setup().apply(dir);
        Map<Path, byte[]> before = snapshot(dir);
        MainTest.Outcome o;
        try {
            o = MainTest.frontier(args);
        } finally {
            held.close();
        }
        String said = o.err() + o.out();
        assertThat(o.code()).as(said).isEqualTo(c.exit());
        assertThat(said).contains(c.fragment().replace("{d}", dir.toString()));
        assertThat(said).doesNotContain("\tat ", "Exception:", "java.lang.", "internal error", "Caused by");
        Map<Path, byte[]> after = snapshot(dir);
        assertThat(after.keySet()).as("files of the case folder afterwards").isEqualTo(before.keySet());
        for (Map.Entry<Path, byte[]> e : before.entrySet()) {
            if (e.getValue() != null && !e.getKey().toString().endsWith(".db")) {
                assertThat(after.get(e.getKey())).as(e.getKey() + " unchanged").isEqualTo(e.getValue());
            }
        }
        for (Map.Entry<Path, byte[]> e : before.entrySet()) {
            if (e.getKey().getFileName().toString().startsWith("foreign")) {
                assertThat(after.get(e.getKey())).as("another program's file is left untouched")
                        .isEqualTo(e.getValue());
            }
        }
    }

    /** Every path under {@code dir} with its bytes (null for folders and files too large to compare). */
    private static Map<Path, byte[]> snapshot(Path dir) throws IOException {
        Map<Path, byte[]> out = new TreeMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.toList()) {
                String name = p.getFileName().toString();
                if (name.endsWith("-wal") || name.endsWith("-shm") || name.endsWith("-journal")) {
                    continue; // SQLite's own side files come and go while a store is open
                }
                out.put(dir.relativize(p), Files.isRegularFile(p) && Files.size(p) < (1 << 20)
                        ? Files.readAllBytes(p) : null);
            }
        }
        return out;
    }

    static Stream<Case> cases() {
        if (CASES.isEmpty()) {
            suites();
            datasets();
            labels();
            outputs();
            arguments();
            stores();
            results();
        }
        return CASES.stream();
    }

    // ---- builders -------------------------------------------------------------------------------------------------

    private static void add(String name, Map<String, Object> files, int exit, String fragment, Setup setup,
                            String... args) {
        CASES.add(new Case(name, files, List.of(args), exit, fragment, setup));
    }

    private static Map<String, Object> files(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    /** {@code validate} of a suite file, with the base dataset. */
    private static void suite(String name, String yaml, String fragment) {
        add("suite: " + name, files("suite.yaml", yaml, "data.csv", DATA), 2, fragment, null, "validate",
                "{d}/suite.yaml");
    }

    /** {@code validate} of the base suite with {@code from} replaced by {@code to}. */
    private static void suiteWith(String name, String from, String to, String fragment) {
        assertThat(SUITE).contains(from);
        suite(name, SUITE.replace(from, to), fragment);
    }

    /** {@code validate} of the base suite reading {@code file} as its dataset. */
    private static void dataset(String name, String file, Object content, String fragment) {
        String format = file.endsWith(".jsonl") ? ", format: jsonl" : "";
        add("dataset: " + name, files("suite.yaml", SUITE.replace("path: data.csv", "path: " + file + format),
                file, content), 2, fragment, null, "validate", "{d}/suite.yaml");
    }

    private static void labels(String name, String file, Object content, String fragment) {
        String suite = LABELS_SUITE.replace("file: labels.csv", "file: " + file);
        add("labels: " + name, files("suite.yaml", suite, "data.csv", DATA, file, content), 2, fragment, null,
                "validate", "{d}/suite.yaml");
    }

    private static void outputs(String name, Object content, String fragment) {
        add("outputs: " + name, files("suite.yaml", OUTPUTS_SUITE, "data.csv", DATA, "out.jsonl", content), 2,
                fragment, null, "validate", "{d}/suite.yaml");
    }

    private static void cli(String name, int exit, String fragment, Map<String, Object> files, String... args) {
        add("cli: " + name, files, exit, fragment, null, args);
    }

    private static Map<String, Object> runnable() {
        return files("suite.yaml", SUITE, "data.csv", DATA);
    }

    private static String[] run(String... more) {
        List<String> a = new ArrayList<>(List.of("run", "{d}/suite.yaml", "--sandbox"));
        a.addAll(Arrays.asList(more));
        if (!a.contains("--sandbox-time-scale")) {
            a.addAll(List.of("--sandbox-time-scale", "0"));
        }
        if (!a.contains("--store")) {
            a.addAll(List.of("--store", "{d}/store.db"));
        }
        if (!a.contains("--reports")) {
            a.addAll(List.of("--reports", "{d}/reports"));
        }
        return a.toArray(String[]::new);
    }

    // ---- suite files ----------------------------------------------------------------------------------------------

    private static void suites() {
        suiteWith("suite id with spaces", "suite: corpus", "suite: Corpus Suite", "is not a lower-case kebab id");
        suiteWith("suite id that climbs out", "suite: corpus", "suite: ../etc", "is not a lower-case kebab id");
        suiteWith("absolute suite id", "suite: corpus", "suite: /tmp/x", "is not a lower-case kebab id");
        suiteWith("suite id with a slash", "suite: corpus", "suite: a/b", "is not a lower-case kebab id");
        suiteWith("suite id with a control character", "suite: corpus", "suite: \"a\\x1bb\"", "not a lower-case kebab");
        suiteWith("suite id too long", "suite: corpus", "suite: " + "a".repeat(80), "is not a lower-case kebab id");
        suiteWith("no suite id", "suite: corpus\n", "", "suite: missing");
        suiteWith("unknown top-level key", "suite: corpus", "suite: corpus\nbudjet: 5", "budjet");
        suiteWith("no dataset", "dataset: { path: data.csv, id: id }\n", "", "dataset: missing");
        suiteWith("dataset file missing", "path: data.csv", "path: nowhere.csv", "dataset file not found");
        suiteWith("dataset without id field", "{ path: data.csv, id: id }", "{ path: data.csv }", "dataset.id");
        suiteWith("dataset format unknown", "{ path: data.csv, id: id }", "{ path: data.csv, id: id, format: xml }",
                "dataset.format");
        suiteWith("holdout above 1", "{ path: data.csv, id: id }", "{ path: data.csv, id: id, holdout: 1.5 }",
                "dataset.holdout");
        suiteWith("no prompt", "prompt: { user: \"Classify: {{text}}\" }\n", "", "prompt");
        suiteWith("template field the dataset lacks", "{{text}}", "{{txt}}", "the dataset has no field 'txt'");
        suiteWith("unclosed placeholder", "Classify: {{text}}", "Classify: {{text", "is not a closed placeholder");
        suiteWith("placeholder closed with one brace", "Classify: {{text}}", "Classify: {{text}",
                "is not a closed placeholder");
        suiteWith("empty placeholder", "Classify: {{text}}", "Classify: {{text}} {{}}", "is not a closed placeholder");
        suiteWith("placeholder with a space in the name", "Classify: {{text}}", "Classify: {{te xt}}",
                "is not a closed placeholder");
        suiteWith("unclosed placeholder in a scorer", "expected: \"{{label}}\"", "expected: \"{{label\"",
                "is not a closed placeholder");
        suiteWith("scorer field the dataset lacks", "{{label}}", "{{lable}}", "the dataset has no field 'lable'");
        suiteWith("empty candidate list", "  - { id: a, model: amazon.nova-micro-v1:0 }\n", "  []\n",
                "candidates");
        suiteWith("candidate id that climbs out", "id: a,", "id: ../x,", "is not a valid id");
        suiteWith("absolute candidate id", "id: a,", "id: /x,", "is not a valid id");
        suiteWith("candidate id with a space", "id: a,", "id: \"a b\",", "is not a valid id");
        suiteWith("candidate id with a control character", "id: a,", "id: \"a\\tb\",", "is not a valid id");
        suiteWith("candidate without id", "{ id: a, model", "{ model", "candidates[0].id: missing");
        suiteWith("duplicate candidate id", "  - { id: a, model: amazon.nova-micro-v1:0 }",
                "  - { id: a, model: amazon.nova-micro-v1:0 }\n  - { id: a, model: amazon.nova-lite-v1:0 }",
                "duplicate candidate id 'a'");
        suiteWith("candidate model that is no model id", "model: amazon.nova-micro-v1:0", "model: \"not a model\"",
                "candidates[0].model");
        suiteWith("candidate with model and outputs", "model: amazon.nova-micro-v1:0",
                "model: amazon.nova-micro-v1:0, outputs: out.jsonl", "candidates[0]");
        suiteWith("imported outputs file missing", "model: amazon.nova-micro-v1:0 }",
                "model: amazon.nova-micro-v1:0 }\n  - { id: v, outputs: missing.jsonl }", "outputs file not found");
        suiteWith("no scorers", "  - { type: exact-match, expected: \"{{label}}\" }\n", "  []\n", "scorers");
        suiteWith("unknown scorer type", "type: exact-match", "type: exact-matc", "exact-matc");
        suiteWith("scorer id that climbs out", "{ type: exact-match,", "{ id: \"../../s\", type: exact-match,",
                "is not a valid id");
        suiteWith("absolute scorer id", "{ type: exact-match,", "{ id: /etc/s, type: exact-match,",
                "is not a valid id");
        suiteWith("scorer id with ESC", "{ type: exact-match,", "{ id: \"s\\e[31m\", type: exact-match,",
                "is not a valid id");
        suiteWith("scorer id with a newline", "{ type: exact-match,", "{ id: \"s\\nt\", type: exact-match,",
                "is not a valid id");
        suiteWith("scorer id with a NUL", "{ type: exact-match,", "{ id: \"s\\0t\", type: exact-match,",
                "scorers[0].id");
        suiteWith("scorer id with a bidi override", "{ type: exact-match,", "{ id: \"s\\u202Et\", type: exact-match,",
                "is not a valid id");
        suiteWith("empty scorer id", "{ type: exact-match,", "{ id: \"\", type: exact-match,", "is not a valid id");
        suiteWith("two scorers with one id", "  - { type: exact-match, expected: \"{{label}}\" }",
                "  - { type: exact-match, expected: \"{{label}}\" }\n  - { type: exact-match, expected: \"{{text}}\" }",
                "two scorers are both called 'exact-match'");
        suiteWith("negative scorer weight", "expected: \"{{label}}\" }", "expected: \"{{label}}\", weight: -1 }",
                "must not be negative");
        suiteWith("every weight zero", "expected: \"{{label}}\" }", "expected: \"{{label}}\", weight: 0 }",
                "every weight is 0");
        suiteWith("weight that is no number", "expected: \"{{label}}\" }", "expected: \"{{label}}\", weight: lots }",
                "scorers[0].weight");
        suiteWith("unknown scorer parameter", "expected: \"{{label}}\" }", "expected: \"{{label}}\", wieght: 1 }",
                "scorers[0].wieght");
        suiteWith("two price overrides for one model", "scorers:", """
                pricing:
                  overrides:
                    - { model: amazon.nova-micro-v1:0, input: 0.1, output: 0.2 }
                    - { model: amazon.nova-micro-v1:0, input: 0.3, output: 0.4 }
                scorers:""", "already has prices in pricing.overrides[0]");
        suiteWith("price override without model", "scorers:", """
                pricing:
                  overrides:
                    - { input: 0.1, output: 0.2 }
                scorers:""", "pricing.overrides[0].model: missing");
        suiteWith("price that is no number", "scorers:", """
                pricing:
                  overrides:
                    - { model: amazon.nova-micro-v1:0, input: cheap, output: 0.2 }
                scorers:""", "pricing.overrides[0].input");
        suiteWith("budget that is no number", "scorers:", "budget: { maxUsd: abc }\nscorers:", "budget.maxUsd");
        suiteWith("negative budget", "scorers:", "budget: { maxUsd: -1 }\nscorers:", "budget.maxUsd");
        suiteWith("concurrency zero", "scorers:", "execution: { concurrency: 0 }\nscorers:", "execution.concurrency");
        suiteWith("concurrency that is no number", "scorers:", "execution: { concurrency: many }\nscorers:",
                "execution.concurrency");
        suiteWith("error rate above 1", "scorers:", "execution: { maxErrorRate: 2 }\nscorers:",
                "execution.maxErrorRate");
        suiteWith("region that is no region", "scorers:", "execution: { region: mars }\nscorers:", "execution.region");
        suiteWith("execution mode unknown", "scorers:", "execution: { mode: fast }\nscorers:", "execution.mode");
        suiteWith("endpoint that is no URL", "scorers:", "execution: { endpoint: \"::\" }\nscorers:",
                "execution.endpoint");
        suiteWith("margin above 1", "scorers:", "selection: { margin: 5 }\nscorers:", "selection.margin");
        suiteWith("confidence below 0.5", "scorers:", "selection: { confidence: 0.2 }\nscorers:",
                "selection.confidence");
        suiteWith("negative traffic", "scorers:", "traffic: { requestsPerMonth: -5 }\nscorers:",
                "traffic.requestsPerMonth");
        suiteWith("maxTokens zero", "scorers:", "inference: { maxTokens: 0 }\nscorers:", "inference.maxTokens");
        suiteWith("gate on an unknown metric", "scorers:", "gates:\n  - { metric: happiness, min: 1 }\nscorers:",
                "gates[0]");
        suiteWith("staging URI that is not S3", "scorers:", "staging: { s3: \"http://bucket/x\" }\nscorers:",
                "staging.s3");
        suiteWith("role ARN that is no ARN", "scorers:", "staging: { roleArn: \"arn:bad\" }\nscorers:",
                "staging.roleArn");
        suiteWith("human labels without file", "  - { type: exact-match, expected: \"{{label}}\" }",
                "  - { type: exact-match, expected: \"{{label}}\" }\n  - { type: human-labels, weight: 0 }",
                "is required for human-labels");
        suiteWith("judge without a model", "  - { type: exact-match, expected: \"{{label}}\" }",
                "  - { type: exact-match, expected: \"{{label}}\" }\n  - { type: llm-judge, rubric: x, scale: [1, 5] }",
                "scorers[1]");
        suiteWith("judge prompt file that is a device", "  - { type: exact-match, expected: \"{{label}}\" }",
                "  - { type: exact-match, expected: \"{{label}}\" }\n  - { type: llm-judge, model: amazon.nova-pro-v1:0,"
                        + " rubric: x, scale: [1, 5], prompt: /dev/zero }", "is not a regular file");
        suiteWith("judge prompt file missing", "  - { type: exact-match, expected: \"{{label}}\" }",
                "  - { type: exact-match, expected: \"{{label}}\" }\n  - { type: llm-judge, model: amazon.nova-pro-v1:0,"
                        + " rubric: x, scale: [1, 5], prompt: none.txt }", "cannot read the judge prompt");
        suite("YAML syntax error", "suite: corpus\ndataset: { path: data.csv, id: id\n", "suite.yaml:");
        suite("YAML alias bomb", """
                a: &a ["x","x","x","x","x","x","x","x","x"]
                b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
                c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
                d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
                e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
                f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
                """, "suite.yaml");
        suite("YAML class tag", "suite: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[]]]\n",
                "suite.yaml");
        suite("empty suite file", "", "suite.yaml");
        suite("a scalar instead of a mapping", "hello\n", "suite.yaml");
        suite("a list instead of a mapping", "- a\n- b\n", "suite.yaml");
        suite("duplicate key", SUITE + "suite: again\n", "suite.yaml");
        add("suite: suite file missing", files(), 2, "suite file not found", null, "validate", "{d}/none.yaml");
        add("suite: suite file is a folder", files("suite.yaml", null), 2, "is not a regular file", null, "validate",
                "{d}/suite.yaml");
        add("suite: suite file is /dev/zero", files(), 2, "is not a regular file", null, "validate", "/dev/zero");
        add("suite: suite file larger than the limit", files("suite.yaml", (long) (3 << 20)), 2, "more than the",
                null, "validate", "{d}/suite.yaml");
        add("suite: suite file not UTF-8", files("suite.yaml", new byte[] {'s', ':', ' ', (byte) 0xff, '\n'}), 2,
                "is not UTF-8", null, "validate", "{d}/suite.yaml");
        add("suite: a bad suite is refused by run before anything is paid", files("suite.yaml",
                SUITE.replace("{{text}}", "{{text"), "data.csv", DATA), 2, "nothing was run", null, run());
    }

    // ---- datasets -------------------------------------------------------------------------------------------------

    private static void datasets() {
        dataset("unbalanced CSV quote", "d.csv", "id,text,label\n1,ok,a\n2,\"open,b\n3,x,c\n",
                "d.csv:3 a quoted field is never closed");
        dataset("NUL byte in CSV", "d.csv", "id,text,label\n1,he\0llo,a\n", "d.csv:2 contains a NUL byte");
        dataset("row with too few fields", "d.csv", "id,text,label\n1,hello\n", "d.csv:2 has 2 fields");
        dataset("row with too many fields", "d.csv", "id,text,label\n1,a,b,c\n", "d.csv:2 has 4 fields");
        dataset("empty CSV", "d.csv", "", "the dataset has no items");
        dataset("header only", "d.csv", "id,text,label\n", "the dataset has no items");
        dataset("row without id", "d.csv", "id,text,label\n,hello,a\n", "d.csv:2 no value for the id field 'id'");
        dataset("duplicate id", "d.csv", "id,text,label\n1,a,b\n1,c,d\n", "duplicate id '1' (first on line 2)");
        dataset("duplicate column", "d.csv", "id,text,text,label\n1,a,b,c\n", "duplicate column 'text'");
        dataset("no id column", "d.csv", "key,text,label\n1,a,b\n", "no value for the id field 'id'");
        dataset("CSV not UTF-8", "d.csv", new byte[] {'i', 'd', ',', 't', 'e', 'x', 't', ',', 'l', 'a', 'b', 'e', 'l',
            '\n', '1', ',', (byte) 0xe9, ',', 'x', '\n'}, "is not UTF-8");
        dataset("template field missing from the header", "d.csv", "id,body,label\n1,a,b\n",
                "the dataset has no field 'text'");
        dataset("dataset is a folder", "d.csv", null, "is not a regular file");
        dataset("dataset larger than the limit", "d.csv", 300L << 20, "more than the");
        dataset("JSONL null field", "d.jsonl", "{\"id\":\"1\",\"text\":\"a\",\"label\":\"b\"}\n"
                + "{\"id\":\"2\",\"text\":null,\"label\":\"b\"}\n", "d.jsonl:2 item '2' has no value for 'text' (missing or null)");
        dataset("JSONL null id", "d.jsonl", "{\"id\":null,\"text\":\"a\",\"label\":\"b\"}\n",
                "d.jsonl:1 no value for the id field 'id'");
        dataset("JSONL object as id", "d.jsonl", "{\"id\":{\"x\":1},\"text\":\"a\",\"label\":\"b\"}\n",
                "d.jsonl:1 field 'id' is an object");
        dataset("JSONL array as id", "d.jsonl", "{\"id\":[1,2],\"text\":\"a\",\"label\":\"b\"}\n",
                "d.jsonl:1 field 'id' is an array");
        dataset("JSONL invalid line", "d.jsonl", "{\"id\":\"1\",\"text\":\"a\",\"label\":\"b\"}\n{\"id\": \n",
                "d.jsonl:2 not valid JSON");
        dataset("JSONL array line", "d.jsonl", "[1,2,3]\n", "d.jsonl:1 expected a JSON object");
        dataset("JSONL scalar line", "d.jsonl", "42\n", "d.jsonl:1 expected a JSON object");
        dataset("JSONL row without a field a template uses", "d.jsonl",
                "{\"id\":\"1\",\"text\":\"a\",\"label\":\"b\"}\n{\"id\":\"2\",\"label\":\"b\"}\n",
                "d.jsonl:2 item '2' has no value for 'text'");
        dataset("JSONL row without the reference field", "d.jsonl",
                "{\"id\":\"1\",\"text\":\"a\",\"label\":\"b\"}\n\n{\"id\":\"2\",\"text\":\"b\"}\n",
                "d.jsonl:3 item '2' has no value for 'label'");
        dataset("JSONL row without id", "d.jsonl", "{\"text\":\"a\",\"label\":\"b\"}\n",
                "d.jsonl:1 no value for the id field 'id'");
        dataset("JSONL duplicate id", "d.jsonl", "{\"id\":1,\"text\":\"a\",\"label\":\"b\"}\n"
                + "{\"id\":1,\"text\":\"c\",\"label\":\"d\"}\n", "duplicate id '1'");
        dataset("JSONL empty", "d.jsonl", "\n\n", "the dataset has no items");
        dataset("JSONL NUL byte", "d.jsonl", "{\"id\":\"1\",\"text\":\"a\0\",\"label\":\"b\"}\n", "d.jsonl:1 not valid JSON");
        dataset("JSONL truncated last line", "d.jsonl", "{\"id\":\"1\",\"text\":\"a\",\"label\":\"b\"}\n{\"id\":\"2\",\"te",
                "d.jsonl:2 not valid JSON");
        dataset("JSONL not UTF-8", "d.jsonl", new byte[] {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xc3, '"', '}',
            '\n'}, "is not UTF-8");
        add("dataset: dataset is /dev/zero", files("suite.yaml", SUITE.replace("path: data.csv",
                "path: /dev/zero")), 2, "is not a regular file", null, "validate", "{d}/suite.yaml");
        add("dataset: a null field is refused by run before anything is paid", files("suite.yaml",
                SUITE.replace("path: data.csv", "path: d.jsonl, format: jsonl"), "d.jsonl",
                "{\"id\":\"1\",\"text\":\"a\",\"label\":\"b\"}\n{\"id\":\"2\",\"text\":null,\"label\":\"b\"}\n"), 2,
                "d.jsonl:2 item '2' has no value for 'text' (missing or null)", null, run());
    }

    // ---- labels ---------------------------------------------------------------------------------------------------

    private static void labels() {
        String header = "id,candidate,annotator,grade\n";
        labels("missing column", "labels.csv", "id,candidate,annotator\n1,a,ann\n", "no column 'grade'");
        labels("grade off the scale", "labels.csv", header + "1,a,ann,9\n", "labels.csv:2");
        labels("grade that is no number", "labels.csv", header + "1,a,ann,good\n", "labels.csv:2");
        labels("row without a value", "labels.csv", header + "1,a,ann,\n", "labels.csv:2 no value for grade");
        labels("row without an item", "labels.csv", header + ",a,ann,3\n", "labels.csv:2 no value for id");
        labels("unbalanced quote", "labels.csv", header + "1,a,ann,3\n2,\"a,ann,3\n", "labels.csv:3 a quoted field");
        labels("NUL byte", "labels.csv", header + "1,a,a\0nn,3\n", "labels.csv:2 contains a NUL byte");
        labels("wrong field count", "labels.csv", header + "1,a,3\n", "labels.csv:2 has 3 fields");
        labels("labels file missing", "nolabels.csv", ABSENT, "labels file not found");
        labels("labels file is a folder", "labels.csv", null, "is not a regular file");
        labels("labels file larger than the limit", "labels.csv", 300L << 20, "more than the");
        labels("labels not UTF-8", "labels.csv", new byte[] {'i', 'd', (byte) 0xff, '\n'}, "is not UTF-8");
        labels("no labels", "labels.csv", header, "has no labels");
        labels("JSONL object as item", "labels.jsonl",
                "{\"id\":{\"x\":1},\"candidate\":\"a\",\"annotator\":\"ann\",\"grade\":3}\n",
                "labels.jsonl:1 field 'id' is an object");
        labels("JSONL array as annotator", "labels.jsonl",
                "{\"id\":\"1\",\"candidate\":\"a\",\"annotator\":[\"x\"],\"grade\":3}\n",
                "labels.jsonl:1 field 'annotator' is an array");
        labels("JSONL invalid line", "labels.jsonl", "{\"id\":\n", "labels.jsonl:1 not valid JSON");
        add("labels: labels file is /dev/zero", files("suite.yaml", LABELS_SUITE.replace("file: labels.csv",
                "file: /dev/zero"), "data.csv", DATA), 2, "is not a regular file", null, "validate", "{d}/suite.yaml");
    }

    // ---- imported outputs -----------------------------------------------------------------------------------------

    private static void outputs() {
        String ok2 = "{\"id\":\"2\",\"output\":\"leave\"}\n";
        outputs("latencyMs that is text", "{\"id\":\"1\",\"output\":\"greet\",\"latencyMs\":\"fast\"}\n" + ok2,
                "out.jsonl:1 latencyMs is \"fast\"");
        outputs("negative latencyMs", "{\"id\":\"1\",\"output\":\"greet\",\"latencyMs\":-5}\n" + ok2,
                "out.jsonl:1 latencyMs is -5");
        outputs("fractional latencyMs", "{\"id\":\"1\",\"output\":\"greet\",\"latencyMs\":1.5}\n" + ok2,
                "out.jsonl:1 latencyMs is 1.5");
        outputs("object latencyMs", "{\"id\":\"1\",\"output\":\"greet\",\"latencyMs\":{}}\n" + ok2,
                "out.jsonl:1 latencyMs is {}");
        outputs("stopReason that is an object", "{\"id\":\"1\",\"output\":\"g\",\"stopReason\":{\"a\":1}}\n" + ok2,
                "out.jsonl:1 stopReason is");
        outputs("no output", "{\"id\":\"1\"}\n" + ok2, "out.jsonl:1 no \"output\" text");
        outputs("output that is a number", "{\"id\":\"1\",\"output\":42}\n" + ok2, "out.jsonl:1 no \"output\" text");
        outputs("object as id", "{\"id\":{\"x\":1},\"output\":\"g\"}\n" + ok2, "out.jsonl:1 no item id");
        outputs("duplicate id", "{\"id\":\"2\",\"output\":\"g\"}\n" + ok2, "out.jsonl:2 duplicate id '2'");
        outputs("negative tokens", "{\"id\":\"1\",\"output\":\"g\",\"usage\":{\"inputTokens\":-1,\"outputTokens\":2}}\n"
                + ok2, "out.jsonl:1");
        outputs("invalid JSON", "{\"id\":\"1\",\n" + ok2, "out.jsonl:1 not valid JSON");
        outputs("empty file", "", "no outputs in the file");
        outputs("folder instead of file", null, "out.jsonl");
        outputs("larger than the limit", 300L << 20, "more than the");
        add("outputs: outputs file is /dev/zero", files("suite.yaml", OUTPUTS_SUITE.replace("outputs: out.jsonl",
                "outputs: /dev/zero"), "data.csv", DATA), 2, "is not a regular file", null, "validate",
                "{d}/suite.yaml");
    }

    // ---- command-line arguments -----------------------------------------------------------------------------------

    private static void arguments() {
        cli("budget that is no number", 2, "'abc' is not a number", runnable(), run("--budget", "abc"));
        cli("budget with a comma", 2, "'1,5' is not a number", runnable(), run("--budget", "1,5"));
        cli("negative budget", 2, "--budget must be a positive amount", runnable(), run("--budget", "-1"));
        cli("zero budget", 2, "--budget must be a positive amount", runnable(), run("--budget", "0"));
        cli("time scale NaN", 2, "'NaN' is not a finite number", runnable(), run("--sandbox-time-scale", "NaN"));
        cli("time scale Infinity", 2, "'Infinity' is not a finite number", runnable(),
                run("--sandbox-time-scale", "Infinity"));
        cli("time scale negative", 2, "--sandbox-time-scale must be between 0 and 10", runnable(),
                run("--sandbox-time-scale", "-1"));
        cli("time scale too large", 2, "--sandbox-time-scale must be between 0 and 10", runnable(),
                run("--sandbox-time-scale", "99"));
        cli("time scale that is no number", 2, "'slow' is not a number", runnable(), run("--sandbox-time-scale", "slow"));
        cli("job time NaN", 2, "'NaN' is not a finite number", runnable(), run("--sandbox-job-time", "NaN"));
        cli("job time negative", 2, "--sandbox-job-time must be between", runnable(), run("--sandbox-job-time", "-3"));
        cli("resume with no run id", 2, "--resume takes a run id", runnable(), run("--resume", "latest"));
        cli("resume with a path", 2, "--resume takes a run id", runnable(), run("--resume", "../../src"));
        cli("resume without a store creates none", 2, "no run store at", runnable(),
                run("--resume", "20261127-183000-ab12"));
        cli("resume of a run the store lacks", 2, "is not in", files("suite.yaml", SUITE, "data.csv", DATA,
                "store.db", goodStore), run("--resume", "20261127-183000-ab12"));
        cli("unknown progress mode", 2, "'--progress': takes auto, bar or plain", runnable(), run("--progress", "fancy"));
        cli("unknown mode", 2, "is not a mode", runnable(), run("--mode", "fast"));
        cli("reports folder is a file", 2, "is a file, not a folder", files("suite.yaml", SUITE, "data.csv", DATA,
                "reports", "x"), run());
        cli("reports folder under a file", 2, "--reports {d}/afile/sub cannot be written", files("suite.yaml", SUITE,
                "data.csv", DATA, "afile", "x"), run("--reports", "{d}/afile/sub"));
        cli("store is a folder", 2, "is a folder", files("suite.yaml", SUITE, "data.csv", DATA, "store.db", null),
                run());
        cli("store under a file", 2, "cannot be created", files("suite.yaml", SUITE, "data.csv", DATA, "afile", "x"),
                run("--store", "{d}/afile/store.db"));
        cli("store is /dev/null", 2, "--store /dev/null is not a regular file", runnable(), run("--store", "/dev/null"));
        cli("missing suite argument", 2, "Missing required parameter", files(), "run");
        cli("unknown option", 2, "Unknown option", runnable(), run("--turbo"));
        cli("unknown command", 2, "Unmatched argument", files(), "fly");
        cli("concurrency option that does not exist", 2, "Unknown option", runnable(), run("--concurrency", "9"));
        cli("sandbox negative RPM quota", 2, "--quota-rpm and --quota-tpm must not be negative", files(), "sandbox",
                "--quota-rpm", "-5");
        cli("sandbox negative TPM quota", 2, "--quota-rpm and --quota-tpm must not be negative", files(), "sandbox",
                "--quota-tpm", "-1");
        cli("sandbox RPM quota that is no number", 2, "'many' is not a whole number", files(), "sandbox",
                "--quota-rpm", "many");
        cli("sandbox port out of range", 2, "--port must be between 0 and 65535", files(), "sandbox", "--port",
                "70000");
        cli("sandbox throttle rate above 1", 2, "--throttle-rate and --fault-rate are shares", files(), "sandbox",
                "--throttle-rate", "2");
        cli("sandbox fault rate NaN", 2, "'NaN' is not a finite number", files(), "sandbox", "--fault-rate", "NaN");
        cli("sandbox time scale NaN", 2, "'NaN' is not a finite number", files(), "sandbox", "--time-scale", "NaN");
        cli("sandbox negative fault rate", 2, "--throttle-rate and --fault-rate are shares", files(), "sandbox",
                "--fault-rate", "-0.1");
        cli("report of something that is neither run nor file", 2, "is neither a run id", files(), "report",
                "{d}/nothing", "--store", "{d}/store.db", "--reports", "{d}/reports");
        cli("report of a run without a store", 2, "no run store at", files(), "report", "20261127-183000-ab12",
                "--store", "{d}/store.db", "--reports", "{d}/reports");
        cli("gate of something that is neither run nor file", 2, "is neither a run id", files(), "gate",
                "{d}/nothing", "--store", "{d}/store.db", "--reports", "{d}/reports");
        add("cli: gate with a missing baseline", files(), 2, "--baseline: '", dir -> {
            Files.writeString(dir.resolve("head.json"), goodResults);
            return () -> { };
        }, "gate", "{d}/head.json", "--baseline", "{d}/none.json", "--store", "{d}/store.db", "--reports",
                "{d}/reports");
        cli("rescore of no run id", 2, "RUN must be a run id", runnable(), "rescore", "../x", "--config",
                "{d}/suite.yaml", "--store", "{d}/store.db");
        cli("rescore with a budget that is no number", 2, "'lots' is not a number", runnable(), "rescore",
                "20261127-183000-ab12", "--config", "{d}/suite.yaml", "--budget", "lots");
        cli("rescore without a store", 2, "no run store at", runnable(), "rescore", "20261127-183000-ab12",
                "--config", "{d}/suite.yaml", "--store", "{d}/store.db", "--reports", "{d}/reports");
        cli("rescore with time scale NaN", 2, "'NaN' is not a finite number", runnable(), "rescore",
                "20261127-183000-ab12", "--config", "{d}/suite.yaml", "--sandbox-time-scale", "NaN");
        cli("estimate of a missing suite", 2, "suite file not found", files(), "estimate", "{d}/none.yaml");
        cli("labels import for no run id", 2, "--run takes a run id", files("l.csv",
                "item_id,candidate_id,annotator,value\n1,a,x,3\n"), "labels", "import", "{d}/l.csv", "--run", "../x",
                "--scale", "1,5", "--store", "{d}/store.db");
        cli("labels import with a name that climbs out", 2, "--name: '../x' is not a valid id", files("l.csv",
                "item_id,candidate_id,annotator,value\n1,a,x,3\n"), "labels", "import", "{d}/l.csv", "--name", "../x",
                "--scale", "1,5", "--store", "{d}/store.db");
        cli("labels import of /dev/zero", 2, "is not a regular file", files(), "labels", "import", "/dev/zero",
                "--format", "csv", "--scale", "1,5", "--store", "{d}/store.db");
        cli("labels import of a file larger than the limit", 2, "more than the", files("l.csv", 300L << 20), "labels",
                "import", "{d}/l.csv", "--scale", "1,5", "--store", "{d}/store.db");
    }

    // ---- run stores -----------------------------------------------------------------------------------------------

    private static void stores() {
        String[] report = {"report", "20261127-183000-ab12", "--store", "{d}/foreign.db", "--reports", "{d}/reports"};
        add("store: a text file", files("foreign.db", "hello, I am a text file\n"), 2, "not a SQLite database",
                null, report);
        add("store: another program's SQLite file", files(), 2, "is a SQLite database but not a frontier run store",
                dir -> {
                    sqlite(dir.resolve("foreign.db"), "CREATE TABLE photos (id INTEGER, path TEXT)");
                    return () -> { };
                }, report);
        add("store: another program's SQLite file given to run is left untouched", files("suite.yaml", SUITE,
                "data.csv", DATA), 2, "not a frontier run store", dir -> {
                    sqlite(dir.resolve("foreign.db"), "CREATE TABLE runs (x TEXT)");
                    return () -> { };
                }, run("--store", "{d}/foreign.db"));
        add("store: a SQLite file with another application id", files(), 2, "another program's SQLite database",
                dir -> {
                    sqlite(dir.resolve("foreign.db"), "PRAGMA application_id = 1234", "CREATE TABLE t (x)");
                    return () -> { };
                }, report);
        add("store: a truncated SQLite header", files("foreign.db", "SQLite format 3\0" + "x".repeat(40)), 2,
                "not a SQLite database", null, report);
        add("store: an empty SQLite database", files(), 2, "not a frontier run store (its tables: none)", dir -> {
            sqlite(dir.resolve("foreign.db"), "PRAGMA user_version = 7");
            return () -> { };
        }, report);
        add("store: another program's file given to gate", files("foreign.db", "not sqlite"), 2,
                "not a SQLite database", null, "gate", "20261127-183000-ab12", "--store", "{d}/foreign.db");
        add("store: another program's file given to rescore", files("suite.yaml", SUITE, "data.csv", DATA,
                "foreign.db", "not sqlite"), 2, "not a SQLite database", null, "rescore", "20261127-183000-ab12",
                "--config", "{d}/suite.yaml", "--store", "{d}/foreign.db", "--reports", "{d}/reports");
        add("store: another program's file given to resume", files("suite.yaml", SUITE, "data.csv", DATA,
                "foreign.db", "not sqlite"), 2, "not a SQLite database", null,
                run("--store", "{d}/foreign.db", "--resume", "20261127-183000-ab12"));
        add("store: a run the store does not have", files("store.db", goodStore), 2, "has no results", null,
                "report", "20261127-183000-ab12", "--store", "{d}/store.db", "--reports", "{d}/reports");
        add("store: a locked store given to report", files("store.db", goodStore), 3, "locked by another process",
                BadInputCorpusTest::locked, "report", "{RUN}", "--store", "{d}/store.db", "--reports", "{d}/reports");
        add("store: a locked store given to gate", files("store.db", goodStore), 3, "locked by another process",
                BadInputCorpusTest::locked, "gate", "{RUN}", "--store", "{d}/store.db", "--reports", "{d}/reports");
        add("store: a locked store given to run", files("suite.yaml", SUITE, "data.csv", DATA, "store.db", goodStore),
                3, "locked by another process", BadInputCorpusTest::locked, run());
        add("store: a locked store given to rescore", files("suite.yaml", SUITE, "data.csv", DATA, "store.db",
                goodStore), 3, "locked by another process", BadInputCorpusTest::locked, "rescore", "{RUN}", "--config",
                "{d}/suite.yaml", "--sandbox", "--store", "{d}/store.db", "--reports", "{d}/reports");
        add("store: a report folder holding someone else's file", files(), 3,
                "holds files frontier did not write (notes.txt)", reportFolderWith("notes.txt", "mine"), "report",
                "{d}/r.json", "--reports", "{d}/reports", "--store", "{d}/store.db");
        add("store: a report folder holding a folder", files(), 3, "holds files frontier did not write (keep)",
                reportFolderWith("keep/x.txt", "x"), "report", "{d}/r.json", "--reports", "{d}/reports", "--store",
                "{d}/store.db");
        add("store: a file where the report folder goes", files(), 3, "is not a report folder",
                reportFolderWith("", null), "report", "{d}/r.json", "--reports", "{d}/reports", "--store",
                "{d}/store.db");
    }

    /** Holds an exclusive lock on the case's store.db, as another process writing it would. */
    private static AutoCloseable locked(Path dir) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("store.db"));
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 0");
            s.execute("BEGIN EXCLUSIVE");
        }
        return c::close;
    }

    /** A report folder of the real run under the case's reports folder, holding {@code file} besides the report. */
    private static Setup reportFolderWith(String file, Object content) {
        return dir -> {
            Files.writeString(dir.resolve("r.json"), goodResults);
            Path folder = dir.resolve("reports").resolve("corpus").resolve(runId);
            if (content == null) {
                Files.createDirectories(folder.getParent());
                Files.writeString(folder, "a file where the report folder goes");
            } else {
                Files.createDirectories(folder);
                Files.createDirectories(folder.resolve(file).getParent());
                Files.writeString(folder.resolve(file), (String) content);
            }
            return () -> { };
        };
    }

    private static void sqlite(Path file, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    // ---- results files --------------------------------------------------------------------------------------------

    private static void results() {
        resultsField("run id that climbs out", r -> r.put("runId", "../../src"), "field runId: '../../src'");
        resultsField("absolute run id", r -> r.put("runId", "{d}/abs"), "field runId:");
        resultsField("run id with a newline", r -> r.put("runId", "20261127-183000-ab12\n"), "field runId:");
        resultsField("no run id", r -> r.remove("runId"), "field runId: 'null'");
        resultsField("suite that climbs out", r -> r.put("suite", "../.."), "field suite: '../..'");
        resultsField("suite with a slash", r -> r.put("suite", "a/b"), "field suite: 'a/b'");
        resultsField("absolute suite", r -> r.put("suite", "{d}/s"), "field suite:");
        resultsField("suite with ESC", r -> r.put("suite", "a\u001bb"), "field suite: 'a\\u001Bb'");
        resultsField("candidate id that climbs out", r -> ((ObjectNode) r.withArray("candidates").get(0))
                .put("id", "../x"), "field candidates[0].id: '../x'");
        resultsField("scorer id with a control character", r -> ((ObjectNode) r.withArray("scorers").get(0))
                .put("id", "s\u0007"), "field scorers[0].id:");
        resultsField("parent run id that climbs out", r -> r.put("parentRunId", "../y"), "field parentRunId: '../y'");
        resultsField("another schema", r -> r.put("schema", "other/1"), "not a frontier results.json");
        resultsFile("not JSON", "this is not json", "not a frontier results.json");
        resultsFile("empty file", "", "not a frontier results.json");
        resultsFile("a JSON array", "[1, 2]", "not a frontier results.json");
        resultsFile("larger than the limit", 300L << 20, "more than the");
        for (String command : List.of("report", "gate")) {
            add("results: " + command + " of a folder", files("r.json", null), 2, "nor a results.json file",
                    null, command, "{d}/r.json", "--reports", "{d}/reports", "--store", "{d}/store.db");
        }
        add("results: gate with a baseline that climbs out", files(), 2, "field runId: '../../src'", dir -> {
            Files.writeString(dir.resolve("head.json"), goodResults);
            ObjectNode r = (ObjectNode) new ObjectMapper().readTree(goodResults);
            r.put("runId", "../../src");
            Files.writeString(dir.resolve("base.json"), r.toString());
            return () -> { };
        }, "gate", "{d}/head.json", "--baseline", "{d}/base.json", "--reports", "{d}/reports", "--store",
                "{d}/store.db");
    }

    /** A results.json from the real run with one field changed, given to report and to gate. */
    private static void resultsField(String name, Consumer<ObjectNode> change, String fragment) {
        for (String command : List.of("report", "gate")) {
            add("results: " + command + " of a " + name, files("src/keep.txt", "source\n"), 2, fragment, dir -> {
                ObjectNode r = (ObjectNode) new ObjectMapper().readTree(goodResults);
                change.accept(r);
                Files.writeString(dir.resolve("r.json"), r.toString().replace("{d}", dir.toString()));
                return () -> { };
            }, command, "{d}/r.json", "--reports", "{d}/reports/x", "--store", "{d}/store.db");
        }
    }

    private static void resultsFile(String name, Object content, String fragment) {
        for (String command : List.of("report", "gate")) {
            add("results: " + command + " of " + name, files("r.json", content), 2, fragment, null, command,
                    "{d}/r.json", "--reports", "{d}/reports", "--store", "{d}/store.db");
        }
    }
}
