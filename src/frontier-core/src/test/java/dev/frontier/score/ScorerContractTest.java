package dev.frontier.score;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontier.model.Item;
import dev.frontier.model.Score;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every built-in item scorer keeps: range, determinism, thread safety, no exceptions. The judge and the
 * labels are other kinds (they score in the run's second phase); {@code command} and {@code plugin} run code from
 * outside and have their own tests ({@link CommandScorerTest}, {@link ScorerPluginTest}).
 */
class ScorerContractTest {

    /** Valid sample parameters for one type; {@code usesFields} when they render item fields. */
    record Sample(String type, Map<String, Object> params, boolean usesFields) {
        @Override
        public String toString() {
            return type;
        }
    }

    static final List<Sample> SAMPLES = List.of(
            new Sample("exact-match", Map.of("expected", "{{answer}}"), true),
            new Sample("contains", Map.of("values", List.of("{{answer}}", "fox"), "mode", "all"), true),
            new Sample("icontains", Map.of("value", "{{answer}}", "negate", true), true),
            new Sample("regex", Map.of("pattern", "(\\w+)\\s+\\1", "ignoreCase", true), false),
            new Sample("json-valid", Map.of(), false),
            new Sample("json-schema", Map.of("schema", Map.of("type", "object", "required", List.of("answer"))),
                    false),
            new Sample("length", Map.of("unit", "characters", "min", 1, "max", 500), false),
            new Sample("token-f1", Map.of("references", List.of("{{answer}}", "the {{answer}}")), true),
            new Sample("rouge-1", Map.of("reference", "{{answer}}", "stemming", true), true),
            new Sample("rouge-2", Map.of("reference", "{{answer}}", "measure", "recall"), true),
            new Sample("rouge-l", Map.of("references", List.of("{{answer}}", "{{other}}"), "aggregate", "mean"),
                    true),
            new Sample("rouge-lsum", Map.of("reference", "{{answer}}\nsecond line"), true),
            new Sample("bleu", Map.of("reference", "{{answer}}", "smoothing", "add-k"), true));

    static final Item ITEM = new Item("i1", Map.of(
            "answer", "The quick brown fox jumps over the lazy dog",
            "other", "A fast brown fox leaps over a dog"));

    static final List<String> HOSTILE = hostileOutputs();

    private static ExecutorService pool;

    static List<String> hostileOutputs() {
        StringBuilder huge = new StringBuilder();
        while (huge.length() < 300_000) {
            huge.append("the quick brown fox jumps over the lazy dog ");
        }
        String longToken = "y".repeat(100_000);
        return List.of(
                "", " ", "\n\n\n", "null", "undefined", "NaN", "{", "{\"answer\": ", "[1, 2,]", "{'a': 1}",
                "{\"answer\": \"fox\"}", "```json\n{\"answer\": 1}\n```", "```\n```",
                "<script>alert('x')</script>", "'; DROP TABLE items; --",
                "The quick brown fox jumps over the lazy dog",
                "ｆｕｌｌ　ｗｉｄｔｈ", "Straße İstanbul ǅ", "日本語のテキスト。", "emoji 🦊🐶 ‮reversed‬",
                "\u0000\u0001\u0007", "\uD800 lone surrogate", "a\u0301\u0301\u0301 combining",
                "line1\r\nline2\rline3\n", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!",
                huge.toString(), longToken, "the ".repeat(20_000));
    }

    static Stream<Sample> samples() {
        return SAMPLES.stream();
    }

    @BeforeAll
    static void startPool() {
        pool = Executors.newFixedThreadPool(4);
    }

    @AfterAll
    static void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void everyBuiltInItemScorerTypeHasASample() {
        List<String> others = List.of("llm-judge", "human-labels", "command", "plugin");
        assertThat(SAMPLES.stream().map(Sample::type)).containsExactlyInAnyOrderElementsOf(
                Fixtures.REGISTRY.types().stream().filter(t -> !others.contains(t)).toList());
    }

    @Test
    void theJudgeAndTheLabelsAreTheirOwnKinds() {
        var judge = (ScorerRegistry.Creation.Created) Fixtures.REGISTRY.create("llm-judge",
                Map.of("model", "amazon.nova-pro-v1:0", "rubric", "Is it {{answer}}?"));
        var labels = (ScorerRegistry.Creation.Created) Fixtures.REGISTRY.create("human-labels",
                Map.of("file", "labels.csv", "scale", List.of(1, 5)));
        assertThat(judge.scorer()).isInstanceOf(JudgeScorer.class).isNotInstanceOf(ItemScorer.class);
        assertThat(labels.scorer()).isInstanceOf(LabelScorer.class).isNotInstanceOf(ItemScorer.class);
        assertThat(((LabelScorer) labels.scorer()).score("i1", "a")).isEqualTo(new Score.Failed("no human label"));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void sampleParametersAreAccepted(Sample sample) {
        assertThat(Fixtures.REGISTRY.parameters(sample.type())).containsAll(sample.params().keySet());
        assertThat(Fixtures.scorer(sample.type(), sample.params()).type()).isEqualTo(sample.type());
    }

    @ParameterizedTest
    @MethodSource("samples")
    void scoresAreInRangeOrFailedAndNeverThrow(Sample sample) {
        ItemScorer scorer = Fixtures.scorer(sample.type(), sample.params());
        for (String output : HOSTILE) {
            Score score = scorer.score(ITEM, output);
            assertThat(score).as("%s on %s", sample, abbreviate(output)).isNotNull();
            if (score instanceof Score.Value v) {
                assertThat(v.value()).isBetween(0.0, 1.0);
                assertThat(v.note()).isNotNull();
                if (Fixtures.REGISTRY.isBinary(sample.type())) {
                    assertThat(v.value()).as("binary scorer %s", sample).isIn(0.0, 1.0);
                }
            } else {
                assertThat(((Score.Failed) score).reason()).isNotBlank();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void sameInputsGiveTheSameScore(Sample sample) {
        ItemScorer first = Fixtures.scorer(sample.type(), sample.params());
        ItemScorer second = Fixtures.scorer(sample.type(), sample.params());
        for (String output : HOSTILE) {
            Score a = first.score(ITEM, output);
            assertThat(first.score(ITEM, output)).isEqualTo(a);
            assertThat(second.score(ITEM, output)).isEqualTo(a);
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void concurrentUseGivesTheSequentialResults(Sample sample) throws Exception {
        ItemScorer scorer = Fixtures.scorer(sample.type(), sample.params());
        List<String> outputs = HOSTILE.subList(0, HOSTILE.size() - 3); // the huge ones are covered above
        List<Score> expected = outputs.stream().map(o -> scorer.score(ITEM, o)).toList();
        List<Future<List<Score>>> runs = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            runs.add(pool.submit(() -> {
                List<Score> got = new ArrayList<>();
                for (int round = 0; round < 5; round++) {
                    got = outputs.stream().map(o -> scorer.score(ITEM, o)).toList();
                }
                return got;
            }));
        }
        for (Future<List<Score>> run : runs) {
            assertThat(run.get()).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void aMissingFieldFailsTheItemInsteadOfThrowing(Sample sample) {
        ItemScorer scorer = Fixtures.scorer(sample.type(), sample.params());
        Item bare = new Item("bare", Map.of("question", "what?"));
        Score score = scorer.score(bare, "some output");
        if (sample.usesFields()) {
            assertThat(score).isInstanceOf(Score.Failed.class);
            assertThat(((Score.Failed) score).reason()).contains("answer");
        } else {
            assertThat(score).isInstanceOf(Score.Value.class);
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void nullInputsFailInsteadOfThrowing(Sample sample) {
        ItemScorer scorer = Fixtures.scorer(sample.type(), sample.params());
        assertThat(scorer.score(ITEM, null)).isInstanceOf(Score.Failed.class);
        assertThat(scorer.score(null, "output")).isInstanceOf(Score.Failed.class);
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "… (" + s.length() + " chars)" : s;
    }
}
