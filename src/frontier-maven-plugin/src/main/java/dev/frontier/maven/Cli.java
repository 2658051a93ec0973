package dev.frontier.maven;

import dev.frontier.cli.Main;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * One frontier command run in this JVM through {@link Main#run}, its output sent line by line to the Maven log, and
 * its exit code turned into the build's outcome.
 */
final class Cli {
    /** {@code file:line[:col] ...}: a problem with an input file, as frontier prints it. */
    private static final Pattern PROBLEM = Pattern.compile("^\\S.*?:\\d+(:\\d+)? .*");

    private Cli() {
    }

    /**
     * What a command printed and how it ended.
     *
     * @param args the command line, the command first
     * @param exit the CLI's exit code (0 ok, 1 gate failed or decision changed, 2 bad input, 3 provider, 4 internal)
     * @param out  its standard output, line by line
     * @param err  its standard error, line by line
     */
    record Outcome(List<String> args, int exit, List<String> out, List<String> err) {
        Outcome {
            args = List.copyOf(args);
            out = List.copyOf(out);
            err = List.copyOf(err);
        }

        /** The text after {@code prefix} on the last output line that starts with it, if any. */
        Optional<String> lastValue(String prefix) {
            for (int i = out.size() - 1; i >= 0; i--) {
                if (out.get(i).startsWith(prefix)) {
                    return Optional.of(out.get(i).substring(prefix.length()).strip());
                }
            }
            return Optional.empty();
        }

        /**
         * Ends the goal unless the command succeeded: exit 1 is a {@link MojoFailureException} carrying the output
         * lines {@code verdict} picks (the failed gates, the changed decision); exit 2 a
         * {@link MojoExecutionException} with every problem frontier named (file:line); 3 and 4 a
         * {@link MojoExecutionException} with frontier's message.
         */
        void requireSuccess(Predicate<String> verdict) throws MojoFailureException, MojoExecutionException {
            String command = "frontier " + args.get(0);
            switch (exit) {
                case 0 -> {
                }
                case 1 -> throw new MojoFailureException(command + " failed:" + lines(out.stream().filter(verdict)
                        .toList()));
                case 2 -> throw new MojoExecutionException(command + ": invalid input (exit 2):" + lines(err.stream()
                        .filter(l -> !l.isEmpty() && !Character.isWhitespace(l.charAt(0))
                                && level(l) != Level.WARN).toList()));
                case 3 -> throw new MojoExecutionException(command + ": provider or infrastructure error (exit 3):"
                        + lines(errors()));
                default -> throw new MojoExecutionException(command + ": internal error (exit " + exit + "):"
                        + lines(err));
            }
        }

        private List<String> errors() {
            return err.stream().filter(l -> level(l) == Level.ERROR).toList();
        }

        private static String lines(List<String> lines) {
            return lines.isEmpty() ? " (see the log above)"
                    : lines.stream().map(l -> "\n  " + l).collect(Collectors.joining());
        }
    }

    /** The Maven log level of a line frontier printed on its standard error. */
    enum Level { INFO, WARN, ERROR }

    static Level level(String errLine) {
        if (errLine.startsWith("frontier: ")) {
            return Level.ERROR;
        }
        if (errLine.contains(" warning: ") || errLine.startsWith("warning: ")) {
            return Level.WARN;
        }
        return PROBLEM.matcher(errLine).matches() ? Level.ERROR : Level.INFO;
    }

    /**
     * Runs {@code frontier ARGS...}; standard output goes to the log at info level, standard error by
     * {@link #level}. A failure outside the command's own handling (a class that cannot be loaded) ends the goal.
     */
    static Outcome execute(Log log, List<String> args) throws MojoExecutionException {
        log.info("frontier " + String.join(" ", args));
        List<String> out = Collections.synchronizedList(new ArrayList<>());
        List<String> err = Collections.synchronizedList(new ArrayList<>());
        int exit;
        try (LogLines outLines = new LogLines(line -> {
                out.add(line);
                log.info(line);
            });
             LogLines errLines = new LogLines(line -> {
                 err.add(line);
                 switch (level(line)) {
                     case ERROR -> log.error(line);
                     case WARN -> log.warn(line);
                     default -> log.info(line);
                 }
             });
             PrintStream outStream = new PrintStream(outLines, true, StandardCharsets.UTF_8);
             PrintStream errStream = new PrintStream(errLines, true, StandardCharsets.UTF_8)) {
            exit = Main.run(outStream, errStream, args.toArray(String[]::new));
        } catch (RuntimeException | LinkageError e) {
            throw new MojoExecutionException("frontier " + args.get(0) + " could not run: " + e, e);
        }
        return new Outcome(args, exit, out, err);
    }
}
