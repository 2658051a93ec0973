package dev.frontier.sandbox;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WordsTest {

    @Test
    void formsOfAWordShareAStem() {
        List<List<String>> families = List.of(
                List.of("refund", "refunds", "refunded", "refunding"),
                List.of("charge", "charges", "charged", "charging"),
                List.of("delivery", "deliveries", "delivered"),
                List.of("ship", "ships", "shipped", "shipping"),
                List.of("crash", "crashes", "crashed"),
                List.of("address", "addresses"));
        for (List<String> family : families) {
            assertThat(family.stream().map(Words::stem).distinct()).as(family.toString()).hasSize(1);
        }
    }

    @Test
    void shortWordsAreLeftAlone() {
        assertThat(Words.stem("bill")).isEqualTo("bill");
        assertThat(Words.stem("app")).isEqualTo("app");
        assertThat(Words.stem("bus")).isEqualTo("bus");
    }

    @Test
    void contentDropsStopWordsAndPunctuation() {
        assertThat(Words.content("I don't want THE refund, please!")).containsExactly("want", "refund");
        assertThat(Words.all("It's 2 o'clock")).containsExactly("its", "2", "oclock");
        assertThat(Words.content("")).isEmpty();
    }
}
