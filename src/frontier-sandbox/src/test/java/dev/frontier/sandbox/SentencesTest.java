package dev.frontier.sandbox;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SentencesTest {

    @Test
    void splitsOnSentenceEndsAndNewLines() {
        assertThat(Sentences.split("One thing. Two things! Three?\nFour e.g. five"))
                .containsExactly("One thing.", "Two things!", "Three?", "Four e.g. five");
        assertThat(Sentences.split("  \n\n")).isEmpty();
    }

    @Test
    void greetingsAndSignOffsAreSetAside() {
        Sentences.Document document = Sentences.document(
                "Hello team,\nThe export failed. It failed twice.\nBest regards,\nDana Smith");
        assertThat(document.greeting()).isEqualTo("Hello team,");
        assertThat(document.content()).containsExactly("The export failed.", "It failed twice.");
    }

    @Test
    void aGreetingGluedToASentenceIsCutOff() {
        Sentences.Document document = Sentences.document("Hi Anna, the invoice is wrong again. Thanks!");
        assertThat(document.greeting()).isEqualTo("Hi Anna,");
        assertThat(document.content()).containsExactly("The invoice is wrong again.");
    }

    @Test
    void longThanksSentencesAreContent() {
        Sentences.Document document = Sentences.document(
                "Thanks for fixing the login page so quickly last week. Now the export fails.");
        assertThat(document.hasGreeting()).isFalse();
        assertThat(document.content()).hasSize(2);
    }
}
