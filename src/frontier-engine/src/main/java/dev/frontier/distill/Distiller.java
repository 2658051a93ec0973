package dev.frontier.distill;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.frontier.config.CandidateSpec;
import dev.frontier.config.DistillationSpec;
import dev.frontier.config.SuiteSpec;
import dev.frontier.cost.ModelPrice;
import dev.frontier.dataset.Dataset;
import dev.frontier.invoke.CustomizationJobs;
import dev.frontier.invoke.ModelClient;
import dev.frontier.invoke.S3Objects;
import dev.frontier.model.Item;
import dev.frontier.model.Problem;
import dev.frontier.model.RunId;
import dev.frontier.run.Runner;
import dev.frontier.run.flow.RunContext;
import dev.frontier.run.flow.RunProgress;
import dev.frontier.run.prepare.PreparedSuite;
import dev.frontier.results.ResultsJson;
import dev.frontier.results.RunResult;
import dev.frontier.results.RunStatus;
import dev.frontier.store.JobKind;
import dev.frontier.store.RunStore;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The distillation workflow of one suite: decide from its latest completed run, export the training data, stage it
 * in S3, launch the customization job once (the idempotency token and the run store's job table both prevent a
 * second launch), follow it, create the serving resource and evaluate the custom model on the holdout items as one
 * more candidate of the suite, under the same qualification rules.
 */
public final class Distiller {

    /** The kinds recorded in the run store's job table. */

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RunStore store;
    private final InstantSource clock;
    private final Sleeper sleeper;

    /** Waits between polls; tests pass one that does not sleep. */
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;

