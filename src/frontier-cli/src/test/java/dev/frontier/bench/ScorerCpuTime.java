package dev.frontier.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import org.openjdk.jmh.infra.Blackhole;

/**
 * {@link ScorerBench}'s benchmarks timed by the calling thread's CPU time instead of the wall clock, for a machine
 * shared with other work, where JMH's wall-clock figures swing with the load: each benchmark is warmed up, then run
 * five times for 0.4 s of CPU, and the best rate is printed in items per second. JMH stays the reference; this is
 * the figure that does not count the time other processes held the core.
 * {@code java -cp ... dev.frontier.bench.ScorerCpuTime rouge1 rouge2 ...} (no names: all of them).
 */
public final class ScorerCpuTime {
    private static final String[] ALL = {"rouge1", "rouge2", "rougeL", "rougeLsum", "rouge12L", "tokenF1",
            "bleu1Ref", "bleu11Refs", "exactMatch"};

    private ScorerCpuTime() {
    }

    public static void main(String[] args) throws Exception {
        ScorerBench bench = new ScorerBench();
        bench.setUp();
        Blackhole sink = new Blackhole(
                "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (String name : args.length == 0 ? ALL : args) {
            Method benchmark = ScorerBench.class.getMethod(name, Blackhole.class);
            for (int i = 0; i < 300; i++) {
                benchmark.invoke(bench, sink);
            }
            double best = 0;
            for (int round = 0; round < 5; round++) {
                long start = threads.getCurrentThreadCpuTime();
                long end = start;
                int ops = 0;
                while (end - start < 400_000_000L) {
                    benchmark.invoke(bench, sink);
                    ops++;
                    end = threads.getCurrentThreadCpuTime();
                }
                best = Math.max(best, ops * (double) ScorerBench.ITEMS / ((end - start) / 1e9));
            }
            System.out.printf("%-12s %,10.0f items/s%n", name, best);
        }
    }
}
