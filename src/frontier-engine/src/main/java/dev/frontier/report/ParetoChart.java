package dev.frontier.report;

import dev.frontier.results.RunResult;
import dev.frontier.results.RunResult.CandidateResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;

/**
 * Geometry of the cost-vs-quality chart, computed here so that the template only draws: a log-scale cost axis,
 * a linear quality axis, one point per candidate with known cost and quality, CI whiskers, the frontier line and
 * labels placed where they collide with nothing (a label that fits nowhere is left out; the point keeps its
 * tooltip and the candidates table carries every figure).
 *
 * @param width        SVG width
 * @param height       SVG height
 * @param plot         the plotting area
 * @param points       one per plotted candidate, in suite order
 * @param xTicks       cost-axis ticks
 * @param yTicks       quality-axis ticks
 * @param frontier     polyline points of the frontier, "x,y x,y ...", empty with fewer than two frontier points
 * @param omitted      candidates not plotted, with the reason
 * @param hiddenLabels how many points have no label because there was no room
 * @param summary      the chart in words, for its text alternative
 * @param routes       routing policies of the run's routing analysis (the oracle, cascades, learned routers), as
 *                     diamonds without labels; empty when the run has none
 * @param routeFrontier polyline of the frontier of single models and routing policies together; empty without
 *                     routing or when it is the single models' frontier
 */
