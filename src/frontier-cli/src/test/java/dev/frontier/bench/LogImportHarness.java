package dev.frontier.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

/**
 * Memory and speed of {@code frontier logs import} (not a test): generates a week of {@code records} invocation-log
 * records in Bedrock's layout (one gzip object per hour, a few records delivered an hour late, Converse, Anthropic,
 * Titan and Llama bodies, a fifth of the prompts repeated from a pool of 200) into a temporary folder, then imports
 * them in a child JVM with the heap capped ({@code -Xmx256m} unless told), sampling 500 items stratified by a metadata
 * key, with responses and a traffic profile. Prints the wall time, records per second and the child's peak resident
 * set (VmHWM, polled from {@code /proc/PID/status}), and the child's summary.
 *
 * <pre>java -cp src/frontier-cli/target/test-classes:src/frontier-cli/target/classes:$(cat
 *   src/frontier-cli/target/test-classpath.txt) dev.frontier.bench.LogImportHarness 50000 256m</pre>
 */
public final class LogImportHarness {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant START = Instant.parse("2026-11-23T00:00:00Z");
    private static final String[] MODELS = {"us.anthropic.claude-3-5-haiku-20241022-v1:0", "amazon.nova-lite-v1:0",
        "anthropic.claude-3-haiku-20240307-v1:0", "amazon.titan-text-express-v1", "meta.llama3-8b-instruct-v1:0"};
    private static final String[] TEAMS = {"support", "sales", "ops"};
    private static final String[] SYSTEMS = {"You are a support analyst. Answer in two sentences.",
        "Classify the ticket's intent; answer with one word.", ""};

