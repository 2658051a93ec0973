package dev.frontier.score;

import static dev.frontier.score.Fixtures.item;
import static dev.frontier.score.Fixtures.scorer;
import static dev.frontier.score.Fixtures.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.frontier.model.Score;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * ROUGE against hand-computed values. Each was also checked against rouge-score's published algorithm
 * (tokenizer, {@code _score_ngrams}, {@code _score_lcs}, {@code _summary_level_lcs}) run with NLTK's Porter stemmer.
 */
class RougeTest {
    private static final Offset<Double> EXACT = within(1e-12);
    private static final String FOX = "The quick brown fox jumps over the lazy dog";
    private static final String DOG = "The quick brown dog jumps on the log.";

    private static Rouge.Prf rouge(Rouge.Variant v, String target, String prediction) {
        return Rouge.compute(v, target, prediction, false);
    }

    @Test
    void tokenizerLowerCasesAndSplitsOnEverythingButLettersAndDigits() {
        assertThat(RougeTokenizer.tokenize("The quick-brown FOX's 2nd  jump!", false))
                .containsExactly("the", "quick", "brown", "fox", "s", "2nd", "jump");
        // accented letters are not [a-z]: "café" loses its last letter, as in rouge-score
        assertThat(RougeTokenizer.tokenize("café naïve 日本", false)).containsExactly("caf", "na", "ve");
        assertThat(RougeTokenizer.tokenize("", false)).isEmpty();
    }

    @Test
    void stemmingOnlyTouchesTokensLongerThanThreeCharacters() {
        // "runs" -> "run" (4 chars, stemmed); "ran" and "was" are 3 chars and left alone
        assertThat(RougeTokenizer.tokenize("running runs ran was", true)).containsExactly("run", "run", "ran", "was");
    }

    @Test
    void rouge1OnTheRougeScoreReadmeExample() {
        // target 9 tokens: the quick brown fox jumps over the lazy dog
        // prediction 8 tokens: the quick brown dog jumps on the log
        // clipped overlap: the x2, quick, brown, dog, jumps = 6
        // P = 6/8, R = 6/9, F = 2*6/(9+8) = 12/17 = 0.70588
        Rouge.Prf prf = rouge(Rouge.Variant.ROUGE_1, FOX, DOG);
        assertThat(prf.precision()).isCloseTo(6.0 / 8, EXACT);
        assertThat(prf.recall()).isCloseTo(6.0 / 9, EXACT);
        assertThat(prf.f()).isCloseTo(12.0 / 17, EXACT);
        assertThat(value(scorer("rouge-1", Map.of("reference", "{{ref}}")).score(item("ref", FOX), DOG)))
                .isCloseTo(0.7058823529411765, EXACT);
    }

    @Test
    void rouge2OnTheReadmeExample() {
        // target bigrams (8): the-quick quick-brown brown-fox fox-jumps jumps-over over-the the-lazy lazy-dog
        // prediction bigrams (7): the-quick quick-brown brown-dog dog-jumps jumps-on on-the the-log
        // overlap 2: P = 2/7, R = 2/8, F = 2*2/(8+7) = 4/15
        Rouge.Prf prf = rouge(Rouge.Variant.ROUGE_2, FOX, DOG);
        assertThat(prf.precision()).isCloseTo(2.0 / 7, EXACT);
        assertThat(prf.recall()).isCloseTo(2.0 / 8, EXACT);
        assertThat(prf.f()).isCloseTo(4.0 / 15, EXACT);
    }

    @Test
    void rougeLOnTheReadmeExample() {
        // LCS = the quick brown jumps the (5): P = 5/8, R = 5/9, F = 2*5/(9+8) = 10/17 = 0.58824
        Rouge.Prf prf = rouge(Rouge.Variant.ROUGE_L, FOX, DOG);
        assertThat(prf.precision()).isCloseTo(5.0 / 8, EXACT);
        assertThat(prf.recall()).isCloseTo(5.0 / 9, EXACT);
        assertThat(prf.f()).isCloseTo(10.0 / 17, EXACT);
        assertThat(value(scorer("rouge-l", Map.of("reference", "{{ref}}")).score(item("ref", FOX), DOG)))
                .isCloseTo(0.5882352941176471, EXACT);
    }

