package dev.frontier.score;

import static dev.frontier.score.Fixtures.item;
import static dev.frontier.score.Fixtures.note;
import static dev.frontier.score.Fixtures.scorer;
import static dev.frontier.score.Fixtures.value;
import static org.assertj.core.api.Assertions.assertThat;

import dev.frontier.model.Item;
import dev.frontier.model.Score;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Examples for the pass/fail scorers. */
class BinaryScorersTest {
    private static final Item PARIS = item("answer", "Paris");

    @Test
    void exactMatchNormalizesByDefault() {
        ItemScorer s = scorer("exact-match", Map.of("expected", "{{answer}}"));
        assertThat(value(s.score(PARIS, "  \"Paris.\" \n"))).isEqualTo(1.0);
        assertThat(value(s.score(PARIS, "'PARIS'!"))).isEqualTo(1.0);
        assertThat(value(s.score(PARIS, "ｐａｒｉｓ"))).as("NFKC folds full-width letters").isEqualTo(1.0);
        assertThat(value(s.score(PARIS, "Paris, France"))).isZero();
        assertThat(note(s.score(PARIS, "Lyon"))).isEqualTo("expected 'paris', got 'lyon'");
    }

    @Test
    void exactMatchNormalizationDetails() {
        assertThat(ExactMatch.normalize("  The   Quick\tBrown\n")).isEqualTo("the quick brown");
        assertThat(ExactMatch.normalize("“Paris”.")).isEqualTo("paris");
        assertThat(ExactMatch.normalize("'\"nested\"'")).isEqualTo("nested");
        assertThat(ExactMatch.normalize("3.14")).as("inner punctuation stays").isEqualTo("3.14");
        assertThat(ExactMatch.normalize("...")).isEmpty();
    }

    @Test
    void exactMatchWithoutNormalizationIsLiteral() {
        ItemScorer s = scorer("exact-match", Map.of("expected", "{{answer}}", "normalize", false));
        assertThat(value(s.score(PARIS, "Paris"))).isEqualTo(1.0);
        assertThat(value(s.score(PARIS, "Paris."))).isZero();
        assertThat(value(s.score(PARIS, "paris"))).isZero();
    }

    @Test
    void negateTurnsPassIntoFail() {
        ItemScorer s = scorer("exact-match", Map.of("expected", "{{answer}}", "negate", true));
        assertThat(value(s.score(PARIS, "Paris"))).isZero();
        assertThat(value(s.score(PARIS, "Lyon"))).isEqualTo(1.0);
        assertThat(note(s.score(PARIS, "Lyon"))).startsWith("negated: ");
        assertThat(s.score(item("other", "x"), "Paris")).as("a failure stays a failure").isInstanceOf(Score.Failed.class);
    }

    @Test
    void containsAnyOrAll() {
        Item item = item("product", "refund");
        ItemScorer any = scorer("contains", Map.of("values", List.of("{{product}}", "apolog")));
        ItemScorer all = scorer("contains", Map.of("values", List.of("{{product}}", "apolog"), "mode", "all"));
        String reply = "We apologise and will refund you.";
        assertThat(value(any.score(item, reply))).isEqualTo(1.0);
        assertThat(value(all.score(item, reply))).isEqualTo(1.0);
        assertThat(value(any.score(item, "We will refund you."))).isEqualTo(1.0);
        assertThat(value(all.score(item, "We will refund you."))).isZero();
        assertThat(note(all.score(item, "We will refund you."))).isEqualTo("missing 'apolog'");
        assertThat(value(any.score(item, "Sorry."))).isZero();
    }

    @Test
    void containsIsCaseSensitiveAndIcontainsIsNot() {
        ItemScorer cs = scorer("contains", Map.of("value", "Refund"));
        ItemScorer ci = scorer("icontains", Map.of("value", "Refund"));
        assertThat(value(cs.score(PARIS, "a REFUND"))).isZero();
        assertThat(value(ci.score(PARIS, "a REFUND"))).isEqualTo(1.0);
        assertThat(value(scorer("icontains", Map.of("value", "STRASSE")).score(PARIS, "die Straße")))
                .as("ß folds to ss").isEqualTo(1.0);
        assertThat(value(scorer("icontains", Map.of("value", "refund", "negate", true)).score(PARIS, "REFUND")))
                .isZero();
    }

    @Test
    void containsFailsWhenAValueRendersEmpty() {
        ItemScorer s = scorer("contains", Map.of("value", "{{answer}}"));
        assertThat(s.score(item("answer", ""), "anything")).isInstanceOf(Score.Failed.class);
    }

    @Test
    void regexFindsAnywhere() {
        ItemScorer s = scorer("regex", Map.of("pattern", "\\b\\d{3}-\\d{4}\\b"));
        assertThat(value(s.score(PARIS, "call 555-1234 now"))).isEqualTo(1.0);
        assertThat(note(s.score(PARIS, "call 555-1234 now"))).isEqualTo("matched '555-1234' at 5");
        assertThat(value(s.score(PARIS, "call 5551234"))).isZero();
        ItemScorer anchored = scorer("regex", Map.of("pattern", "^yes$", "ignoreCase", true));
        assertThat(value(anchored.score(PARIS, "YES"))).isEqualTo(1.0);
        assertThat(value(anchored.score(PARIS, "yes, sure"))).isZero();
        assertThat(value(scorer("regex", Map.of("pattern", "ÄRGER", "ignoreCase", true)).score(PARIS, "ärger")))
                .as("Unicode case folding").isEqualTo(1.0);
    }

