package dev.frontier.score;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontier.model.Item;
import dev.frontier.model.Score;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code command} scorer: JSON lines to a program and back, and every way a program can misbehave. */
class CommandScorerTest {

    @TempDir
    Path dir;

    private static final Item ITEM = new Item("t1", Map.of("answer", "blue", "question", "Sky colour?"));

    /** A grader: the share of the reference's words in the output; counts the lines it was given on stderr. */
    private static final String GRADER = """
            import json, sys
            n = 0
            for line in sys.stdin:
                n += 1
                req = json.loads(line)
                ref = req["reference"].split()
                out = req["output"].split()
                if req["id"] == "skip":
                    print(json.dumps({"error": "cannot grade " + req["fields"]["question"]}), flush=True)
                elif req["id"] == "pass":
                    print(json.dumps({"pass": "blue" in out, "reason": "checked"}), flush=True)
                else:
                    share = sum(1 for w in ref if w in out) / len(ref)
                    print(json.dumps({"score": share, "reason": "line %d" % n}), flush=True)
            """;

    private ItemScorer command(String script, Map<String, Object> more) throws IOException {
        Files.writeString(dir.resolve("grade.py"), script);
        Map<String, Object> params = new java.util.HashMap<>(Map.of("command", List.of("python3", "grade.py"),
                "reference", "{{answer}} sky"));
        params.putAll(more);
        ScorerRegistry.Creation c = Fixtures.REGISTRY.create("command", params, dir);
        assertThat(c).isInstanceOf(ScorerRegistry.Creation.Created.class);
        return (ItemScorer) ((ScorerRegistry.Creation.Created) c).scorer();
    }

    private static String failure(Score s) {
        assertThat(s).isInstanceOf(Score.Failed.class);
        return ((Score.Failed) s).reason();
    }

    @Test
    void oneProcessScoresTheItemsInOrderAndRepliesMapOntoScores() throws IOException {
        ItemScorer scorer = command(GRADER, Map.of());
        try {
            assertThat(scorer.score(ITEM, "the blue sky")).isEqualTo(new Score.Value(1.0, "line 1"));
            assertThat(scorer.score(ITEM, "a blue sea")).isEqualTo(new Score.Value(0.5, "line 2"));
            assertThat(scorer.score(new Item("pass", Map.of("answer", "x")), "blue")).isEqualTo(
                    new Score.Value(1.0, "checked"));
            assertThat(failure(scorer.score(new Item("skip", Map.of("answer", "x", "question", "why?")), "o")))
                    .isEqualTo("the command could not score item skip: cannot grade why?");
            // the same process, still in step: the fifth line it read
            assertThat(scorer.score(ITEM, "nothing")).isEqualTo(new Score.Value(0.0, "line 5"));
        } finally {
            scorer.finish();
        }
        // after finish, a later output starts the program again
        assertThat(scorer.score(ITEM, "blue")).isEqualTo(new Score.Value(0.5, "line 1"));
        scorer.finish();
    }

    @Test
    void garbageRepliesFailTheirItemWithTheLineAndWhatWasExpected() throws IOException {
        ItemScorer scorer = command("""
                import sys
                for line in sys.stdin:
                    print("hello there", flush=True)
                    print('{"score": 0.25}', flush=True)
                """, Map.of());
        try {
            // a bad reply ends the process, so the good line after it is never taken for the next item's reply:
            // the next item is line 1 of a fresh process, and fails the same way
            assertThat(failure(scorer.score(ITEM, "a"))).startsWith("reply line 1 (item t1): not a JSON object: "
                    + "hello there; expected one JSON object per line: {\"score\": <number from 0 to 1>}");
            assertThat(failure(scorer.score(new Item("t2", Map.of("answer", "x")), "a")))
                    .startsWith("reply line 1 (item t2): not a JSON object: hello there");
        } finally {
            scorer.finish();
        }
    }

