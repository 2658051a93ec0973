package dev.frontier.logs;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The figures of a {@link TrafficProfile}, counted one record at a time in bounded memory: token counts as a count
 * per distinct value (token counts are integers, so the distinct values are few however many records there are),
 * tokens and requests per minute as a count per minute of the window, and the arrivals as three primitive arrays of
 * one entry per record (16 bytes each: time, prompt, system prompt), which is the one part that grows with the
 * records; they are sorted by time at the end, since objects need not arrive in time order.
 */
final class TrafficTally {
    private final Tokens input = new Tokens();
    private final Tokens output = new Tokens();
    private final LongIndex minutes = new LongIndex();
    private final LongIndex.Longs minuteRequests = new LongIndex.Longs();
    private final LongIndex.Longs minuteInput = new LongIndex.Longs();
    private final LongIndex.Longs minuteOutput = new LongIndex.Longs();
    private final LongIndex.Longs times = new LongIndex.Longs();
    private final LongIndex.Ints prompts = new LongIndex.Ints();
    private final LongIndex.Ints prefixes = new LongIndex.Ints();
    private final Map<String, Long> models = new TreeMap<>();
    private long cacheRead;
    private long first = Long.MAX_VALUE;
    private long last = Long.MIN_VALUE;

    /**
     * Counts one request.
     *
     * @param prompt its distinct prompt's number (in any order: they are renumbered by first arrival)
     * @param prefix its distinct system prompt's number, -1 without one
     */
    void add(InvocationLogRecord r, int prompt, int prefix) {
        long t = r.timestamp().toEpochMilli();
        first = Math.min(first, t);
        last = Math.max(last, t);
        long in = r.allInputTokens();
        input.add(in);
        output.add(r.outputTokens());
        cacheRead += r.cacheReadTokens();
        int m = minutes.id(Math.floorDiv(t, 60_000L));
        minuteRequests.addAt(m, 1);
        minuteInput.addAt(m, in);
        minuteOutput.addAt(m, r.outputTokens());
        times.add(t);
        prompts.add(prompt);
        prefixes.add(prefix);
        models.merge(r.modelId(), 1L, Long::sum);
    }

    long records() {
        return times.size();
    }

    /**
     * The profile; {@code since} and {@code until} bound the window when given, else it runs from the first
     * record's minute to the end of the last record's minute.
     *
     * @throws IllegalStateException when no record was counted
     */
    TrafficProfile profile(TrafficProfile.Source source, Optional<Instant> since, Optional<Instant> until) {
        if (records() == 0) {
            throw new IllegalStateException("no records");
        }
        Instant from = since.orElse(Instant.ofEpochMilli(first).truncatedTo(ChronoUnit.MINUTES));
        Instant to = until.orElse(Instant.ofEpochMilli(last).truncatedTo(ChronoUnit.MINUTES).plus(1,
                ChronoUnit.MINUTES));
        double windowMinutes = (to.toEpochMilli() - from.toEpochMilli()) / 60_000.0;
        long n = records();
        double totalTokens = input.sum + output.sum;
        return new TrafficProfile(TrafficProfile.SCHEMA, source, new TrafficProfile.Window(from.toString(),
                to.toString(), windowMinutes), n, n * TrafficProfile.MINUTES_PER_MONTH / windowMinutes, models,
                input.distribution(), output.distribution(), input.sum == 0 ? 0 : (double) cacheRead / input.sum,
                peak(), totalTokens / windowMinutes, Optional.of(arrivals()));
    }

    /** The minute with the most tokens (the earliest of equals), and the most input and output tokens of any minute. */
    private TrafficProfile.Peak peak() {
        long[] keys = minutes.keys();
        int best = -1;
        long maxIn = 0;
        long maxOut = 0;
        for (int i = 0; i < keys.length; i++) {
            long tokens = minuteInput.get(i) + minuteOutput.get(i);
            if (best < 0 || tokens > minuteInput.get(best) + minuteOutput.get(best)
                    || tokens == minuteInput.get(best) + minuteOutput.get(best) && keys[i] < keys[best]) {
                best = i;
            }
            maxIn = Math.max(maxIn, minuteInput.get(i));
            maxOut = Math.max(maxOut, minuteOutput.get(i));
        }
        return new TrafficProfile.Peak(Instant.ofEpochMilli(keys[best] * 60_000L).toString(),
                minuteRequests.get(best), minuteInput.get(best) + minuteOutput.get(best), maxIn, maxOut);
    }