public record ParetoChart(int width, int height, Box plot, List<Point> points, List<Tick> xTicks, List<Tick> yTicks,
                          String frontier, List<String> omitted, int hiddenLabels, String summary,
                          List<RoutePoint> routes, String routeFrontier) {

    static final int WIDTH = 720;
    static final int HEIGHT = 400;
    static final int LEFT = 52;
    static final int RIGHT = 14;
    static final int TOP = 12;
    static final int BOTTOM = 44;
    /** Estimated advance of one character at the labels' 11px size. */
    static final double CHAR_WIDTH = 6.4;
    static final double LABEL_HEIGHT = 13;
    static final int MAX_LABEL_CHARS = 24;

    /**
     * One candidate's mark.
     *
     * @param id          candidate id
     * @param x           centre
     * @param y           centre (mean quality)
     * @param yLow        whisker end at the interval's lower bound
     * @param yHigh       whisker end at the interval's upper bound
     * @param onFrontier  on the Pareto frontier
     * @param incumbent   the production model
     * @param recommended the verdict's recommendation
     * @param label       the label text; empty when hidden for lack of room
     * @param labelX      label anchor x
     * @param labelY      label baseline y
     * @param anchor      SVG text-anchor of the label
     * @param tooltip     every figure of the point, one per line
     */
    public record Point(String id, double x, double y, double yLow, double yHigh, boolean onFrontier,
                        boolean incumbent, boolean recommended, String label, double labelX, double labelY,
                        String anchor, String tooltip) {

        /** The marker's fill colour. */
        public String fill() {
            return incumbent ? "#1f6feb" : recommended ? "#bf5700" : onFrontier ? "#1a7f37" : "#8c959f";
        }
    }

    /**
     * A routing policy's mark.
     *
     * @param id         policy id
     * @param x          centre
     * @param y          centre (mean quality)
     * @param oracle     the oracle bound (drawn hollow: no router reaches it)
     * @param best       the routing recommendation
     * @param onFrontier on the frontier of single models and policies together
     * @param tooltip    its figures, one per line
     */
    public record RoutePoint(String id, double x, double y, boolean oracle, boolean best, boolean onFrontier,
                             String tooltip) {

        /** The marker's colour. */
        public String fill() {
            return best ? "#bf5700" : oracle ? "#ffffff" : "#8250df";
        }
    }

    /** An axis tick at {@code position} (pixels) with its label. */
    public record Tick(double position, String label) {
    }

    /** A rectangle in SVG coordinates. */
    public record Box(double left, double top, double right, double bottom) {
        boolean overlaps(Box o) {
            return left < o.right && o.left < right && top < o.bottom && o.top < bottom;
        }

        boolean inside(Box o) {
            return left >= o.left && right <= o.right && top >= o.top && bottom <= o.bottom;
        }

        /** Width, for the template. */
        public double width() {
            return right - left;
        }

        /** Height, for the template. */
        public double height() {
            return bottom - top;
        }
    }

    static ParetoChart of(RunResult result, Verdict verdict) {
        List<CandidateResult> plotted = new ArrayList<>();
        List<String> omitted = new ArrayList<>();
        for (CandidateResult c : result.candidates()) {
            if (c.costPer1k().isEmpty() || Known.cost(c).signum() <= 0) {
                omitted.add(c.id() + " (cost unknown" + (c.costUnknown().isEmpty() ? "" : ": " + c.costUnknown())
                        + ")");
            } else if (c.quality().isEmpty()
                    || !finite(Known.quality(c).mean(), Known.quality(c).lower(), Known.quality(c).upper())) {
                omitted.add(c.id() + " (no quality figure)");
            } else {
                plotted.add(c);
            }
        }
        Box plot = new Box(LEFT, TOP, WIDTH - RIGHT, HEIGHT - BOTTOM);
        List<RunResult.RoutePolicy> routed = result.routing().map(r -> r.policies().stream()
                .filter(p -> !p.kind().equals("single") && p.costPer1k() != null && p.costPer1k().signum() > 0
                        && finite(p.quality().mean(), p.quality().lower(), p.quality().upper()))
                .toList()).orElse(List.of());

        // cost axis: log10, padded so that no point sits on the frame, at least half a decade wide
        double lmin = Math.min(plotted.stream().mapToDouble(c -> Math.log10(Known.cost(c).doubleValue())).min()
                .orElse(-2), routed.stream().mapToDouble(p -> Math.log10(p.costPer1k().doubleValue())).min()
                .orElse(Double.POSITIVE_INFINITY));
        double lmax = Math.max(plotted.stream().mapToDouble(c -> Math.log10(Known.cost(c).doubleValue())).max()
                .orElse(0), routed.stream().mapToDouble(p -> Math.log10(p.costPer1k().doubleValue())).max()
                .orElse(Double.NEGATIVE_INFINITY));
        double pad = Math.max(0.12, (lmax - lmin) * 0.06);
        double lo = lmin - pad;
        double hi = lmax + pad;
        if (hi - lo < 0.6) {
            double mid = (hi + lo) / 2;
            lo = mid - 0.3;
            hi = mid + 0.3;
        }
        final double xl = lo;
        final double xh = hi;
        DoubleUnaryOperator x = v -> plot.left() + (Math.log10(v) - xl) / (xh - xl) * plot.width();

        // quality axis: linear over the intervals, on a "nice" step
        double qMin = Math.min(plotted.stream().mapToDouble(c -> Known.quality(c).lower()).min().orElse(0),
                routed.stream().mapToDouble(p -> p.quality().mean()).min().orElse(Double.POSITIVE_INFINITY));
        double qMax = Math.max(plotted.stream().mapToDouble(c -> Known.quality(c).upper()).max().orElse(1),
                routed.stream().mapToDouble(p -> p.quality().mean()).max().orElse(Double.NEGATIVE_INFINITY));
        double step = niceStep(Math.max(qMax - qMin, 0.02));
        // a quarter step of room so that no mean or whisker end sits on the frame, unless it is at 0 or 1
        double yLo = Math.max(Math.min(0, qMin), Math.floor((qMin - step / 4) / step + 1e-9) * step);
        double yHi = Math.min(Math.max(1, qMax), Math.ceil((qMax + step / 4) / step - 1e-9) * step);
        final double yl = yLo;
        final double yh = yHi;
        DoubleUnaryOperator y = v -> plot.top() + (1 - (v - yl) / (yh - yl)) * plot.height();

        List<Tick> xTicks = costTicks(lo, hi, x);
        List<Tick> yTicks = new ArrayList<>();
        int decimals = step >= 0.1 ? 1 : step >= 0.01 ? 2 : 3;
        for (int i = 0; yLo + i * step <= yHi + step / 1000; i++) {
            double v = yLo + i * step;
            yTicks.add(new Tick(r(y.applyAsDouble(v)), String.format(Locale.ROOT, "%." + decimals + "f", v)));
        }

        String confidence = Formats.pct(result.provenance().confidence());
        List<Draft> drafts = new ArrayList<>();
        for (CandidateResult c : plotted) {
            boolean recommended = c.id().equals(verdict.recommendationId());
            drafts.add(new Draft(c, r(x.applyAsDouble(Known.cost(c).doubleValue())),
                    r(y.applyAsDouble(Known.quality(c).mean())), r(y.applyAsDouble(Known.quality(c).lower())),
                    r(y.applyAsDouble(Known.quality(c).upper())), recommended, tooltip(c, recommended, confidence,
                    result.traffic())));
        }
        int hidden = placeLabels(drafts, plot);

        List<Point> points = drafts.stream().map(Draft::point).toList();
        StringBuilder line = new StringBuilder();
        List<Point> onFrontier = points.stream().filter(Point::onFrontier)
                .sorted(Comparator.comparingDouble(Point::x).thenComparing(Point::y, Comparator.reverseOrder()))
                .toList();
        if (onFrontier.size() > 1) {
            onFrontier.forEach(p -> line.append(p.x()).append(',').append(p.y()).append(' '));
        }
        List<RoutePoint> routes = new ArrayList<>();
        Optional<RunResult.Routing> routing = result.routing();
        for (RunResult.RoutePolicy p : routed) {
            RunResult.Routing r = routing.orElseThrow();
            routes.add(new RoutePoint(p.id(), r(x.applyAsDouble(p.costPer1k().doubleValue())),
                    r(y.applyAsDouble(p.quality().mean())), p.kind().equals("oracle"), r.best().filter(p.id()::equals)
                    .isPresent(), r.frontier().contains(p.id()), routeTooltip(p, result.traffic())));
        }
        String routeFrontier = "";
        if (!routes.isEmpty() && routes.stream().anyMatch(RoutePoint::onFrontier)) {
            List<double[]> xy = new ArrayList<>();
            routes.stream().filter(RoutePoint::onFrontier).forEach(p -> xy.add(new double[] {p.x(), p.y()}));
            points.stream().filter(p -> routing.orElseThrow().frontier().contains(p.id()))
                    .forEach(p -> xy.add(new double[] {p.x(), p.y()}));
            xy.sort(Comparator.comparingDouble((double[] a) -> a[0]));
            if (xy.size() > 1) {
                StringBuilder b = new StringBuilder();
                xy.forEach(a -> b.append(a[0]).append(',').append(a[1]).append(' '));
                routeFrontier = b.toString().trim();
            }
        }
        return new ParetoChart(WIDTH, HEIGHT, plot, points, xTicks, yTicks, line.toString().trim(), omitted, hidden,
                summary(result, plotted, verdict, omitted), routes, routeFrontier);
    }

    private static String routeTooltip(RunResult.RoutePolicy p, long traffic) {
        StringBuilder t = new StringBuilder(p.id()).append(" (").append(p.kind()).append(")\n")
                .append(p.description()).append("\nquality ")
                .append(String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", p.quality().mean(), p.quality().lower(),
                        p.quality().upper()))
                .append("\ncost: $").append(Formats.money(p.costPer1k())).append(" per 1,000 requests");
        if (p.monthlyCost() != null && traffic > 0) {
            t.append(" · $").append(Formats.monthly(p.monthlyCost())).append(" per month");
        }
        if (p.difference() != null) {
            t.append(String.format(Locale.ROOT, "\ndifference %+.3f [%+.3f, %+.3f]", p.difference(),
                    p.differenceLower(), p.differenceUpper()));
        }
        t.append("\n").append(p.verdict().replace('-', ' '));
        return t.toString();
    }

    /** A point while its label is being placed. */
    private static final class Draft {
        final CandidateResult c;
        final double x;
        final double y;
        final double yLow;
        final double yHigh;
        final boolean recommended;
        final String tooltip;
        String label = "";
        double labelX;
        double labelY;
        String anchor = "start";

        Draft(CandidateResult c, double x, double y, double yLow, double yHigh, boolean recommended,
              String tooltip) {
            this.c = c;
            this.x = x;
            this.y = y;
            this.yLow = yLow;
            this.yHigh = yHigh;
            this.recommended = recommended;
            this.tooltip = tooltip;
        }

        int priority() {
            return c.incumbent() ? 0 : recommended ? 1 : c.onFrontier() ? 2 : 3;
        }

        double radius() {
            return recommended ? 12 : c.incumbent() ? 8 : 7;
        }

        Box marker() {
            double r = radius();
            return new Box(x - r, y - r, x + r, y + r);
        }

        Box whisker() {
            return new Box(x - 4, Math.min(yHigh, y), x + 4, Math.max(yLow, y));
        }

        Point point() {
            return new Point(c.id(), x, y, yLow, yHigh, c.onFrontier(), c.incumbent(), recommended, label,
                    labelX, labelY, anchor, tooltip);
        }
    }

    /**
     * Places labels greedily, most important first (incumbent, recommendation, frontier, rest; cheaper first), at
     * the first of eight positions around the point whose box stays in the chart and overlaps no marker, whisker
     * or earlier label; positions that also keep clear of the frontier line are tried first.
     *
     * @return how many labels found no room
     */
    private static int placeLabels(List<Draft> drafts, Box plot) {
        Box area = new Box(plot.left() + 2, 2, WIDTH - 2, plot.bottom() - 2);
        List<Box> taken = new ArrayList<>();
        for (Draft d : drafts) {
            taken.add(d.marker());
            taken.add(d.whisker());
        }
        List<double[]> line = new ArrayList<>();
        List<Draft> front = drafts.stream().filter(d -> d.c.onFrontier())
                .sorted(Comparator.comparingDouble(d -> d.x)).toList();
        for (int i = 1; i < front.size(); i++) {
            line.add(new double[] {front.get(i - 1).x, front.get(i - 1).y, front.get(i).x, front.get(i).y});
        }
        List<Draft> order = new ArrayList<>(drafts);
        order.sort(Comparator.comparingInt(Draft::priority).thenComparingDouble(d -> d.x));
        int hidden = 0;
        for (Draft d : order) {
            String plain = shorten(d.c.id());
            List<String> texts = d.c.incumbent() ? List.of(plain + " (incumbent)", plain)
                    : d.recommended ? List.of(plain + " (recommended)", plain) : List.of(plain);
            boolean placed = false;
            for (int pass = 0; pass < 2 && !placed; pass++) {
                for (String text : texts) {
                    placed = tryPlace(d, text, area, taken, pass == 0 ? line : List.of());
                    if (placed) {
                        break;
                    }
                }
            }
            if (!placed) {
                hidden++;
            }
        }
        return hidden;
    }

    private static boolean tryPlace(Draft d, String text, Box area, List<Box> taken, List<double[]> line) {
        double w = text.length() * CHAR_WIDTH;
        double gap = d.radius() + 3;
        for (int pos = 0; pos < 8; pos++) {
            double[] at = position(pos, d.x, d.y, gap);
            double left = at[2] == 0 ? at[0] : at[2] == 1 ? at[0] - w : at[0] - w / 2;
            Box box = new Box(left, at[1] - LABEL_HEIGHT + 3, left + w, at[1] + 3);
            if (!box.inside(area) || collides(box, taken, d) || crosses(box, line)) {
                continue;
            }
            taken.add(box);
            d.label = text;
            d.labelX = r(at[0]);
            d.labelY = r(at[1]);
            d.anchor = at[2] == 0 ? "start" : at[2] == 1 ? "end" : "middle";
            return true;
        }
        return false;
    }

    /** Anchor x, baseline y and anchor kind (0 start, 1 end, 2 middle) of label position {@code pos}. */
    private static double[] position(int pos, double x, double y, double gap) {
        double diagonal = gap * 0.75;
        return switch (pos) {
            case 0 -> new double[] {x + gap, y + 4, 0};
            case 1 -> new double[] {x - gap, y + 4, 1};
            case 2 -> new double[] {x + diagonal, y - diagonal - 2, 0};
            case 3 -> new double[] {x + diagonal, y + diagonal + 9, 0};
            case 4 -> new double[] {x - diagonal, y - diagonal - 2, 1};
            case 5 -> new double[] {x - diagonal, y + diagonal + 9, 1};
            case 6 -> new double[] {x, y - gap - 2, 2};
            default -> new double[] {x, y + gap + 10, 2};
        };
    }

    private static boolean collides(Box box, List<Box> taken, Draft self) {
        Box own = self.marker();
        for (Box t : taken) {
            if (!t.equals(own) && box.overlaps(t)) {
                return true;
            }
        }
        return false;
    }

    /** Whether any segment {x1, y1, x2, y2} passes through the box (Liang–Barsky clipping). */
    static boolean crosses(Box box, List<double[]> segments) {
        for (double[] s : segments) {
            double dx = s[2] - s[0];
            double dy = s[3] - s[1];
            double[] p = {-dx, dx, -dy, dy};
            double[] q = {s[0] - box.left(), box.right() - s[0], s[1] - box.top(), box.bottom() - s[1]};
            double t0 = 0;
            double t1 = 1;
            boolean outside = false;
            for (int i = 0; i < 4 && !outside; i++) {
                if (p[i] == 0) {
                    outside = q[i] < 0;
                } else {
                    double t = q[i] / p[i];
                    if (p[i] < 0) {
                        t0 = Math.max(t0, t);
                    } else {
                        t1 = Math.min(t1, t);
                    }
                    outside = t0 > t1;
                }
            }
            if (!outside) {
                return true;
            }
        }
        return false;
    }

    private static String shorten(String id) {
        return id.length() <= MAX_LABEL_CHARS ? id : id.substring(0, MAX_LABEL_CHARS - 1) + "…";
    }

    /** The smallest of 1, 2, 2.5, 5 × 10^k that divides {@code range} into at most six steps. */
    static double niceStep(double range) {
        double base = Math.pow(10, Math.floor(Math.log10(range / 6)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (range / (m * base) <= 6) {
                return m * base;
            }
        }
        return 10 * base;
    }

    /** Decades, with 2 and 5 in between when the axis spans at most about two and a half decades. */
    private static List<Tick> costTicks(double lo, double hi, DoubleUnaryOperator x) {
        double[] mantissas = hi - lo <= 2.6 ? new double[] {1, 2, 5} : new double[] {1};
        int every = (int) Math.ceil((hi - lo) / 8); // at most about eight labelled decades
        List<Tick> ticks = new ArrayList<>();
        for (int e = (int) Math.floor(lo); e <= (int) Math.ceil(hi); e++) {
            for (double m : mantissas) {
                double v = m * Math.pow(10, e);
                double lv = Math.log10(v);
                if (lv >= lo && lv <= hi) {
                    boolean labelled = m != 1 || Math.floorMod(e, every) == 0;
                    ticks.add(new Tick(r(x.applyAsDouble(v)), labelled ? "$" + Formats.plain(
                            Double.parseDouble(String.format(Locale.ROOT, "%.1e", v))) : ""));
                }
            }
        }
        return ticks;
    }

    private static String tooltip(CandidateResult c, boolean recommended, String confidence, long traffic) {
        List<String> roles = new ArrayList<>();
        if (c.incumbent()) {
            roles.add("incumbent");
        }
        if (recommended) {
            roles.add("recommended");
        }
        if (c.onFrontier()) {
            roles.add("on the Pareto frontier");
        }
        String monthly = c.monthlyCost().map(m -> String.format(Locale.ROOT, " · $%s per month at %,d requests",
                Formats.monthly(m), traffic)).orElse("");
        return String.join("\n",
                c.id() + " — " + c.modelName() + " (" + c.model() + ")"
                        + (roles.isEmpty() ? "" : "\n" + String.join(" · ", roles)),
                "cost: $" + Formats.money(Known.cost(c)) + " per 1,000 requests" + monthly,
                String.format(Locale.ROOT, "quality: %s, %s interval [%s, %s]",
                        Formats.score(Known.quality(c).mean()), confidence, Formats.score(Known.quality(c).lower()),
                        Formats.score(Known.quality(c).upper())),
                "latency p50 / p95: " + Formats.ms(Known.orNull(c.latencyP50Ms())) + " / "
                        + Formats.ms(Known.orNull(c.latencyP95Ms())) + " ms",
                String.format(Locale.ROOT, "tokens per call in / out: %.0f / %.0f", c.meanInputTokens(),
                        c.meanOutputTokens()));
    }

    private static String summary(RunResult result, List<CandidateResult> plotted, Verdict verdict,
                                  List<String> omitted) {
        StringBuilder s = new StringBuilder();
        s.append("Production cost per 1,000 requests (log scale) against quality for ").append(plotted.size())
                .append(plotted.size() == 1 ? " candidate" : " candidates").append('.');
        List<String> frontier = plotted.stream().filter(CandidateResult::onFrontier)
                .sorted(Comparator.comparing(Known::cost))
                .map(c -> c.id() + " ($" + Formats.money(Known.cost(c)) + ", "
                        + Formats.score(Known.quality(c).mean()) + ")")
                .toList();
        if (!frontier.isEmpty()) {
            s.append(" Pareto frontier from cheapest: ").append(String.join(", ", frontier)).append('.');
        }
        if (verdict.incumbentId() != null) {
            s.append(" Incumbent: ").append(verdict.incumbentId()).append('.');
        }
        if (verdict.recommendationId() != null) {
            s.append(" Recommended: ").append(verdict.recommendationId()).append('.');
        }
        if (!omitted.isEmpty()) {
            s.append(" Not plotted: ").append(String.join("; ", omitted)).append('.');
        }
        s.append(" Every figure is also in the candidates table.");
        return s.toString();
    }

    private static boolean finite(double... values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    private static double r(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
