package dev.frontier.route;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/** Builders of routing data for the tests. */
final class Runs {
    private Runs() {
    }

    static List<String> items(int n) {
        return IntStream.range(0, n).mapToObj(i -> "item-" + i).toList();
    }

    static Arm arm(String id, double[] quality, double costEach, Signal... signals) {
        double[] cost = new double[quality.length];
        java.util.Arrays.fill(cost, costEach);
        return arm(id, quality, cost, signals);
    }

    static Arm arm(String id, double[] quality, double[] cost, Signal... signals) {
        Map<String, Signal> byName = new LinkedHashMap<>();
        for (Signal s : signals) {
            byName.put(s.name(), s);
        }
        return new Arm(id, "model-" + id, quality, cost, byName);
    }

    static double gaussian(SplittableRandom random) {
        // Box–Muller, one value
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    static double clamp(double q) {
        return Math.max(0, Math.min(1, q));
    }

    static double[] fill(int n, double value) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, value);
        return a;
    }
}
