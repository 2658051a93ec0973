package dev.frontier.score;

import java.util.ArrayList;
import java.util.List;

/**
 * The few string operations whose Python semantics the reference metrics (sacrebleu, rouge-score, the SQuAD
 * script) depend on. Java's {@code trim} and {@code \s} see fewer characters as space than Python's
 * {@code str.split()} does, and that changes token counts on text with no-break spaces.
 */
final class PythonText {
    private PythonText() {
    }

    /** Python's {@code str.isspace()} for one code point. */
    static boolean isSpace(int cp) {
        // isWhitespace misses the no-break spaces and U+0085; isSpaceChar covers the former
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x85;
    }

    /** Python's {@code str.split()} with no separator: runs of space split, no empty tokens. */
    static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        int n = text.length();
        int start = -1;
        int i = 0;
        while (i < n) {
            int cp = text.codePointAt(i);
            if (isSpace(cp)) {
                if (start >= 0) {
                    out.add(text.substring(start, i));
                    start = -1;
                }
            } else if (start < 0) {
                start = i;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) {
            out.add(text.substring(start));
        }
        return out;
    }

    /** Python's {@code str.rstrip()} with no argument. */
    static String rstrip(String text) {
        int end = text.length();
        while (end > 0) {
            int cp = text.codePointBefore(end);
            if (!isSpace(cp)) {
                break;
            }
            end -= Character.charCount(cp);
        }
        return text.substring(0, end);
    }

    /** Python's {@code str.strip()} with no argument. */
    static String strip(String text) {
        String right = rstrip(text);
        int start = 0;
        while (start < right.length()) {
            int cp = right.codePointAt(start);
            if (!isSpace(cp)) {
                break;
            }
            start += Character.charCount(cp);
        }
        return right.substring(start);
    }
}
