package dev.frontier.sandbox;

import com.sun.net.httpserver.HttpServer;
import dev.frontier.catalog.Catalog;
import dev.frontier.catalog.Conformance;
import dev.frontier.invoke.LocalBedrock;
import dev.frontier.invoke.ModelClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * A local endpoint that speaks Amazon Bedrock Runtime's wire protocol with simulated models, so that the real AWS
 * SDK {@code BedrockRuntimeClient} works unchanged with {@code endpointOverride(sandbox.endpoint())}. It listens on
 * 127.0.0.1 only and needs no credentials (any signature is accepted).
 *
 * <pre>{@code
 * try (Sandbox sandbox = Sandbox.start(SandboxOptions.forTests())) {
 *     BedrockRuntimeClient client = BedrockRuntimeClient.builder()
 *             .endpointOverride(sandbox.endpoint()) ... .build();
 * }
 * }</pre>
 *
 * <p>Answers are simulations: see the package documentation for what the models do and which prompt conventions
 * they understand.
 */
public final class Sandbox implements LocalBedrock {

    /**
     * The JDK HTTP server flushes a response's headers before its body; with Nagle's algorithm on, the body then
     * waits for the client's delayed ACK, about 40 ms on Linux, on every call. TCP_NODELAY avoids that; the JDK
     * server reads this switch once, when its first server starts, and only from this property. Set only when
     * nobody set it already.
     */
    private static final String NO_DELAY_PROPERTY = "sun.net.httpserver.nodelay";

    static {
        System.getProperties().putIfAbsent(NO_DELAY_PROPERTY, "true");
    }

    private static final int STOP_GRACE_SECONDS = 0;
    private static final int SHUTDOWN_WAIT_SECONDS = 5;
    /** How often buffered invocation-log records are written to S3. */
    private static final long LOG_DELIVERY_MS = 100;

    private final HttpServer server;
    private final ExecutorService workers;
    /** The runtime's requests, which the HTTP server and {@link #runtimeClient} both hand to. */
    private final RuntimeRequests runtime;
    private final URI endpoint;
    private final RequestLog log;
    private final SandboxS3 s3;
    private final AtomicReference<SandboxOptions> quotas;
    /** Model invocation logging; null without S3. */
    private final InvocationLogging logging;
    /** The generated week of invocation logs; null without S3. */
    private final DemoLogs demoLogs;
    /** The timer that delivers buffered invocation logs; null without S3. */
    private final ScheduledExecutorService deliveries;

    private Sandbox(HttpServer server, ExecutorService workers, RuntimeRequests runtime, RequestLog log, SandboxS3 s3,
                    AtomicReference<SandboxOptions> quotas, InvocationLogging logging,
                    ScheduledExecutorService deliveries) {
        this.runtime = runtime;
        this.logging = logging;
        this.deliveries = deliveries;
        this.demoLogs = s3 == null ? null : new DemoLogs(s3);
        this.server = server;
        this.workers = workers;
        this.log = log;
        this.s3 = s3;
        this.quotas = quotas;
        this.endpoint = URI.create("http://" + SandboxOptions.HOST + ":" + server.getAddress().getPort());
    }