    /** Requests in time order (ties in reading order), prompts and prefixes renumbered by first arrival. */
    private TrafficProfile.Arrivals arrivals() {
        int n = times.size();
        int[] order = timeOrder(times.toArray());
        int[] deltas = new int[n];
        int[] p = new int[n];
        int[] s = new int[n];
        int[] promptIds = new int[n];
        int[] prefixIds = new int[n];
        Arrays.fill(promptIds, -1);
        Arrays.fill(prefixIds, -1);
        int nextPrompt = 0;
        int nextPrefix = 0;
        long start = times.get(order[0]);
        long previous = start;
        for (int k = 0; k < n; k++) {
            int i = order[k];
            long gap = times.get(i) - previous;
            if (gap > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("two requests more than 24 days apart: the arrivals cannot hold "
                        + "the gap; import a shorter window with --since and --until");
            }
            deltas[k] = (int) gap;
            previous = times.get(i);
            int prompt = prompts.get(i);
            if (promptIds[prompt] < 0) {
                promptIds[prompt] = nextPrompt++;
            }
            p[k] = promptIds[prompt];
            int prefix = prefixes.get(i);
            if (prefix >= 0 && prefixIds[prefix] < 0) {
                prefixIds[prefix] = nextPrefix++;
            }
            s[k] = prefix < 0 ? -1 : prefixIds[prefix];
        }
        return new TrafficProfile.Arrivals(start, deltas, p, s);
    }

    /**
     * The indices of {@code t} sorted by value, ties in index order: each packed with its time into one long (time
     * since the earliest in the high bits, index in the low ones) and sorted as primitives; a span too long to pack
     * falls back to sorting boxed indices.
     */
    static int[] timeOrder(long[] t) {
        int n = t.length;
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (long v : t) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        int indexBits = Math.max(1, 64 - Long.numberOfLeadingZeros(Math.max(1, n - 1)));
        int[] order = new int[n];
        if (n == 0) {
            return order;
        }
        if (max - min < (1L << (63 - indexBits))) {
            long[] packed = new long[n];
            for (int i = 0; i < n; i++) {
                packed[i] = ((t[i] - min) << indexBits) | i;
            }
            Arrays.sort(packed);
            long mask = (1L << indexBits) - 1;
            for (int i = 0; i < n; i++) {
                order[i] = (int) (packed[i] & mask);
            }
            return order;
        }
        Integer[] boxed = new Integer[n];
        for (int i = 0; i < n; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, (a, b) -> t[a] != t[b] ? Long.compare(t[a], t[b]) : Integer.compare(a, b));
        for (int i = 0; i < n; i++) {
            order[i] = boxed[i];
        }
        return order;
    }

    /** Tokens per request as a count per distinct value. */
    static final class Tokens {
        private final LongIndex values = new LongIndex();
        private final LongIndex.Longs counts = new LongIndex.Longs();
        long sum;
        long n;

        void add(long tokens) {
            counts.addAt(values.id(tokens), 1);
            sum += tokens;
            n++;
        }

        /** Mean, R-7 percentiles (linear between order statistics) and the maximum. */
        TrafficProfile.Distribution distribution() {
            long[] v = values.keys();
            long[] c = counts.toArray();
            Integer[] byValue = new Integer[v.length];
            for (int i = 0; i < v.length; i++) {
                byValue[i] = i;
            }
            Arrays.sort(byValue, (a, b) -> Long.compare(v[a], v[b]));
            long[] sortedValues = new long[v.length];
            long[] cumulative = new long[v.length];
            long running = 0;
            for (int k = 0; k < v.length; k++) {
                sortedValues[k] = v[byValue[k]];
                running += c[byValue[k]];
                cumulative[k] = running;
            }
            return new TrafficProfile.Distribution((double) sum / n, percentile(sortedValues, cumulative, 50),
                    percentile(sortedValues, cumulative, 90), percentile(sortedValues, cumulative, 99),
                    sortedValues[sortedValues.length - 1]);
        }

        /** position h = (n − 1)·p/100 (from 0) between the order statistics ⌊h⌋ and ⌈h⌉. */
        private double percentile(long[] sortedValues, long[] cumulative, double p) {
            double h = (n - 1) * p / 100.0;
            long lo = (long) Math.floor(h);
            long hi = (long) Math.ceil(h);
            double a = orderStatistic(sortedValues, cumulative, lo);
            double b = orderStatistic(sortedValues, cumulative, hi);
            return a + (h - lo) * (b - a);
        }

        /** The {@code k}-th smallest value (from 0). */
        private static long orderStatistic(long[] sortedValues, long[] cumulative, long k) {
            int i = Arrays.binarySearch(cumulative, k + 1);
            if (i < 0) {
                i = -i - 1;
            }
            return sortedValues[i];
        }
    }
}
