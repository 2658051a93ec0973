package dev.frontier.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

/** Properties of the text metrics that hold for any input. */
class TextMetricPropertiesTest {
    private static final List<String> WORDS = List.of("the", "cat", "Cats", "sat", "on", "a", "mat", "running",
            "runs", "ran", "quickly", "dog", "3.50", "2024", "it's", "well-known", "naïve", "日本");
    private static final List<String> SEPARATORS = List.of(" ", " ", " ", ", ", ". ", "\n", "  ", "! ", " - ");

    /** Texts over a small vocabulary, so that pairs share words and lines. */
    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> piece = Combinators.combine(Arbitraries.of(WORDS), Arbitraries.of(SEPARATORS))
                .as((w, s) -> w + s);
        return piece.list().ofMaxSize(25).map(parts -> String.join("", parts));
    }

    @Property(tries = 300)
    void rougeFIsSymmetricAndPrecisionMirrorsRecall(@ForAll("texts") String a, @ForAll("texts") String b,
                                                     @ForAll boolean stemming) {
        for (Rouge.Variant v : List.of(Rouge.Variant.ROUGE_1, Rouge.Variant.ROUGE_2, Rouge.Variant.ROUGE_L)) {
            Rouge.Prf ab = Rouge.compute(v, a, b, stemming);
            Rouge.Prf ba = Rouge.compute(v, b, a, stemming);
            assertThat(ab.f()).as(v.type).isEqualTo(ba.f());
            assertThat(ab.precision()).as(v.type).isEqualTo(ba.recall());
        }
    }

    @Property(tries = 300)
    void aTextAgainstItselfScoresOne(@ForAll("texts") String a, @ForAll boolean stemming) {
        int tokens = RougeTokenizer.tokenize(a, stemming).size();
        for (Rouge.Variant v : Rouge.Variant.values()) {
            double expected = tokens >= (v == Rouge.Variant.ROUGE_2 ? 2 : 1) ? 1.0 : 0.0;
            assertThat(Rouge.compute(v, a, a, stemming).f()).as(v.type).isEqualTo(expected);
        }
    }

    @Property(tries = 300)
    void lcsNeverExceedsUnigramOverlap(@ForAll("texts") String a, @ForAll("texts") String b) {
        assertThat(Rouge.compute(Rouge.Variant.ROUGE_L, a, b, false).f())
                .isLessThanOrEqualTo(Rouge.compute(Rouge.Variant.ROUGE_1, a, b, false).f());
    }

    @Property(tries = 200)
    void everyMetricStaysInRangeOnArbitraryText(@ForAll @StringLength(max = 200) String a,
                                                @ForAll @StringLength(max = 200) String b) {
        for (Rouge.Variant v : Rouge.Variant.values()) {
            for (boolean stemming : new boolean[] {false, true}) {
                Rouge.Prf prf = Rouge.compute(v, a, b, stemming);
                assertThat(List.of(prf.precision(), prf.recall(), prf.f())).allSatisfy(x ->
                        assertThat(x).isBetween(0.0, 1.0));
            }
        }
        assertThat(TokenF1.f1(a, b)).isBetween(0.0, 1.0);
        assertThat(Bleu.sentence(a, List.of(b))).isBetween(0.0, 1.0);
        assertThat(Bleu.corpus(List.of(a, b), List.of(List.of(b), List.of(a)))).isBetween(0.0, 1.0);
    }

    @Property(tries = 300)
    void tokenF1IsSymmetricAndOneOnItself(@ForAll("texts") String a, @ForAll("texts") String b) {
        assertThat(TokenF1.f1(a, b)).isEqualTo(TokenF1.f1(b, a));
        assertThat(TokenF1.f1(a, a)).isEqualTo(1.0);
    }

    @Property(tries = 300)
    void sentenceBleuOfATextAgainstItselfIsOne(@ForAll("texts") String a) {
        double expected = Tokenizer13a.tokenize(a).isEmpty() ? 0.0 : 1.0;
        assertThat(Bleu.sentence(a, List.of(a))).isEqualTo(expected);
    }

    @Property(tries = 100)
    void corpusBleuOfACorpusAgainstItselfIsOne(@ForAll("texts") String a, @ForAll("texts") String b) {
        // without effective order every n-gram order must occur somewhere: add a segment of four words
        List<String> corpus = List.of(a, b, "one two three four");
        List<List<String>> refs = corpus.stream().map(List::of).toList();
        assertThat(Bleu.corpus(corpus, refs)).isEqualTo(1.0);
    }

    @Property(tries = 500)
    void stemsAreNonEmptyAndNoLongerThanTheWord(@ForAll @StringLength(min = 1, max = 30) @net.jqwik.api.constraints.CharRange(from = 'a', to = 'z') String word) {
        String stem = PorterStemmer.stem(word);
        assertThat(stem).isNotEmpty().matches("[a-z]+");
        assertThat(stem.length()).isLessThanOrEqualTo(word.length());
    }
}
