package dev.frontier.select;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The non-dominated candidates on (production cost, quality): none is both no more expensive and no worse
 * than another while strictly better in one of the two. Candidates with unknown cost take no part.
 */
public final class ParetoFrontier {
    private ParetoFrontier() {
    }

    /**
     * A candidate's position.
     *
     * @param id      candidate id
     * @param cost    production cost per 1,000 requests in USD
     * @param quality quality in [0, 1]
     */
    public record Point(String id, double cost, double quality) {
    }

    /** The ids on the frontier, ordered by ascending cost. */
    public static List<String> of(List<Point> points) {
        List<Point> sorted = new ArrayList<>(points);
        // cheapest first; at equal cost the better one first, so that it dominates the rest
        sorted.sort(Comparator.comparingDouble(Point::cost).thenComparing(Point::quality, Comparator.reverseOrder())
                .thenComparing(Point::id));
        Set<String> frontier = new LinkedHashSet<>();
        double best = Double.NEGATIVE_INFINITY;
        Point last = null;
        for (Point p : sorted) {
            boolean tie = last != null && p.cost() == last.cost() && p.quality() == last.quality();
            if (p.quality() > best || tie) {
                frontier.add(p.id());
                best = p.quality();
                last = p;
            }
        }
        return List.copyOf(frontier);
    }
}
