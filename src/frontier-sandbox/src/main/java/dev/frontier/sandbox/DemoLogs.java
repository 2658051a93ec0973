package dev.frontier.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A generated week of model-invocation logs (2026-11-23 to 2026-11-29 UTC), written into the sandbox's S3 in the
 * layout and schema Bedrock writes ({@link InvocationLogging}): about 55,000 records of three support workloads with
 * a diurnal and weekly pattern and bursts, FAQ-like exact repeats (some within five minutes, some hours apart), the
 * answers and token counts the sandbox's own simulated models give, and a deterministic 0.2 % of malformed lines
 * (every {@value #MALFORMED_EVERY}th record: truncated JSON, a record without {@code modelId}, or an input body of
 * no known schema, in turn). Everything is drawn from one fixed seed, so two sandboxes write identical objects; the
 * records are generated and written one hour (one object) at a time.
 */
final class DemoLogs {

    static final String BUCKET = "sandbox-invocation-logs";
    static final String KEY_PREFIX = "demo";
    static final String ACCOUNT = "111122223333";
    static final String REGION = "us-east-1";
    static final Instant START = Instant.parse("2026-11-23T00:00:00Z");
    static final int DAYS = 7;
    /** One record in this many is malformed: 0.2 %. */
    static final int MALFORMED_EVERY = 500;
    private static final long SEED = 0x5EED_2026_1123L;
    /** Average requests per minute at the weekday peak, before bursts. */
    private static final double PEAK_PER_MINUTE = 13.5;
    private static final double FAQ_SHARE = 0.08;
    private static final double QUICK_REPEAT_SHARE = 0.04;
    private static final Duration QUICK_REPEAT_WINDOW = Duration.ofMinutes(5);
    /** Bedrock delivers an hour's records a few minutes after it ends; the object name carries that time. */
    private static final Duration DELIVERY_DELAY = Duration.ofMinutes(4);
    private static final int ANSWERS_KEPT = 20_000;

    /** The S3 URI under which the logs are: the {@code AWSLogs/} folder's parent. */
    static final String URI = "s3://" + BUCKET + "/" + KEY_PREFIX + "/";

    private final SandboxS3 s3;
    private final ObjectMapper json = new ObjectMapper();
    private final ConverseService service = new ConverseService(ModelCatalog.builtIn(),
            new PromptCache(InstantSource.fixed(START)));

    DemoLogs(SandboxS3 s3) {
        this.s3 = s3;
    }

    /**
     * Writes the week unless it is there (its last hour's object is written last), and returns its URI.
     */
    synchronized String write() {
        int hours = DAYS * 24;
        if (!s3.list(BUCKET, hourPrefix(hours - 1)).isEmpty()) {
            return URI;
        }
        s3.createBucket(BUCKET);
        s3.put(BUCKET, InvocationLogging.join(KEY_PREFIX, "AWSLogs/" + ACCOUNT + "/BedrockModelInvocationLogs/"
                + InvocationLogging.PERMISSION_CHECK), new byte[0]);
        Generator generator = new Generator(new SplittableRandom(SEED));
        for (int hour = 0; hour < hours; hour++) {
            List<String> lines = generator.hour(hour);
            Instant delivered = START.plus(Duration.ofHours(hour + 1)).plus(DELIVERY_DELAY);
            s3.put(BUCKET, hourPrefix(hour) + InvocationLogging.objectName(delivered, hour + 1),
                    InvocationLogging.gzipLines(lines));
        }
        return URI;
    }

    private static String hourPrefix(int hour) {
        return InvocationLogging.join(KEY_PREFIX, InvocationLogging.hourPrefix(ACCOUNT, REGION,
                START.plus(Duration.ofHours(hour))));
    }

    /** A team's use of one model: its prompt, its model id as called, and how it calls. */
    private enum Workload {
        SUMMARIES("support", "summaries", "us.amazon.nova-pro-v1:0", 0.50, 0.0,
                DemoText.SUMMARY_SYSTEM, 300),
        ROUTING("support", "routing", "us.anthropic.claude-3-haiku-20240307-v1:0", 0.38, 0.6,
                DemoText.CLASSIFY_SYSTEM, 20),
        REVIEWS("mobile", "review-triage", "us.amazon.nova-pro-v1:0", 0.12, 0.0,
                "You triage app store reviews for the mobile team. Summarize the problem in one sentence.", 120);

        final String team;
        final String feature;
        final String modelId;
        final double share;
        /** The share of calls made with InvokeModel and the model's native body instead of Converse. */
        final double invokeShare;
        final String system;
        final int maxTokens;

        Workload(String team, String feature, String modelId, double share, double invokeShare, String system,
                 int maxTokens) {
            this.team = team;
            this.feature = feature;
            this.modelId = modelId;
            this.share = share;
            this.invokeShare = invokeShare;
            this.system = system;
            this.maxTokens = maxTokens;
        }
    }

    /** One prompt as a workload sends it. */
    private record Prompt(Workload workload, String user) {
    }

    /** One drawn call: its place in the week, its time, its prompt and whether it goes through InvokeModel. */
    private record Call(long index, Instant time, Prompt prompt, boolean invoke) {
    }

    /** A prompt sent recently, for the repeats within five minutes. */
    private record Sent(Instant time, Prompt prompt) {
    }

    /** The stream of records, hour after hour; holds only the last five minutes of prompts and the burst state. */
    private final class Generator {
        private final SplittableRandom random;
        private final List<Prompt> faq;
        private final Deque<Sent> recent = new ArrayDeque<>();
        /** Answers of recent prompts (repeats and routing messages recur): a bounded, least recently used map. */
        private final Map<Prompt, ConverseService.Reply> answers = new LinkedHashMap<>(ANSWERS_KEPT, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Prompt, ConverseService.Reply> eldest) {
                return size() > ANSWERS_KEPT;
            }
        };
        private long index;
        private int burstMinutesLeft;
        private double burstFactor = 1;

        Generator(SplittableRandom random) {
            this.random = random;
            this.faq = new ArrayList<>();
            SplittableRandom faqRandom = random.split();
            for (int i = 0; i < 30; i++) {
                faq.add(newPrompt(faqRandom));
            }
        }

        List<String> hour(int hour) {
            // the draws in order, then the answers (pure functions of the prompt) on all cores, then the lines
            List<Call> calls = new ArrayList<>();
            Instant hourStart = START.plus(Duration.ofHours(hour));
            for (int minute = 0; minute < 60; minute++) {
                Instant minuteStart = hourStart.plus(Duration.ofMinutes(minute));
                int count = poisson(rate(minuteStart));
                long[] offsets = new long[count];
                for (int i = 0; i < count; i++) {
                    offsets[i] = random.nextLong(60_000);
                }
                Arrays.sort(offsets);
                for (long offset : offsets) {
                    Instant time = minuteStart.plusMillis(offset);
                    Prompt prompt = prompt(time);
                    boolean invoke = prompt.workload().invokeShare > 0
                            && random.nextDouble() < prompt.workload().invokeShare;
                    calls.add(new Call(index++, time, prompt, invoke));
                }
            }
            Map<Prompt, ConverseService.Reply> known = new HashMap<>();
            List<Prompt> missing = new ArrayList<>();
            for (Prompt p : calls.stream().map(Call::prompt).distinct().toList()) {
                ConverseService.Reply reply = answers.get(p);
                if (reply == null) {
                    missing.add(p);
                } else {
                    known.put(p, reply);
                }
            }
            Map<Prompt, ConverseService.Reply> fresh = missing.parallelStream()
                    .collect(Collectors.toConcurrentMap(p -> p, DemoLogs.this::answer));
            known.putAll(fresh);
            answers.putAll(fresh);
            List<String> lines = new ArrayList<>(calls.size());
            for (Call call : calls) {
                lines.add(line(call, known.get(call.prompt())));
            }
            return lines;
        }

        /** Requests per minute: a diurnal curve peaking mid-afternoon UTC, quieter weekends, and bursts. */
        private double rate(Instant minute) {
            var at = minute.atZone(ZoneOffset.UTC);
            double hourOfDay = at.getHour() + at.getMinute() / 60.0;
            double diurnal = 0.12 + Math.exp(-Math.pow(hourOfDay - 15.5, 2) / (2 * 3.2 * 3.2));
            DayOfWeek day = at.getDayOfWeek();
            double weekly = day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY ? 0.4 : 1.0;
            if (burstMinutesLeft > 0) {
                burstMinutesLeft--;
            } else {
                burstFactor = 1;
                // about four bursts a day, more likely when traffic is high
                if (random.nextDouble() < 4.0 / 1440 * (0.5 + diurnal)) {
                    burstMinutesLeft = 3 + random.nextInt(10);
                    burstFactor = 3 + random.nextDouble() * 5;
                }
            }
            return PEAK_PER_MINUTE * diurnal * weekly * burstFactor;
        }

        private int poisson(double mean) {
            // Knuth's method is exact and fast for the means here (below 100)
            double limit = Math.exp(-mean);
            double product = random.nextDouble();
            int count = 0;
            while (product > limit) {
                product *= random.nextDouble();
                count++;
            }
            return count;
        }

        private Prompt prompt(Instant time) {
            while (!recent.isEmpty() && recent.peekFirst().time().isBefore(time.minus(QUICK_REPEAT_WINDOW))) {
                recent.removeFirst();
            }
            double draw = random.nextDouble();
            Prompt prompt;
            if (draw < QUICK_REPEAT_SHARE && !recent.isEmpty()) {
                List<Sent> window = List.copyOf(recent);
                prompt = window.get(random.nextInt(window.size())).prompt();
            } else if (draw < QUICK_REPEAT_SHARE + FAQ_SHARE) {
                prompt = faq.get(random.nextInt(faq.size()));
            } else {
                prompt = newPrompt(random);
            }
            recent.addLast(new Sent(time, prompt));
            return prompt;
        }

        private Prompt newPrompt(SplittableRandom r) {
            double draw = r.nextDouble();
            Workload w = draw < Workload.SUMMARIES.share ? Workload.SUMMARIES
                    : draw < Workload.SUMMARIES.share + Workload.ROUTING.share ? Workload.ROUTING : Workload.REVIEWS;
            return switch (w) {
                case SUMMARIES -> new Prompt(w, "Summarize this ticket in two sentences.\n" + DemoText.ticket(r));
                case ROUTING -> new Prompt(w, "Message: " + DemoText.message(r));
                case REVIEWS -> new Prompt(w, "Summarize the problem in one sentence.\n" + DemoText.review(r));
            };
        }

        private String line(Call call, ConverseService.Reply reply) {
            long i = call.index();
            Instant time = call.time();
            Prompt prompt = call.prompt();
            Workload w = prompt.workload();
            boolean invoke = call.invoke();
            Map<String, String> metadata = Map.of("team", w.team, "feature", w.feature);
            ObjectNode input;
            ObjectNode output;
            if (invoke) {
                input = anthropicRequest(w, prompt.user());
                output = anthropicResponse(reply, i);
            } else {
                input = converseRequest(w, prompt.user(), metadata);
                output = reply.body();
            }
            UUID requestId = UUID.nameUUIDFromBytes(("demo-request-" + i).getBytes(StandardCharsets.UTF_8));
            ObjectNode record = InvocationLogging.toRecord(new InvocationLogging.Invocation(time, REGION,
                    requestId.toString(), invoke ? "InvokeModel" : "Converse", w.modelId, input, output,
                    reply.inputTokens(), reply.outputTokens(), reply.cacheReadTokens(), reply.cacheWriteTokens(),
                    invoke ? Map.of() : metadata), ACCOUNT);
            record.putObject("identity").put("arn", "arn:aws:sts::" + ACCOUNT + ":assumed-role/" + w.team + "-"
                    + w.feature + "/worker");
            if (i % MALFORMED_EVERY == MALFORMED_EVERY / 2) {
                return malformed(record, (int) (i / MALFORMED_EVERY % 3));
            }
            return text(record);
        }

        private String malformed(ObjectNode record, int kind) {
            return switch (kind) {
                case 0 -> {
                    String whole = text(record);
                    yield whole.substring(0, whole.length() / 2); // a line cut off mid-way
                }
                case 1 -> {
                    record.remove("modelId");
                    yield text(record);
                }
                default -> {
                    ObjectNode input = (ObjectNode) record.path("input");
                    input.put("inputContentType", "application/octet-stream");
                    input.putObject("inputBodyJson").put("payload", "AAECAwQFBgc=");
                    yield text(record);
                }
            };
        }
    }

    /** What the sandbox's model answers to a prompt, as a Converse reply. */
    private ConverseService.Reply answer(Prompt prompt) {
        Workload w = prompt.workload();
        ConverseCall call = new ConverseCall(
                List.of(new ConverseCall.Text(w.system)),
                List.of(new ConverseCall.Message(ConverseCall.USER, List.of(new ConverseCall.Text(prompt.user())))),
                new ConverseCall.Inference(OptionalInt.of(w.maxTokens), OptionalDouble.of(0.2),
                        OptionalDouble.empty(), List.of()),
                false);
        return service.answer(service.resolve(w.modelId), call);
    }

    private ObjectNode converseRequest(Workload w, String user, Map<String, String> metadata) {
        ObjectNode body = json.createObjectNode();
        body.putArray("messages").addObject().put("role", "user").putArray("content").addObject().put("text", user);
        body.putArray("system").addObject().put("text", w.system);
        body.putObject("inferenceConfig").put("maxTokens", w.maxTokens).put("temperature", 0.2);
        ObjectNode meta = body.putObject("requestMetadata");
        metadata.forEach(meta::put);
        return body;
    }

    /** Anthropic's Messages body as InvokeModel takes it on Bedrock. */
    private ObjectNode anthropicRequest(Workload w, String user) {
        ObjectNode body = json.createObjectNode();
        body.put("anthropic_version", "bedrock-2023-05-31");
        body.put("max_tokens", w.maxTokens);
        body.put("system", w.system);
        body.put("temperature", 0.2);
        body.putArray("messages").addObject().put("role", "user").putArray("content").addObject()
                .put("type", "text").put("text", user);
        return body;
    }

    /** Anthropic's Messages response for the same answer. */
    private ObjectNode anthropicResponse(ConverseService.Reply reply, long index) {
        String text = reply.body().path("output").path("message").path("content").path(0).path("text").asText();
        ObjectNode body = json.createObjectNode();
        body.put("id", "msg_bdrk_" + HexFormat.of().toHexDigits(index * 0x9E3779B97F4A7C15L));
        body.put("type", "message");
        body.put("role", "assistant");
        body.put("model", "claude-3-haiku-20240307");
        ArrayNode content = body.putArray("content");
        content.addObject().put("type", "text").put("text", text);
        String stop = reply.body().path("stopReason").asText("end_turn");
        body.put("stop_reason", stop.equals("max_tokens") || stop.equals("stop_sequence") ? stop : "end_turn");
        body.putNull("stop_sequence");
        body.putObject("usage").put("input_tokens", reply.inputTokens()).put("output_tokens", reply.outputTokens());
        return body;
    }

    private String text(ObjectNode record) {
        try {
            return json.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }
}
