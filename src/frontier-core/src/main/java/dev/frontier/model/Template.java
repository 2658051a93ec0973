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
        Matcher m = FIELD.matcher(source);
        StringBuilder out = new StringBuilder(source.length() + 64);
        while (m.find()) {
            String name = m.group(1);
            String value = item.fields().get(name);
            if (value == null) {
                throw new IllegalArgumentException("item " + item.id() + " has no field '" + name + "'");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
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
