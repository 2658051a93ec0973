package dev.frontier.score;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The tokenizer of Google's rouge-score: lower-case, every character outside {@code [a-z0-9]} becomes a
 * separator, and with stemming on, tokens longer than three characters are Porter-stemmed. Non-Latin text
 * therefore yields no tokens at all, as it does in the reference implementation.
 */
final class RougeTokenizer {
    private RougeTokenizer() {
    }

    static List<String> tokenize(String text, boolean stemming) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<String> tokens = new ArrayList<>();
        int n = lower.length();
        int start = -1;
        for (int i = 0; i <= n; i++) {
            boolean wordChar = i < n && isTokenChar(lower.charAt(i));
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                String token = lower.substring(start, i);
                String kept = stemming && token.length() > 3 ? PorterStemmer.stem(token) : token;
                if (!kept.isEmpty()) {
                    tokens.add(kept);
                }
                start = -1;
            }
        }
        return tokens;
    }

    /** Newline-separated sentences, empty lines dropped, as rouge-score splits them for ROUGE-Lsum. */
    static List<List<String>> sentences(String text, boolean stemming) {
        List<List<String>> out = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            if (!line.isEmpty()) {
                out.add(tokenize(line, stemming));
            }
        }
        return out;
    }

    private static boolean isTokenChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }
}
