package dev.frontier.bench;

import dev.frontier.select.ParetoFrontier;
import dev.frontier.stats.Bootstrap;
import dev.frontier.stats.Interval;
import java.util.ArrayList;
import java.util.List;
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

/** The per-candidate statistics of a run: the bootstrap CI of a mean, and the Pareto frontier. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class StatsBench {

    @Param({"100", "1000", "10000"})
    int items;

    double[] scores;
    List<ParetoFrontier.Point> points;
    final Bootstrap bootstrap = new Bootstrap(2000, 42, 0.95);

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(7);
        scores = new double[items];
        for (int i = 0; i < items; i++) {
            scores[i] = random.nextDouble();
        }
        points = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            points.add(new ParetoFrontier.Point("c" + i, random.nextDouble() * 10, random.nextDouble()));
        }
    }

    @Benchmark
    public Interval bootstrapMean2000Resamples() {
        return bootstrap.mean(scores).orElseThrow();
    }

    @Benchmark
    public List<String> paretoOf30Candidates() {
        return ParetoFrontier.of(points);
    }
}
