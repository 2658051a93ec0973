package dev.frontier.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits a document into sentences and tells greetings and sign-offs from content.
 */
final class Sentences {

    /** A sentence ends at . ! or ? followed by space and something that can start a sentence. */
    private static final Pattern BOUNDARY = Pattern.compile("(?<=[.!?])\\s+(?=[\"'(\\[]?[A-Z0-9])");
    private static final Pattern GREETING = Pattern.compile(
            "(?i)^(hi|hello|hey|dear|greetings|good (morning|afternoon|evening))\\b.*");
    /** "Hi Anna, my invoice..." or "Hello team, the export..." — a greeting glued to a real sentence. */
    private static final Pattern GREETING_PREFIX = Pattern.compile(
            "(?i)^(hi|hello|hey|dear|greetings|good (morning|afternoon|evening))\\b[^,.!?]{0,30}[,!]\\s+(?=\\S)");
    private static final Pattern SIGN_OFF = Pattern.compile(
            "(?i)^(thanks|thank you|many thanks|thx|cheers|best|best regards|regards|kind regards|warm regards|"
                    + "sincerely|yours|all the best|talk soon)\\b.*");
    private static final int SHORT_SENTENCE_WORDS = 6;

    private Sentences() {
    }

    /** The sentences of a text, in order, trimmed; new lines always end a sentence. */
    static List<String> split(String text) {
        List<String> sentences = new ArrayList<>();
        for (String line : text.split("\\R")) {
            for (String part : BOUNDARY.split(line.strip())) {
                String sentence = part.strip();
                if (!sentence.isEmpty()) {
                    sentences.add(sentence);
                }
            }
        }
        return sentences;
    }

    /**
     * A document parsed for summarizing: the content sentences, with the greeting that opened it (if any) kept
     * aside. Sign-offs and whatever follows them (a name, a signature) are dropped.
     */
    record Document(List<String> content, String greeting) {
        Document {
            content = List.copyOf(content);
        }

        boolean hasGreeting() {
            return !greeting.isEmpty();
        }
    }

    static Document document(String text) {
        List<String> content = new ArrayList<>();
        String greeting = "";
        boolean signedOff = false;
        for (String sentence : split(text)) {
            int words = Words.all(sentence).size();
            boolean isShort = words <= SHORT_SENTENCE_WORDS;
            if (signedOff && words <= SHORT_SENTENCE_WORDS) {
                continue;
            }
            if (isShort && SIGN_OFF.matcher(sentence).matches()) {
                signedOff = true;
                continue;
            }
            signedOff = false;
            var prefix = GREETING_PREFIX.matcher(sentence);
            if (prefix.find() && Words.all(sentence.substring(prefix.end())).size() > 2) {
                if (greeting.isEmpty()) {
                    greeting = sentence.substring(0, prefix.end()).strip();
                }
                content.add(capitalize(sentence.substring(prefix.end())));
            } else if (isShort && GREETING.matcher(sentence).matches()) {
                if (greeting.isEmpty()) {
                    greeting = sentence;
                }
            } else {
                content.add(sentence);
            }
        }
        return new Document(content, greeting);
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
