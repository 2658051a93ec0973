package dev.frontier.sandbox;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ClassificationTaskTest {

    private static final String SYSTEM = """
            Classify the message.
            Labels:
            - refund: money back
            - delivery: package late
            Example (delivery): where is my parcel""";
    private static final ModelProfile PERFECT = new ModelProfile("perfect", 1.0, 0.0, 100, 1, 1, 0);
    private static final ModelProfile HOPELESS = new ModelProfile("hopeless", 0.0, 1.0, 100, 1, 1, 0);

    @Test
    void noLabelsNoClassification() {
        assertThat(ClassificationTask.detect(Json.call("Summarize.", "Label this: hello"))).isEmpty();
    }

    @Test
    void readsLabelsDescriptionsAndExamples() {
        ClassificationTask task = ClassificationTask.detect(Json.call(SYSTEM, "Message: refund please")).orElseThrow();
        assertThat(task.labels()).containsExactly(
                new ClassificationTask.Label("refund", "money back", List.of()),
                new ClassificationTask.Label("delivery", "package late", List.of("where is my parcel")));
        assertThat(task.message()).isEqualTo("refund please");
    }

    @Test
    void messageMarkerTextRunsToTheEndWithoutTheAnswerCue() {
        assertThat(ClassificationTask.target("Context line\nMessage: first line\nsecond line\n\nLabel:"))
                .isEqualTo("first line\nsecond line");
    }

    @Test
    void withoutAMarkerTheLabelListAndExamplesAreNotPartOfTheMessage() {
        String user = "Pick a label.\nLabels:\n- refund: money back\n- delivery: package\n"
                + "Example (refund): give me my money\nMy parcel is late\nAnswer:";
        assertThat(ClassificationTask.target(user)).isEqualTo("Pick a label.\nMy parcel is late");
    }

    @Test
    void inlineLabelListsWork() {
        ClassificationTask task = ClassificationTask.detect(
                Json.call("Labels: positive, negative", "I love it")).orElseThrow();
        assertThat(task.labels()).extracting(ClassificationTask.Label::name).containsExactly("positive", "negative");
    }

    @Test
    void earlierTurnsAnsweredWithALabelAreExamples() {
        ConverseCall call = Json.call("""
                {"system":[{"text":"Labels:\\n- refund\\n- delivery"}],
                 "messages":[{"role":"user","content":[{"text":"Message: my parcel never came"}]},
                             {"role":"assistant","content":[{"text":"delivery"}]},
                             {"role":"user","content":[{"text":"Message: the parcel is lost"}]}]}""");
        ClassificationTask task = ClassificationTask.detect(call).orElseThrow();
        assertThat(task.labels().get(1).examples()).containsExactly("my parcel never came");
        assertThat(task.rank().get(0).label()).isEqualTo("delivery");
    }

    @Test
    void rankingWeightsNameWordsAndRareWords() {
        // refund: name "refund" (x1.5) + "money"; delivery: "late" + "package"; every word is in one label: idf ln 3
        ClassificationTask task = ClassificationTask.detect(
                Json.call(SYSTEM, "Message: refund my money for the late package")).orElseThrow();
        List<ClassificationTask.Ranked> ranked = task.rank();
        assertThat(ranked.get(0).label()).isEqualTo("refund");
        assertThat(ranked.get(0).score()).isCloseTo(2.5 * Math.log(3), within(1e-9));
        assertThat(ranked.get(1).score()).isCloseTo(2.0 * Math.log(3), within(1e-9));
    }

    @Test
    void tiesKeepPromptOrder() {
        ClassificationTask task = ClassificationTask.detect(Json.call(SYSTEM, "Message: hello there")).orElseThrow();
        assertThat(task.rank()).extracting(ClassificationTask.Ranked::label).containsExactly("refund", "delivery");
    }

    @Property(tries = 200)
    void aPerfectModelAlwaysAnswersTheBestLabelBare(@ForAll long seed) {
        ClassificationTask task = ClassificationTask.detect(
                Json.call(SYSTEM, "Message: my package is late")).orElseThrow();
        assertThat(task.answer(PERFECT, new SplittableRandom(seed))).isEqualTo("delivery");
    }

    @Property(tries = 200)
    void anyAnswerNamesOneOfTheLabels(@ForAll long seed) {
        ClassificationTask task = ClassificationTask.detect(
                Json.call(SYSTEM, "Message: my package is late")).orElseThrow();
        String answer = task.answer(HOPELESS, new SplittableRandom(seed));
        assertThat(answer).containsAnyOf("refund", "delivery");
    }

    @Test
    void aWeakModelErrsAndWrapsOnAmbiguousMessages() {
        ClassificationTask task = ClassificationTask.detect(
                Json.call(SYSTEM, "Message: refund the package")).orElseThrow();
        ModelProfile weak = new ModelProfile("weak", 0.6, 0.8, 100, 1, 1, 0);
        int wrong = 0;
        int wrapped = 0;
        for (int seed = 0; seed < 1000; seed++) {
            String answer = task.answer(weak, new SplittableRandom(seed));
            wrong += answer.contains("delivery") ? 1 : 0;
            wrapped += answer.equals("refund") || answer.equals("delivery") ? 0 : 1;
        }
        // refund scores 1.5 ln 3, delivery ln 3: closeness 2/3, error rate 0.4 x (0.5 + 1.5 x 2/3) = 0.6;
        // wrapping rate (0.9 - 0.6) x (1 + 0.8) x 0.8 = 0.432; bounds are about 3 standard deviations
        assertThat(wrong).isBetween(550, 650);
        assertThat(wrapped).isBetween(385, 480);
    }
}