    private LogImportHarness() {
    }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        String heap = args.length > 1 ? args[1] : "256m";
        Path dir = Files.createTempDirectory("frontier-logs-");
        long t0 = System.nanoTime();
        long bytes = writeLogs(dir.resolve("logs"), records, 42);
        System.out.printf(Locale.ROOT, "generated %,d records (%,d gzip bytes) in %.1f s under %s%n", records, bytes,
                (System.nanoTime() - t0) / 1e9, dir);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx" + heap, "-cp", System.getProperty("java.class.path"), "dev.frontier.cli.Main",
                "logs", "import", dir.resolve("logs").toString(), "--out", dir.resolve("dataset.jsonl").toString(),
                "--profile", dir.resolve("traffic.json").toString(), "--sample", "500", "--stratify-by", "team",
                "--responses"));
        Path log = dir.resolve("child.log");
        long start = System.nanoTime();
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long peakKb = 0;
        while (!child.waitFor(20, TimeUnit.MILLISECONDS)) {
            peakKb = Math.max(peakKb, vmHwmKb(child.pid()));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.print(Files.readString(log));
        System.out.printf(Locale.ROOT, "exit %d; -Xmx%s; %.2f s wall (JVM start included), %,.0f records/s; "
                + "VmHWM %s%n", child.exitValue(), heap, seconds, records / seconds,
                peakKb == 0 ? "unknown" : String.format(Locale.ROOT, "%.0f MB", peakKb / 1024.0));
        System.out.printf(Locale.ROOT, "dataset %,d bytes, profile %,d bytes%n", Files.size(dir.resolve(
                "dataset.jsonl")), Files.size(dir.resolve("traffic.json")));
    }

    private static long vmHwmKb(long pid) {
        try {
            for (String l : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (l.startsWith("VmHWM:")) {
                    return Long.parseLong(l.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // the child has ended, or this is not Linux
        }
        return 0;
    }

    /**
     * Writes {@code records} records over the week from 2026-11-23 into {@code root} in Bedrock's S3 layout, one
     * gzip object per hour, and returns the bytes written. Times follow a day's curve (busier in the afternoon); 1 %
     * of the records are delivered in the next hour's object, so objects are not in time order.
     */
    public static long writeLogs(Path root, int records, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] times = new long[records];
        for (int i = 0; i < records; i++) {
            long t;
            do {
                t = random.nextLong(7L * 24 * 3600 * 1000);
            } while (random.nextDouble() > 0.4 + 0.6 * Math.sin(Math.PI * ((t / 3_600_000L) % 24) / 24.0));
            times[i] = START.toEpochMilli() + t;
        }
        Arrays.sort(times);
        long bytes = 0;
        int i = 0;
        List<String> late = new ArrayList<>();
        for (int hour = 0; hour <= 7 * 24; hour++) {
            long end = START.toEpochMilli() + (hour + 1) * 3_600_000L;
            List<String> lines = new ArrayList<>(late);
            late.clear();
            for (; i < records && times[i] < end; i++) {
                String line = line(random, i, Instant.ofEpochMilli(times[i]));
                (random.nextInt(100) == 0 ? late : lines).add(line);
            }
            if (!lines.isEmpty()) {
                bytes += writeObject(root, START.plusSeconds(hour * 3600L), lines);
            }
        }
        return bytes;
    }

    private static long writeObject(Path root, Instant hour, List<String> lines) {
        ZonedDateTime h = hour.atZone(ZoneOffset.UTC);
        Path dir = root.resolve(String.format(Locale.ROOT, "AWSLogs/111122223333/BedrockModelInvocationLogs/"
                + "us-east-1/%04d/%02d/%02d/%02d", h.getYear(), h.getMonthValue(), h.getDayOfMonth(), h.getHour()));
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(String.format(Locale.ROOT, "%04d%02d%02dT%02d0000Z_%s.json.gz", h.getYear(),
                    h.getMonthValue(), h.getDayOfMonth(), h.getHour(), Long.toHexString(hour.getEpochSecond())));
            try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(
                    Files.newOutputStream(file), 1 << 16), StandardCharsets.UTF_8))) {
                for (String l : lines) {
                    w.write(l);
                    w.write('\n');
                }
            }
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One record: the model decides the body's kind. */
    static String line(SplittableRandom random, int i, Instant time) {
        int m = random.nextInt(MODELS.length);
        String model = MODELS[m];
        String system = SYSTEMS[random.nextInt(SYSTEMS.length)];
        String prompt = random.nextInt(5) == 0
                ? "Frequently asked question " + random.nextInt(200) + ": how do I reset my password?"
                : "Ticket " + i + ": " + "The customer reports that the export fails with error " + random.nextInt(
                        10_000) + " after the upgrade. ".repeat(1 + random.nextInt(6));
        String answer = "The export fails after the upgrade; escalate ticket " + i + ".";
        long in = prompt.length() / 4 + system.length() / 4 + 5;
        long out = answer.length() / 4 + 1;
        long cacheRead = system.isEmpty() || random.nextInt(3) > 0 ? 0 : system.length() / 4;
        ObjectNode r = JSON.createObjectNode();
        r.put("schemaType", "ModelInvocationLog").put("schemaVersion", "1.0").put("timestamp", time.toString())
                .put("accountId", "111122223333").put("region", "us-east-1")
                .put("requestId", String.format(Locale.ROOT, "%08x-0000-4000-8000-%012x", i, random.nextLong(1L << 47)));
        r.putObject("identity").put("arn", "arn:aws:sts::111122223333:assumed-role/app/x");
        ObjectNode input = JSON.createObjectNode().put("inputContentType", "application/json");
        ObjectNode output = JSON.createObjectNode().put("outputContentType", "application/json");
        switch (m) {
            case 0, 1 -> {
                r.put("operation", random.nextBoolean() ? "Converse" : "ConverseStream");
                ObjectNode body = input.putObject("inputBodyJson");
                body.putArray("messages").addObject().put("role", "user").putArray("content").addObject()
                        .put("text", prompt);
                if (!system.isEmpty()) {
                    body.putArray("system").addObject().put("text", system);
                }
                body.putObject("inferenceConfig").put("maxTokens", 300);
                ObjectNode o = output.putObject("outputBodyJson");
                o.putObject("output").putObject("message").put("role", "assistant").putArray("content").addObject()
                        .put("text", answer);
                o.put("stopReason", "end_turn");
            }
            case 2 -> {
                r.put("operation", "InvokeModel");
                ObjectNode body = input.putObject("inputBodyJson").put("anthropic_version", "bedrock-2023-05-31")
                        .put("max_tokens", 300);
                if (!system.isEmpty()) {
                    body.put("system", system);
                }
                body.putArray("messages").addObject().put("role", "user").put("content", prompt);
                ArrayNode content = output.putObject("outputBodyJson").put("type", "message").putArray("content");
                content.addObject().put("type", "text").put("text", answer);
            }
            case 3 -> {
                r.put("operation", "InvokeModel");
                input.putObject("inputBodyJson").put("inputText", system.isEmpty() ? prompt : system + "\n" + prompt);
                output.putObject("outputBodyJson").putArray("results").addObject().put("outputText", answer)
                        .put("completionReason", "FINISH");
            }
            default -> {
                r.put("operation", "InvokeModel");
                input.putObject("inputBodyJson").put("prompt", "<|begin_of_text|>" + prompt).put("max_gen_len", 300);
                output.putObject("outputBodyJson").put("generation", answer);
            }
        }
        r.put("modelId", model);
        input.put("inputTokenCount", in).put("cacheReadInputTokenCount", cacheRead).put("cacheWriteInputTokenCount", 0);
        output.put("outputTokenCount", out);
        r.set("input", input);
        r.set("output", output);
        if (m < 2) {
            r.putObject("requestMetadata").put("team", TEAMS[random.nextInt(TEAMS.length)]).put("feature",
                    "summaries");
        }
        return r.toString();
    }
}
