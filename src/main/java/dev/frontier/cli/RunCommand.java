package dev.frontier.cli;

import dev.frontier.invoke.BedrockConverseClient;
import dev.frontier.invoke.BedrockSettings;
import dev.frontier.invoke.ModelClient;
import dev.frontier.invoke.SetupException;
import dev.frontier.model.RunId;
import dev.frontier.report.ReportWriter;
import dev.frontier.run.PreparedSuite;
import dev.frontier.run.Runner;
import dev.frontier.sandbox.Sandbox;
import dev.frontier.sandbox.SandboxOptions;
import dev.frontier.store.RunResult;
import dev.frontier.store.RunStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code frontier run SUITE}: every candidate on every item, scored, priced, stored and reported. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a suite: call every candidate on every item, score, price, and write the report.")
final class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SUITE", description = "the suite file (YAML)")
    Path suite;

    @Option(names = "--sandbox", description = "use the local simulated Bedrock endpoint instead of AWS")
    boolean sandbox;

    @Option(names = "--sandbox-time-scale", paramLabel = "X", defaultValue = "0.05",
            description = "share of the simulated latency the sandbox really waits, default: ${DEFAULT-VALUE}")
    double timeScale;

    @Mixin
    StoreOptions storage;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (timeScale < 0 || timeScale > 10) {
            throw new CliFailure(Exit.INVALID_INPUT, "--sandbox-time-scale must be between 0 and 10");
        }
        PreparedSuite prepared = SuiteInput.prepare(suite, err);
        InstantSource clock = InstantSource.system();
        RunId id = newRunId(clock);
        Sandbox local = sandbox ? Sandbox.start(SandboxOptions.defaults().withTimeScale(timeScale)) : null;
        try (ModelClient client = client(prepared, local);
             RunStore store = openStore()) {
            String where = local != null ? "the local sandbox at " + local.endpoint() : "Amazon Bedrock";
            err.printf("run %s: %s, %d candidates × %d items on %s%n", id, prepared.suite().name(),
                    prepared.suite().candidates().size(), prepared.dataset().items().size(), where);
            Runner runner = new Runner(client, store, clock, new PlainProgress(err));
            RunResult result = runner.run(prepared, id, new Runner.Context(Main.version(),
                    local != null ? "sandbox" : "bedrock", region(prepared, local).orElse(""), local != null));
            Path dir = storage.reports.resolve(result.suite()).resolve(result.runId());
            new ReportWriter().write(result, dir);
            Summary.print(result, out);
            out.printf("report: %s%n", dir.resolve("report.html"));
            if ("budget-exhausted".equals(result.status())) {
                int planned = prepared.suite().candidates().size() * prepared.dataset().items().size();
                throw new CliFailure(Exit.PROVIDER, String.format("budget exhausted: spent $%s of $%s; %d of %d "
                                + "calls were not made (the report covers the rest; raise budget.maxUsd to do them)",
                        result.evalSpend().usd(), prepared.suite().budget().maxUsd().orElseThrow(),
                        planned - result.evalSpend().calls(), planned));
            }
            int calls = result.evalSpend().calls();
            int failed = result.candidates().stream().mapToInt(RunResult.CandidateResult::failedCalls).sum();
            if (calls > 0 && failed == calls) {
                throw new CliFailure(Exit.PROVIDER, "every call failed; see the errors in the report");
            }
            return Exit.OK.code();
        } catch (SetupException e) {
            throw new CliFailure(Exit.PROVIDER, e.getMessage());
        } catch (RunStore.StoreException e) {
            throw new CliFailure(Exit.PROVIDER, e.getMessage());
        } finally {
            if (local != null) {
                local.close();
            }
        }
    }

    private RunStore openStore() {
        return RunStore.open(storage.store);
    }

    private ModelClient client(PreparedSuite prepared, Sandbox local) {
        if (local != null) {
            return BedrockConverseClient.create(new BedrockSettings(Optional.of("us-east-1"),
                    Optional.of(local.endpoint()), new BedrockSettings.Static("sandbox", "sandbox"), 3,
                    Duration.ofSeconds(60)));
        }
        return BedrockConverseClient.create(new BedrockSettings(region(prepared, null),
                prepared.suite().execution().endpoint(), new BedrockSettings.DefaultChain(), 3,
                Duration.ofSeconds(120)));
    }

    private static Optional<String> region(PreparedSuite prepared, Sandbox local) {
        if (local != null) {
            return Optional.of("us-east-1");
        }
        Optional<String> fromSuite = prepared.suite().execution().region();
        if (fromSuite.isPresent()) {
            return fromSuite;
        }
        String env = System.getenv("AWS_REGION");
        if (env == null || env.isBlank()) {
            env = System.getenv("AWS_DEFAULT_REGION");
        }
        return env == null || env.isBlank() ? Optional.empty() : Optional.of(env);
    }

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    static RunId newRunId(InstantSource clock) {
        int suffix = new SecureRandom().nextInt(0x10000);
        return new RunId(STAMP.format(clock.instant()) + String.format(Locale.ROOT, "-%04x", suffix));
    }
}