    @Test
    void everyBadReplyShapeIsNamed() throws IOException {
        String[] replies = {"{\"pass\": \"yes\"}", "{\"reason\": \"no score\"}", "[0.5]",
                "{\"score\": 0.2, \"pass\": true}", "{\"score\": \"0.5\"}", "{\"score\": 0.5, \"reason\": 3}"};
        String[] expected = {"\"pass\" must be true or false, was \"yes\"", "no \"score\", \"pass\" or \"error\"",
                "not a JSON object: [0.5]", "it has both \"score\" and \"pass\"; give one",
                "\"score\" must be a number from 0 to 1, was \"0.5\"", "\"reason\" must be a string"};
        for (int i = 0; i < replies.length; i++) {
            ItemScorer scorer = command("import sys\nfor line in sys.stdin:\n    print('" + replies[i].replace("'",
                    "\\'") + "', flush=True)\n", Map.of());
            try {
                assertThat(failure(scorer.score(ITEM, "a"))).as(replies[i])
                        .startsWith("reply line 1 (item t1): " + expected[i] + "; expected ");
            } finally {
                scorer.finish();
            }
        }
    }

    @Test
    void aProcessThatExitsOrHangsFailsOnlyItsItem() throws IOException {
        ItemScorer exits = command("""
                import sys
                sys.stdin.readline()
                sys.stderr.write("Traceback: model file missing\\n")
                sys.exit(3)
                """, Map.of());
        try {
            assertThat(failure(exits.score(ITEM, "a"))).isEqualTo("the command ended before replying to item t1 "
                    + "(exit code 3); its standard error ends: Traceback: model file missing");
        } finally {
            exits.finish();
        }
        ItemScorer hangs = command("""
                import json, sys
                for line in sys.stdin:
                    if json.loads(line)["output"] == "hang":
                        import time
                        time.sleep(60)
                    print('{"score": 1}', flush=True)
                """, Map.of("timeout", 1));
        try {
            long start = System.nanoTime();
            assertThat(failure(hangs.score(ITEM, "hang"))).startsWith("no reply to item t1 within 1 s");
            assertThat(System.nanoTime() - start).isLessThan(10_000_000_000L);
            // the next item gets a fresh process and is scored
            assertThat(hangs.score(ITEM, "fine")).isEqualTo(new Score.Value(1.0, ""));
        } finally {
            hangs.finish();
        }
    }

    @Test
    void aProgramThatCannotStartFailsEachItemWithTheReason() {
        ScorerRegistry.Creation c = Fixtures.REGISTRY.create("command",
                Map.of("command", List.of("no-such-program-frontier")), dir);
        ItemScorer scorer = (ItemScorer) ((ScorerRegistry.Creation.Created) c).scorer();
        assertThat(failure(scorer.score(ITEM, "a"))).startsWith("cannot start no-such-program-frontier (command "
                + "scorer, in " + dir.toAbsolutePath() + ")");
        assertThat(failure(scorer.score(null, "a"))).isEqualTo("command: no item");
    }

    @Test
    void parametersAreChecked() {
        assertThat(problems(Map.of())).containsExactly(new ParamProblem("command",
                "is required for a command scorer", "e.g. command: [python3, scorers/grade.py]"));
        assertThat(problems(Map.of("command", "python3 grade.py"))).singleElement().satisfies(p ->
                assertThat(p.problem()).startsWith("must be a list of the program and its arguments (no shell)"));
        assertThat(problems(Map.of("command", List.of("x"), "timeout", 0))).singleElement().satisfies(p ->
                assertThat(p.problem()).isEqualTo("must be more than 0 and at most 3600 seconds, was 0"));
        assertThat(problems(Map.of("command", List.of("x"), "shell", true))).singleElement().satisfies(p ->
                assertThat(p.param()).isEqualTo("shell"));
        assertThat(Fixtures.REGISTRY.runsCode("command")).isTrue();
        assertThat(Fixtures.REGISTRY.runsCode("plugin")).isTrue();
        assertThat(Fixtures.REGISTRY.runsCode("rouge-l")).isFalse();
    }

    private static List<ParamProblem> problems(Map<String, ?> params) {
        ScorerRegistry.Creation c = Fixtures.REGISTRY.create("command", params);
        assertThat(c).isInstanceOf(ScorerRegistry.Creation.Invalid.class);
        return ((ScorerRegistry.Creation.Invalid) c).problems();
    }
}
