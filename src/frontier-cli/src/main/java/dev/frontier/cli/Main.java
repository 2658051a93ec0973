package dev.frontier.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code frontier}: finds the cheapest Bedrock model that is good enough.
 */
@Command(name = "frontier", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Finds the cheapest Amazon Bedrock model that is good enough for a job, and proves it.",
        subcommands = {ValidateCommand.class, EstimateCommand.class, RunCommand.class, ReportCommand.class, GateCommand.class,
                RescoreCommand.class, RecheckCommand.class, RouteCommand.class, ExportCommand.class, PlanCommand.class,
                OptimizePromptCommand.class,
                LabelsCommand.class,
                SandboxCommand.class, DistillCommand.class, JobsCommand.class, ModelsCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 gate failed (recheck: the decision changed), 2 invalid input, "
                + "3 provider or infrastructure error, "
                + "4 internal error."})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(System.out, System.err, args));
    }

    /** Runs the command line and returns the exit code; never exits the JVM. */
    public static int run(PrintStream out, PrintStream err, String... args) {
        CommandLine cli = new CommandLine(new Main());
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
