package dev.frontier.select;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontier.stats.GroupSequential;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * The sequential rule's error rates and savings on simulated suites ({@link SequentialSimulation}), at a small size;
 * {@code -Dfrontier.simulation.suites=N} runs N suites per case and prints the figures (BENCHMARKS.md, "Sequential
 * runs"). Bounds are the targets plus about two Monte Carlo standard errors at the small size.
 */
class SequentialSimulationTest {

    private static final int SUITES = Integer.getInteger("frontier.simulation.suites", 60);
    private static final int RESAMPLES = Integer.getInteger("frontier.simulation.resamples", 500);
    /** True differences of the candidates, from clearly worse to slightly better. */
    private static final double[] MIX = {-0.15, -0.1, -0.05, -0.02, 0, 0.02};

    private static final String SHAPES = System.getProperty("frontier.simulation.shapes", "binary,likert,overlap");

    private final SequentialSimulation simulation = new SequentialSimulation(design(), RESAMPLES);

    /** The default design, or the one {@code -Dfrontier.simulation.design=looks,spending,futility|none} names. */
    private static Sequential.Design design() {
        String d = System.getProperty("frontier.simulation.design");
        if (d == null) {
            return SequentialSimulation.defaultDesign();
        }
        String[] p = d.split(",");
        return new Sequential.Design(Integer.parseInt(p[0]), GroupSequential.Spending.valueOf(p[1]),
                p[2].equals("none") ? OptionalDouble.empty() : OptionalDouble.of(Double.parseDouble(p[2])));
    }

    private static List<SequentialSimulation.Shape> shapes() {
        return Arrays.stream(SHAPES.split(",")).map(x -> SequentialSimulation.Shape.valueOf(
                x.trim().toUpperCase(Locale.ROOT))).toList();
    }

    @Test
    void atTheMarginTheSequentialRunAcceptsNoMoreOftenThanAlpha() {
        for (SequentialSimulation.Shape shape : shapes()) {
            SequentialSimulation.Figures f = simulation.run(shape, SUITES, 400, MIX, true, 11);
            System.out.println(f.line("at the margin, " + shape.name().toLowerCase() + ", 400 items"));
            // α = 5 %: with 60 suites the standard error is 2.8 %; the seeds are fixed, so the figures are too
            assertThat(f.falseAcceptance()).as(shape + " false acceptance").isLessThanOrEqualTo(0.10);
        }
    }

    @Test
    void theSequentialRunDecidesAsTheFullRunAndCallsLess() {
        for (SequentialSimulation.Shape shape : shapes()) {
            SequentialSimulation.Figures f = simulation.run(shape, SUITES, 400, MIX, false, 23);
            System.out.println(f.line("mixed differences, " + shape.name().toLowerCase() + ", 400 items"));
            assertThat(f.agreement()).as(shape + " same decision").isGreaterThanOrEqualTo(0.93);
            assertThat(f.callShare()).as(shape + " calls").isLessThan(0.9);
            assertThat(f.falseAcceptance()).as(shape + " false acceptance").isLessThanOrEqualTo(0.10);
        }
    }
}
