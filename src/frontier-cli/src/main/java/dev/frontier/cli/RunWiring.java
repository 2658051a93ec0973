package dev.frontier.cli;

import dev.frontier.config.SuiteSpec;
import dev.frontier.bedrock.BedrockInferenceProfiles;
import dev.frontier.bedrock.CloudWatchMetrics;
import dev.frontier.bedrock.BedrockPromptRouters;
import dev.frontier.bedrock.CloudClients;
import dev.frontier.invoke.AdaptiveLimit;
import dev.frontier.invoke.InferenceProfiles;
import dev.frontier.invoke.MetricsPublisher;
import dev.frontier.invoke.PromptRouters;
import dev.frontier.model.Problem;
import dev.frontier.run.execute.InferenceProfileSetup;
import dev.frontier.run.execute.PromptRouterSetup;
import dev.frontier.run.prepare.PreparedSuite;
import dev.frontier.bedrock.BedrockConverseClient;
import dev.frontier.bedrock.BedrockSettings;
import dev.frontier.invoke.ModelClient;
import dev.frontier.invoke.QuotaPacer;
import dev.frontier.invoke.RateLimiter;
import dev.frontier.invoke.ResilientClient;
import dev.frontier.invoke.RetryPolicy;
import dev.frontier.model.RunId;
import dev.frontier.run.RunMetrics;
import dev.frontier.run.Runner;
import dev.frontier.invoke.LocalBedrock;
import dev.frontier.run.execute.StoreResponseCache;
import dev.frontier.run.execute.WriterLease;
import dev.frontier.run.flow.RunContext;
import dev.frontier.store.RunStore;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * What {@code run}, {@code rescore} and {@code distill --evaluate} share when they run a suite: the Bedrock settings
 * for the sandbox or AWS, the region, the model client, a new run id, and the runner's options and context.
 */
final class RunWiring {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private RunWiring() {
    }

    /**
     * Settings for the sandbox (its endpoint for the runtime and the control plane, its S3, the fixed keys
     * {@code sandbox}/{@code sandbox}) when {@code local} is given, else for AWS (the default credential chain and
     * {@code endpoints}).
     */
    static BedrockSettings settings(LocalBedrock local, Optional<String> region, BedrockSettings.Endpoints endpoints,
                                    int attempts, Duration timeout) {
        return local != null
                ? new BedrockSettings(region, BedrockSettings.Endpoints.local(local.endpoint(), local.s3Endpoint()),
                        new BedrockSettings.Static("sandbox", "sandbox"), attempts, timeout, appId())
                : new BedrockSettings(region, endpoints, new BedrockSettings.DefaultChain(), attempts, timeout,
                        appId());
    }

    /**
     * The application id every SDK client carries in its User-Agent: {@code frontier#<version>} (the SDK replaces a
     * '/' in an app id, so the name and version are joined as its own {@code name#version} pairs are).
     */
    static String appId() {
        return "frontier#" + Main.version();
    }

    /**
     * Where a suite's calls go on AWS: its {@code execution.endpoints}, then the {@code AWS_ENDPOINT_URL_*}
     * variables, then the SDK's defaults (see {@link ServiceEndpoints}).
     *
     * @throws CliFailure exit 2 when an endpoint variable is not a URL
     */
    static BedrockSettings.Endpoints endpoints(SuiteSpec s) {
        return ServiceEndpoints.resolve(s.execution().endpoints());
    }

    /**
     * Bedrock (or the sandbox) with retries, adaptive concurrency and the suite's rate limits. With {@code direct}
     * ({@code --sandbox-direct}) the sandbox is called in this process without HTTP or the SDK; the layers around
     * the client are the same.
     */
    static ModelClient client(SuiteSpec s, LocalBedrock local, Optional<String> region, boolean direct) {
        // one attempt in the SDK: the resilient layer owns retries, so the two never multiply
        ModelClient bedrock = local != null && direct
                ? local.runtimeClient(region.orElse("us-east-1"), appId())
                : BedrockConverseClient.create(settings(local, region,
                        local != null ? BedrockSettings.Endpoints.none() : endpoints(s), 1,
                        Duration.ofSeconds(local != null ? 60 : 120)));
        int concurrency = s.execution().concurrency();
        Optional<QuotaPacer> rpm = s.execution().requestsPerMinute().isPresent()
                ? Optional.of(QuotaPacer.known(s.execution().requestsPerMinute().getAsInt(), System::nanoTime,
                        RateLimiter.Sleeper.REAL)) : Optional.empty();
        Optional<RateLimiter> tpm = s.execution().tokensPerMinute().isPresent()
                ? Optional.of(new RateLimiter(s.execution().tokensPerMinute().getAsLong(), System::nanoTime,
                        RateLimiter.Sleeper.REAL)) : Optional.empty();
        return new ResilientClient(bedrock, RetryPolicy.standard(), new AdaptiveLimit(concurrency, concurrency), rpm,
                tpm, RateLimiter.Sleeper.REAL, s.sha256().hashCode());
    }

