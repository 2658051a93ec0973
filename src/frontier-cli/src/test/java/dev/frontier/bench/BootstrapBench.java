package dev.frontier.bench;

import dev.frontier.model.Cost;
import dev.frontier.select.Qualification;
import dev.frontier.stats.Bootstrap;
import dev.frontier.stats.Interval;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The decision statistics of a run: a BCa interval of a mean, the paired-difference bootstrap (percentile and
 * BCa), and a whole qualification of five cheaper candidates (five paired BCa bootstraps, Holm, verdicts).
 * {@code paired100kItems} is the paired percentile bootstrap of 100,000 items, the size {@code side_by_side.py}
 * times numpy on.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BootstrapBench {

    @Param({"100", "1000", "10000"})
    int items;

    double[] baseline;
    double[] candidate;
    List<Qualification.Candidate> candidates;
    final Bootstrap bootstrap = new Bootstrap(2000, 42, 0.95);
    final Qualification.Rules rules = Qualification.Rules.of(0.03, 0.95);

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(7);
        baseline = new double[items];
        candidate = new double[items];
        Map<String, Double> incumbent = new LinkedHashMap<>();
        for (int i = 0; i < items; i++) {
            baseline[i] = random.nextDouble();
            candidate[i] = Math.min(1, Math.max(0, baseline[i] - 0.01 + 0.2 * (random.nextDouble() - 0.5)));
            incumbent.put("item-" + i, baseline[i]);
        }
        candidates = new ArrayList<>();
        candidates.add(Qualification.Candidate.of("incumbent", true, Cost.usd(BigDecimal.TEN), incumbent));
        for (int c = 0; c < 5; c++) {
            Map<String, Double> q = new LinkedHashMap<>();
            for (int i = 0; i < items; i++) {
                q.put("item-" + i, baseline[i] - 0.01 * c + 0.2 * (random.nextDouble() - 0.5));
            }
            candidates.add(Qualification.Candidate.of("c" + c, false, Cost.usd(BigDecimal.valueOf(c + 1)), q));
        }
    }

    /** 100,000 items of the same shape as the parameterised ones, drawn once. */
    @State(Scope.Benchmark)
    public static class Large {
        double[] baseline = new double[100_000];
        double[] candidate = new double[100_000];

        @Setup
        public void setUp() {
            SplittableRandom random = new SplittableRandom(7);
            for (int i = 0; i < baseline.length; i++) {
                baseline[i] = random.nextDouble();
                candidate[i] = Math.min(1, Math.max(0, baseline[i] - 0.01 + 0.2 * (random.nextDouble() - 0.5)));
            }
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3, batchSize = 1)
    @Measurement(iterations = 10, batchSize = 1)
    public Interval paired100kItems(Large large) {
        return bootstrap.pairedDifference(large.candidate, large.baseline).orElseThrow();
    }

    @Benchmark
    public Interval bcaMean2000Resamples() {
        return bootstrap.meanBca(baseline).orElseThrow();
    }

    @Benchmark
    public Interval pairedPercentile2000Resamples() {
        return bootstrap.pairedDifference(candidate, baseline).orElseThrow();
    }

    @Benchmark
    public Interval pairedBca2000Resamples() {
        return bootstrap.pairedDifference(candidate, baseline, Bootstrap.Method.BCA).orElseThrow();
    }

    @Benchmark
    public Qualification.Result qualificationOfFiveCandidates() {
        return Qualification.decide(candidates, rules);
    }
}
