package dev.frontier.score;

/** Keeps score notes short enough to read in a report row. */
final class Notes {
    static final int MAX = 80;

    private Notes() {
    }

    static String clip(String text) {
        return clip(text, MAX);
    }

    /** {@code text} on one line, cut after {@code max} characters. */
    static String clip(String text, int max) {
        String oneLine = text.replace('\n', ' ').replace('\r', ' ');
        if (oneLine.length() <= max) {
            return oneLine;
        }
        int end = max;
        if (Character.isHighSurrogate(oneLine.charAt(end - 1))) {
            end--;
        }
        return oneLine.substring(0, end) + "…";
    }
}
