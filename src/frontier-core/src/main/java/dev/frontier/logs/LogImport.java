package dev.frontier.logs;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code frontier logs import}: a dataset and a traffic profile from Bedrock's invocation logs, in one streaming pass
 * over {@link InvocationLogReader} whose memory does not grow with the log's text.
 *
 * <p>What is kept per record: a count per distinct prompt (a 64-bit hash of system prompt and prompt, numbered by a
 * primitive table), the traffic figures of {@link TrafficTally} (16 bytes a record for the arrivals), and the text
 * of at most {@code sample} prompts per stratum. A stratum is model × the value of the {@code stratifyBy} metadata
 * key × the hour of day (UTC) in four blocks of six hours. Each distinct prompt is offered once, to the stratum of its
 * first request read, and gets a priority from its hash and the seed; a stratum keeps the {@code sample} prompts of
 * lowest priority (a bottom-k sample: uniform over the stratum's distinct prompts, the same whatever the order the
 * objects are read in). At the end each non-empty stratum gets one item when the sample allows, and the rest of the
 * sample is shared in proportion to the strata's requests ({@link #allocate}).
 */
public final class LogImport {

    /** The most items a sample may have: the sample's text is held in memory for each stratum. */
    public static final int MAX_SAMPLE = 100_000;
    /** Malformed records kept with their reason for the summary; the rest are counted. */
    public static final int MALFORMED_SHOWN = 20;

    private LogImport() {
    }

