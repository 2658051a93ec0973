package dev.frontier.run;

import dev.frontier.logs.TrafficProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * A traffic profile (kind {@code cloudwatch}) from Bedrock's per-minute CloudWatch metrics of one model
 * ({@code AWS/Bedrock}: {@code Invocations}, {@code InputTokenCount}, {@code OutputTokenCount}), for accounts
 * without model-invocation logging. Metrics carry no single request: the token "distribution" is that of the
 * per-minute averages (tokens ÷ invocations in each minute with invocations), its max the largest such average; the
 * cache-read share is unknown to these metrics and given as 0; there are no arrivals to replay.
 */
public final class CloudWatchTraffic {

    /** Bedrock's namespace in CloudWatch. */
    public static final String NAMESPACE = "AWS/Bedrock";
    /** The metrics read. */
    public static final List<String> METRICS = List.of("Invocations", "InputTokenCount", "OutputTokenCount");

    private CloudWatchTraffic() {
    }

    /**
     * The profile of a window.
     *
     * @param model       the model id, as the metrics' {@code ModelId} dimension names it
     * @param region      the Region the metrics were read in
     * @param from        the window's start (inclusive)
     * @param to          the window's end (exclusive)
     * @param invocations requests per minute
     * @param input       input tokens per minute
     * @param output      output tokens per minute
     */
    public static TrafficProfile of(String model, String region, Instant from, Instant to,
                                    SortedMap<Instant, Double> invocations, SortedMap<Instant, Double> input,
                                    SortedMap<Instant, Double> output) {
        double minutes = Duration.between(from, to).toSeconds() / 60.0;
        long records = Math.round(invocations.values().stream().mapToDouble(Double::doubleValue).sum());
        double totalIn = input.values().stream().mapToDouble(Double::doubleValue).sum();
        double totalOut = output.values().stream().mapToDouble(Double::doubleValue).sum();
        List<Double> inAvg = new ArrayList<>();
        List<Double> outAvg = new ArrayList<>();
        Instant peakAt = from;
        long peakRequests = 0;
        long peakTokens = 0;
        long peakIn = 0;
        long peakOut = 0;
        TreeSet<Instant> all = new TreeSet<>(invocations.keySet());
        all.addAll(input.keySet());
        all.addAll(output.keySet());
        for (Instant minute : all) {
            double n = invocations.getOrDefault(minute, 0.0);
            double in = input.getOrDefault(minute, 0.0);
            double out = output.getOrDefault(minute, 0.0);
            if (n > 0) {
                inAvg.add(in / n);
                outAvg.add(out / n);
            }
            long tokens = Math.round(in + out);
            if (tokens > peakTokens || (tokens == peakTokens && Math.round(n) > peakRequests)) {
                peakTokens = tokens;
                peakRequests = Math.round(n);
                peakAt = minute;
            }
            peakIn = Math.max(peakIn, Math.round(in));
            peakOut = Math.max(peakOut, Math.round(out));
        }
        TrafficProfile.Source source = new TrafficProfile.Source("cloudwatch", region + " " + NAMESPACE + " ModelId="
                + model, 0, Map.of("since", from.toString(), "until", to.toString(), "model", model));
        return new TrafficProfile(TrafficProfile.SCHEMA, source, new TrafficProfile.Window(from.toString(),
                to.toString(), minutes), records, records / minutes * TrafficProfile.MINUTES_PER_MONTH,
                Map.of(model, records), distribution(inAvg, records == 0 ? 0 : totalIn / records),
                distribution(outAvg, records == 0 ? 0 : totalOut / records), 0,
                new TrafficProfile.Peak(peakAt.toString(), peakRequests, peakTokens, peakIn, peakOut),
                (totalIn + totalOut) / minutes, java.util.Optional.empty());
    }

    /** Mean of all requests; R-7 percentiles and max of the per-minute averages. */
    private static TrafficProfile.Distribution distribution(List<Double> minuteAverages, double mean) {
        if (minuteAverages.isEmpty()) {
            return new TrafficProfile.Distribution(0, 0, 0, 0, 0);
        }
        double[] v = minuteAverages.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        return new TrafficProfile.Distribution(mean, r7(v, 0.5), r7(v, 0.9), r7(v, 0.99),
                Math.round(v[v.length - 1]));
    }

    /** The R-7 quantile (linear interpolation between order statistics) of sorted values. */
    static double r7(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
