package dev.frontier.bench;

import dev.frontier.bedrock.BedrockConverseClient;
import dev.frontier.bedrock.BedrockSettings;
import dev.frontier.cli.Main;
import dev.frontier.model.CallResult;
import dev.frontier.model.ModelRequest;
import dev.frontier.sandbox.Sandbox;
import dev.frontier.sandbox.SandboxOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The runner's own CPU per call (a benchmark, not a test): {@code frontier run --sandbox --sandbox-time-scale 0} on
 * {@code calls} generated items × one candidate in this JVM, the in-process sandbox included, against a warm loop of
 * the same Converse calls made straight through the SDK client on 16 threads. Prints process CPU per call (from
 * {@code OperatingSystemMXBean}) and the CPU of the sandbox's threads, the call threads and the rest (JIT, GC, the
 * SDK's timers), from per-thread CPU sampled every 100 ms. {@code direct} is the same run with
 * {@code --sandbox-direct}: the sandbox called in the call threads, without HTTP or the SDK.
 *
 * <pre>java -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) \
 *   dev.frontier.bench.RunnerOverheadHarness 10000 run      # or: 10000 direct, 10000 sdk</pre>
 */
public final class RunnerOverheadHarness {
    private RunnerOverheadHarness() {
    }

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        String mode = args.length > 1 ? args[1] : "run";
        Path dir = Files.createTempDirectory("frontier-overhead");
        List<String> texts = new ArrayList<>();
        StringBuilder data = new StringBuilder();
        for (int i = 0; i < calls; i++) {
            String text = "Summarize:\nRequest " + i + " says the export to CSV fails with an error. Please fix the "
                    + "export soon.";
            texts.add(text);
            data.append("{\"id\":\"").append(i).append("\",\"text\":\"").append(text.replace("\n", "\\n"))
                    .append("\"}\n");
        }
        Files.writeString(dir.resolve("items.jsonl"), data);
        Files.writeString(dir.resolve("suite.yaml"), """
                suite: overhead
                dataset: { path: items.jsonl, id: id }
                prompt: { user: "{{text}}" }
                inference: { maxTokens: 60 }
                candidates: [ { id: lite, model: amazon.nova-lite-v1:0, role: incumbent } ]
                scorers: [ { type: length, max: 80 } ]
                execution: { concurrency: 16, responseCache: false }
                """);
        ThreadCpu threads = new ThreadCpu();
        threads.start();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long start = System.nanoTime();
        String outcome;
        if (mode.equals("sdk")) {
            outcome = sdkLoop(texts);
        } else {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            List<String> run = new ArrayList<>(List.of("run", dir.resolve("suite.yaml").toString(), "--sandbox",
                    "--sandbox-time-scale", "0", "--progress", "plain", "--store", dir.resolve("store.db").toString(),
                    "--reports", dir.resolve("reports").toString()));
            if (mode.equals("direct")) {
                run.add("--sandbox-direct");
            }
            int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), System.err,
                    run.toArray(String[]::new));
            outcome = "exit " + code;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long cpu = os.getProcessCpuTime() - cpu0;
        Map<String, Long> byGroup = threads.stop();
        System.out.printf(Locale.ROOT, "%s, %d calls, %s: %.1f s wall, %.0f calls/s; process CPU %.1f s = %.2f ms per "
                        + "call (whole process since JVM start %.1f s)%n", mode, calls, outcome, seconds,
                calls / seconds, cpu / 1e9, cpu / 1e6 / calls, os.getProcessCpuTime() / 1e9);
        byGroup.putAll(jvmThreads());
        byGroup.forEach((group, nanos) -> System.out.printf(Locale.ROOT, "  %-16s %6.1f s = %.2f ms per call%n",
                group, nanos / 1e9, nanos / 1e6 / calls));
    }

    /**
     * CPU of the JVM's own threads (JIT compilers, garbage collector) since the JVM started, from
     * {@code /proc/self/task}; compiler threads the JVM stopped meanwhile are missing.
     */
    private static Map<String, Long> jvmThreads() throws java.io.IOException {
        Map<String, Long> groups = new TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (java.io.IOException e) {
                    continue;   // the thread ended
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);   // utime + stime
                String group = name.contains("Compiler") ? "JIT (since start)"
                        : name.startsWith("GC Thread") || name.startsWith("G1 ") || name.equals("VM Thread")
                        ? "GC (since start)" : null;
                if (group != null) {
                    groups.merge(group, ticks * 10_000_000L, Long::sum);   // 100 ticks a second
                }
            }
        }
        return groups;
    }

    /** The same Converse calls through the SDK client alone, 16 at a time, on a sandbox of its own. */
    private static String sdkLoop(List<String> texts) throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults().withTimeScale(0))) {
            BedrockConverseClient bedrock = BedrockConverseClient.create(new BedrockSettings(Optional.of("us-east-1"),
                    BedrockSettings.Endpoints.local(sandbox.endpoint(), Optional.empty()),
                    new BedrockSettings.Static("k", "s"), 1, Duration.ofSeconds(60), "frontier#bench"));
            AtomicInteger failed = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(16, r -> new Thread(r, "frontier-call"));
            for (String text : texts) {
                pool.execute(() -> {
                    CallResult r = bedrock.call(new ModelRequest("amazon.nova-lite-v1:0", null, text, false,
                            new ModelRequest.InferenceParams(60, null, null, List.of())));
                    if (r instanceof CallResult.Failure) {
                        failed.incrementAndGet();
                    }
                });
            }
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.HOURS);
            bedrock.close();
            return failed.get() + " failed";
        }
    }

    /** Per-thread CPU, sampled so that threads which end before the run does are counted too. */
    private static final class ThreadCpu {
        private final ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        private final Map<Long, Long> last = new ConcurrentHashMap<>();
        private final Map<Long, String> names = new ConcurrentHashMap<>();
        private final Map<Long, Long> first = new ConcurrentHashMap<>();
        private volatile boolean running = true;
        private Thread sampler;

        void start() {
            sample();
            last.forEach(first::put);
            sampler = new Thread(() -> {
                while (running) {
                    sample();
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "cpu-sampler");
            sampler.setDaemon(true);
            sampler.start();
        }

        private void sample() {
            for (ThreadInfo info : bean.getThreadInfo(bean.getAllThreadIds())) {
                if (info == null) {
                    continue;
                }
                long t = bean.getThreadCpuTime(info.getThreadId());
                if (t >= 0) {
                    last.put(info.getThreadId(), t);
                    names.put(info.getThreadId(), info.getThreadName());
                }
            }
        }

        Map<String, Long> stop() throws InterruptedException {
            running = false;
            sampler.join();
            sample();
            Map<String, Long> groups = new TreeMap<>();
            last.forEach((id, t) -> groups.merge(group(names.get(id)), t - first.getOrDefault(id, 0L), Long::sum));
            return groups;
        }

        private static String group(String name) {
            if (name.startsWith("frontier-sandbox") || name.startsWith("HTTP-Dispatcher")) {
                return "sandbox";
            }
            if (name.startsWith("frontier-call")) {
                return "call threads";
            }
            if (name.equals("main")) {
                return "main";
            }
            return "other Java";
        }
    }
}
