package dev.frontier.sandbox;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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
public final class Sandbox implements AutoCloseable {

    private static final int STOP_GRACE_SECONDS = 0;
    private static final int SHUTDOWN_WAIT_SECONDS = 5;

    private final HttpServer server;
    private final ExecutorService workers;
    private final URI endpoint;

    private Sandbox(HttpServer server, ExecutorService workers) {
        this.server = server;
        this.workers = workers;
        this.endpoint = URI.create("http://" + SandboxOptions.HOST + ":" + server.getAddress().getPort());
    }

    /**
     * Starts serving in the background.
     *
     * @throws UncheckedIOException when the port cannot be bound (for example, it is in use)
     */
    public static Sandbox start(SandboxOptions options) {
        Objects.requireNonNull(options, "options");
        HttpServer server;
        InetSocketAddress address;
        try {
            address = new InetSocketAddress(InetAddress.getByName(SandboxOptions.HOST), options.port());
            server = HttpServer.create(address, 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + SandboxOptions.HOST + ":" + options.port()
                    + ": " + e.getMessage(), e);
        }
        ExecutorService workers = Executors.newFixedThreadPool(options.workerThreads(), new WorkerThreads());
        ConverseService service = new ConverseService(ModelCatalog.builtIn(), new PromptCache(options.clock()));
        server.createContext("/", new RuntimeHandler(service, options.timeScale()));
        server.setExecutor(workers);
        server.start();
        return new Sandbox(server, workers);
    }

    /** The base URI to give the SDK's {@code endpointOverride}, e.g. {@code http://127.0.0.1:8787}. */
    public URI endpoint() {
        return endpoint;
    }

    /** The base model ids the sandbox simulates; {@code us.}, {@code eu.}, {@code apac.} and {@code global.} inference-profile ids of them work too. */
    public static List<String> modelIds() {
        return ModelCatalog.builtIn().modelIds();
    }

    /** Stops listening and drops requests still in flight. */
    @Override
    public void close() {
        server.stop(STOP_GRACE_SECONDS);
        workers.shutdownNow();
        try {
            workers.awaitTermination(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
