package dev.frontier.logs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Redaction by regular expressions ({@code --redact FILE}): each rule's pattern (Java syntax) is replaced, in the
 * order of the rules, in every text of a row: prompt, system prompt, reference and metadata values. The replacement
 * is literal text ({@code $} and {@code \} are not special), so a rule cannot fail on a row.
 */
public record RedactionRules(List<Rule> rules) implements RowRedactor {

    public RedactionRules {
        rules = List.copyOf(rules);
    }

    /**
     * One rule.
     *
     * @param pattern the regular expression
     * @param replace what each match becomes
     */
    public record Rule(Pattern pattern, String replace) {
        public Rule {
            Objects.requireNonNull(pattern, "pattern");
            Objects.requireNonNull(replace, "replace");
        }

        /**
         * A rule from its pattern's text.
         *
         * @throws java.util.regex.PatternSyntaxException when the pattern is not a regular expression
         */
        public static Rule of(String pattern, String replace) {
            return new Rule(Pattern.compile(pattern), replace);
        }
    }

    @Override
    public List<LogRow> redact(List<LogRow> rows) {
        return rows.stream().map(r -> {
            Map<String, String> metadata = new LinkedHashMap<>();
            r.metadata().forEach((k, v) -> metadata.put(k, apply(v)));
            return r.withTexts(apply(r.prompt()), apply(r.system()), r.reference().map(this::apply), metadata);
        }).toList();
    }

    /** {@code text} with every rule applied in turn. */
    public String apply(String text) {
        String out = text;
        for (Rule rule : rules) {
            out = rule.pattern().matcher(out).replaceAll(Matcher.quoteReplacement(rule.replace()));
        }
        return out;
    }
}
