package dev.frontier.sandbox;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * What a prompt router can tell of a prompt's difficulty before any model has answered it: a number in [0, 1] read
 * from the prompt alone. Bedrock's router is a trained predictor whose inside is not documented ("the system
 * analyzes the prompt to understand its content and context", user guide, prompt-routing); this stand-in is
 * deterministic, informative and deliberately imperfect, as a real predictor is:
 *
 * <ul>
 *   <li>for a classification prompt, mostly the ambiguity the simulated models themselves suffer from
 *       ({@link ClassificationTask#ambiguity()}: how close the runner-up label scores), so that routing pays off
 *       where easy and hard items really differ;</li>
 *   <li>for any prompt, a little of what a generic predictor sees: the length of the last user turn and how many
 *       questions it asks;</li>
 *   <li>a fixed error per prompt, drawn from a hash of the request, so that some easy prompts look hard and some
 *       hard ones look easy.</li>
 * </ul>
 */
final class PromptDifficulty {

    /** The share of a classification prompt's estimate that comes from its ambiguity. */
    private static final double AMBIGUITY_WEIGHT = 0.8;
    /** The largest error the estimate makes on one prompt, either way. */
    static final double MAX_ERROR = 0.15;
    /** A last user turn of this many words or more reads as long. */
    private static final int LONG_TURN_WORDS = 150;
    /** This many question marks or more read as a demanding request. */
    private static final int MANY_QUESTIONS = 3;

    private PromptDifficulty() {
    }

    /** The estimate for a request, in [0, 1]; the same request always gets the same number. */
    static double estimate(ConverseCall call) {
        String turn = call.lastUserMessage().map(ConverseCall.Message::text).orElse("");
        double generic = 0.5 * Math.min(1, Words.all(turn).size() / (double) LONG_TURN_WORDS)
                + 0.5 * Math.min(1, count(turn, '?') / (double) MANY_QUESTIONS);
        double signal = ClassificationTask.detect(call)
                .map(task -> AMBIGUITY_WEIGHT * task.ambiguity() + (1 - AMBIGUITY_WEIGHT) * generic)
                .orElse(generic);
        return Math.max(0, Math.min(1, signal + MAX_ERROR * error(call)));
    }

    private static int count(String text, char c) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    /** A number in [-1, 1] fixed by the request's canonical form. */
    private static double error(ConverseCall call) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("router\n" + call.content()).getBytes(StandardCharsets.UTF_8));
            long bits = ByteBuffer.wrap(digest).getLong() >>> 11; // 53 bits
            return 2 * (bits / (double) (1L << 53)) - 1;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
