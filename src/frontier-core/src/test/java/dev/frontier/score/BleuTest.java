package dev.frontier.score;

import static dev.frontier.score.Fixtures.item;
import static dev.frontier.score.Fixtures.scorer;
import static dev.frontier.score.Fixtures.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.frontier.model.Item;
import dev.frontier.model.Score;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * BLEU against hand-computed values (each also matches sacrebleu 2.6's {@code sentence_bleu} / {@code corpus_bleu}
 * divided by 100).
 */
class BleuTest {
    private static final Offset<Double> EXACT = within(1e-12);

    @Test
    void tokenizer13aSplitsPunctuationButKeepsNumbersApostrophesAndInnerHyphens() {
        assertThat(Tokenizer13a.tokenize("Hello, world!")).containsExactly("Hello", ",", "world", "!");
        assertThat(Tokenizer13a.tokenize("It costs $3.50, i.e. 3,000 yen."))
                .containsExactly("It", "costs", "$", "3.50", ",", "i", ".", "e", ".", "3,000", "yen", ".");
        assertThat(Tokenizer13a.tokenize("1990-2000 and well-known it's"))
                .containsExactly("1990", "-", "2000", "and", "well-known", "it's");
        assertThat(Tokenizer13a.tokenize("A &amp; B &lt;x&gt; &quot;q&quot;"))
                .containsExactly("A", "&", "B", "<", "x", ">", "\"", "q", "\"");
        assertThat(Tokenizer13a.tokenize("a <skipped> b end-\nline two\nthree"))
                .containsExactly("a", "b", "endline", "two", "three");
        assertThat(Tokenizer13a.tokenize("x\u00a0y  z\u2003w \n")).containsExactly("x", "y", "z", "w");
    }

    @Test
    void identicalSentencesScoreOne() {
        // every precision is 100%, BP = 1. (sacrebleu prints 100.00000000000004: exp(log 100) rounds up; clamped)
        assertThat(Bleu.sentence("The cat sat on the mat.", List.of("The cat sat on the mat."))).isEqualTo(1.0);
    }

    @Test
    void aShortHypothesisPaysTheBrevityPenalty() {
        // hyp "the cat sat on the" (5 tokens) against "the cat sat on the mat" (6): every n-gram of the hypothesis
        // is in the reference (5/5, 4/4, 3/3, 2/2), so BLEU = BP = exp(1 - 6/5) = exp(-0.2) = 0.8187307530779818
        assertThat(Bleu.sentence("the cat sat on the", List.of("the cat sat on the mat")))
                .isCloseTo(Math.exp(-0.2), EXACT);
    }

    @Test
    void theClosestReferenceLengthSetsThePenaltyShorterWinningTies() {
        // lengths 4 and 6 are both 1 away from 5: the shorter (4) is used, so no penalty; the n-grams are clipped
        // by the larger count over references ("the" twice, from the second), so all match: BLEU = 1
        assertThat(Bleu.sentence("the cat sat on the", List.of("the cat sat on", "the cat sat on the mat")))
                .isEqualTo(1.0);
        assertThat(Bleu.closest(5, List.of(6, 4))).isEqualTo(4);
        assertThat(Bleu.closest(5, List.of(9, 6, 2))).isEqualTo(6);
    }

    @Test
    void smoothingMethodsOnAPartialMatch() {
        // hyp "the cat ran" vs "the cat sat": 1-grams 2/3, 2-grams 1/2, 3-grams 0/1, no 4-grams.
        // Effective order (sentence BLEU) stops at 3; BP = 1 (3 tokens each).
        Bleu.Stats stats = Bleu.segmentStats("the cat ran", List.of("the cat sat"));
        assertThat(stats.correct()).containsExactly(2, 1, 0, 0);
        assertThat(stats.total()).containsExactly(3, 2, 1, 0);
        // exp: the first zero order gets 1/(2*1) -> (2/3 * 1/2 * 1/2)^(1/3) = (1/6)^(1/3) = 0.550321208149...
        assertThat(Bleu.score(stats, Bleu.Smoothing.EXP, 0, true).score()).isCloseTo(Math.cbrt(1.0 / 6), EXACT);
        // floor 0.1: 3-gram precision 0.1/1 -> (2/3 * 1/2 * 1/10)^(1/3) = (1/30)^(1/3) = 0.321829794868...
        assertThat(Bleu.score(stats, Bleu.Smoothing.FLOOR, 0, true).score()).isCloseTo(Math.cbrt(1.0 / 30), EXACT);
        // add-k 1 (orders >= 2): 2-gram (1+1)/(2+1), 3-gram (0+1)/(1+1), 4-gram (0+1)/(0+1) keeps order 4 alive:
        // (2/3 * 2/3 * 1/2 * 1)^(1/4) = (2/9)^(1/4) = 0.686589047969...
        assertThat(Bleu.score(stats, Bleu.Smoothing.ADD_K, 0, true).score())
                .isCloseTo(Math.pow(2.0 / 9, 0.25), EXACT);
        // none: a zero precision makes BLEU 0
        assertThat(Bleu.score(stats, Bleu.Smoothing.NONE, 0, true).score()).isZero();
        // the public sentence function is exp smoothing
        assertThat(Bleu.sentence("the cat ran", List.of("the cat sat"))).isCloseTo(Math.cbrt(1.0 / 6), EXACT);
    }

