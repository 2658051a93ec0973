package dev.frontier.sandbox;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class SummaryTaskTest {

    private static final String TICKET = "Summarize this ticket:\n"
            + "Hello team,\n"
            + "The printer in room 4 is broken. The printer shows a paper jam error every morning. "
            + "Lunch was great today. Please send someone to fix the printer.\n"
            + "Thanks,\nAnn";
    private static final ModelProfile PERFECT = new ModelProfile("perfect", 1.0, 0.0, 100, 1, 1, 0);
    private static final ModelProfile HOPELESS = new ModelProfile("hopeless", 0.0, 1.0, 100, 1, 1, 0);

    @Test
    void theFirstLineIsTheInstructionAndTheRestTheDocument() {
        SummaryTask task = SummaryTask.of(Json.call("Be helpful.", TICKET));
        assertThat(task.instruction()).isEqualTo("Be helpful.\nSummarize this ticket:");
        assertThat(task.document().greeting()).isEqualTo("Hello team,");
        assertThat(task.document().content()).hasSize(4).doesNotContain("Thanks,", "Ann");
        assertThat(task.sentenceCount()).isEqualTo(2);
        assertThat(task.wordLimit()).isEmpty();
    }

    @Test
    void lengthInstructionsAreRead() {
        assertThat(SummaryTask.of(Json.call("Answer in one sentence.", TICKET)).sentenceCount()).isEqualTo(1);
        assertThat(SummaryTask.of(Json.call("", "Write a 3-sentence summary:\nA. B.")).sentenceCount()).isEqualTo(3);
        assertThat(SummaryTask.of(Json.call("Use at most twenty words.", TICKET)).wordLimit()).hasValue(20);
        assertThat(SummaryTask.of(Json.call("", "Summarize in 15 words:\nA. B.")).wordLimit()).hasValue(15);
    }

    @Test
    void centralityRanksSentencesSharingTheMainWords() {
        // content words: "printer" occurs 3 times, every other word once;
        // scores: s0 (3+1+1+1)/sqrt 4 = 3, s1 (3+6)/sqrt 7 = 3.40, s2 3/sqrt 3 = 1.73, s3 (3+1+1+1)/sqrt 4 = 3
        assertThat(SummaryTask.of(Json.call("", TICKET)).ranking()).containsExactly(1, 0, 3, 2);
    }

    @Test
    void aPerfectModelReturnsTheTopSentencesInDocumentOrder() {
        SummaryTask two = SummaryTask.of(Json.call("", TICKET));
        SummaryTask one = SummaryTask.of(Json.call("Answer in one sentence.", TICKET));
        assertThat(two.answer(PERFECT, new SplittableRandom(1)))
                .isEqualTo("The printer in room 4 is broken. The printer shows a paper jam error every morning.");
        assertThat(one.answer(PERFECT, new SplittableRandom(1)))
                .isEqualTo("The printer shows a paper jam error every morning.");
    }

    @Test
    void aWordLimitKeepsWholeSentencesThatFit() {
        SummaryTask task = SummaryTask.of(Json.call("Use at most 10 words.", TICKET));
        assertThat(task.answer(PERFECT, new SplittableRandom(1))).isEqualTo("The printer in room 4 is broken.");
        SummaryTask tight = SummaryTask.of(Json.call("Use at most 3 words.", TICKET));
        assertThat(tight.answer(PERFECT, new SplittableRandom(1))).isEqualTo("The printer in.");
    }

    @Test
    void anEmptyDocumentGetsAPoliteNonAnswer() {
        assertThat(SummaryTask.of(Json.call("", "Hi!")).answer(PERFECT, new SplittableRandom(1)))
                .isEqualTo("I don't have enough information to answer that.");
    }

    @Property(tries = 100)
    void aHopelessModelMakesEverySlip(@ForAll long seed) {
        String answer = SummaryTask.of(Json.call("", TICKET)).answer(HOPELESS, new SplittableRandom(seed));
        assertThat(answer).containsAnyOf("summary", "Summary");
        assertThat(answer).contains("Hello team,");
        assertThat(answer).containsAnyOf("Let me know", "I hope this helps", "Overall", "Please let me know");
        assertThat(answer).contains("...");
    }

    @Property(tries = 100)
    void theSameSeedGivesTheSameSummary(@ForAll long seed) {
        SummaryTask task = SummaryTask.of(Json.call("", TICKET));
        ModelProfile middling = new ModelProfile("middling", 0.7, 0.5, 100, 1, 1, 0);
        assertThat(task.answer(middling, new SplittableRandom(seed)))
                .isEqualTo(task.answer(middling, new SplittableRandom(seed)));
    }

    @Test
    void summariesOnlyUseTheDocumentsSentencesAndKnownPadding() {
        SummaryTask task = SummaryTask.of(Json.call("", TICKET));
        ModelProfile perfectButWordy = new ModelProfile("wordy", 1.0, 1.0, 100, 1, 1, 0);
        for (int seed = 0; seed < 50; seed++) {
            String answer = task.answer(perfectButWordy, new SplittableRandom(seed));
            // tier 1 never slips, whatever the verbosity
            assertThat(List.of(answer)).containsOnly(
                    "The printer in room 4 is broken. The printer shows a paper jam error every morning.");
        }
    }
}