    @Test
    void stemmingConflatesRunningRunsAndRunners() {
        String target = "The runner was running and runs daily.";
        String prediction = "Runners run; she ran running races.";
        // unstemmed: target the runner was running and runs daily (7), prediction runners run she ran running
        // races (6); only "running" overlaps: F = 2*1/(7+6) = 2/13
        assertThat(Rouge.compute(Rouge.Variant.ROUGE_1, target, prediction, false).f()).isCloseTo(2.0 / 13, EXACT);
        // stemmed: target the runner was run and run daili; prediction runner run she ran run race
        // ("runner" keeps its -er: m("runn") = 1; "races" -> "race": m("rac") = 1 and *o holds)
        // overlap runner + run x2 = 3: F = 2*3/(7+6) = 6/13; the LCS runner-run-run is also 3
        assertThat(Rouge.compute(Rouge.Variant.ROUGE_1, target, prediction, true).f()).isCloseTo(6.0 / 13, EXACT);
        assertThat(Rouge.compute(Rouge.Variant.ROUGE_L, target, prediction, true).f()).isCloseTo(6.0 / 13, EXACT);
        ItemScorer stemmed = scorer("rouge-1", Map.of("reference", "{{ref}}", "stemming", true));
        assertThat(value(stemmed.score(item("ref", target), prediction))).isCloseTo(6.0 / 13, EXACT);
    }

    @Test
    void rougeLsumUnitesTheLcsOfEachReferenceSentenceWithEveryPredictedSentence() {
        String target = "a b c d\ne f g";
        String prediction = "a b e f\nc d g h";
        // m = 7, n = 8. Sentence "a b c d": LCS with "a b e f" is a b, with "c d g h" is c d -> union a b c d (4)
        // Sentence "e f g": LCS with "a b e f" is e f, with "c d g h" is g -> union e f g (3). hits = 7
        // P = 7/8, R = 7/7, F = 2*(7/8)/(15/8) = 14/15
        Rouge.Prf lsum = rouge(Rouge.Variant.ROUGE_LSUM, target, prediction);
        assertThat(lsum.precision()).isCloseTo(7.0 / 8, EXACT);
        assertThat(lsum.recall()).isCloseTo(1.0, EXACT);
        assertThat(lsum.f()).isCloseTo(14.0 / 15, EXACT);
        // plain ROUGE-L ignores the lines: LCS of a..g and a b e f c d g h is 5 (a b c d g): F = 10/15
        assertThat(rouge(Rouge.Variant.ROUGE_L, target, prediction).f()).isCloseTo(10.0 / 15, EXACT);
    }

    @Test
    void rougeLsumWithReorderedSentences() {
        String target = "w1 w2 w3 w4 w5\nw6 w7 w8";
        String prediction = "w1 w2 w6 w7\nw3 w4 w5 w9";
        // "w1..w5": LCS w1 w2 with the first line, w3 w4 w5 with the second -> 5 hits
        // "w6 w7 w8": w6 w7 with the first line, nothing with the second -> 2 hits
        // P = R = 7/8 = F. ROUGE-L over the joined text: LCS w1 w2 w3 w4 w5 = 5 -> 5/8
        assertThat(rouge(Rouge.Variant.ROUGE_LSUM, target, prediction).f()).isCloseTo(7.0 / 8, EXACT);
        assertThat(rouge(Rouge.Variant.ROUGE_L, target, prediction).f()).isCloseTo(5.0 / 8, EXACT);
    }

    @Test
    void rougeLsumCountsATokenNoMoreOftenThanItOccurs() {
        // target "x y" twice, prediction "x y" once: m = 4, n = 2. The first target line takes both prediction
        // tokens; the second finds their counts used up. hits = 2: P = 2/2, R = 2/4, F = 2/3
        // (without ROUGE 1.5.5's guard hits would be 4 and precision 2)
        Rouge.Prf prf = rouge(Rouge.Variant.ROUGE_LSUM, "x y\nx y", "x y");
        assertThat(prf.precision()).isCloseTo(1.0, EXACT);
        assertThat(prf.recall()).isCloseTo(0.5, EXACT);
        assertThat(prf.f()).isCloseTo(2.0 / 3, EXACT);
    }

    @Test
    void emptyTextsScoreZeroNotNaN() {
        for (Rouge.Variant v : Rouge.Variant.values()) {
            assertThat(rouge(v, "", "").f()).isZero();
            assertThat(rouge(v, "some words", "").f()).isZero();
            assertThat(rouge(v, "", "some words").f()).isZero();
            assertThat(rouge(v, "日本語", "日本語").f()).as("no [a-z0-9] tokens").isZero();
        }
    }

