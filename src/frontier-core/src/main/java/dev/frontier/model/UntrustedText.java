package dev.frontier.model;

/**
 * Removes from untrusted text (model outputs, dataset fields, labels) the characters that change how the text around
 * them is shown rather than showing themselves: C0 and C1 control characters other than tab and line breaks (an ESC
 * starts a terminal escape sequence), DEL, and the Unicode bidirectional controls (U+202E turns text around, the
 * "Trojan Source" attack, CVE-2021-42574). Markdown and HTML outputs pass through it.
 */
public final class UntrustedText {
    private UntrustedText() {
    }

    /** Whether {@code ch} is a character this class removes. */
    public static boolean isHidden(char ch) {
        return (ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r')
                || (ch >= 0x7F && ch <= 0x9F)
                || ch == '\u061C' || ch == '\u200E' || ch == '\u200F'
                || (ch >= '\u202A' && ch <= '\u202E')
                || (ch >= '\u2066' && ch <= '\u2069');
    }

    /** {@code text} without the characters {@link #isHidden} names; null stays null. */
    public static String strip(String text) {
        if (text == null) {
            return null;
        }
        int i = 0;
        while (i < text.length() && !isHidden(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        out.append(text, 0, i);
        for (; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (!isHidden(ch)) {
                out.append(ch);
            }
        }
        return out.toString();
    }
}
