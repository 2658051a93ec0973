package dev.frontier.bench;

import dev.frontier.cost.CacheReplay;
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
 * Replaying a traffic profile's arrivals, as a run does once per candidate: the prompt cache on the system-prompt
 * key (three system prompts) and the client cache on the prompt key (a fifth of the requests repeat one of the
 * last thousand prompts) with 10,000 entries. Arrivals at 46 a minute on average (2,000,000 a month), exponential
 * gaps: 460,000 is a week.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CacheReplayBench {

    @Param({"100000", "460000"})
    int arrivals;

    long[] times;
    int[] prefixes;
    int[] prompts;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(7);
        times = new long[arrivals];
        prefixes = new int[arrivals];
        prompts = new int[arrivals];
        long now = 1_794_816_000_000L;
        int distinct = 0;
        for (int i = 0; i < arrivals; i++) {
            now += (long) (-Math.log(1 - random.nextDouble()) * 60_000 / 46);
            times[i] = now;
            prefixes[i] = random.nextInt(3);
            prompts[i] = i > 0 && random.nextDouble() < 0.2 ? prompts[Math.max(0, i - 1 - random.nextInt(1000))]
                    : distinct++;
        }
    }

    @Benchmark
    public CacheReplay.Rate promptCacheFiveMinutes() {
        return CacheReplay.promptCache(times, prefixes, CacheReplay.FIVE_MINUTES_MS, 2048, 1024);
    }

    @Benchmark
    public CacheReplay.Rate clientCacheOneHour() {
        return CacheReplay.clientCache(times, prompts, CacheReplay.ONE_HOUR_MS, 10_000);
    }
}
