package dev.frontier.score;

import dev.frontier.model.Item;
import dev.frontier.model.Score;
import java.util.List;
import java.util.OptionalInt;

/**
 * 1 when the output's length lies within [min, max] (either bound may be absent). Words are runs of non-space;
 * characters are Unicode code points of the output with surrounding whitespace removed, so a trailing newline
 * does not count.
 *
 * @param unit what is counted
 * @param min  the least allowed length, inclusive
 * @param max  the greatest allowed length, inclusive
 */
record LengthCheck(Unit unit, OptionalInt min, OptionalInt max) implements ItemScorer {
    static final List<String> PARAMETERS = List.of("unit", "min", "max");

    /** What a length counts. */
    enum Unit {
        WORDS, CHARACTERS
    }

    static Scorer from(ParamReader r) {
        Unit unit = r.choice("unit", Unit.class, Unit.WORDS);
        OptionalInt min = r.count("min");
        OptionalInt max = r.count("max");
        if (!r.present("min") && !r.present("max")) {
            r.problem("", "length needs 'min', 'max' or both", "e.g. max: 120");
        }
        if (min.isPresent() && max.isPresent() && min.getAsInt() > max.getAsInt()) {
            r.problem("min", "is greater than max (" + min.getAsInt() + " > " + max.getAsInt() + ")",
                    "swap the bounds, or set them equal for an exact length");
        }
        return r.ok() ? new LengthCheck(unit, min, max) : null;
    }

    @Override
    public String type() {
        return "length";
    }

    @Override
    public Score score(Item item, String output) {
        long length = unit == Unit.WORDS
                ? PythonText.split(output).size()
                : PythonText.strip(output).codePoints().count();
        boolean tooShort = min.isPresent() && length < min.getAsInt();
        boolean tooLong = max.isPresent() && length > max.getAsInt();
        String counted = length + " " + ParamReader.label(unit);
        if (tooShort) {
            return Score.pass(false, counted + ", fewer than " + min.getAsInt());
        }
        if (tooLong) {
            return Score.pass(false, counted + ", more than " + max.getAsInt());
        }
        return Score.pass(true, counted);
    }
}
