package dev.frontier.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The hand-written 13a tokenizer gives exactly the tokens of the regular expressions it replaces
 * ({@link Tokenizer13aRegex}, a transcription of sacrebleu's), on every short string over the characters the rules
 * look at and on long generated text mixed with adversarial Unicode.
 */
class Tokenizer13aTest {
    /** Each piece is one thing a rule treats specially: digits, '.', ',', '-', symbols, entities, spaces, surrogates. */
    private static final List<String> PIECES = List.of("a", "Z", "0", "7", ".", ",", "-", "'", "&", ";", "<", "$",
            "/", "`", "~", "(", " ", "  ", "\t", "\n", "-\n", "\r", "\u00a0", "\u2003", "\u0085", "\u1680", "\u3000",
            "\u200b", "\u001c", "\u00e9", "e\u0301", "\u0660", "\uff11", "\uff0e", "\u3002", "\u00b7",
            "\ud83d\ude00", "\ud83d", "\ude00", "\ud835\udfce", "&amp;", "&quot;", "&lt;", "&gt;", "&amp", "<skipped>",
            "3.50", "1,000", "1990-2000", "well-known", "it's", "e.g.", "...", "--", "日本語", "Ελλάδα");

    @Test
    void everyStringOfUpToFourCharactersFromTheRulesAlphabetTokenizesAsTheRegularExpressionsDo() {
        char[] alphabet = {'a', '1', '.', ',', '-', ' ', '$', '\u00a0', '\ud83d', '\ude00', '\n', '&'};
        List<String> texts = new ArrayList<>(List.of(""));
        int checked = 0;
        for (int length = 1; length <= 4; length++) {
            List<String> longer = new ArrayList<>();
            for (String t : texts) {
                for (char c : alphabet) {
                    String s = t + c;
                    longer.add(s);
                    assertThat(Tokenizer13a.tokenize(s)).as("%s", s.codePoints().mapToObj(Integer::toHexString).toList())
                            .isEqualTo(Tokenizer13aRegex.tokenize(s));
                    checked++;
                }
            }
            texts = longer;
        }
        assertThat(checked).isEqualTo(12 + 144 + 1728 + 20736);
    }

    @Provide
    Arbitrary<String> adversarial() {
        return Arbitraries.of(PIECES).list().ofMaxSize(60).map(parts -> String.join("", parts));
    }

    @Property(tries = 3000)
    void generatedTextTokenizesAsTheRegularExpressionsDo(@ForAll("adversarial") String text) {
        assertThat(Tokenizer13a.tokenize(text)).isEqualTo(Tokenizer13aRegex.tokenize(text));
    }

    @Property(tries = 1000)
    void anyStringTokenizesAsTheRegularExpressionsDo(@ForAll String text) {
        assertThat(Tokenizer13a.tokenize(text)).isEqualTo(Tokenizer13aRegex.tokenize(text));
    }

    @Test
    void proseWithNumbersAndEntities() {
        String text = "On 3.5.2024, the council (12 members) approved $1,440.50 -- \"a record\" &amp; more: 1990-2000,"
                + " i.e. 25% up.\nSee <skipped> end-\nline.  ";
        assertThat(Tokenizer13a.tokenize(text)).isEqualTo(Tokenizer13aRegex.tokenize(text))
                .startsWith("On", "3.5.2024", ",", "the", "council", "(", "12", "members", ")");
    }
}
