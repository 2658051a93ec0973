package dev.frontier.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.frontier.batch.JobStatus;
import dev.frontier.bedrock.BedrockSettings;
import dev.frontier.config.SuiteSpec;
import dev.frontier.distill.Distiller;
import dev.frontier.invoke.BatchJobClient;
import dev.frontier.invoke.CustomizationJobs;
import dev.frontier.invoke.PromptRouters;
import dev.frontier.model.AwsIds;
import dev.frontier.store.RunStore;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code frontier jobs [list | show ARN | stop ARN]}: the Bedrock jobs and serving resources frontier created, as
 * recorded in the run store; {@code show} asks Bedrock for the current status (and with {@code --wait} follows the
 * job until it ends), {@code stop} stops a customization or batch inference job, or deletes a Provisioned Throughput
 * or deployment.
 */
@Command(name = "jobs", mixinStandardHelpOptions = true,
        description = "List, show and stop the Bedrock jobs frontier launched (customization, batch, serving, prompt routers).")
final class JobsCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(index = "0", arity = "0..1", paramLabel = "ACTION", defaultValue = "list",
            description = "list (default), show or stop")
    String action;

    @Parameters(index = "1", arity = "0..1", paramLabel = "ARN", description = "the job's or resource's ARN")
    String arn;

    @Option(names = "--wait", description = "show: poll until the job ends")
    boolean await;

    @Mixin
    SandboxFlags sandbox;

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
            Optional<String> problem = AwsIds.bedrockJobProblem(arn);
            if (problem.isPresent()) {
                throw new CliFailure(Exit.INVALID_INPUT, problem.get());
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
            AwsIds.BedrockJob kind = AwsIds.bedrockJob(arn).orElseThrow();
            try (ControlPlaneAccess access = ControlPlaneAccess.open(sandbox, storage.store, where,
                    sandbox.enabled ? BedrockSettings.Endpoints.none()
                            : ServiceEndpoints.resolve(SuiteSpec.EndpointsSpec.none()))) {
                if (kind == AwsIds.BedrockJob.PROMPT_ROUTER) {
                    try (PromptRouters routers = access.promptRouters()) {
                        return router(routers, store, out);
                    }
                }
                if (kind == AwsIds.BedrockJob.BATCH_JOB) {
                    try (BatchJobClient batch = access.batchJobs()) {
                        return batch(batch, store, out, err);
                    }
                }
                try (CustomizationJobs jobs = access.jobs()) {
                    return customization(kind, jobs, store, out, err);
                }
            }
        }
    }

    /**
     * show / stop a prompt router a suite created: stopping it is deleting it ({@code DeletePromptRouter}); a router
     * costs nothing while unused, but the account's quota of configured routers is 500.
     */
    private int router(PromptRouters routers, RunStore store, PrintWriter out) {
        String now = InstantSource.system().instant().toString();
        if (action.equals("stop")) {
            routers.delete(arn);
            if (store.job(arn).isPresent()) {
                store.updateJob(arn, "Deleted", "{\"status\":\"Deleted\"}", now);
            }
            out.println(arn + ": deleted");
            out.flush();
            return Exit.OK.code();
        }
        Optional<PromptRouters.Router> router = routers.get(arn);
        if (router.isEmpty()) {
            if (store.job(arn).isPresent()) {
                store.updateJob(arn, "Deleted", "{\"status\":\"Deleted\"}", now);
            }
            out.println(arn + ": not found (deleted)");
        } else {
            PromptRouters.Router r = router.get();
            out.println(r.arn() + ": " + r.status() + " — " + r.name() + ", routes between "
                    + String.join(" and ", r.modelArns()) + ", fallback " + r.fallbackModelArn()
                    + ", responseQualityDifference " + r.responseQualityDifference());
        }
        out.flush();
        return Exit.OK.code();
    }

    /** show / stop a batch inference job; the store's row gets the status, and keeps whether a run read it. */
    private int batch(BatchJobClient batch, RunStore store, PrintWriter out, PrintWriter err)
            throws InterruptedException {
        if (action.equals("stop")) {
            batch.stop(arn);
        }
        BatchJobClient.Status s = batch.status(arn);
        record(store, s);
        if (await) {
            Duration wait = sandbox.enabled ? Duration.ofMillis(500) : Duration.ofSeconds(30);
            Duration longest = sandbox.enabled ? Duration.ofSeconds(2) : Duration.ofMinutes(5);
            String last = s.status();
            while (!JobStatus.isTerminal(s.status())) {
                Thread.sleep(wait.toMillis());
                wait = wait.multipliedBy(2).compareTo(longest) > 0 ? longest : wait.multipliedBy(2);
                s = batch.status(arn);
                record(store, s);
                if (!s.status().equals(last)) {
                    err.println(arn + ": " + s.status());
                    err.flush();
                    last = s.status();
                }
            }
        }
        out.println(s.jobArn() + ": " + s.status() + (s.total() >= 0 ? " (" + Math.max(0, s.processed()) + "/"
                + s.total() + " records processed, " + Math.max(0, s.success()) + " answered, "
                + Math.max(0, s.errors()) + " failed)" : "") + (s.message().isEmpty() ? "" : " — " + s.message()));
        out.flush();
        return s.status().equals("Failed") || s.status().equals("Expired") ? Exit.PROVIDER.code() : Exit.OK.code();
    }

    private static void record(RunStore store, BatchJobClient.Status s) {
        Optional<RunStore.JobRow> row = store.job(s.jobArn());
        if (row.isEmpty()) {
            return;
        }
        ObjectNode details = JSON.createObjectNode();
        try {
            if (row.get().detailsJson() != null && JSON.readTree(row.get().detailsJson()) instanceof ObjectNode o) {
                details = o;
            }
        } catch (JsonProcessingException e) {
            // an unreadable answer is replaced
        }
        // the same fields a run records; "collected" stays as the run left it
        details.put("status", s.status()).put("message", s.message()).put("totalRecordCount", s.total())
                .put("processedRecordCount", s.processed()).put("successRecordCount", s.success())
                .put("errorRecordCount", s.errors());
        store.updateJob(s.jobArn(), s.status(), details.toString(), InstantSource.system().instant().toString());
    }

    /** show / stop a customization job, a Provisioned Throughput or a custom model deployment. */
    private int customization(AwsIds.BedrockJob kind, CustomizationJobs jobs, RunStore store, PrintWriter out,
                              PrintWriter err) throws InterruptedException {
        boolean serving = kind == AwsIds.BedrockJob.PROVISIONED_MODEL
                || kind == AwsIds.BedrockJob.CUSTOM_MODEL_DEPLOYMENT;
        Distiller distiller = new Distiller(store, InstantSource.system(), Distiller.Sleeper.REAL);
        if (action.equals("stop") && serving) {
            // stopping a serving resource is deleting it: that is what ends its billing
            if (kind == AwsIds.BedrockJob.PROVISIONED_MODEL) {
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
        if (serving) {
            CustomizationJobs.ServingState s = kind == AwsIds.BedrockJob.PROVISIONED_MODEL
                    ? jobs.provisionedThroughput(arn) : jobs.deployment(arn);
            out.println(s.arn() + ": " + s.status() + (s.failureMessage().isEmpty() ? ""
                    : " — " + s.failureMessage()));
            out.flush();
            return Exit.OK.code();
        }
        CustomizationJobs.JobState s = await
                ? distiller.await(arn, jobs, sandbox.enabled ? new Distiller.Polling(Duration.ofMillis(500),
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
}