    @Test
    void measureSelectsPrecisionOrRecall() {
        ItemScorer precision = scorer("rouge-1", Map.of("reference", "{{ref}}", "measure", "precision"));
        ItemScorer recall = scorer("rouge-1", Map.of("reference", "{{ref}}", "measure", "recall"));
        assertThat(value(precision.score(item("ref", FOX), DOG))).isCloseTo(6.0 / 8, EXACT);
        assertThat(value(recall.score(item("ref", FOX), DOG))).isCloseTo(6.0 / 9, EXACT);
    }

    @Test
    void severalReferencesTakeTheBestFOrTheMean() {
        Map<String, Object> refs = Map.of("references", List.of("{{a}}", "{{b}}"));
        var item = item("a", FOX, "b", "the quick brown dog jumps on the log");
        // reference a: F = 12/17 (above); reference b equals the prediction's tokens: F = 1
        assertThat(value(scorer("rouge-1", refs).score(item, DOG))).isCloseTo(1.0, EXACT);
        var mean = new java.util.HashMap<String, Object>(refs);
        mean.put("aggregate", "mean");
        // (12/17 + 1) / 2 = 29/34
        assertThat(value(scorer("rouge-1", mean).score(item, DOG))).isCloseTo(29.0 / 34, EXACT);
    }

    @Test
    void maxReportsTheMeasureOfTheReferenceWithTheBestF() {
        // like rouge-score's score_multi: pick the reference by F, then report the requested measure of it.
        // prediction "a b c d"; ref1 "a b c": P = 3/4, R = 1, F = 6/7; ref2 "a b c d e f g h": P = 1, R = 1/2,
        // F = 2/3. ref1 wins on F, so the precision reported is 3/4, not ref2's 1.
        ItemScorer precision = scorer("rouge-1", Map.of("references", List.of("{{a}}", "{{b}}"), "measure", "precision"));
        Score s = precision.score(item("a", "a b c", "b", "a b c d e f g h"), "a b c d");
        assertThat(value(s)).isCloseTo(0.75, EXACT);
    }

    @Test
    void tooLongComparisonsFailInsteadOfRunningForMinutes() {
        String huge = "word ".repeat(20_000); // 20k x 20k = 4e8 cells > 2e8
        Score s = scorer("rouge-l", Map.of("reference", "{{ref}}")).score(item("ref", huge), huge);
        assertThat(s).isInstanceOf(Score.Failed.class);
        assertThat(((Score.Failed) s).reason()).contains("too long");
    }

    @Test
    void lsumCanSplitProseIntoSentencesFirst() {
        String ref = "The cat sat on the mat. It was happy!";
        String out = "A cat sat on a mat. The cat was happy.";
        ItemScorer split = scorer("rouge-lsum", Map.of("reference", "{{ref}}", "splitSentences", true));
        ItemScorer lines = scorer("rouge-lsum", Map.of("reference", "{{ref}}"));
        // splitting first is the same as giving one sentence per line, rouge-score's own convention
        assertThat(value(split.score(item("ref", ref), out))).isCloseTo(
                value(lines.score(item("ref", "The cat sat on the mat.\nIt was happy!"),
                        "A cat sat on a mat.\nThe cat was happy.")), EXACT);
        // (derived by hand from rouge-score's summary-level LCS; rouge-score itself is not installed here)
        // target sentences T1 "the cat sat on the mat", T2 "it was happy" (m = 9); prediction sentences P1 "a cat
        // sat on a mat", P2 "the cat was happy" (n = 10). T1: LCS with P1 {cat sat on mat} ∪ LCS with P2 {the cat}
        // = 5 tokens; T2: {was happy} = 2; no token over its count, so 7: P = 7/10, R = 7/9, F = 14/19
        assertThat(value(split.score(item("ref", ref), out))).isCloseTo(14.0 / 19, EXACT);
        // the union LCS does not depend on the order of the prediction's sentences; on one line (plain ROUGE-L)
        // the LCS of the swapped text is "the cat sat on mat" = 5: F = 2(5/10)(5/9)/(5/10 + 5/9) = 10/19
        String swapped = "The cat was happy. A cat sat on a mat.";
        assertThat(value(split.score(item("ref", ref), swapped))).isCloseTo(14.0 / 19, EXACT);
        assertThat(value(lines.score(item("ref", ref), swapped))).isCloseTo(10.0 / 19, EXACT);
        assertThat(Rouge.oneSentencePerLine("One. Two! \"Three?\" Four")).isEqualTo("One.\nTwo!\n\"Three?\"\nFour");
        assertThat(Fixtures.REGISTRY.create("rouge-l", Map.of("reference", "x", "splitSentences", true)))
                .isInstanceOf(ScorerRegistry.Creation.Invalid.class);
    }
}
