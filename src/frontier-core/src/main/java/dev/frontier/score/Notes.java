package dev.frontier.score;

/** Keeps score notes short enough to read in a report row. */
final class Notes {
    static final int MAX = 80;

    private Notes() {
    }

    static String clip(String text) {
        String oneLine = text.replace('\n', ' ').replace('\r', ' ');
        if (oneLine.length() <= MAX) {
            return oneLine;
        }
        int end = MAX;
        if (Character.isHighSurrogate(oneLine.charAt(end - 1))) {
            end--;
        }
        return oneLine.substring(0, end) + "…";
    }
}
