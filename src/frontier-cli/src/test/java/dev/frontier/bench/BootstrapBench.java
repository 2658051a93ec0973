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

    /**
     * 100,000 items of the same shape as the parameterised ones, from a formula rather than a generator so that
     * {@code side_by_side.py} builds the same doubles: u_i = frac(i·0.6180339887498949), v_i =
     * frac(i·0.7548776662466927), baseline u_i, candidate clamp(u_i − 0.01 + 0.2 (v_i − 0.5)) to [0, 1].
     */
    @State(Scope.Benchmark)
    public static class Large {
        static final int N = 100_000;
        double[] baseline = new double[N];
        double[] candidate = new double[N];

        @Setup
        public void setUp() {
            for (int i = 0; i < N; i++) {
                double u = i * 0.6180339887498949 % 1.0;
                double v = i * 0.7548776662466927 % 1.0;
                baseline[i] = u;
                candidate[i] = Math.min(1, Math.max(0, u - 0.01 + 0.2 * (v - 0.5)));
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
