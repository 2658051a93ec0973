package dev.frontier.bench;

import dev.frontier.cli.Main;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Scale benchmark (not a test): a generated suite of {@code items} intent messages × 3 candidates run end to end by
 * {@code frontier run --sandbox} in this JVM (sandbox included), on demand or in batch. Prints wall time, the peak
 * resident set (VmHWM), the largest heap in use after a garbage collection, and the sizes of the outputs. Run it
 * with the heap cap to check, e.g. {@code -Xmx512m}; the dataset is generated into a temporary folder, never
 * committed.
 *
 * <pre>java -Xmx512m -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) \
 *   dev.frontier.bench.ScaleHarness 100000 on-demand</pre>
 *
 * <p>Modes: {@code on-demand}, {@code batch}, and {@code on-demand-external}, which runs the sandbox as
 * {@code frontier sandbox} in a JVM of its own so that the figures are frontier's alone.
 */
public final class ScaleHarness {
    private ScaleHarness() {
    }

    public static void main(String[] args) throws Exception {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        String requested = args.length > 1 ? args[1] : "on-demand";
        boolean external = requested.equals("on-demand-external");
        String mode = external ? "on-demand" : requested;
        int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        Path dir = Files.createTempDirectory("frontier-scale");
        List<String[]> base = new ArrayList<>();
        List<String> lines = Files.readAllLines(Path.of("datasets/intents.csv"), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            int first = line.indexOf(',');
            int last = line.lastIndexOf(',');
            String text = line.substring(first + 1, last);
            if (text.startsWith("\"")) {
                text = text.substring(1, text.length() - 1).replace("\"\"", "\"");
            }
            base.add(new String[] {text, line.substring(last + 1)});
        }
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("items.jsonl"), StandardCharsets.UTF_8)) {
            for (int i = 0; i < items; i++) {
                String[] b = base.get(i % base.size());
                w.write("{\"id\":\"S" + i + "\",\"text\":\"" + b[0].replace("\\", "\\\\").replace("\"", "\\\"")
                        + " (ref " + i + ")\",\"intent\":\"" + b[1] + "\"}\n");
            }
        }
        String suite = Files.readString(Path.of("eval-configs/smoke.yaml"))
                .replace("suite: smoke", "suite: scale")
                .replace("path: ../datasets/intents-smoke.csv", "path: items.jsonl")
                .replace("  - { id: sonnet, model: us.anthropic.claude-sonnet-4-5-20250929-v1:0, role: incumbent }",
                        "  - { id: lite, model: amazon.nova-lite-v1:0, role: incumbent }")
                // a model with a batch price in the catalog, as Claude 3 Haiku was when the figures were measured
                .replace("model: us.anthropic.claude-haiku-4-5-20251001-v1:0", "model: amazon.nova-pro-v1:0")
                .replace("execution:\n  concurrency: 4", "execution:\n  concurrency: " + concurrency + "\n  mode: "
                        + mode + "\n  responseCache: false")
                .replace("maxUsd: 1.00", "maxUsd: 100.00");
        Process sandbox = null;
        if (external) {
            int port;
            try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
                port = free.getLocalPort();
            }
            sandbox = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), "dev.frontier.cli.Main", "sandbox", "--port",
                    String.valueOf(port), "--time-scale", "0").redirectErrorStream(true)
                    .redirectOutput(dir.resolve("sandbox.log").toFile()).start();
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (true) {
                try (java.net.Socket probe = new java.net.Socket("127.0.0.1", port)) {
                    break;
                } catch (java.io.IOException e) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the sandbox did not start", e);
                    }
                    Thread.sleep(100);
                }
            }
            suite = suite.replace("  mode: on-demand\n", "  mode: on-demand\n  region: us-east-1\n  endpoints:\n"
                    + "    runtime: http://127.0.0.1:" + port + "\n");
            // the SDK's default credential chain reads these first; the sandbox accepts any key
            System.setProperty("aws.accessKeyId", "sandbox");
            System.setProperty("aws.secretAccessKey", "sandbox");
        }

        Files.writeString(dir.resolve("suite.yaml"), suite);
        AtomicLong maxAfterGc = new AtomicLong();
        java.util.Set<String> heapPools = new java.util.HashSet<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heapPools.add(pool.getName());
            }
        }
        // heap in use right after each collection: what the run really holds, without garbage
        for (java.lang.management.GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((javax.management.NotificationEmitter) gc).addNotificationListener((n, h) -> {
                if (n.getType().equals(com.sun.management.GarbageCollectionNotificationInfo
                        .GARBAGE_COLLECTION_NOTIFICATION)) {
                    com.sun.management.GarbageCollectionNotificationInfo info = com.sun.management
                            .GarbageCollectionNotificationInfo.from((javax.management.openmbean.CompositeData)
                                    n.getUserData());
                    long after = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                            .filter(e -> heapPools.contains(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
                    maxAfterGc.accumulateAndGet(after, Math::max);
                }
            }, null, null);
        }
        AtomicLong maxUsed = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                long used = 0;
                for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                    if (pool.getType() == MemoryType.HEAP) {
                        used += pool.getUsage().getUsed();
                    }
                }
                maxUsed.accumulateAndGet(used, Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long start = System.nanoTime();
        List<String> command = new ArrayList<>(List.of("run", dir.resolve("suite.yaml").toString()));
        if (!external) {
            command.addAll(List.of("--sandbox", "--sandbox-time-scale", "0", "--sandbox-job-time", "5"));
        }
        command.addAll(List.of("--progress", "plain", "--store", dir.resolve("store.db").toString(), "--reports",
                dir.resolve("reports").toString()));
        int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), System.err,
                command.toArray(String[]::new));
        if (sandbox != null) {
            sandbox.destroy();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        sampler.interrupt();
        String text = out.toString(StandardCharsets.UTF_8);
        System.out.println(text);
        Path report = null;
        for (String l : text.split("\n")) {
            if (l.startsWith("report: ")) {
                report = Path.of(l.substring(8).trim());
            }
        }
        System.out.printf(Locale.ROOT, "%d items x 3 candidates, %s, exit %d: %.1f s wall; max heap %d MB; "
                        + "largest heap used after GC %.0f MB; peak heap used (with garbage) %.0f MB; VmHWM %s%n",
                items, requested, code, seconds, Runtime.getRuntime().maxMemory() >> 20, maxAfterGc.get() / 1048576.0,
                maxUsed.get() / 1048576.0, vmHwm());
        if (report != null) {
            System.out.printf(Locale.ROOT, "report.html %.1f MB, results.json %.1f MB, store %.1f MB%n",
                    Files.size(report) / 1048576.0, Files.size(report.resolveSibling("results.json")) / 1048576.0,
                    Files.size(dir.resolve("store.db")) / 1048576.0);
        }
    }

    private static String vmHwm() throws Exception {
        for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (l.startsWith("VmHWM")) {
                return l.substring(6).trim();
            }
        }
        return "?";
    }
}
