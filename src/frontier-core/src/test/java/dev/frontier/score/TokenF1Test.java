package dev.frontier.score;

import static dev.frontier.score.Fixtures.item;
import static dev.frontier.score.Fixtures.scorer;
import static dev.frontier.score.Fixtures.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** SQuAD token F1 against hand-computed values. */
class TokenF1Test {
    private static final Offset<Double> EXACT = within(1e-12);

    @Test
    void normalizationDropsCasePunctuationAndArticles() {
        assertThat(TokenF1.normalize("The  Eiffel Tower!")).isEqualTo("eiffel tower");
        assertThat(TokenF1.normalize("An apple, a pear & the end.")).isEqualTo("apple pear end");
        // only whole-word articles go: "theatre", "another" stay
        assertThat(TokenF1.normalize("theatre another")).isEqualTo("theatre another");
        // punctuation goes before articles are matched, so "the-end" becomes "theend"
        assertThat(TokenF1.normalize("the-end")).isEqualTo("theend");
    }

    @Test
    void exactAfterNormalizationIsOne() {
        assertThat(TokenF1.f1("The Eiffel Tower!", "eiffel tower")).isEqualTo(1.0);
    }

    @Test
    void partialOverlap() {
        // [in, paris, france] vs [paris]: 1 shared; P = 1/3, R = 1, F1 = 2*(1/3)/(4/3) = 0.5
        assertThat(TokenF1.f1("in Paris, France", "Paris")).isCloseTo(0.5, EXACT);
        // multiset: [a->dropped] "cat cat dog" vs "cat dog dog": shared cat 1 + dog 1 = 2; P = R = 2/3
        assertThat(TokenF1.f1("cat cat dog", "cat dog dog")).isCloseTo(2.0 / 3, EXACT);
    }

    @Test
    void emptyAnswersFollowSquad2() {
        // "the" and "a" both normalize to nothing: two empty answers agree
        assertThat(TokenF1.f1("the", "a")).isEqualTo(1.0);
        assertThat(TokenF1.f1("", "Paris")).isZero();
        assertThat(TokenF1.f1("Paris", "")).isZero();
    }

    @Test
    void bestOverReferences() {
        // vs "London": 0; vs "Paris France": P = 1, R = 1/2, F1 = 2/3
        var s = scorer("token-f1", Map.of("references", List.of("{{a}}", "{{b}}")))
                .score(item("a", "London", "b", "Paris France"), "Paris");
        assertThat(value(s)).isCloseTo(2.0 / 3, EXACT);
        assertThat(Fixtures.note(s)).contains("reference 2 of 2");
    }
}