    /**
     * The suite's region; else us-east-1 on the sandbox (which imitates the Region the client signs for); else
     * AWS_REGION, then AWS_DEFAULT_REGION.
     */
    static Optional<String> region(SuiteSpec s, LocalBedrock local) {
        return region(s, local != null);
    }

    /** The region calls go to, for a run on the sandbox or not. */
    static Optional<String> region(SuiteSpec s, boolean sandbox) {
        if (s.execution().region().isPresent()) {
            return s.execution().region();
        }
        if (sandbox) {
            return Optional.of("us-east-1");
        }
        return environmentRegion();
    }

    /** The region of the environment: AWS_REGION, then AWS_DEFAULT_REGION. */
    static Optional<String> environmentRegion() {
        String env = System.getenv("AWS_REGION");
        if (env == null || env.isBlank()) {
            env = System.getenv("AWS_DEFAULT_REGION");
        }
        return env == null || env.isBlank() ? Optional.empty() : Optional.of(env);
    }

    static RunId newRunId(InstantSource clock) {
        int suffix = new SecureRandom().nextInt(0x10000);
        return new RunId(STAMP.format(clock.instant()) + String.format(Locale.ROOT, "-%04x", suffix));
    }

    /**
     * The runner's options: the store's response cache unless {@code noCache} or the suite turns it off, keyed by
     * where the calls go (the sandbox, or Bedrock's region and endpoint).
     */
    static Runner.Options options(boolean resume, boolean noCache, SuiteSpec s, RunStore store, LocalBedrock local,
                                  Optional<String> region, Optional<BigDecimal> budget) {
        return new Runner.Options(resume,
                noCache || !s.execution().responseCache() ? Optional.empty()
                        : Optional.of(new StoreResponseCache(store)),
                Duration.ofHours(s.execution().cacheTtlHours()), cacheKey(s, local != null, region), budget);
    }

    /**
     * What identifies where calls go in response-cache keys, so sandbox answers never serve Bedrock runs: the
     * sandbox, or the region and the runtime endpoint (empty for the default).
     */
    static String cacheKey(SuiteSpec s, boolean sandbox, Optional<String> region) {
        return sandbox ? "sandbox" : "bedrock:" + region.orElse("default") + ":"
                + endpoints(s).runtime().map(Object::toString).orElse("");
    }

    /**
     * The client of a suite that calls no model ({@link dev.frontier.run.PreparedSuite#callsNoModel()}): no endpoint,
     * no credentials. A call through it is a bug, so it is an internal error, never a silent answer.
     */
    static final ModelClient NO_CALLS = new ModelClient() {
        @Override
        public dev.frontier.model.CallResult call(dev.frontier.model.ModelRequest request) {
            throw new IllegalStateException("this suite calls no model, yet " + request.modelId() + " was called");
        }

        @Override
        public void close() {
        }
    };

    /** What the run record says about a run that called nothing: no endpoint, nothing simulated. */
    static RunContext contextWithoutCalls() {
        return new RunContext(Main.version(), "none", "", false);
    }

