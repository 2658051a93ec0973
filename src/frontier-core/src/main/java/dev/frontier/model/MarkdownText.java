package dev.frontier.model;

/**
 * Escapes untrusted text for GitHub-flavoured Markdown: no markup, no math, no HTML, no table breaks, no
 * mentions, one line, and no control or bidi-override characters ({@link UntrustedText}).
 */
public final class MarkdownText {
    private MarkdownText() {
    }

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char ch : UntrustedText.strip(text).toCharArray()) {
            switch (ch) {
                case '\\', '`', '*', '_', '[', ']', '|', '#', '!', '~', '$' -> out.append('\\').append(ch);
                case '@' -> out.append("&#64;"); // no @mentions from model output in a PR comment
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '\n', '\r' -> out.append(' ');
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