    @Test
    void regexThatBacktracksForeverFailsTheItem() {
        // a greedy group plus backreference is quadratic in the length of one long word
        ItemScorer s = scorer("regex", Map.of("pattern", "(\\w+)\\s+\\1"));
        Score score = s.score(PARIS, "y".repeat(100_000));
        assertThat(score).isInstanceOf(Score.Failed.class);
        assertThat(((Score.Failed) score).reason()).contains("backtracks too much");
        // and deep recursion on a long alternation is caught too
        Score deep = scorer("regex", Map.of("pattern", "(a|b)*c")).score(PARIS, "ab".repeat(100_000));
        assertThat(deep).isInstanceOf(Score.Failed.class);
    }

    @Test
    void jsonValid() {
        ItemScorer s = scorer("json-valid", Map.of());
        assertThat(value(s.score(PARIS, "{\"a\": [1, 2, {\"b\": null}]}"))).isEqualTo(1.0);
        assertThat(note(s.score(PARIS, "{\"a\": 1}"))).isEqualTo("valid JSON object");
        assertThat(value(s.score(PARIS, "  42 \n"))).isEqualTo(1.0);
        assertThat(value(s.score(PARIS, "null"))).isEqualTo(1.0);
        assertThat(value(s.score(PARIS, "{'a': 1}"))).isZero();
        assertThat(value(s.score(PARIS, "{\"a\": 1} trailing"))).isZero();
        assertThat(value(s.score(PARIS, "{\"a\": 1,}"))).isZero();
        assertThat(value(s.score(PARIS, ""))).isZero();
        assertThat(note(s.score(PARIS, ""))).isEqualTo("empty output");
        assertThat(value(scorer("json-valid", Map.of("negate", true)).score(PARIS, "not json"))).isEqualTo(1.0);
    }

    @Test
    void jsonValidAcceptsACodeFenceAndSaysSo() {
        ItemScorer s = scorer("json-valid", Map.of());
        Score fenced = s.score(PARIS, "```json\n{\"a\": 1}\n```\n");
        assertThat(value(fenced)).isEqualTo(1.0);
        assertThat(note(fenced)).isEqualTo("valid JSON object inside a code fence");
        assertThat(value(s.score(PARIS, "```\n[1]\n```"))).isEqualTo(1.0);
        assertThat(value(s.score(PARIS, "```python\n[1]\n```"))).isZero();
        assertThat(value(s.score(PARIS, "Here you go: ```json\n{}\n```"))).as("only a surrounding fence").isZero();
        assertThat(value(s.score(PARIS, "```json\n```"))).isZero();
    }

    @Test
    void jsonSchemaChecksConformance() {
        Map<String, Object> schema = Map.of(
                "type", "object",
                "required", List.of("answer", "confidence"),
                "properties", Map.of(
                        "answer", Map.of("type", "string"),
                        "confidence", Map.of("type", "number", "minimum", 0, "maximum", 1)));
        ItemScorer s = scorer("json-schema", Map.of("schema", schema));
        assertThat(value(s.score(PARIS, "{\"answer\": \"Paris\", \"confidence\": 0.9}"))).isEqualTo(1.0);
        assertThat(value(s.score(PARIS, "```json\n{\"answer\": \"Paris\", \"confidence\": 1}\n```"))).isEqualTo(1.0);

        Score wrong = s.score(PARIS, "{\"answer\": 3, \"confidence\": 2}");
        assertThat(value(wrong)).isZero();
        assertThat(note(wrong)).startsWith("2 violations: ").contains("$.answer", "$.confidence");

        assertThat(note(s.score(PARIS, "{}"))).contains("required property 'answer'");
        assertThat(note(s.score(PARIS, "not json"))).startsWith("not JSON");
    }

    @Test
    void jsonSchemaResolvesLocalReferences() {
        Map<String, Object> schema = Map.of(
                "type", "array",
                "items", Map.of("$ref", "#/$defs/name"),
                "$defs", Map.of("name", Map.of("type", "string", "minLength", 1)));
        ItemScorer s = scorer("json-schema", Map.of("schema", schema));
        assertThat(value(s.score(PARIS, "[\"a\", \"b\"]"))).isEqualTo(1.0);
        assertThat(value(s.score(PARIS, "[\"a\", \"\"]"))).isZero();
    }

    @Test
    void lengthInWordsAndCharacters() {
        ItemScorer words = scorer("length", Map.of("min", 2, "max", 4));
        assertThat(value(words.score(PARIS, "one two three"))).isEqualTo(1.0);
        assertThat(value(words.score(PARIS, "one"))).isZero();
        assertThat(note(words.score(PARIS, "one"))).isEqualTo("1 words, fewer than 2");
        assertThat(value(words.score(PARIS, "a b c d e"))).isZero();
        assertThat(value(words.score(PARIS, "a\u00a0b"))).as("a no-break space separates words").isEqualTo(1.0);

        ItemScorer chars = scorer("length", Map.of("unit", "characters", "max", 5));
        assertThat(value(chars.score(PARIS, "héllo\n"))).as("trailing newline not counted").isEqualTo(1.0);
        assertThat(value(chars.score(PARIS, "🦊🦊🦊🦊🦊"))).as("code points, not UTF-16 units").isEqualTo(1.0);
        assertThat(value(chars.score(PARIS, "héllo!"))).isZero();

        assertThat(value(scorer("length", Map.of("max", 3, "negate", true)).score(PARIS, "a b c d"))).isEqualTo(1.0);
    }
}