        Sleeper REAL = d -> Thread.sleep(d.toMillis());
    }

    /** Receives one line per poll. */
    public interface Progress {
        void line(String text);
    }

    /** A suite that cannot be distilled as written; the problems say where and how to fix it. */
    public static final class Invalid extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient List<Problem> problems;

        public Invalid(String message, List<Problem> problems) {
            super(message, null, false, false);
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    /**
     * Everything decided before anything is sent.
     *
     * @param suite    the prepared suite
     * @param spec     its distillation section
     * @param baseRun  the run the decision is made from
     * @param data     the training file, or the copy of the invocation logs without the holdout
     * @param decision the decision and return
     * @param plan     the job, when staging is configured
     */
    public record Plan(PreparedSuite suite, DistillationSpec spec, RunResult baseRun, TrainingInput data,
                       RunResult.Distillation decision, Optional<JobPlan> plan) {
    }

    /**
     * Back-off between polls.
     *
     * @param first the first wait
     * @param max   the longest wait
     */
    public record Polling(Duration first, Duration max) {
        public static Polling bedrock() {
            return new Polling(Duration.ofSeconds(15), Duration.ofMinutes(5));
        }
    }

    public Distiller(RunStore store, InstantSource clock, Sleeper sleeper) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /**
     * Checks the section, finds the latest completed run of the suite, exports the training data and decides.
     *
     * @param launch whether a launch follows (staging is then required)
     * @param logs   where the invocation logs are read, for {@code source: invocation-logs}
     * @throws Invalid                   for a section, staging or training file Bedrock would refuse
     * @throws TrainingData.LimitException for training data outside Bedrock's limits
     */
    public Plan plan(PreparedSuite prepared, boolean launch, S3Objects logs) {
        SuiteSpec suite = prepared.suite();
        DistillationSpec spec = suite.distillation().orElseThrow(() -> new Invalid("the suite has no distillation "
                + "section", List.of(Problem.error(suite.at(""), "distillation", "missing", "add 'distillation: "
                + "{ teacher: <candidate id>, student: <model id> }' (see README, Distillation)"))));
        List<Problem> problems = DistillationCheck.problems(suite, spec, launch);
        if (problems.stream().anyMatch(Problem::isError)) {
            throw new Invalid(problems.size() + (problems.size() == 1 ? " problem" : " problems")
                    + " in the distillation section; nothing was sent", problems);
        }
        Optional<RunResult> latest = latestRun(suite.name());
        CandidateSpec teacher = suite.candidates().stream().filter(c -> c.id().equals(spec.teacher())).findFirst()
                .orElseThrow();
        Map<String, TrainingData.TeacherAnswer> answers = new LinkedHashMap<>();
        for (RunResult.ItemResult item : latest.map(RunResult::items).orElse(List.of())) {
            RunResult.ItemOutput o = item.outputs().get(teacher.id());
            if (o != null && o.error().isEmpty()) {
                answers.put(item.id(), new TrainingData.TeacherAnswer(o.text(), o.quality()));
            }
        }
        TrainingInput data = spec.source() instanceof DistillationSpec.FromInvocationLogs source
                ? logCopy(prepared, teacher, source, logs)
                : TrainingData.export(prepared.dataset().items(), prepared.split(), teacher, answers, spec);
        RunResult base = latest.orElseThrow(() -> new Invalid("no completed run of suite '" + suite.name()
                + "' in the run store", List.of(Problem.error(suite.at("distillation"), "distillation",
                "the decision needs a completed run of this suite (the teacher's usage and answers, the "
                        + "qualification)", "run 'frontier run " + suite.file() + "' first, with the same --store"))));
        // Bedrock trains on at most 15,000 prompts of the logs the filters select
        int trained = data instanceof LogCopy copy
                ? Math.min(copy.records(), CustomizationCatalog.MAX_DISTILLATION_PROMPTS) : data.records();
        boolean teacherAnswers = !(data instanceof LogCopy copy && copy.usePromptResponse());
        RunResult.Distillation decision = Payback.decide(spec, base, prepared.catalog(), trained, teacherAnswers);
        Optional<JobPlan> job = suite.staging().s3().isPresent() && suite.staging().roleArn().isPresent()
                ? Optional.of(JobPlan.of(suite, spec, teacher.model(), data, suite.staging().s3().get(),
                suite.staging().roleArn().get()))
                : Optional.empty();
        return new Plan(prepared, spec, base, data, decision, job);
    }

    /**
     * Reads the invocation logs and keeps the records whose prompt is no holdout item's (the teacher's rendering of
     * the item's user turn, as the evaluation sends it).
     */
    private static LogCopy logCopy(PreparedSuite prepared, CandidateSpec teacher,
                                   DistillationSpec.FromInvocationLogs source, S3Objects s3) {
        LogCopy copy = LogCopy.of(s3, source.s3Uri(), source.filters(), source.usePromptResponse(),
                LogCopy.holdoutTexts(prepared.dataset().items(), prepared.split(), teacher));
        String filtered = source.filters().isPresent() ? " that the request-metadata filters select" : "";
        if (copy.records() < CustomizationCatalog.MIN_DISTILLATION_PROMPTS) {
            throw new TrainingData.LimitException("only " + copy.records() + " logged calls under " + source.s3Uri()
                    + filtered + " outside the holdout (" + copy.read() + " read, " + copy.dropped()
                    + " dropped as holdout items); a distillation job needs at least "
                    + CustomizationCatalog.MIN_DISTILLATION_PROMPTS + " (widen the filters or wait for more traffic)");
        }
        return copy;
    }

    /** The latest completed run of the suite that is not itself a custom-model evaluation. */
    public Optional<RunResult> latestRun(String suite) {
        for (RunStore.RunRow row : store.runs()) {
            if (!row.suite().equals(suite) || !RunStatus.COMPLETED.label().equals(row.status())) {
                continue;
            }
            Optional<String> json = store.resultsJson(new RunId(row.runId()));
            if (json.isEmpty()) {
                continue;
            }
            try {
                RunResult r = ResultsJson.fromJson(json.get());
                if (r.distillation().isEmpty()) {
                    return Optional.of(r);
                }
            } catch (IOException e) {
                // an unreadable record cannot be decided from; an older one may still do
            }
        }
        return Optional.empty();
    }

    /**
     * What launching found: the job's ARN and whether this call submitted it (false: it was already launched).
     */
    public record Launch(String jobArn, boolean submitted) {
    }

    /**
     * Uploads the training file and submits the job, unless the run store already has a job with the plan's
     * token. The job is recorded before this returns.
     */
    public Launch launch(Plan plan, S3Objects s3, CustomizationJobs jobs) {
        JobPlan job = plan.plan().orElseThrow(() -> new IllegalStateException("no job plan: staging missing"));
        String token = job.request().clientRequestToken();
        Optional<RunStore.JobRow> earlier = store.jobByToken(token);
        if (earlier.isPresent()) {
            return new Launch(earlier.get().jobArn(), false);
        }
        if (plan.data() instanceof TrainingData file) {
            s3.put(job.trainingUri(), file.jsonl());
        } else {
            ((LogCopy) plan.data()).write(s3, job.trainingUri());
        }
        String arn = jobs.create(job.request());
        String now = clock.instant().toString();
        store.recordJob(new RunStore.JobRow(arn, plan.spec().method() == DistillationSpec.Method.DISTILLATION
                ? JobKind.DISTILLATION : JobKind.FINE_TUNING, job.request().jobName(), plan.suite().suite().name(),
                plan.baseRun().runId(), plan.spec().teacher(), token, "InProgress", job.requestJson(), "{}", now,
                now));
        return new Launch(arn, true);
    }

    /** Polls a job until it ends, with back-off; each answer is recorded in the run store. */
    public CustomizationJobs.JobState await(String jobArn, CustomizationJobs jobs, Polling polling, Progress progress)
            throws InterruptedException {
        Duration wait = polling.first();
        long started = clock.millis();
        while (true) {
            CustomizationJobs.JobState s = refresh(jobArn, jobs);
            progress.line(describe(s) + String.format(" [%ds]", (clock.millis() - started) / 1000));
            if (s.terminal()) {
                return s;
            }
            sleeper.sleep(wait);
            wait = wait.multipliedBy(3).dividedBy(2);
            if (wait.compareTo(polling.max()) > 0) {
                wait = polling.max();
            }
        }
    }

    /** Reads a job's state and records it. */
    public CustomizationJobs.JobState refresh(String jobArn, CustomizationJobs jobs) {
        CustomizationJobs.JobState s = jobs.get(jobArn);
        if (store.job(jobArn).isPresent()) {
            store.updateJob(jobArn, s.status(), details(s), clock.instant().toString());
        }
        return s;
    }

    /** A job's state in one line. */
    public static String describe(CustomizationJobs.JobState s) {
        StringBuilder b = new StringBuilder(s.jobName()).append(": ").append(s.status());
        if (!s.statusDetails().isEmpty()) {
            b.append(" (");
            List<String> parts = new ArrayList<>();
            s.statusDetails().forEach((k, v) -> parts.add(k + " " + v));
            b.append(String.join(", ", parts)).append(')');
        }
        s.trainingLoss().ifPresent(l -> b.append(String.format(java.util.Locale.ROOT, " training loss %.4f", l)));
        s.validationLoss().ifPresent(l -> b.append(String.format(java.util.Locale.ROOT, " validation loss %.4f", l)));
        if (!s.failureMessage().isEmpty()) {
            b.append(" — ").append(s.failureMessage());
        }
        return b.toString();
    }

    private static String details(CustomizationJobs.JobState s) {
        ObjectNode n = JSON.createObjectNode();
        n.put("status", s.status());
        ObjectNode d = n.putObject("statusDetails");
        s.statusDetails().forEach(d::put);
        n.put("failureMessage", s.failureMessage());
        s.outputModelArn().ifPresent(a -> n.put("outputModelArn", a));
        s.trainingLoss().ifPresent(l -> n.put("trainingLoss", l));
        s.validationLoss().ifPresent(l -> n.put("validationLoss", l));
        n.put("creationTime", s.creationTime());
        n.put("endTime", s.endTime());
        try {
            return JSON.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    /**
     * Creates the serving resource of a completed job's custom model (idempotent by a token derived from the job
     * ARN) and waits until it serves; returns its ARN.
     */
    public String serve(Plan plan, String jobArn, String customModelArn, CustomizationJobs jobs, Polling polling,
                        Progress progress) throws InterruptedException {
        DistillationSpec.Serving serving = plan.spec().serving();
        boolean provisioned = serving.mode() == DistillationSpec.Mode.PROVISIONED;
        String token = TrainingData.sha256(("serve\n" + jobArn + "\n" + serving).getBytes(
                java.nio.charset.StandardCharsets.UTF_8)).substring(0, 32);
        String name = plan.plan().map(p -> p.request().jobName()).orElse("frontier") + (provisioned ? "-pt" : "-od");
        Map<String, String> tags = plan.plan().map(p -> p.request().tags()).orElse(Map.of());
        String arn = store.jobByToken(token).map(RunStore.JobRow::jobArn).orElse(null);
        if (arn == null) {
            arn = provisioned
                    ? jobs.createProvisionedThroughput(name, customModelArn, serving.modelUnits().orElse(1),
                    serving.commitment(), token, tags)
                    : jobs.createDeployment(name, customModelArn, token, tags);
            String now = clock.instant().toString();
            store.recordJob(new RunStore.JobRow(arn, provisioned ? JobKind.PROVISIONED_THROUGHPUT : JobKind.CUSTOM_DEPLOYMENT, name,
                    plan.suite().suite().name(), plan.baseRun().runId(), plan.spec().teacher(), token, "Creating",
                    JSON.createObjectNode().put("modelId", customModelArn).put("mode", serving.mode().yaml())
                            .toString(), "{}", now, now));
        }
        Duration wait = polling.first();
        while (true) {
            CustomizationJobs.ServingState s = provisioned ? jobs.provisionedThroughput(arn) : jobs.deployment(arn);
            store.updateJob(arn, s.status(), JSON.createObjectNode().put("status", s.status())
                    .put("failureMessage", s.failureMessage()).toString(), clock.instant().toString());
            progress.line(name + ": " + s.status() + (s.failureMessage().isEmpty() ? "" : " — " + s.failureMessage()));
            if (s.ready()) {
                return arn;
            }
            if (s.status().equals("Failed")) {
                throw new dev.frontier.invoke.CloudException("the serving resource " + arn + " failed: "
                        + s.failureMessage());
            }
            sleeper.sleep(wait);
            wait = wait.multipliedBy(3).dividedBy(2);
            if (wait.compareTo(polling.max()) > 0) {
                wait = polling.max();
            }
        }
    }

    /** The candidate id the custom model is evaluated as. */
    public static String customCandidateId(DistillationSpec spec) {
        return spec.method() == DistillationSpec.Method.DISTILLATION ? "distilled" : "fine-tuned";
    }

    /**
     * Evaluates the custom model on the holdout items as one more candidate of the suite (the other candidates'
     * answers come from the response cache when unchanged), applies the same qualification, and records the run
     * with its distillation section.
     *
     * @param servingArn the ARN the custom model is invoked through
     */
    public RunResult evaluate(Plan plan, RunResult.Distillation decision, String servingArn, ModelClient client,
                              RunId id, RunContext context, Runner.Options options) throws InterruptedException {
        PreparedSuite p = plan.suite();
        SuiteSpec s = p.suite();
        CandidateSpec teacher = s.candidates().stream().filter(c -> c.id().equals(plan.spec().teacher()))
                .findFirst().orElseThrow();
        String customId = customCandidateId(plan.spec());
        List<CandidateSpec> candidates = new ArrayList<>(s.candidates());
        candidates.add(new CandidateSpec(customId, servingArn, false, teacher.prompt(), teacher.inference()));
        SuiteSpec evaluation = s.withCandidates(candidates);
        List<Item> holdout = p.dataset().items().stream().filter(p.split()::isHoldout).toList();
        Dataset data = new Dataset(p.dataset().path(), p.dataset().sha256(), p.dataset().fields(), holdout);
        var catalog = customPrice(plan, decision, servingArn).map(p.catalog()::with).orElse(p.catalog());
        PreparedSuite prepared = new PreparedSuite(evaluation, data, p.split(), p.scorers(), catalog, p.warnings());
        RunResult result = new Runner(client, store, clock, RunProgress.NONE).run(prepared, id, context, options);
        RunResult withSection = result.withDistillation(decision.withJob(decision.jobArn(), decision.jobStatus(),
                decision.trainingLoss(), decision.validationLoss(), servingArn, customId));
        store.finishRun(id, withSection.status().label(), withSection.provenance().finishedAt(),
                ResultsJson.toJson(withSection));
        return withSection;
    }

    /**
     * The custom model's per-token price: the student's for an on-demand deployment; for Provisioned Throughput,
     * the monthly serving cost spread over the suite's traffic at the teacher's mean tokens per request, so that its
     * cost per 1,000 requests is what the suite's traffic would pay.
     */
    static Optional<ModelPrice> customPrice(Plan plan, RunResult.Distillation decision, String servingArn) {
        DistillationSpec spec = plan.spec();
        if (spec.serving().mode() == DistillationSpec.Mode.ON_DEMAND_DEPLOYMENT) {
            return plan.suite().catalog().find(spec.student()).map(st -> new ModelPrice(servingArn,
                    "custom model (" + CustomizationCatalog.baseId(spec.student()) + ", on-demand deployment)",
                    st.input(), st.output(), Optional.empty(), Optional.empty(), st.cacheRead(), st.cacheWrite(),
                    "the student's on-demand prices (" + st.source() + ")", st.asOf()));
        }
        RunResult.CandidateResult teacher = plan.baseRun().candidates().stream()
                .filter(c -> c.id().equals(spec.teacher())).findFirst().orElse(null);
        long traffic = plan.baseRun().traffic();
        if (decision.servingMonthly() == null || teacher == null || traffic == 0) {
            return Optional.empty();
        }
        double tokens = teacher.meanInputTokens() + teacher.meanOutputTokens();
        if (tokens <= 0) {
            return Optional.empty();
        }
        BigDecimal per1k = decision.servingMonthly().divide(BigDecimal.valueOf(traffic), MathContext.DECIMAL64)
                .divide(BigDecimal.valueOf(tokens / 1000.0), MathContext.DECIMAL64);
        return Optional.of(new ModelPrice(servingArn, "custom model (Provisioned Throughput)", Optional.of(per1k),
                Optional.of(per1k), Optional.empty(), Optional.empty(), Optional.of(per1k), Optional.of(per1k),
                "Provisioned Throughput $" + decision.servingMonthly() + " a month spread over "
                        + traffic + " requests", ""));
    }
}
