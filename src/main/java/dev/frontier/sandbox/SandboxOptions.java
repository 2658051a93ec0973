package dev.frontier.sandbox;

import java.time.InstantSource;
import java.util.Objects;

/**
 * How to run a {@link Sandbox}. The sandbox always listens on {@value #HOST} only.
 *
 * @param port          TCP port, 0 for any free port
 * @param timeScale     fraction of each simulated latency the server actually waits before answering: 1 behaves
 *                      like the real service, 0 answers at once (tests)
 * @param clock         the clock prompt-cache lifetimes are measured with
 * @param workerThreads how many requests are served at the same time
 */
public record SandboxOptions(int port, double timeScale, InstantSource clock, int workerThreads) {

    /** The only address the sandbox listens on. */
    public static final String HOST = "127.0.0.1";
    private static final int DEFAULT_WORKER_THREADS = 16;
    private static final int MAX_PORT = 65_535;

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
    }

    /** Any free port, real-time latency, the system clock, 16 workers. */
    public static SandboxOptions defaults() {
        return new SandboxOptions(0, 1.0, InstantSource.system(), DEFAULT_WORKER_THREADS);
    }

    /** Any free port, no waiting, the system clock: what a test usually wants. */
    public static SandboxOptions forTests() {
        return defaults().withTimeScale(0);
    }

    public SandboxOptions withPort(int newPort) {
        return new SandboxOptions(newPort, timeScale, clock, workerThreads);
    }

    public SandboxOptions withTimeScale(double newTimeScale) {
        return new SandboxOptions(port, newTimeScale, clock, workerThreads);
    }

    public SandboxOptions withClock(InstantSource newClock) {
        return new SandboxOptions(port, timeScale, newClock, workerThreads);
    }

    public SandboxOptions withWorkerThreads(int newWorkerThreads) {
        return new SandboxOptions(port, timeScale, clock, newWorkerThreads);
    }
}
