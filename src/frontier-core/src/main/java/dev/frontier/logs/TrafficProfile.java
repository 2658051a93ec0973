package dev.frontier.logs;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A workload's production traffic, measured from Bedrock's model-invocation logs (or CloudWatch metrics): what a
 * suite prices its month with instead of one {@code requestsPerMonth} number. Written as JSON, schema
 * {@value #SCHEMA}, by {@code frontier logs import}; read by {@link TrafficProfiles#read}.
 *
 * @param schema           {@value #SCHEMA}
 * @param source           where the figures came from
 * @param window           the time the records cover
 * @param records          requests counted in the window (after the import's filters; malformed records excluded)
 * @param requestsPerMonth {@code records} scaled from the window to a billing month of 730 hours
 * @param models           requests per model id, as the logs name it
 * @param inputTokens      input tokens per request (uncached, cache reads and cache writes together)
 * @param outputTokens     output tokens per request
 * @param cacheReadShare   cache-read input tokens ÷ all input tokens in the logs (0 when the workload does not cache)
 * @param peak             the busiest minute
 * @param averageTokensPerMinute input and output tokens per minute over the window
 * @param arrivals         every request's arrival time and prompt, for replaying caches; empty for a profile made
 *                         from metrics, which carry no arrivals
 */
public record TrafficProfile(String schema, Source source, Window window, long records, double requestsPerMonth,
                             Map<String, Long> models, Distribution inputTokens, Distribution outputTokens,
                             double cacheReadShare, Peak peak, double averageTokensPerMinute,
                             Optional<Arrivals> arrivals) {

    public static final String SCHEMA = "frontier.traffic/v1";

    /** Minutes in a billing month (730 hours), the month every monthly figure uses. */
    public static final double MINUTES_PER_MONTH = 730 * 60.0;

    public TrafficProfile {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(inputTokens, "inputTokens");
        Objects.requireNonNull(outputTokens, "outputTokens");
        Objects.requireNonNull(peak, "peak");
        models = Map.copyOf(models);
        arrivals = arrivals == null ? Optional.empty() : arrivals;
        if (records < 0 || !(requestsPerMonth >= 0) || Double.isInfinite(requestsPerMonth)) {
            throw new IllegalArgumentException("records and requestsPerMonth must be finite and not negative");
        }
        if (!(cacheReadShare >= 0 && cacheReadShare <= 1)) {
            throw new IllegalArgumentException("cacheReadShare must be in [0, 1], got " + cacheReadShare);
        }
    }

    /** Requests per month rounded to a whole request, the figure a suite's monthly costs use. */
    public long monthlyRequests() {
        return Math.round(requestsPerMonth);
    }

    /** The busiest minute's tokens ÷ the average minute's, at least 1: what provisioned throughput must carry. */
    public double peakFactor() {
        return averageTokensPerMinute > 0 ? Math.max(1, peak.tokensPerMinute() / averageTokensPerMinute) : 1;
    }

    /**
     * Where a profile's figures came from.
     *
     * @param kind      {@code invocation-logs} or {@code cloudwatch}
     * @param location  the S3 prefix or folder read (or the metrics' Region and model), never a credential
     * @param malformed records that could not be read, reported by the import and not counted
     * @param filters   the import's filters as given ({@code since}, {@code until}, {@code model}, {@code metadata.KEY})
     */
    public record Source(String kind, String location, long malformed, Map<String, String> filters) {
        public Source {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(location, "location");
            filters = Map.copyOf(filters);
        }
    }

    /**
     * The time the records cover, as ISO-8601 instants, and its length.
     *
     * @param from    first instant (inclusive)
     * @param to      last instant (exclusive)
     * @param minutes {@code to - from} in minutes, &gt; 0
     */
    public record Window(String from, String to, double minutes) {
        public Window {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (!(minutes > 0) || Double.isInfinite(minutes)) {
                throw new IllegalArgumentException("a window must be longer than 0 minutes");
            }
        }
    }

    /** Tokens per request: mean and R-7 percentiles. */
    public record Distribution(double mean, double p50, double p90, double p99, long max) {
    }

    /**
     * The busiest minute of the window.
     *
     * @param at                 the minute's start, ISO-8601
     * @param requestsPerMinute  requests that minute
     * @param tokensPerMinute    input and output tokens that minute
     * @param inputTokensPerMinute  input tokens in the minute with the most of them
     * @param outputTokensPerMinute output tokens in the minute with the most of them
     */
    public record Peak(String at, long requestsPerMinute, long tokensPerMinute, long inputTokensPerMinute,
                       long outputTokensPerMinute) {
    }

    /**
     * Every request in arrival order: its time as milliseconds after the previous one (the first after
     * {@code startEpochMs}), and its prompt as the index of a distinct prompt (exact duplicates share an index,
     * numbered in order of first arrival), so that caches can be replayed without the prompts' text.
     *
     * @param startEpochMs the instant the first delta counts from
     * @param deltasMs     one per request, not negative
     * @param prompts      one per request, the distinct prompt's index
     * @param prefixes     one per request, the distinct system prompt's index (-1 without a system prompt): the part
     *                     a prompt cache keys on when the checkpoint follows the system prompt
     */
    public record Arrivals(long startEpochMs, int[] deltasMs, int[] prompts, int[] prefixes) {
        public Arrivals {
            Objects.requireNonNull(deltasMs, "deltasMs");
            Objects.requireNonNull(prompts, "prompts");
            Objects.requireNonNull(prefixes, "prefixes");
            if (deltasMs.length != prompts.length || deltasMs.length != prefixes.length) {
                throw new IllegalArgumentException("deltasMs, prompts and prefixes must have one entry per request");
            }
        }

        /** Requests. */
        public int size() {
            return deltasMs.length;
        }

        /** Each request's arrival as epoch milliseconds, in order. */
        public long[] epochMs() {
            long[] t = new long[deltasMs.length];
            long now = startEpochMs;
            for (int i = 0; i < t.length; i++) {
                now += deltasMs[i];
                t[i] = now;
            }
            return t;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Arrivals a && a.startEpochMs == startEpochMs && Arrays.equals(a.deltasMs, deltasMs)
                    && Arrays.equals(a.prompts, prompts) && Arrays.equals(a.prefixes, prefixes);
        }

        @Override
        public int hashCode() {
            return Objects.hash(startEpochMs, Arrays.hashCode(deltasMs), Arrays.hashCode(prompts),
                    Arrays.hashCode(prefixes));
        }

        @Override
        public String toString() {
            return "Arrivals[" + deltasMs.length + " requests from " + startEpochMs + "]";
        }
    }
}
