package dev.frontier.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** {@link Template#render} scans instead of matching a pattern: the pattern is kept here as its oracle. */
class TemplateRenderTest {
    private static final Pattern FIELD = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_.-]*)\\s*}}");
    private static final Item ITEM = new Item("i1", Map.of("a", "A$1\\", "b_2", "{{a}}", "x.y-z", "xyz", "_", "u"));
    private static final String[] PIECES = {"{", "}", "{{", "}}", " ", "\t", "\n", "\u000B", "a", "b_2", "x.y-z", "_",
        "9", "-", ".", "$", "\\", "é", "text "};

    /** What the pattern renders, or null when it names a field the item lacks. */
    private static String oracle(String source, Item item) {
        Matcher m = FIELD.matcher(source);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = item.fields().get(m.group(1));
            if (value == null) {
                return null;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    @Provide
    Arbitrary<String> sources() {
        return Arbitraries.of(PIECES).list().ofMaxSize(40).map(parts -> String.join("", parts));
    }

    @Property(tries = 5000)
    void rendersAsThePatternDoes(@ForAll("sources") String source) {
        String expected = oracle(source, ITEM);
        if (expected == null) {
            assertThatThrownBy(() -> new Template(source).render(ITEM)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("has no field");
        } else {
            assertThat(new Template(source).render(ITEM)).isEqualTo(expected);
        }
    }

    @Test
    void placeholdersValuesAndNearMisses() {
        assertThat(new Template("{{{a}}} {{ b_2 }} {{x.y-z}}{{_}} {{9}} {{a b}} {{").render(ITEM))
                .isEqualTo("{A$1\\} {{a}} xyzu {{9}} {{a b}} {{");
        assertThat(new Template("no placeholder").render(ITEM)).isEqualTo("no placeholder");
        assertThatThrownBy(() -> new Template("{{missing}}").render(ITEM))
                .hasMessage("item i1 has no field 'missing'");
    }
}
