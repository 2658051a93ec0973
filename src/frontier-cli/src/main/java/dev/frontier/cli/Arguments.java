package dev.frontier.cli;

import java.math.BigDecimal;
import picocli.CommandLine;

/**
 * The converters of every number on the command line: a value that is not a number is refused with a plain message
 * (never Java's exception text), and so is a number that is not finite ({@code NaN}, {@code Infinity}), which no
 * option means. Each command then checks its own ranges.
 */
final class Arguments {
    private Arguments() {
    }

    static void register(CommandLine cli) {
        cli.registerConverter(BigDecimal.class, Arguments::decimal);
        cli.registerConverter(Double.class, Arguments::real);
        cli.registerConverter(Double.TYPE, Arguments::real);
        cli.registerConverter(Integer.class, Arguments::integer);
        cli.registerConverter(Integer.TYPE, Arguments::integer);
        cli.registerConverter(Long.class, Arguments::whole);
        cli.registerConverter(Long.TYPE, Arguments::whole);
    }

    private static BigDecimal decimal(String value) {
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a number (e.g. 5 or 0.25)");
        }
    }

    private static Double real(String value) {
        double d;
        try {
            d = Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a number (e.g. 0.5)");
        }
        if (!Double.isFinite(d)) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a finite number");
        }
        return d;
    }

    private static Integer integer(String value) {
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a whole number (e.g. 8)");
        }
    }

    private static Long whole(String value) {
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a whole number (e.g. 8)");
        }
    }
}
