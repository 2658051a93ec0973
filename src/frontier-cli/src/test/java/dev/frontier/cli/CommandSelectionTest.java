package dev.frontier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Which subcommands a command line gets built, and that building only those changes nothing a user sees. */
class CommandSelectionTest {

    record Outcome(int code, String out, String err) {
    }

    private static Outcome frontier(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aNamedCommandIsTheOnlyOneBuilt() {
        assertThat(Main.subcommands("validate", "suite.yaml")).containsExactly(ValidateCommand.class);
        assertThat(Main.subcommands("gate", "--baseline", "validate")).containsExactly(GateCommand.class);
        // the version option may come first; it is the top command's
        assertThat(Main.subcommands("--version", "models")).containsExactly(ModelsCommand.class);
        // plan --run-pilot runs the suite through the run command
        assertThat(Main.subcommands("plan", "suite.yaml")).containsExactly(PlanCommand.class, RunCommand.class);
    }

    @Test
    void theUsagePrintsNoFormattingWarning() {
        assertThat(frontier("--help").err()).doesNotContain("WARN");
        assertThat(frontier("plan", "--help").out()).contains("at 80%\npower");
    }

    @Test
    void theVersionAloneNeedsNoCommand() {
        assertThat(Main.subcommands("--version")).isEmpty();
        assertThat(Main.subcommands("-V")).isEmpty();
    }

    @Test
    void theUsageHelpAndAnythingElseGetEveryCommand() {
        for (String[] args : List.of(new String[0], new String[] {"--help"}, new String[] {"-h", "validate"},
                new String[] {"-hV"}, new String[] {"help", "gate"}, new String[] {"valdate", "x"},
                new String[] {"@arguments.txt"}, new String[] {"--version", "--help"})) {
            assertThat(Main.subcommands(args)).as(String.join(" ", args)).isEqualTo(Main.COMMANDS);
        }
    }

    @Test
    void theUsageListsEveryCommandInOrder() {
        Outcome usage = frontier("--help");
        assertThat(usage.code()).isZero();
        List<String> listed = new ArrayList<>();
        String commands = usage.out().substring(usage.out().indexOf("Commands:"));
        Matcher m = Pattern.compile("(?m)^  ([a-z][a-z-]*) ").matcher(commands);
        while (m.find()) {
            listed.add(m.group(1));
        }
        assertThat(listed).isEqualTo(Main.COMMANDS.stream()
                .map(c -> c.getAnnotation(CommandLine.Command.class).name()).toList());
    }

    @Test
    void aCommandBuiltAloneKeepsItsHelpAndTheSharedConverters() {
        for (Class<?> command : Main.COMMANDS) {
            String name = command.getAnnotation(CommandLine.Command.class).name();
            if (!name.equals("help")) {
                Outcome help = frontier(name, "--help");
                assertThat(help.code()).as(name).isZero();
                assertThat(help.out()).as(name).startsWith("Usage: frontier " + name);
            }
        }
        Outcome folds = frontier("route", "20261127-183000-ab12", "--folds", "abc");
        assertThat(folds.code()).isEqualTo(Exit.INVALID_INPUT.code());
        assertThat(folds.err()).contains("'abc' is not a whole number", "Try 'frontier route --help'.");
        Outcome unknown = frontier("valdate");
        assertThat(unknown.code()).isEqualTo(Exit.INVALID_INPUT.code());
        assertThat(unknown.err()).contains("Unmatched argument at index 0: 'valdate'");
    }
}
