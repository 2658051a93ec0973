package dev.frontier.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How to run a {@link Sandbox}. The sandbox always listens on {@value #HOST} only. {@link #defaults()} has no quotas
 * and no faults.
 *
 * @param port           TCP port, 0 for any free port
 * @param timeScale      fraction of each simulated latency the server actually waits before answering: 1 behaves
 *                       like the real service, 0 answers at once (tests)
 * @param clock          the clock prompt-cache lifetimes, quota windows and request-log times are measured with
 * @param workerThreads  how many requests are served at the same time
 * @param quotas         per-model quotas keyed by base model id, and {@value #ALL_MODELS} for every model without
 *                       its own entry; empty for no quotas
 * @param faults         how often Converse requests fail on purpose
 * @param faultSeed      the seed the fault decisions are drawn from
 * @param latency        how simulated latencies are drawn
 * @param requestLogFile a file every request is also appended to as one JSON line, or null for the in-memory log
 *                       only
 * @param s3             whether to start the sandbox's S3 (s3proxy) and the control plane that works through it
 * @param stateDir       where S3 objects and control-plane jobs are kept across restarts, or null for memory only
 * @param jobTime        how long a simulated control-plane job (batch inference, customization) or resource
 *                       (provisioned throughput, deployment) takes from submission to its final status
 * @param batchCapacity  how much a batch inference job gets done before its timeout (see {@link BatchCapacity})
 */
public record SandboxOptions(int port, double timeScale, InstantSource clock, int workerThreads,
                             Map<String, Quota> quotas, FaultRates faults, long faultSeed, LatencyModel latency,
                             Path requestLogFile, boolean s3, Path stateDir, Duration jobTime,
                             BatchCapacity batchCapacity) {

    /** The only address the sandbox listens on. */
    public static final String HOST = "127.0.0.1";
    /** The quota key that stands for every model without a quota of its own. */
    public static final String ALL_MODELS = "*";
    private static final int DEFAULT_WORKER_THREADS = 16;
    private static final int MAX_PORT = 65_535;
    private static final long DEFAULT_FAULT_SEED = 0;
    private static final Duration DEFAULT_JOB_TIME = Duration.ofSeconds(10);

    public SandboxOptions {
        if (port < 0 || port > MAX_PORT) {
            throw new IllegalArgumentException("port must be between 0 and 65535: " + port);
        }
        if (!(timeScale >= 0) || Double.isInfinite(timeScale)) {
            throw new IllegalArgumentException("timeScale must be a finite number >= 0: " + timeScale);
        }
        Objects.requireNonNull(clock, "clock");
        if (workerThreads < 1) {
            throw new IllegalArgumentException("workerThreads must be at least 1: " + workerThreads);
        }
        Objects.requireNonNull(quotas, "quotas");
        ModelCatalog catalog = ModelCatalog.builtIn();
        for (Map.Entry<String, Quota> entry : quotas.entrySet()) {
            String key = Objects.requireNonNull(entry.getKey(), "quota model id");
            Objects.requireNonNull(entry.getValue(), "quota");
            if (!key.equals(ALL_MODELS) && !catalog.modelIds().contains(key)) {
                throw new IllegalArgumentException("quota model id must be \"*\" or a sandbox base model id: " + key);
            }
        }
        quotas = Map.copyOf(quotas);
        Objects.requireNonNull(faults, "faults");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(jobTime, "jobTime");
        if (jobTime.isNegative()) {
            throw new IllegalArgumentException("jobTime must not be negative: " + jobTime);
        }
        Objects.requireNonNull(batchCapacity, "batchCapacity");
    }

    /** The settings before batch capacity could be limited: every batch job answers all its records. */
    public SandboxOptions(int port, double timeScale, InstantSource clock, int workerThreads,
                          Map<String, Quota> quotas, FaultRates faults, long faultSeed, LatencyModel latency,
                          Path requestLogFile, boolean s3, Path stateDir, Duration jobTime) {
        this(port, timeScale, clock, workerThreads, quotas, faults, faultSeed, latency, requestLogFile, s3, stateDir,
                jobTime, BatchCapacity.UNLIMITED);
    }

    /** The original four settings; no quotas, no faults, the default latency, no request-log file. */
    public SandboxOptions(int port, double timeScale, InstantSource clock, int workerThreads) {
        this(port, timeScale, clock, workerThreads, Map.of(), FaultRates.none(), DEFAULT_FAULT_SEED,
                LatencyModel.logNormal(), null, false, null,
                DEFAULT_JOB_TIME);
    }

    /** Any free port, real-time latency, the system clock, 16 workers; no quotas, no faults. */
    public static SandboxOptions defaults() {
        return new SandboxOptions(0, 1.0, InstantSource.system(), DEFAULT_WORKER_THREADS);
    }

    /** Any free port, no waiting, the system clock: what a test usually wants. */
    public static SandboxOptions forTests() {
        return defaults().withTimeScale(0);
    }

    public SandboxOptions withPort(int newPort) {
        return new SandboxOptions(newPort, timeScale, clock, workerThreads, quotas, faults, faultSeed, latency,
                requestLogFile, s3, stateDir, jobTime, batchCapacity);
    }

    public SandboxOptions withTimeScale(double newTimeScale) {
        return new SandboxOptions(port, newTimeScale, clock, workerThreads, quotas, faults, faultSeed, latency,
                requestLogFile, s3, stateDir, jobTime, batchCapacity);
    }

    public SandboxOptions withClock(InstantSource newClock) {
        return new SandboxOptions(port, timeScale, newClock, workerThreads, quotas, faults, faultSeed, latency,
                requestLogFile, s3, stateDir, jobTime, batchCapacity);
    }

    public SandboxOptions withWorkerThreads(int newWorkerThreads) {
        return new SandboxOptions(port, timeScale, clock, newWorkerThreads, quotas, faults, faultSeed, latency,
                requestLogFile, s3, stateDir, jobTime, batchCapacity);
    }

    /**
     * Adds (or replaces) a quota. {@code modelIdOrStar} is {@value #ALL_MODELS} for every model without a quota of
     * its own, or a sandbox model id; an inference-profile id or ARN stands for its base model, whose quota all its
     * ids share. A limit of 0 means no limit on that dimension, so {@code withQuota(id, 0, 0)} exempts one model
     * from a {@value #ALL_MODELS} quota.
     *
     * @param requestsPerMinute requests admitted in any sliding minute, 0 for no limit
     * @param tokensPerMinute   quota tokens admitted in any sliding minute, 0 for no limit
     */
    public SandboxOptions withQuota(String modelIdOrStar, int requestsPerMinute, int tokensPerMinute) {
        Objects.requireNonNull(modelIdOrStar, "modelIdOrStar");
        String key = modelIdOrStar.equals(ALL_MODELS) ? ALL_MODELS
                : ModelCatalog.builtIn().resolve(modelIdOrStar).map(ModelProfile::id)
                .orElseThrow(() -> new IllegalArgumentException(
                        "quota model id must be \"*\" or a sandbox model id: " + modelIdOrStar));
        Map<String, Quota> next = new HashMap<>(quotas);
        next.put(key, new Quota(requestsPerMinute, tokensPerMinute));
        return new SandboxOptions(port, timeScale, clock, workerThreads, next, faults, faultSeed, latency,
                requestLogFile, s3, stateDir, jobTime, batchCapacity);
    }

    /** Drops every quota. */
    public SandboxOptions withoutQuotas() {
        return new SandboxOptions(port, timeScale, clock, workerThreads, Map.of(), faults, faultSeed, latency,
                requestLogFile, s3, stateDir, jobTime, batchCapacity);
    }

    /**
     * Fails Converse requests on purpose at the given rates. The decision for a request is drawn from a hash of
     * {@code seed}, the request's hash (model id and canonical body) and how many times that same request arrived
     * before, so the same seed and the same requests give the same faults whatever the thread timing, and a retried
     * request gets a fresh decision.
     */
    public SandboxOptions withFaults(FaultRates rates, long seed) {
        return new SandboxOptions(port, timeScale, clock, workerThreads, quotas, rates, seed, latency,
                requestLogFile, s3, stateDir, jobTime, batchCapacity);
    }

    public SandboxOptions withLatency(LatencyModel newLatency) {
        return new SandboxOptions(port, timeScale, clock, workerThreads, quotas, faults, faultSeed, newLatency,
                requestLogFile, s3, stateDir, jobTime, batchCapacity);
    }

    /** Also appends every request to {@code file} as one JSON line (created if missing, appended to if present). */
    public SandboxOptions withRequestLog(Path file) {
        Objects.requireNonNull(file, "file");
        return new SandboxOptions(port, timeScale, clock, workerThreads, quotas, faults, faultSeed, latency, file, s3,
                stateDir, jobTime, batchCapacity);
    }

    /**
     * Also starts the sandbox's S3 (s3proxy) and the control plane (batch and customization jobs, provisioned
     * throughput, custom model deployments) that reads and writes it.
     *
     * @param dir where objects and jobs are kept so that they survive a restart, or null to keep them in memory
     */
    public SandboxOptions withS3(Path dir) {
        return new SandboxOptions(port, timeScale, clock, workerThreads, quotas, faults, faultSeed, latency,
                requestLogFile, true, dir, jobTime, batchCapacity);
    }

    /** Sets how long simulated control-plane jobs and resources take to reach their final status. */
    public SandboxOptions withJobTime(Duration newJobTime) {
        return new SandboxOptions(port, timeScale, clock, workerThreads, quotas, faults, faultSeed, latency,
                requestLogFile, s3, stateDir, newJobTime, batchCapacity);
    }

    /**
     * Limits what a batch inference job gets done before its timeout, so that jobs end {@code PartiallyCompleted}
     * or {@code Expired} as Bedrock's do when its batch capacity is short.
     */
    public SandboxOptions withBatchCapacity(BatchCapacity capacity) {
        return new SandboxOptions(port, timeScale, clock, workerThreads, quotas, faults, faultSeed, latency,
                requestLogFile, s3, stateDir, jobTime, capacity);
    }

    /** The quota that applies to a base model id: its own, else the {@value #ALL_MODELS} one, else none. */
    Quota quotaFor(String baseModelId) {
        Quota own = quotas.get(baseModelId);
        if (own != null) {
            return own;
        }
        return quotas.getOrDefault(ALL_MODELS, Quota.UNLIMITED);
    }
}
