package dev.frontier.sandbox;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CompletionTest {

    @Test
    void untouchedTextEndsTheTurn() {
        assertThat(Completion.of("Hello world.", List.of(), 100))
                .isEqualTo(new Completion("Hello world.", "end_turn", 3));
    }

    @Test
    void theEarliestStopSequenceWinsAndIsNotReturned() {
        assertThat(Completion.of("one two three four", List.of("four", "two"), 100))
                .isEqualTo(new Completion("one ", "stop_sequence", 1));
    }

    @Test
    void longTextIsCutAtAWordBoundary() {
        // limit 2 tokens = 8 characters; the last space at or before index 8 is at 7
        assertThat(Completion.of("alpha beta gamma delta", List.of(), 2))
                .isEqualTo(new Completion("alpha", "max_tokens", 2));
        assertThat(Completion.of("abcdefghijklmnop", List.of(), 2))
                .isEqualTo(new Completion("abcdefgh", "max_tokens", 2));
    }

    @Property
    void neverLongerThanMaxTokensAndAlwaysAPrefix(@ForAll @StringLength(max = 400) String text,
                                                   @ForAll @IntRange(min = 1, max = 120) int maxTokens) {
        Completion completion = Completion.of(text, List.of(), maxTokens);
        assertThat(completion.outputTokens()).isLessThanOrEqualTo(maxTokens)
                .isEqualTo(PromptTokens.of(completion.text()));
        assertThat(text).startsWith(completion.text());
        assertThat(completion.stopReason()).isIn("end_turn", "max_tokens");
    }
}
