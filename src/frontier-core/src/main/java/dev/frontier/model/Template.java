package dev.frontier.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A prompt or reference template with {@code {{field}}} placeholders that name dataset fields.
 * Whitespace inside the braces is ignored; there is no escaping and no logic, on purpose.
 */
public record Template(String source) {
    private static final Pattern FIELD = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_.-]*)\\s*}}");

    public Template {
        if (source == null) {
            throw new IllegalArgumentException("template source must not be null");
        }
    }

    /**
     * The first {@code {{} that does not open a well-formed placeholder ({@code {{field}}}), shown with what follows
     * it; empty when there is none. Such text would be sent to the model as it is, braces and all.
     */
    public Optional<String> unclosedPlaceholder() {
        Matcher m = FIELD.matcher(source);
        for (int at = source.indexOf("{{"); at >= 0; at = source.indexOf("{{", at + 2)) {
            if (!m.find(at) || m.start() != at) {
                int end = Math.min(source.length(), at + 24);
                int line = source.indexOf('\n', at);
                if (line >= 0 && line < end) {
                    end = line;
                }
                return Optional.of(source.substring(at, end));
            }
            at = m.end() - 2;
        }
        return Optional.empty();
    }

    /** The distinct field names the template refers to, in order of first use. */
    public Set<String> fields() {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = FIELD.matcher(source);
        while (m.find()) {
            names.add(m.group(1));
        }
        return Collections.unmodifiableSet(names);
    }

    /**
     * Fills the placeholders from the item.
     *
     * @throws IllegalArgumentException when the item lacks a field the template names
     */
    public String render(Item item) {
        // a scan instead of the pattern: rendering a reference per item and scorer is on the scoring path
        int open = source.indexOf("{{");
        if (open < 0) {
            return source;
        }
        StringBuilder out = new StringBuilder(source.length() + 64);
        int copied = 0;
        while (open >= 0) {
            int end = placeholderEnd(source, open);
            if (end < 0) {
                open = source.indexOf("{{", open + 1);
                continue;
            }
            String name = placeholderName(source, open, end);
            String value = item.fields().get(name);
            if (value == null) {
                throw new IllegalArgumentException("item " + item.id() + " has no field '" + name + "'");
            }
            out.append(source, copied, open).append(value);
            copied = end;
            open = source.indexOf("{{", end);
        }
        return out.append(source, copied, source.length()).toString();
    }

    /**
     * Where the placeholder that opens at {@code at} ends (after its {@code }}}), or -1 when the text there is not one:
     * what {@link #FIELD} matches at {@code at}.
     */
    private static int placeholderEnd(String s, int at) {
        int i = skipSpace(s, at + 2);
        if (i >= s.length() || !nameStart(s.charAt(i))) {
            return -1;
        }
        i++;
        while (i < s.length() && namePart(s.charAt(i))) {
            i++;
        }
        i = skipSpace(s, i);
        return s.startsWith("}}", i) ? i + 2 : -1;
    }

    private static String placeholderName(String s, int at, int end) {
        int from = skipSpace(s, at + 2);
        int to = from + 1;
        while (namePart(s.charAt(to))) {
            to++;
        }
        return s.substring(from, to);
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** {@code \s} of java.util.regex: space, tab, newline, vertical tab, form feed, carriage return. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static boolean nameStart(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_';
    }

    private static boolean namePart(char c) {
        return nameStart(c) || c >= '0' && c <= '9' || c == '.' || c == '-';
    }

    /** Renders each template against the item. */
    public static List<String> renderAll(List<Template> templates, Item item) {
        List<String> out = new ArrayList<>(templates.size());
        for (Template t : templates) {
            out.add(t.render(item));
        }
        return List.copyOf(out);
    }
}
