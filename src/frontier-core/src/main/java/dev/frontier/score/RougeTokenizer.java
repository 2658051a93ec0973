package dev.frontier.score;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tokenizer of Google's rouge-score: lower-case, every character outside {@code [a-z0-9]} becomes a
 * separator, and with stemming on, tokens longer than three characters are Porter-stemmed. Non-Latin text
 * therefore yields no tokens at all, as it does in the reference implementation.
 *
 * <p>The text is read once, char by char, without a lower-cased copy: only two characters outside ASCII lower-case
 * into {@code [a-z0-9]} (U+212A KELVIN SIGN into {@code k}; U+0130 into {@code i} and a combining dot, which ends the
 * token), so every other non-ASCII char is a separator. {@link Vocabulary} turns the tokens into ids without a
 * string for a token it has seen, and stems each distinct token once.
 */
final class RougeTokenizer {
    private RougeTokenizer() {
    }

    /** Receives each token as the lower-case chars {@code chars[0..length)}, not yet stemmed. */
    private interface Sink {
        void token(char[] chars, int length);
    }

    static List<String> tokenize(String text, boolean stemming) {
        List<String> tokens = new ArrayList<>();
        scan(text, 0, text.length(), (chars, length) -> {
            String token = new String(chars, 0, length);
            String kept = stemming && length > 3 ? PorterStemmer.stem(token) : token;
            if (!kept.isEmpty()) {
                tokens.add(kept);
            }
        });
        return tokens;
    }

    /** The ids in {@code vocab} of the tokens {@link #tokenize} gives. */
    static int[] ids(String text, boolean stemming, Vocabulary vocab) {
        return ids(text, 0, text.length(), stemming, vocab);
    }

    /** Newline-separated sentences as ids, empty lines dropped, as rouge-score splits them for ROUGE-Lsum. */
    static List<int[]> sentenceIds(String text, boolean stemming, Vocabulary vocab) {
        List<int[]> out = new ArrayList<>();
        int from = 0;
        while (from <= text.length()) {
            int end = text.indexOf('\n', from);
            if (end < 0) {
                end = text.length();
            }
            if (end > from) {
                out.add(ids(text, from, end, stemming, vocab));
            }
            from = end + 1;
        }
        return out;
    }

    private static int[] ids(String text, int from, int to, boolean stemming, Vocabulary vocab) {
        int[][] out = {new int[16]};
        int[] count = {0};
        scan(text, from, to, (chars, length) -> {
            int id = vocab.id(chars, length, stemming);
            if (id >= 0) {
                if (count[0] == out[0].length) {
                    out[0] = Arrays.copyOf(out[0], count[0] * 2);
                }
                out[0][count[0]++] = id;
            }
        });
        return Arrays.copyOf(out[0], count[0]);
    }

    private static void scan(String text, int from, int to, Sink sink) {
        char[] token = new char[Math.max(1, to - from)];
        int length = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            char kept;
            if (c < 128) {
                kept = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A'))
                        : (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ? c : 0;
            } else if (c == '\u212A') {
                kept = 'k';
            } else if (c == '\u0130') {
                token[length++] = 'i';
                sink.token(token, length);
                length = 0;
                continue;
            } else {
                kept = 0;
            }
            if (kept != 0) {
                token[length++] = kept;
            } else if (length > 0) {
                sink.token(token, length);
                length = 0;
            }
        }
        if (length > 0) {
            sink.token(token, length);
        }
    }

    /**
     * Dense ids for the tokens of one item's texts, so that the inner loops compare ints. Tokens are looked up by
     * their chars (open addressing), so a token seen before costs no string; with stemming, each distinct token is
     * stemmed once and tokens with the same stem share an id.
     */
    static final class Vocabulary {
        private char[][] keys = new char[64][];
        private int[] ids = new int[64];
        private int raw;
        private int size;
        private final Map<String, Integer> stems = new HashMap<>();

        /** The id of a token, or -1 when its stem is empty and it is dropped. */
        int id(char[] chars, int length, boolean stemming) {
            int hash = 1;
            for (int i = 0; i < length; i++) {
                hash = 31 * hash + chars[i];
            }
            int mask = keys.length - 1;
            int slot = (hash ^ (hash >>> 16)) & mask;
            while (keys[slot] != null) {
                if (Arrays.equals(keys[slot], 0, keys[slot].length, chars, 0, length)) {
                    return ids[slot];
                }
                slot = (slot + 1) & mask;
            }
            int id;
            if (stemming) {
                String token = new String(chars, 0, length);
                String stem = length > 3 ? PorterStemmer.stem(token) : token;
                id = stem.isEmpty() ? -1 : stems.computeIfAbsent(stem, k -> size++);
            } else {
                id = size++;
            }
            keys[slot] = Arrays.copyOf(chars, length);
            ids[slot] = id;
            if (++raw * 2 > keys.length) {
                grow();
            }
            return id;
        }

        /** The number of distinct ids given. */
        int size() {
            return size;
        }

        private void grow() {
            char[][] oldKeys = keys;
            int[] oldIds = ids;
            keys = new char[oldKeys.length * 2][];
            ids = new int[oldKeys.length * 2];
            int mask = keys.length - 1;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != null) {
                    int hash = 1;
                    for (char c : oldKeys[i]) {
                        hash = 31 * hash + c;
                    }
                    int slot = (hash ^ (hash >>> 16)) & mask;
                    while (keys[slot] != null) {
                        slot = (slot + 1) & mask;
                    }
                    keys[slot] = oldKeys[i];
                    ids[slot] = oldIds[i];
                }
            }
        }
    }
}
