package dev.frontier.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code frontier}: finds the cheapest Bedrock model that is good enough.
 *
 * <p>The subcommands are {@link #COMMANDS}, in the order the usage lists them. A command line that names one gets
 * only that one built: picocli reads every option of a command it is given, and a command's fields and method
 * signatures load the classes they name, so building all of them costs a short command most of its start.
 */
@Command(name = "frontier", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Finds the cheapest Amazon Bedrock model that is good enough for a job, and proves it.",
        footer = {"", "Exit codes: 0 ok, 1 gate failed (recheck: the decision changed), 2 invalid input, "
                + "3 provider or infrastructure error, "
                + "4 internal error."})
public final class Main implements Runnable {

    /** Every subcommand, in the order of the usage. */
    static final List<Class<?>> COMMANDS = List.of(ValidateCommand.class, EstimateCommand.class, RunCommand.class,
            ReportCommand.class, GateCommand.class, RescoreCommand.class, RecheckCommand.class, RouteCommand.class,
            ExportCommand.class, LogsCommand.class, PlanCommand.class, OptimizePromptCommand.class, LabelsCommand.class,
            SandboxCommand.class, DistillCommand.class, JobsCommand.class, ModelsCommand.class,
            CommandLine.HelpCommand.class);

    private static final List<String> VERSION_OPTIONS = List.of("-V", "--version");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(System.out, System.err, args));
    }

    /** Runs the command line and returns the exit code; never exits the JVM. */
    public static int run(PrintStream out, PrintStream err, String... args) {
        CommandLine cli = new CommandLine(new Main());
        // before the settings below: picocli hands them only to the subcommands it already has
        for (Class<?> command : subcommands(args)) {
            cli.addSubcommand(command);
        }
        // logs profile is its own class, next to the logs command's import
        if (cli.getSubcommands().containsKey("logs")) {
            cli.getSubcommands().get("logs").addSubcommand(LogsProfileCommand.class);
        }
        cli.setOut(new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        cli.setErr(new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        cli.setExitCodeExceptionMapper(e -> Exit.INVALID_INPUT.code());
        Arguments.register(cli);
        cli.setParameterExceptionHandler((e, a) -> {
            CommandLine c = e.getCommandLine();
            c.getErr().println("frontier: " + e.getMessage());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help'.");
            return Exit.INVALID_INPUT.code();
        });
        cli.setExecutionExceptionHandler((e, c, parsed) -> {
            CliFailure known = Failures.known(e);
            if (known != null) {
                // a provider's message may echo a request: no credential reaches the console
                c.getErr().println("frontier: " + dev.frontier.model.Redaction.redact(known.getMessage()));
                return known.exit().code();
            }
            c.getErr().println("frontier: internal error: " + e);
            StackTraceElement[] st = e.getStackTrace();
            if (st.length > 0) {
                c.getErr().println("  at " + st[0] + " (please report this with the command you ran)");
            }
            return Exit.INTERNAL.code();
        });
        return cli.execute(args);
    }

    /**
     * The subcommands {@code args} need: the one named by the first argument that is not {@code --version} (with
     * {@code run} for {@code plan}, whose {@code --run-pilot} runs it), none
     * when the arguments only ask for the version, all of them otherwise (the usage, {@code help}, any other option
     * before the name, an unknown name, an {@code @file} of arguments).
     */
    static List<Class<?>> subcommands(String... args) {
        for (String arg : args) {
            if (VERSION_OPTIONS.contains(arg)) {
                continue;
            }
            if (arg.startsWith("-") || arg.startsWith("@")) {
                return COMMANDS;
            }
            for (Class<?> command : COMMANDS) {
                if (command != CommandLine.HelpCommand.class
                        && command.getAnnotation(Command.class).name().equals(arg)) {
                    // plan --run-pilot runs the suite first, through the run command
                    return command == PlanCommand.class ? List.of(command, RunCommand.class) : List.of(command);
                }
            }
            return COMMANDS;
        }
        return args.length == 0 ? COMMANDS : List.of();
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The version from the jar manifest; {@code dev} when run from classes. */
    static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** picocli version provider. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"frontier " + version(), "Java " + Runtime.version()};
        }
    }
}