    @Test
    void noMatchAtAllIsZero() {
        assertThat(Bleu.sentence("completely different", List.of("nothing shared here"))).isZero();
        assertThat(Bleu.sentence("", List.of("a reference"))).isZero();
    }

    @Test
    void corpusBleuSumsStatisticsBeforeCombining() {
        // segment 1: hyp 5 / ref 6 tokens, n-grams 5/5 4/4 3/3 2/2
        // segment 2: "a dog ran" vs "a dog ran fast": hyp 3 / ref 4, n-grams 3/3 2/2 1/1 0/0
        // sums: hyp 8, ref 10, every precision 100% -> BLEU = BP = exp(1 - 10/8) = exp(-0.25) = 0.7788007830714049
        List<String> hyps = List.of("the cat sat on the", "a dog ran");
        List<List<String>> refs = List.of(List.of("the cat sat on the mat"), List.of("a dog ran fast"));
        assertThat(Bleu.corpus(hyps, refs)).isCloseTo(Math.exp(-0.25), EXACT);
        // not the mean of sentence BLEUs: exp(-0.2) and exp(1 - 4/3) average to 0.7676
        double meanOfSentences = (Bleu.sentence(hyps.get(0), refs.get(0)) + Bleu.sentence(hyps.get(1), refs.get(1))) / 2;
        assertThat(meanOfSentences).isCloseTo((Math.exp(-0.2) + Math.exp(-1.0 / 3)) / 2, EXACT);
    }

    @Test
    void corpusBleuWithPartialMatches() {
        // seg 1: "the cat sat on the mat today" vs "the cat sat on the mat": hyp 7, ref 6;
        //        matches 6/7, 5/6, 4/5, 3/4
        // seg 2: "it is raining" vs "it rained": hyp 3, ref 2; matches 1/3, 0/2, 0/1, 0/0
        // sums: hyp 10 >= ref 8 (no penalty); precisions 7/10, 5/8, 4/6, 3/4
        // BLEU = (0.7 * 0.625 * 2/3 * 0.75)^(1/4) = 0.21875^(1/4) = 0.6838911999...
        double bleu = Bleu.corpus(List.of("the cat sat on the mat today", "it is raining"),
                List.of(List.of("the cat sat on the mat"), List.of("it rained")));
        assertThat(bleu).isCloseTo(Math.pow(0.21875, 0.25), EXACT);
    }

    @Test
    void corpusBleuHasNoEffectiveOrderSoAThreeTokenCorpusScoresZero() {
        // no 4-gram exists; without effective order its zero precision counts (sacrebleu gives 0.0 too)
        assertThat(Bleu.corpus(List.of("the cat ran"), List.of(List.of("the cat sat")))).isZero();
    }

    @Test
    void corpusArgumentsAreChecked() {
        assertThatThrownBy(() -> Bleu.corpus(List.of("a"), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 hypotheses but 0");
        assertThatThrownBy(() -> Bleu.corpus(List.of(), List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Bleu.corpus(List.of("a"), List.of(List.of())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theScorerGivesSentenceBleuAndOffersCorpusBleu() {
        ScorerRegistry.Creation creation = Fixtures.REGISTRY.create("bleu", Map.of("reference", "{{ref}}"));
        var created = (ScorerRegistry.Creation.Created) creation;
        Item one = item("ref", "the cat sat on the mat");
        Item two = item("ref", "a dog ran fast");
        CorpusScorer corpus = (CorpusScorer) created.scorer();
        assertThat(value(corpus.score(one, "the cat sat on the"))).isCloseTo(Math.exp(-0.2), EXACT);
        assertThat(Fixtures.note(corpus.score(one, "the cat sat on the")))
                .contains("BLEU 81.87", "BP 0.819", "hyp 5", "ref 6");

        Score s = corpus.corpus(List.of("the cat sat on the", "a dog ran"), List.of(one, two));
        assertThat(value(s)).isCloseTo(Math.exp(-0.25), EXACT);
        assertThat(corpus.corpus(List.of(), List.of())).isInstanceOf(Score.Failed.class);
        assertThat(corpus.corpus(List.of("x"), List.of(one, two))).isInstanceOf(Score.Failed.class);
        assertThat(corpus.corpus(List.of("x"), List.of(item("other", "y")))).isInstanceOf(Score.Failed.class);
    }

    @Test
    void onlyBleuHasACorpusMetric() {
        for (ScorerContractTest.Sample sample : ScorerContractTest.SAMPLES) {
            String type = sample.type();
            var created = (ScorerRegistry.Creation.Created) Fixtures.REGISTRY.create(type, sample.params());
            assertThat(created.scorer() instanceof CorpusScorer).as(type).isEqualTo(type.equals("bleu"));
        }
    }

    @Test
    void scorerSmoothingIsConfigurable() {
        ItemScorer floor = scorer("bleu", Map.of("reference", "{{ref}}", "smoothing", "floor", "smoothValue", 0.5));
        // 3-gram precision 0.5/1: (2/3 * 1/2 * 1/2)^(1/3) = (1/6)^(1/3), the same as exp here by coincidence
        assertThat(value(floor.score(item("ref", "the cat sat"), "the cat ran"))).isCloseTo(Math.cbrt(1.0 / 6), EXACT);
        ItemScorer none = scorer("bleu", Map.of("reference", "{{ref}}", "smoothing", "none"));
        assertThat(value(none.score(item("ref", "the cat sat"), "the cat ran"))).isZero();
    }
}
