package dev.frontier.cli;

import dev.frontier.config.SuiteSpec;
import dev.frontier.distill.Distiller;
import dev.frontier.invoke.BedrockSettings;
import dev.frontier.invoke.CloudException;
import dev.frontier.invoke.CustomizationJobs;
import dev.frontier.invoke.SetupException;
import dev.frontier.store.RunStore;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code frontier jobs [list | show ARN | stop ARN]}: the Bedrock jobs and serving resources frontier created, as
 * recorded in the run store; {@code show} asks Bedrock for the current status (and with {@code --wait} follows the
 * job until it ends), {@code stop} stops a customization job or deletes a Provisioned Throughput or deployment.
 */
@Command(name = "jobs", mixinStandardHelpOptions = true,
        description = "List, show and stop the Bedrock jobs frontier launched (customization, serving).")
final class JobsCommand implements Callable<Integer> {

    private static final Pattern JOB_ARN = Pattern.compile(
            "arn:aws(-[a-z-]+)?:bedrock:[a-z0-9-]+:\\d{12}:model-customization-job/[A-Za-z0-9._:/+-]+");
    private static final Pattern SERVING_ARN = Pattern.compile(
            "arn:aws(-[a-z-]+)?:bedrock:[a-z0-9-]+:\\d{12}:(provisioned-model|custom-model-deployment)/[a-z0-9]+");

    @Parameters(index = "0", arity = "0..1", paramLabel = "ACTION", defaultValue = "list",
            description = "list (default), show or stop")
    String action;

    @Parameters(index = "1", arity = "0..1", paramLabel = "ARN", description = "the job's or resource's ARN")
    String arn;

    @Option(names = "--wait", description = "show: poll until the job ends")
    boolean await;

    @Option(names = "--sandbox", description = "ask the local simulated Bedrock (state kept next to the run store)")
    boolean sandbox;

    @Option(names = "--sandbox-job-time", paramLabel = "SECONDS", defaultValue = "10",
            description = "sandbox: how long a job or resource takes, default: ${DEFAULT-VALUE}")
    long jobSeconds;

    @Option(names = "--region", paramLabel = "REGION", description = "AWS region (default: AWS_REGION)")
    String region;

    @Mixin
    StoreOptions storage;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!List.of("list", "show", "stop").contains(action)) {
            throw new CliFailure(Exit.INVALID_INPUT, "unknown action '" + action + "' (use list, show ARN or stop ARN)");
        }
        if (!action.equals("list")) {
            if (arn == null) {
                throw new CliFailure(Exit.INVALID_INPUT, action + " needs the job's ARN (see 'frontier jobs list')");
            }
            if (!JOB_ARN.matcher(arn).matches() && !SERVING_ARN.matcher(arn).matches()) {
                throw new CliFailure(Exit.INVALID_INPUT, "'" + arn + "' is not a customization job, Provisioned "
                        + "Throughput or deployment ARN (write arn:aws:bedrock:REGION:ACCOUNT:model-customization-job/"
                        + "..., as printed by 'frontier jobs list')");
            }
        }
        if (await && !action.equals("show")) {
            throw new CliFailure(Exit.INVALID_INPUT, "--wait goes with show");
        }
        try (RunStore store = RunStore.open(storage.store)) {
            if (action.equals("list")) {
                List<RunStore.JobRow> rows = store.jobs();
                if (rows.isEmpty()) {
                    out.println("no jobs recorded in " + storage.store);
                }
                for (RunStore.JobRow r : rows) {
                    out.printf("%-22s %-12s %-24s %s  %s%n", r.kind(), r.status(), r.suite(), r.updatedAt(),
                            r.jobArn());
                }
                out.flush();
                return Exit.OK.code();
            }
            Optional<String> where = Optional.ofNullable(region).or(() -> Optional.ofNullable(System.getenv(
                    "AWS_REGION")));
            try (ControlPlaneAccess access = ControlPlaneAccess.open(sandbox, storage.store,
                    Duration.ofSeconds(jobSeconds), 0, where, sandbox ? BedrockSettings.Endpoints.none()
                            : ServiceEndpoints.resolve(SuiteSpec.EndpointsSpec.none()));
                 CustomizationJobs jobs = access.jobs()) {
                Distiller distiller = new Distiller(store, InstantSource.system(), Distiller.Sleeper.REAL);
                if (action.equals("stop") && SERVING_ARN.matcher(arn).matches()) {
                    // stopping a serving resource is deleting it: that is what ends its billing
                    if (arn.contains(":provisioned-model/")) {
                        jobs.deleteProvisionedThroughput(arn);
                    } else {
                        jobs.deleteDeployment(arn);
                    }
                    if (store.job(arn).isPresent()) {
                        store.updateJob(arn, "Deleted", "{\"status\":\"Deleted\"}", InstantSource.system().instant()
                                .toString());
                    }
                    out.println(arn + ": deleted");
                    out.flush();
                    return Exit.OK.code();
                }
                if (action.equals("stop")) {
                    jobs.stop(arn);
                    out.println(Distiller.describe(distiller.refresh(arn, jobs)));
                    out.flush();
                    return Exit.OK.code();
                }
                if (SERVING_ARN.matcher(arn).matches()) {
                    CustomizationJobs.ServingState s = arn.contains(":provisioned-model/")
                            ? jobs.provisionedThroughput(arn) : jobs.deployment(arn);
                    out.println(s.arn() + ": " + s.status() + (s.failureMessage().isEmpty() ? ""
                            : " — " + s.failureMessage()));
                    out.flush();
                    return Exit.OK.code();
                }
                CustomizationJobs.JobState s = await
                        ? distiller.await(arn, jobs, sandbox ? new Distiller.Polling(Duration.ofMillis(500),
                        Duration.ofSeconds(2)) : Distiller.Polling.bedrock(), line -> {
                            err.println(line);
                            err.flush();
                        })
                        : distiller.refresh(arn, jobs);
                out.println(Distiller.describe(s));
                s.outputModelArn().ifPresent(m -> out.println("custom model: " + m));
                out.flush();
                return s.status().equals("Failed") ? Exit.PROVIDER.code() : Exit.OK.code();
            }
        } catch (SetupException | CloudException e) {
            throw new CliFailure(Exit.PROVIDER, e.getMessage());
        } catch (RunStore.StoreException e) {
            throw new CliFailure(Exit.PROVIDER, e.getMessage());
        }
    }
}
