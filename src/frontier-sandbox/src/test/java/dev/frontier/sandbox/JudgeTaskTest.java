package dev.frontier.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The simulated judge: sensible grades, position bias that grows as the tier falls, and sloppy formats. */
class JudgeTaskTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ModelProfile STRONG = new ModelProfile("strong", 0.97, 0.3, 100, 1, 1, 0);
    private static final ModelProfile WEAK = new ModelProfile("weak", 0.60, 0.7, 100, 1, 1, 0);
    private static final String REFERENCE = "The customer was charged twice for the annual plan renewal and wants "
            + "the duplicate charge refunded to the original card.";
    private static final String GOOD = "The customer was charged twice for the annual plan renewal; they want the "
            + "duplicate charge refunded to the card.";
    private static final String BAD = "Here is a summary: the customer wrote to us about something.";

    private static String pointwise(String answer, String scale) {
        return "[Rubric]\nStates the problem and request.\n\n[Task given to the assistant]\nSummarize this ticket:\n"
                + "We were charged twice.\n\n[Reference answer]\n" + REFERENCE + "\n\n[Answer]\n" + answer
                + "\n[End of answer]\n\nGrade the answer on this scale: " + scale + ".\n"
                + "Reply with one JSON object and nothing else: {\"score\": <one grade from the scale>, \"reason\": \"<one short sentence>\"}";
    }

    private static String pairwise(String a, String b) {
        return "[Rubric]\nStates the problem and request.\n\n[Task given to the assistants]\nSummarize.\n\n"
                + "[Reference answer]\n" + REFERENCE + "\n\n[Answer A]\n" + a + "\n[End of answer A]\n\n[Answer B]\n"
                + b + "\n[End of answer B]\n\nWhich answer meets the rubric better?";
    }

    private static JudgeTask task(String user) {
        return JudgeTask.detect(Json.call("You are an impartial evaluator.", user)).orElseThrow();
    }

    @Test
    void recognisesJudgePromptsAndOnlyThem() {
        assertThat(JudgeTask.detect(Json.call("", "Summarize this ticket:\nHello. We were charged twice.")))
                .isEmpty();
        JudgeTask t = task(pointwise(GOOD, "a whole number from 1 (worst) to 5 (best)"));
        assertThat(t.pairwise()).isFalse();
        assertThat(t.min()).isEqualTo(1);
        assertThat(t.max()).isEqualTo(5);
        assertThat(task(pointwise(GOOD, "one of \"poor\", \"fair\", \"good\" (worst to best)")).grades())
                .containsExactly("poor", "fair", "good");
        assertThat(task(pairwise(GOOD, BAD)).pairwise()).isTrue();
    }

    @Test
    void aStrongJudgeGradesTheBetterAnswerHigherInJson() throws Exception {
        String scale = "a whole number from 1 (worst) to 5 (best)";
        JsonNode good = JSON.readTree(task(pointwise(GOOD, scale)).answer(STRONG, new SplittableRandom(3)));
        JsonNode bad = JSON.readTree(task(pointwise(BAD, scale)).answer(STRONG, new SplittableRandom(3)));
        assertThat(good.get("score").asInt()).isGreaterThan(bad.get("score").asInt());
        assertThat(good.get("reason").asText()).isNotBlank();
        JsonNode label = JSON.readTree(task(pointwise(GOOD, "one of \"poor\", \"fair\", \"good\" (worst to best)"))
                .answer(STRONG, new SplittableRandom(3)));
        assertThat(label.get("score").asText()).isIn("fair", "good");
    }

    @Test
    void aWeakJudgeFavoursThePositionOfEqualAnswersAndAStrongOneBarely() {
        int weakFirst = 0;
        int strongFirst = 0;
        for (int seed = 0; seed < 200; seed++) {
            weakFirst += winner(task(pairwise(GOOD, GOOD)).answer(WEAK, new SplittableRandom(seed)), "A");
            strongFirst += winner(task(pairwise(GOOD, GOOD)).answer(STRONG, new SplittableRandom(seed)), "A");
        }
        assertThat(weakFirst).isGreaterThan(100);
        assertThat(strongFirst).isLessThan(weakFirst);
        // a clearly better answer wins in either position for a strong judge
        assertThat(winner(task(pairwise(GOOD, BAD)).answer(STRONG, new SplittableRandom(1)), "A")).isEqualTo(1);
        assertThat(winner(task(pairwise(BAD, GOOD)).answer(STRONG, new SplittableRandom(1)), "B")).isEqualTo(1);
    }

    @Test
    void aWeakJudgeSometimesIgnoresTheFormatButNeverOnARepairRequest() {
        String scale = "a whole number from 1 (worst) to 5 (best)";
        int sloppy = 0;
        for (int seed = 0; seed < 200; seed++) {
            String reply = task(pointwise(GOOD, scale)).answer(WEAK, new SplittableRandom(seed));
            sloppy += reply.startsWith("{") ? 0 : 1;
            String repaired = task(pointwise(GOOD, scale) + "\n\n[Your previous reply]\n" + reply
                    + "\n[End of previous reply]\nAnswer again.").answer(WEAK, new SplittableRandom(seed));
            assertThat(repaired).startsWith("{\"score\": ");
        }
        assertThat(sloppy).isBetween(20, 90);
        for (int seed = 0; seed < 50; seed++) {
            assertThat(task(pointwise(GOOD, scale)).answer(STRONG, new SplittableRandom(seed))).startsWith("{");
        }
    }

    private static int winner(String reply, String expected) {
        try {
            return JSON.readTree(reply).get("winner").asText().equals(expected) ? 1 : 0;
        } catch (Exception e) {
            return reply.contains("answer " + expected + " is better") ? 1 : 0;
        }
    }

    @Test
    void withStructuredOutputEvenAWeakJudgeAnswersInJson() throws Exception {
        String user = pointwise(GOOD, "a whole number from 1 (worst) to 5 (best)");
        String body = "{\"messages\": [{\"role\": \"user\", \"content\": [{\"text\": "
                + JSON.writeValueAsString(user) + "}]}], \"outputConfig\": {\"textFormat\": {\"type\": "
                + "\"json_schema\", \"structure\": {\"jsonSchema\": {\"schema\": \"{}\", \"name\": \"v\"}}}}}";
        JudgeTask structured = JudgeTask.detect(Json.call(body)).orElseThrow();
        for (int seed = 0; seed < 100; seed++) {
            assertThat(JSON.readTree(structured.answer(WEAK, new SplittableRandom(seed))).has("score")).isTrue();
        }
    }
}