    /**
     * Takes the writer lease of run {@code id} for this process (exit 3 naming the holder when another live process
     * writes it); a stale lease taken over is reported on {@code err}.
     */
    static WriterLease lease(RunStore store, RunId id, java.io.PrintWriter err) {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "localhost";
        }
        WriterLease.Owner owner = new WriterLease.Owner(java.util.UUID.randomUUID().toString(), host,
                ProcessHandle.current().pid());
        try {
            return WriterLease.take(store, id, owner, InstantSource.system(),
                    pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), notice -> {
                        err.println("frontier: " + notice);
                        err.flush();
                    });
        } catch (WriterLease.Held e) {
            throw new CliFailure(Exit.PROVIDER, e.getMessage());
        }
    }

    /**
     * Creates (or finds) the prompt routers the suite's candidates name with {@code router:<id>}, records them in
     * the run store and returns the suite with their ARNs as the candidates' models; the suite as it is when it
     * names none. A router of the same name with other settings ends the command with exit 2 at the router's line.
     */
    static PreparedSuite promptRouters(PreparedSuite prepared, RunStore store, RunId id, LocalBedrock local,
                                       Optional<String> region, java.io.PrintWriter err) {
        SuiteSpec s = prepared.suite();
        boolean named = s.promptRouters().stream()
                .anyMatch(r -> s.candidates().stream().anyMatch(c -> c.model().equals(r.reference())));
        if (!named) {
            return prepared;
        }
        String where = region.orElseThrow(() -> new CliFailure(Exit.INVALID_INPUT, s.file() + ": the suite "
                + "creates prompt routers, which are regional: set 'execution.region' or AWS_REGION"));
        BedrockSettings settings = settings(local, region, local != null ? BedrockSettings.Endpoints.none()
                : endpoints(s), 3, Duration.ofSeconds(local != null ? 60 : 120));
        try (PromptRouters routers = new BedrockPromptRouters(CloudClients.bedrock(settings))) {
            return new PromptRouterSetup(routers, store, InstantSource.system(), line -> {
                err.println(line);
                err.flush();
            }).ensure(prepared, id, where, Optional.empty());
        } catch (PromptRouterSetup.Conflict e) {
            String path = e.spec().path() + ".id";
            throw new CliFailure(Exit.INVALID_INPUT, Problem.error(s.at(path), path, e.getMessage(),
                    "delete it with 'frontier jobs stop <its ARN>' if nothing else uses it, or give the suite's "
                    + "router another id").toString());
        }
    }

    /**
     * The suite calling each candidate model through its application inference profile (created or reused before
     * the first call), for {@code execution.attribution.inferenceProfiles}.
     */
    static PreparedSuite inferenceProfiles(PreparedSuite prepared, RunStore store, RunId id, LocalBedrock local,
                                           Optional<String> region, java.io.PrintWriter err) {
        SuiteSpec s = prepared.suite();
        String where = region.orElseThrow(() -> new CliFailure(Exit.INVALID_INPUT, s.file() + ": the suite "
                + "creates application inference profiles, which are regional: set 'execution.region' or AWS_REGION"));
        BedrockSettings settings = settings(local, region, local != null ? BedrockSettings.Endpoints.none()
                : endpoints(s), 3, Duration.ofSeconds(local != null ? 60 : 120));
        try (InferenceProfiles profiles = new BedrockInferenceProfiles(CloudClients.bedrock(settings))) {
            return new InferenceProfileSetup(profiles, store, InstantSource.system(), line -> {
                err.println(line);
                err.flush();
            }).ensure(prepared, id, where);
        }
    }

    /** Sends a finished run's per-candidate figures to CloudWatch ({@code run --publish-metrics}). */
    static void publishMetrics(dev.frontier.results.RunResult result, SuiteSpec s, Optional<String> region,
                               java.io.PrintWriter out) {
        java.util.List<MetricsPublisher.Datum> data = RunMetrics.of(result);
        if (data.isEmpty()) {
            out.println("metrics: nothing to publish (no candidate has a known figure)");
            out.flush();
            return;
        }
        BedrockSettings settings = settings(null, region, endpoints(s), 3, Duration.ofSeconds(30));
        try (MetricsPublisher metrics = new CloudWatchMetrics(CloudClients.cloudWatch(settings, Optional.empty()))) {
            metrics.publish(RunMetrics.NAMESPACE, InstantSource.system().instant(), data);
        }
        out.printf("metrics: %d values published to CloudWatch namespace %s%s%n", data.size(), RunMetrics.NAMESPACE,
                region.map(r -> " in " + r).orElse(""));
        out.flush();
    }

    /** What the run record says about where it ran. */
    static RunContext context(LocalBedrock local, Optional<String> region) {
        return new RunContext(Main.version(), local != null ? "sandbox" : "bedrock", region.orElse(""),
                local != null);
    }
}
