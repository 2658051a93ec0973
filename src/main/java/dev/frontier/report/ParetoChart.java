package dev.frontier.report;

import dev.frontier.store.RunResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Geometry of the cost-vs-quality chart, computed here so that the template only draws: a log-scale cost axis,
 * a linear quality axis, one point per candidate with known cost and quality, CI whiskers and the frontier line.
 *
 * @param width   SVG width
 * @param height  SVG height
 * @param points  one per plotted candidate
 * @param xTicks  cost-axis ticks
 * @param yTicks  quality-axis ticks
 * @param frontier polyline points of the frontier, "x,y x,y ..."
 * @param omitted candidates not plotted, with the reason
 */
public record ParetoChart(int width, int height, List<Point> points, List<Tick> xTicks, List<Tick> yTicks,
                          String frontier, List<String> omitted) {

    static final int WIDTH = 760;
    static final int HEIGHT = 420;
    static final int LEFT = 64;
    static final int RIGHT = 24;
    static final int TOP = 20;
    static final int BOTTOM = 52;

    /** One candidate's mark. */
    public record Point(String id, double x, double y, double yLow, double yHigh, boolean onFrontier,
                        boolean incumbent, String label, String tooltip, double labelX, String anchor) {
    }

    /** An axis tick at {@code position} (pixels) with its label. */
    public record Tick(double position, String label) {
    }

    static ParetoChart of(RunResult result) {
        List<RunResult.CandidateResult> plotted = new ArrayList<>();
        List<String> omitted = new ArrayList<>();
        for (RunResult.CandidateResult c : result.candidates()) {
            if (c.costPer1k() == null || c.costPer1k().signum() <= 0) {
                omitted.add(c.id() + " (cost unknown" + (c.costUnknown().isEmpty() ? "" : ": " + c.costUnknown()) + ")");
            } else if (c.quality() == null) {
                omitted.add(c.id() + " (no quality figure)");
            } else {
                plotted.add(c);
            }
        }
        double minCost = plotted.stream().mapToDouble(c -> c.costPer1k().doubleValue()).min().orElse(0.01);
        double maxCost = plotted.stream().mapToDouble(c -> c.costPer1k().doubleValue()).max().orElse(1);
        double lo = Math.floor(Math.log10(minCost));
        double hi = Math.ceil(Math.log10(maxCost));
        if (hi <= lo) {
            hi = lo + 1;
        }
        double qMin = plotted.stream().mapToDouble(c -> c.quality().lower()).min().orElse(0);
        double qMax = plotted.stream().mapToDouble(c -> c.quality().upper()).max().orElse(1);
        double yLo = Math.max(0, Math.floor(qMin * 10 - 0.5) / 10);
        double yHi = Math.min(1, Math.ceil(qMax * 10 + 0.5) / 10);
        if (yHi - yLo < 0.2) {
            yLo = Math.max(0, yHi - 0.2);
        }
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        final double xl = lo;
        final double xh = hi;
        final double yl = yLo;
        final double yh = yHi;
        java.util.function.DoubleUnaryOperator x = v -> LEFT + (Math.log10(v) - xl) / (xh - xl) * plotW;
        java.util.function.DoubleUnaryOperator y = v -> TOP + (1 - (v - yl) / (yh - yl)) * plotH;

        List<Point> points = new ArrayList<>();
        for (RunResult.CandidateResult c : plotted) {
            double px = x.applyAsDouble(c.costPer1k().doubleValue());
            String tooltip = String.format(Locale.ROOT, "%s (%s)%ncost per 1k requests: $%s%nquality: %.3f [%.3f, %.3f]"
                            + "%nlatency p50/p95: %s / %s ms%ntokens in/out per call: %.0f / %.0f",
                    c.id(), c.model(), Formats.money(c.costPer1k()), c.quality().mean(), c.quality().lower(),
                    c.quality().upper(), Formats.ms(c.latencyP50Ms()), Formats.ms(c.latencyP95Ms()),
                    c.meanInputTokens(), c.meanOutputTokens());
            boolean right = px > LEFT + plotW * 0.8;
            points.add(new Point(c.id(), r(px), r(y.applyAsDouble(c.quality().mean())),
                    r(y.applyAsDouble(c.quality().lower())), r(y.applyAsDouble(c.quality().upper())), c.onFrontier(),
                    c.incumbent(), c.id() + (c.incumbent() ? " (incumbent)" : ""), tooltip,
                    r(right ? px - 8 : px + 8), right ? "end" : "start"));
        }
        List<Tick> xTicks = new ArrayList<>();
        for (int e = (int) lo; e <= (int) hi; e++) {
            double v = Math.pow(10, e);
            xTicks.add(new Tick(r(x.applyAsDouble(v)), "$" + Formats.plain(v)));
        }
        List<Tick> yTicks = new ArrayList<>();
        for (int i = 0; i <= 4; i++) {
            double v = yLo + (yHi - yLo) * i / 4;
            yTicks.add(new Tick(r(y.applyAsDouble(v)), String.format(Locale.ROOT, "%.2f", v)));
        }
        StringBuilder line = new StringBuilder();
        points.stream().filter(Point::onFrontier).sorted(Comparator.comparingDouble(Point::x))
                .forEach(p -> line.append(p.x()).append(',').append(p.y()).append(' '));
        return new ParetoChart(WIDTH, HEIGHT, points, xTicks, yTicks, line.toString().trim(), omitted);
    }

    private static double r(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