    /**
     * Which records count.
     *
     * @param since    the first instant kept (inclusive)
     * @param until    the instant from which records are dropped (exclusive)
     * @param models   model ids; a record is kept when its logged id or the base model in it is one of them (empty:
     *                 every model)
     * @param metadata {@code requestMetadata} pairs that must all be there with these values
     */
    public record Filters(Optional<Instant> since, Optional<Instant> until, Set<String> models,
                          Map<String, String> metadata) {
        public Filters {
            Objects.requireNonNull(since, "since");
            Objects.requireNonNull(until, "until");
            models = Set.copyOf(models);
            metadata = Map.copyOf(metadata);
            if (since.isPresent() && until.isPresent() && !since.get().isBefore(until.get())) {
                throw new IllegalArgumentException("since (" + since.get() + ") must be before until ("
                        + until.get() + ")");
            }
        }

        /** No filter. */
        public static Filters none() {
            return new Filters(Optional.empty(), Optional.empty(), Set.of(), Map.of());
        }

        boolean keeps(InvocationLogRecord r) {
            if (since.isPresent() && r.timestamp().isBefore(since.get())
                    || until.isPresent() && !r.timestamp().isBefore(until.get())) {
                return false;
            }
            if (!models.isEmpty() && !models.contains(r.modelId()) && !models.contains(r.baseModelId())) {
                return false;
            }
            for (Map.Entry<String, String> e : metadata.entrySet()) {
                if (!e.getValue().equals(r.requestMetadata().get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }

        /** The filters as a traffic profile records them: since, until, model, metadata.KEY. */
        Map<String, String> described() {
            Map<String, String> out = new TreeMap<>();
            since.ifPresent(s -> out.put("since", s.toString()));
            until.ifPresent(u -> out.put("until", u.toString()));
            if (!models.isEmpty()) {
                out.put("model", String.join(",", new java.util.TreeSet<>(models)));
            }
            metadata.forEach((k, v) -> out.put("metadata." + k, v));
            return out;
        }
    }

    /**
     * How to import.
     *
     * @param filters    which records count
     * @param sample     items in the dataset, 1 to {@value #MAX_SAMPLE}
     * @param stratifyBy a {@code requestMetadata} key whose values are strata too
     * @param responses  whether each item carries the logged response as {@code reference}
     * @param seed       the sample's seed
     */
    public record Options(Filters filters, int sample, Optional<String> stratifyBy, boolean responses, long seed) {
        public Options {
            Objects.requireNonNull(filters, "filters");
            Objects.requireNonNull(stratifyBy, "stratifyBy");
            if (sample < 1 || sample > MAX_SAMPLE) {
                throw new IllegalArgumentException("the sample must be 1 to " + MAX_SAMPLE + " items, got " + sample);
            }
        }
    }

    /**
     * What a pass found.
     *
     * @param read            records and malformed lines read
     * @param kept            records the filters kept
     * @param malformed       malformed lines (or objects)
     * @param firstMalformed  the first {@value #MALFORMED_SHOWN} of them
     * @param objects         log objects read
     * @param distinctPrompts distinct prompts (system prompt and prompt) among the kept records
     * @param sample          the dataset's rows, before redaction, by time of first request then id
     * @param strata          items sampled per stratum ({@code model / KEY=value / 06-12h}), with the stratum's
     *                        requests
     * @param profile         the traffic of every kept record; empty when none was kept
     */
    public record Result(long read, long kept, long malformed, List<InvocationLogReader.Malformed> firstMalformed,
                         long objects, long distinctPrompts, List<LogRow> sample, Map<String, Stratum> strata,
                         Optional<TrafficProfile> profile) {
        public Result {
            firstMalformed = List.copyOf(firstMalformed);
            sample = List.copyOf(sample);
            strata = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(strata));
        }
    }

    /**
     * One stratum's share of the sample.
     *
     * @param requests requests in the stratum
     * @param prompts  distinct prompts first seen in it
     * @param sampled  items of the sample drawn from it
     */
    public record Stratum(long requests, long prompts, int sampled) {
    }

    /** Reads {@code source} once and imports it. */
    public static Result run(InvocationLogSource source, Options options) {
        Pass pass = new Pass(options, source.location());
        InvocationLogReader.Summary summary = InvocationLogReader.read(source, pass);
        return pass.finish(summary.objects());
    }

    /**
     * Redacts the rows and writes them to {@code file}, whole or not at all: nothing is written when the redaction
     * fails or returns other rows than it was given (another count, another id or order).
     *
     * @throws RowRedactor.RedactionFailed when the redaction fails or breaks its contract
     */
    public static List<LogRow> writeDataset(Path file, List<LogRow> rows, RowRedactor redactor) {
        List<LogRow> redacted = redactor.redact(rows);
        if (redacted == null || redacted.size() != rows.size()) {
            throw new RowRedactor.RedactionFailed("the redaction returned " + (redacted == null ? "nothing"
                    : redacted.size() + " rows") + " for " + rows.size() + "; nothing was written");
        }
        for (int i = 0; i < rows.size(); i++) {
            if (!rows.get(i).id().equals(redacted.get(i).id())) {
                throw new RowRedactor.RedactionFailed("the redaction returned row " + redacted.get(i).id()
                        + " where " + rows.get(i).id() + " was expected; nothing was written");
            }
        }
        LogDataset.write(file, redacted);
        return redacted;
    }

    /** The one pass: a reader listener that counts, samples and tallies. */
    static final class Pass implements InvocationLogReader.Listener {
        private final Options options;
        private final String location;
        private final LongIndex prompts = new LongIndex();
        private final LongIndex.Longs promptCounts = new LongIndex.Longs();
        private final LongIndex systems = new LongIndex();
        private final TrafficTally tally = new TrafficTally();
        private final Map<String, Reservoir> strata = new TreeMap<>();
        private final List<InvocationLogReader.Malformed> firstMalformed = new ArrayList<>();
        private final MessageDigest sha256;
        private long read;
        private long malformed;

        Pass(Options options, String location) {
            this.options = options;
            this.location = location;
            try {
                sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void record(InvocationLogRecord r, String object, long line) {
            read++;
            if (!options.filters().keeps(r)) {
                return;
            }
            long hash = hash(r.system() + '\u0000' + r.prompt());
            int before = prompts.size();
            int prompt = prompts.id(hash);
            promptCounts.addAt(prompt, 1);
            Reservoir stratum = strata.computeIfAbsent(stratum(r), k -> new Reservoir(options.sample()));
            stratum.requests++;
            if (prompts.size() > before) {
                stratum.prompts++;
                InvocationLogRecord kept = options.responses() ? r : withoutResponse(r);
                stratum.offer(new Candidate(priority(hash, options.seed()), hash, kept));
            }
            int prefix = r.system().isEmpty() ? -1 : systems.id(hash(r.system()));
            tally.add(r, prompt, prefix);
        }

        @Override
        public void malformed(InvocationLogReader.Malformed m) {
            read++;
            malformed++;
            if (firstMalformed.size() < MALFORMED_SHOWN) {
                firstMalformed.add(m);
            }
        }

        Result finish(long objects) {
            List<String> keys = new ArrayList<>(strata.keySet());
            long[] weights = new long[keys.size()];
            int[] available = new int[keys.size()];
            for (int i = 0; i < keys.size(); i++) {
                weights[i] = strata.get(keys.get(i)).requests;
                available[i] = strata.get(keys.get(i)).size();
            }
            int[] allocation = allocate(weights, available, options.sample());
            List<LogRow> rows = new ArrayList<>();
            Map<String, Stratum> shares = new LinkedHashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                Reservoir s = strata.get(keys.get(i));
                List<Candidate> lowest = s.lowest(allocation[i]);
                for (Candidate c : lowest) {
                    rows.add(row(c));
                }
                shares.put(shown(keys.get(i)), new Stratum(s.requests, s.prompts, allocation[i]));
            }
            rows.sort(Comparator.comparing(LogRow::time).thenComparing(LogRow::id));
            Optional<TrafficProfile> profile = tally.records() == 0 ? Optional.empty() : Optional.of(tally.profile(
                    new TrafficProfile.Source("invocation-logs", location, malformed,
                            options.filters().described()), options.filters().since(), options.filters().until()));
            return new Result(read, tally.records(), malformed, firstMalformed, objects, prompts.size(), rows, shares,
                    profile);
        }

        private LogRow row(Candidate c) {
            InvocationLogRecord r = c.record;
            long count = promptCounts.get(prompts.find(c.hash));
            return new LogRow(id(c.hash), r.prompt(), r.system(), r.response(), count, r.modelId(), r.timestamp(),
                    r.requestMetadata());
        }

        /** model, the stratifying value (empty when the key is absent) and the block of hours, joined by NULs. */
        private String stratum(InvocationLogRecord r) {
            String value = options.stratifyBy().map(k -> r.requestMetadata().getOrDefault(k, "\u0001"))
                    .orElse("");
            int block = r.timestamp().atZone(ZoneOffset.UTC).getHour() / 6;
            return r.modelId() + '\u0000' + value + '\u0000' + block;
        }

        private String shown(String key) {
            String[] parts = key.split("\u0000", -1);
            int block = Integer.parseInt(parts[2]);
            String hours = String.format(java.util.Locale.ROOT, "%02d-%02dh", block * 6, block * 6 + 6);
            return parts[0] + options.stratifyBy().map(k -> " / " + k + "=" + (parts[1].equals("\u0001")
                    ? "(none)" : parts[1])).orElse("") + " / " + hours;
        }

        private long hash(String text) {
            byte[] d = sha256.digest(text.getBytes(StandardCharsets.UTF_8));
            long h = 0;
            for (int i = 0; i < 8; i++) {
                h = h << 8 | (d[i] & 0xff);
            }
            return h;
        }
    }

    /** The item id of a prompt hash: {@code p} and 16 hexadecimal digits. */
    static String id(long hash) {
        return "p" + HexFormat.of().toHexDigits(hash);
    }

    /** A prompt's place in the sample: SplitMix64's finalizer over its hash and the seed. */
    static long priority(long hash, long seed) {
        long z = hash ^ (seed * 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static InvocationLogRecord withoutResponse(InvocationLogRecord r) {
        return r.response().isEmpty() ? r : new InvocationLogRecord(r.timestamp(), r.requestId(), r.operation(),
                r.modelId(), r.requestMetadata(), r.system(), r.prompt(), r.userTurns(), Optional.empty(),
                r.inputTokens(), r.outputTokens(), r.cacheReadTokens(), r.cacheWriteTokens());
    }

    /**
     * Items per stratum: every stratum's available items when they are no more than {@code n}; else one for each
     * non-empty stratum (for the strata with the most requests, ties to the first, when {@code n} is smaller than the
     * strata), and the rest in proportion to the requests, no stratum given more than it has (what one cannot take
     * goes to the others), the fractions settled by largest remainder (ties to the first).
     */
    static int[] allocate(long[] weights, int[] available, int n) {
        int k = weights.length;
        int[] out = new int[k];
        long total = 0;
        int nonEmpty = 0;
        for (int a : available) {
            total += a;
            nonEmpty += a > 0 ? 1 : 0;
        }
        if (n >= total) {
            return available.clone();
        }
        if (n < nonEmpty) {
            Integer[] order = new Integer[k];
            for (int i = 0; i < k; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, (a, b) -> weights[a] != weights[b] ? Long.compare(weights[b], weights[a])
                    : Integer.compare(a, b));
            for (int i = 0, given = 0; i < k && given < n; i++) {
                if (available[order[i]] > 0) {
                    out[order[i]] = 1;
                    given++;
                }
            }
            return out;
        }
        int remaining = n - nonEmpty;
        boolean[] full = new boolean[k];
        for (int i = 0; i < k; i++) {
            out[i] = available[i] > 0 ? 1 : 0;
            full[i] = out[i] >= available[i];
        }
        while (remaining > 0) {
            double w = 0;
            for (int i = 0; i < k; i++) {
                w += full[i] ? 0 : weights[i];
            }
            if (w == 0) {
                // what is left has no requests to weigh by: share it evenly
                for (int i = 0; i < k && remaining > 0; i++) {
                    if (!full[i]) {
                        out[i]++;
                        remaining--;
                        full[i] = out[i] >= available[i];
                    }
                }
                continue;
            }
            boolean capped = false;
            double[] quota = new double[k];
            for (int i = 0; i < k; i++) {
                if (!full[i]) {
                    quota[i] = remaining * weights[i] / w;
                    if (quota[i] >= available[i] - out[i]) {
                        remaining -= available[i] - out[i];
                        out[i] = available[i];
                        full[i] = true;
                        capped = true;
                    }
                }
            }
            if (capped) {
                continue;
            }
            int given = 0;
            Integer[] byRemainder = new Integer[k];
            for (int i = 0; i < k; i++) {
                byRemainder[i] = i;
                if (!full[i]) {
                    int floor = (int) Math.floor(quota[i]);
                    out[i] += floor;
                    given += floor;
                }
            }
            remaining -= given;
            double[] q = quota;
            java.util.Arrays.sort(byRemainder, (a, b) -> {
                double ra = full[a] ? -1 : q[a] - Math.floor(q[a]);
                double rb = full[b] ? -1 : q[b] - Math.floor(q[b]);
                return ra != rb ? Double.compare(rb, ra) : Integer.compare(a, b);
            });
            for (int j = 0; j < k && remaining > 0; j++) {
                int i = byRemainder[j];
                if (!full[i] && out[i] < available[i]) {
                    out[i]++;
                    remaining--;
                }
            }
            for (int i = 0; i < k; i++) {
                full[i] = full[i] || out[i] >= available[i];
            }
        }
        return out;
    }

    private record Candidate(long priority, long hash, InvocationLogRecord record) {
    }

    /** A stratum's bottom-k sample: the {@code capacity} candidates of lowest priority, in a max-heap. */
    private static final class Reservoir {
        private final int capacity;
        private final PriorityQueue<Candidate> heap;
        long requests;
        long prompts;

        Reservoir(int capacity) {
            this.capacity = capacity;
            this.heap = new PriorityQueue<>(Comparator.comparingLong(Candidate::priority).reversed());
        }

        void offer(Candidate c) {
            if (heap.size() < capacity) {
                heap.add(c);
            } else if (c.priority() < heap.peek().priority()) {
                heap.poll();
                heap.add(c);
            }
        }

        int size() {
            return heap.size();
        }

        /** The {@code n} of lowest priority. */
        List<Candidate> lowest(int n) {
            List<Candidate> all = new ArrayList<>(heap);
            all.sort(Comparator.comparingLong(Candidate::priority));
            return all.subList(0, Math.min(n, all.size()));
        }
    }
}
