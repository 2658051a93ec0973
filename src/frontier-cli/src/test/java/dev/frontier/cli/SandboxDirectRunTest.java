package dev.frontier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --sandbox-direct} changes how the sandbox is called, not what it answers: the judged demo suite (candidates,
 * a jury of judges, a pairwise judge) run through the SDK over HTTP and run directly records the same results.json
 * (qualities, costs, token counts, statistics, decision), but for what names the run and when it ran, and for how
 * the judges' spend splits between paid calls and response-cache hits: identical judge prompts are paid twice when
 * they are in flight at once, which depends on timing, so only their sum is compared.
 */
@Tag("e2e")
class SandboxDirectRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** What differs between any two runs of a suite: their id, times, and where their files went. */
    private static final Set<String> PER_RUN = Set.of("runId", "createdAt", "startedAt", "finishedAt", "durationMs",
            "wallTimeMs", "runDir", "report", "clientLatencyMs");
    /** What depends on which identical judge prompts were in flight at once (see above), under {@code judging}. */
    private static final Set<String> JUDGE_TIMING = Set.of("cached", "paid", "spendByModel", "spendUsd");

    @TempDir
    Path dir;

    private JsonNode run(String name, String... flags) throws IOException {
        Path suite = dir.resolve("support-judged.yaml");
        if (!Files.exists(suite)) {
            Files.writeString(suite, Files.readString(Path.of("eval-configs/support-judged.yaml"))
                    .replace("../datasets/", Path.of("datasets").toAbsolutePath() + "/"));
        }
        List<String> args = new ArrayList<>(List.of("run", suite.toString(), "--sandbox", "--sandbox-time-scale", "0",
                "--store", dir.resolve(name + ".db").toString(), "--reports", dir.resolve(name).toString()));
        args.addAll(List.of(flags));
        MainTest.Outcome r = MainTest.frontier(args.toArray(String[]::new));
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        Matcher m = Pattern.compile("report: (.*/report\\.html)").matcher(r.out());
        assertThat(m.find()).as(r.out()).isTrue();
        return JSON.readTree(Path.of(m.group(1)).resolveSibling("results.json").toFile());
    }

    @Test
    void theDirectPathRecordsTheSameResultsAsTheSdkPath() throws IOException {
        JsonNode overHttp = run("http");
        JsonNode direct = run("direct", "--sandbox-direct");
        // the run did what the comparison is about: candidates and judges answered, and were priced
        JsonNode candidates = direct.path("candidates");
        assertThat(candidates.size()).isGreaterThan(3);
        assertThat(candidates.get(0).path("usage").path("inputTokens").asLong()).isPositive();
        assertThat(direct.path("judging").path("paid").asLong()).isPositive();
        assertThat(judgeCalls(direct)).isEqualTo(judgeCalls(overHttp));
        assertThat(direct.path("evalSpend").path("calls").asLong() - direct.path("judging").path("paid").asLong())
                .isEqualTo(overHttp.path("evalSpend").path("calls").asLong()
                        - overHttp.path("judging").path("paid").asLong());
        List<String> differences = new ArrayList<>();
        differences("", without(overHttp), without(direct), differences);
        assertThat(differences).isEmpty();
    }

    @Test
    void directWithoutTheSandboxIsBadInput() {
        MainTest.Outcome r = MainTest.frontier("run", "eval-configs/smoke.yaml", "--sandbox-direct");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--sandbox-direct calls the local sandbox: add --sandbox");
    }

    private static long judgeCalls(JsonNode results) {
        return results.path("judging").path("paid").asLong() + results.path("judging").path("cached").asLong();
    }

    /** The paths at which {@code a} and {@code b} differ, with both values. */
    private static void differences(String path, JsonNode a, JsonNode b, List<String> out) {
        if (a.isObject() && b.isObject()) {
            Set<String> names = new java.util.TreeSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            names.forEach(n -> differences(path + "." + n, a.path(n), b.path(n), out));
        } else if (a.isArray() && b.isArray() && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                differences(path + "[" + i + "]", a.get(i), b.get(i), out);
            }
        } else if (!a.equals(b)) {
            out.add(path + ": " + a + " over HTTP, " + b + " direct");
        }
    }

    /** A copy of {@code node} without the members that name or time the run. */
    private static JsonNode without(JsonNode node) {
        ObjectNode copy = node.deepCopy();
        strip(copy);
        copy.remove("evalSpend");
        ((ObjectNode) copy.path("calls")).remove("attempts");
        ((ObjectNode) copy.path("judging")).remove(JUDGE_TIMING);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(PER_RUN);
            object.forEach(SandboxDirectRunTest::strip);
        } else if (node instanceof ArrayNode array) {
            array.forEach(SandboxDirectRunTest::strip);
        }
    }
}