    /**
     * Starts serving in the background.
     *
     * @throws UncheckedIOException when the port cannot be bound (for example, it is in use) or the request-log file
     *                              cannot be opened
     */
    public static Sandbox start(SandboxOptions options) {
        Objects.requireNonNull(options, "options");
        CustomModels customModels = new CustomModels(ModelCatalog.builtIn());
        ConverseService service = new ConverseService(ModelCatalog.builtIn().withCustomModels(customModels),
                new PromptCache(options.clock()),
                options.latency());
        RequestLog log = RequestLog.open(service.json(), options.requestLogFile());
        HttpServer server;
        InetSocketAddress address;
        try {
            address = new InetSocketAddress(InetAddress.getByName(SandboxOptions.HOST), options.port());
            server = HttpServer.create(address, 0);
        } catch (IOException e) {
            log.close();
            throw new UncheckedIOException("cannot listen on " + SandboxOptions.HOST + ":" + options.port()
                    + ": " + e.getMessage(), e);
        }
        SandboxS3 s3;
        try {
            s3 = options.s3() ? SandboxS3.start(options.stateDir()) : null;
        } catch (RuntimeException e) {
            server.stop(0);
            log.close();
            throw e;
        }
        ExecutorService workers = Executors.newFixedThreadPool(options.workerThreads(), new WorkerThreads());
        AtomicReference<SandboxOptions> quotaOptions = new AtomicReference<>(options);
        QuotaLimiter quotas = new QuotaLimiter(id -> quotaOptions.get().quotaFor(id), options.clock());
        FaultInjector faults = new FaultInjector(options.faults(), options.faultSeed());
        ControlState state = s3 == null ? null : new ControlState(s3, options.clock(), options.jobTime());
        PromptRouters routers = new PromptRouters(Catalog.bundled(), Conformance.bundled(), state);
        InvocationLogging logging = state == null ? null : new InvocationLogging(state, ControlState.ACCOUNT);
        ApplicationProfiles applications = state == null ? null : new ApplicationProfiles(state, Catalog.bundled());
        List<ControlPlane.Operations> families = new ArrayList<>(controlPlane(state, s3, options, customModels,
                service, routers, applications));
        ScheduledExecutorService deliveries = null;
        if (logging != null) {
            families.add(logging);
            // Bedrock delivers logs after a delay; a short one here, so a test reads them right after its calls
            deliveries = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "frontier-sandbox-log-delivery");
                thread.setDaemon(true);
                return thread;
            });
            deliveries.scheduleWithFixedDelay(logging::flush, LOG_DELIVERY_MS, LOG_DELIVERY_MS,
                    TimeUnit.MILLISECONDS);
        }
        ControlPlane controlPlane = new ControlPlane(families);
        RuntimeRequests runtime = new RuntimeRequests(service, options.timeScale(), quotas, faults, log,
                options.clock(), routers, logging, applications);
        server.createContext("/", new RuntimeHandler(runtime, controlPlane));
        server.setExecutor(workers);
        server.start();
        return new Sandbox(server, workers, runtime, log, s3, quotaOptions, logging, deliveries);
    }

    /**
     * The control plane's operation families: what the Region offers (from the model catalog) and prompt routers
     * (the default ones from the catalog; configured ones need S3), always; application inference profiles, batch
     * inference, customization and serving, which keep their state in S3, only with S3.
     */
    private static List<ControlPlane.Operations> controlPlane(ControlState state, SandboxS3 s3,
                                                              SandboxOptions options, CustomModels customModels,
                                                              ConverseService service, PromptRouters routers,
                                                              ApplicationProfiles applications) {
        ControlPlane.Operations promptRouters = new PromptRouterOperations(routers);
        if (state == null) {
            return List.of(new CatalogOperations(Catalog.bundled()), promptRouters);
        }
        ControlPlane.Operations offers = new CatalogOperations(Catalog.bundled(), applications);
        CustomizationOperations jobs = new CustomizationOperations(state, ModelCatalog.builtIn());
        customModels.attach(state, jobs);
        return List.of(applications, offers, promptRouters, new BatchJobs(s3, service, options.clock(), options.jobTime(),
                options.batchCapacity()), jobs, new ServingOperations(state, jobs));
    }

    /** The base URI to give the SDK's {@code endpointOverride}, e.g. {@code http://127.0.0.1:8787}. */
    @Override
    public URI endpoint() {
        return endpoint;
    }

    /**
     * A client that calls this sandbox's Converse in the caller's thread, without HTTP or the AWS SDK
     * ({@link DirectRuntimeClient}): the same answers, refusals, quotas, faults and request-log records as a call
     * through the SDK, for less CPU; closing it leaves the sandbox running.
     */
    @Override
    public ModelClient runtimeClient(String region, String userAgent) {
        return new DirectRuntimeClient(runtime, region, userAgent);
    }

    /**
     * The base URI of the sandbox's S3 for an S3 client's {@code endpointOverride} (path-style addressing, region
     * {@code us-east-1}, the same fixed keys as the runtime); empty unless started {@link SandboxOptions#withS3 with
     * S3}.
     */
    @Override
    public Optional<URI> s3Endpoint() {
        return Optional.ofNullable(s3).map(SandboxS3::endpoint);
    }

    /** Creates an S3 bucket in the sandbox's S3 unless it exists, as a user would before a first run. */
    @Override
    public void createBucket(String bucket) {
        if (s3 == null) {
            throw new IllegalStateException("this sandbox was started without S3");
        }
        s3.createBucket(bucket);
    }

    /**
     * Puts the generated week of invocation logs ({@link DemoLogs}) into the sandbox's S3 unless they are there,
     * and returns their prefix, {@code s3://sandbox-invocation-logs/demo/}.
     *
     * @throws IllegalStateException when started without S3
     */
    @Override
    public String writeDemoLogs() {
        if (demoLogs == null) {
            throw new IllegalStateException("this sandbox was started without S3");
        }
        return demoLogs.write();
    }

    /** The base model ids the sandbox simulates; {@code us.}, {@code eu.}, {@code apac.} and {@code global.} inference-profile ids of them work too. */
    @Override
    public List<String> modelIds() {
        return ModelCatalog.builtIn().modelIds();
    }

    /**
     * Every request received so far, as an immutable snapshot: Converse and CountTokens calls and refused paths,
     * with their outcome, usage and whether they were billed. Records are in the order their answers were decided,
     * which under concurrency can differ slightly from {@link RequestRecord#sequence()} order. A request is
     * recorded before its answer is sent, so a call that has returned is always in the log.
     */
    public List<RequestRecord> requestLog() {
        return log.snapshot();
    }

    /**
     * Changes a model's on-demand quota from now on, as an approved Service Quotas request does on Bedrock (quotas
     * are per account, model and Region); the requests already in the sliding minute keep counting against it.
     * Arguments as in {@link SandboxOptions#withQuota}.
     */
    public void changeQuota(String modelIdOrStar, int requestsPerMinute, int tokensPerMinute) {
        quotas.updateAndGet(o -> o.withQuota(modelIdOrStar, requestsPerMinute, tokensPerMinute));
    }

    /** How many calls were billed (Converse calls answered 200). */
    public long paidCalls() {
        return log.snapshot().stream().filter(RequestRecord::billed).count();
    }

    /**
     * Billed calls per {@link RequestRecord#requestHash()}: a count above 1 means the same request was paid for
     * more than once. Requests never billed are absent.
     */
    public Map<String, Long> paidCallsByRequestHash() {
        return log.snapshot().stream().filter(RequestRecord::billed)
                .collect(Collectors.collectingAndThen(
                        Collectors.groupingBy(RequestRecord::requestHash, TreeMap::new, Collectors.counting()),
                        Collections::unmodifiableMap));
    }

    /** Stops listening, drops requests still in flight and closes the request-log file. */
    @Override
    public void close() {
        server.stop(STOP_GRACE_SECONDS);
        workers.shutdownNow();
        try {
            workers.awaitTermination(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.close();
        if (deliveries != null) {
            deliveries.shutdownNow();
            logging.flush();
        }
        if (s3 != null) {
            s3.close();
        }
    }

    /** Daemon threads, so a sandbox left open never keeps the JVM alive. */
    private static final class WorkerThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "frontier-sandbox-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
