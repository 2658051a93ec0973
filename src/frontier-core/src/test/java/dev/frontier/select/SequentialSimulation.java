package dev.frontier.select;

import dev.frontier.model.Cost;
import dev.frontier.stats.Bootstrap;
import dev.frontier.stats.GroupSequential;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

/**
 * Simulated suites run both ways — every item (the full run's {@link Qualification}) and in looks ({@link
 * Sequential}, then {@link Qualification} with the looks' readings, as a sequential run decides) — on the same
 * seeded paired scores. Three cheaper candidates and an incumbent; the candidates' true mean differences from the
 * incumbent are drawn per suite, and the scores come from one of three shapes seen in real suites:
 * <ul>
 *   <li>{@code binary}: exact-match accuracy 0.70–0.95 for the incumbent, candidates right on most of the same items
 *   (positively correlated, as models sharing easy items are);</li>
 *   <li>{@code likert}: a 1–5 judge grade scaled to 0, 0.25, …, 1, the candidate one grade lower on a share of items
 *   chosen to give its difference exactly;</li>
 *   <li>{@code overlap}: a ROUGE-like score in [0, 1] (Beta(4, 4)) with the candidate's own noise (SD 0.08–0.2).</li>
 * </ul>
 */
final class SequentialSimulation {

    /** The shape of the per-item scores. */
    enum Shape { BINARY, LIKERT, OVERLAP }

    /**
     * What a batch of simulated suites showed.
     *
     * @param suites             suites simulated
     * @param fullAccepted       suites where the full run accepted at least one candidate
     * @param sequentialAccepted suites where the sequential run accepted at least one candidate
     * @param falseAccepted      suites where the sequential run accepted a candidate whose true difference is at
     *                           or below −margin
     * @param fullFalseAccepted  the same for the full run
     * @param sameDecision       suites where both recommended the same candidate
     * @param calls              calls the sequential runs made
     * @param fullCalls          calls the full runs made
     */
    record Figures(int suites, int fullAccepted, int sequentialAccepted, int falseAccepted, int fullFalseAccepted,
                   int sameDecision, long calls, long fullCalls) {

        double falseAcceptance() {
            return (double) falseAccepted / suites;
        }

        double fullFalseAcceptance() {
            return (double) fullFalseAccepted / suites;
        }

        double agreement() {
            return (double) sameDecision / suites;
        }

        double callShare() {
            return (double) calls / fullCalls;
        }

        String line(String name) {
            return String.format(Locale.ROOT, "%-34s suites %5d  false acceptance %.2f %% (full run %.2f %%)  "
                    + "same decision %.2f %%  calls %.1f %% of the full runs", name, suites, 100 * falseAcceptance(),
                    100 * fullFalseAcceptance(), 100 * agreement(), 100 * callShare());
        }
    }

    static final double MARGIN = 0.05;
    private static final double[] COSTS = {0.4, 1.0, 1.6, 4.0};

    private final Sequential.Design design;
    private final int resamples;

    SequentialSimulation(Sequential.Design design, int resamples) {
        this.design = design;
        this.resamples = resamples;
    }

    /** The usual design: 4 looks, O'Brien–Fleming-type spending, futility below 10 % conditional power. */
    static Sequential.Design defaultDesign() {
        return new Sequential.Design(4, GroupSequential.Spending.OBRIEN_FLEMING, OptionalDouble.of(0.1));
    }

    /**
     * {@code suites} suites of {@code items} items; the three candidates' true differences are drawn from {@code
     * differences} (each suite picks one per candidate, uniformly), or all equal to −margin when {@code atMargin}.
     */
    Figures run(Shape shape, int suites, int items, double[] differences, boolean atMargin, long seed) {
        int fullAccepted = 0;
        int seqAccepted = 0;
        int falseAccepted = 0;
        int fullFalse = 0;
        int same = 0;
        long calls = 0;
        long fullCalls = 0;
        for (int s = 0; s < suites; s++) {
            SplittableRandom random = new SplittableRandom(seed * 1_000_003L + s);
            double[] truth = new double[3];
            for (int j = 0; j < 3; j++) {
                truth[j] = atMargin ? -MARGIN : differences[random.nextInt(differences.length)];
            }
            List<Map<String, Double>> scores = scores(shape, items, truth, random);
            Qualification.Rules rules = Qualification.Rules.of(MARGIN, 0.95)
                    .withBootstrap(resamples, 42, Bootstrap.Method.BCA);
            boolean binary = shape == Shape.BINARY;

            Qualification.Result full = Qualification.decide(candidates(scores, items, new int[] {items, items,
                    items, items}, binary), rules);
            fullCalls += 4L * items;

            Sequential.Run run = new Sequential.Run(design, rules, items, true);
            int[] seen = new int[4];
            for (int look = 1; look <= design.looks(); look++) {
                int by = design.itemsBy(look, items);
                for (int j = 0; j < 4; j++) {
                    String id = id(j);
                    boolean open = j == 3 ? !run.finished(List.of("c0", "c1", "c2", "incumbent"), "incumbent")
                            : !run.decided().containsKey(id);
                    if (open) {
                        seen[j] = by;
                    }
                }
                if (run.finished(List.of("c0", "c1", "c2", "incumbent"), "incumbent")) {
                    break;
                }
                run.look(look, candidates(scores, items, seen, binary));
            }
            for (int n : seen) {
                calls += n;
            }
            Qualification.Result sequential = Qualification.decide(candidates(scores, items, seen, binary), rules,
                    Map.of(), run.decided());

            boolean fullYes = !full.recommendation().incumbent();
            boolean seqYes = !sequential.recommendation().incumbent();
            fullAccepted += fullYes ? 1 : 0;
            seqAccepted += seqYes ? 1 : 0;
            if (acceptedAtOrBelowMargin(sequential, truth)) {
                falseAccepted++;
            }
            if (acceptedAtOrBelowMargin(full, truth)) {
                fullFalse++;
            }
            if (full.recommendation().id().equals(sequential.recommendation().id())) {
                same++;
            }
        }
        return new Figures(suites, fullAccepted, seqAccepted, falseAccepted, fullFalse, same, calls, fullCalls);
    }

    private static boolean acceptedAtOrBelowMargin(Qualification.Result result, double[] truth) {
        for (int j = 0; j < 3; j++) {
            if (truth[j] <= -MARGIN + 1e-12 && result.verdict(id(j)).map(Verdict::qualified).orElse(false)) {
                return true;
            }
        }
        return false;
    }

    private static String id(int j) {
        return j == 3 ? "incumbent" : "c" + j;
    }

    /** The candidates with the first {@code seen[j]} items of each. */
    private static List<Qualification.Candidate> candidates(List<Map<String, Double>> scores, int items, int[] seen,
                                                            boolean binary) {
        List<Qualification.Candidate> out = new ArrayList<>();
        for (int j = 0; j < 4; j++) {
            Map<String, Double> mine = new LinkedHashMap<>();
            int i = 0;
            for (Map.Entry<String, Double> e : scores.get(j).entrySet()) {
                if (i++ >= seen[j]) {
                    break;
                }
                mine.put(e.getKey(), e.getValue());
            }
            Qualification.Candidate c = Qualification.Candidate.of(id(j), j == 3,
                    Cost.usd(BigDecimal.valueOf(COSTS[j])), mine);
            out.add(binary ? c.asBinary() : c);
        }
        return out;
    }

    /** Per candidate (0–2) and the incumbent (3), a score per item, in item order. */
    private static List<Map<String, Double>> scores(Shape shape, int items, double[] truth, SplittableRandom r) {
        List<Map<String, Double>> out = new ArrayList<>();
        for (int j = 0; j < 4; j++) {
            out.add(new LinkedHashMap<>());
        }
        double accuracy = 0.70 + 0.25 * r.nextDouble();
        double noise = 0.08 + 0.12 * r.nextDouble();
        double[] grades = {0.05, 0.1, 0.2, 0.35, 0.3}; // P(grade 1..5) of the incumbent
        double meanAboveBottom = 1 - grades[0];
        for (int i = 0; i < items; i++) {
            String item = String.format(Locale.ROOT, "item-%05d", i);
            switch (shape) {
                case BINARY -> {
                    double u = r.nextDouble();
                    double inc = u < accuracy ? 1 : 0;
                    out.get(3).put(item, inc);
                    for (int j = 0; j < 3; j++) {
                        // with probability 0.7 the candidate is right exactly when the incumbent is; otherwise it
                        // draws on its own, at the rate that makes its overall accuracy accuracy + truth
                        double own = Math.max(0, Math.min(1, accuracy + truth[j] / 0.3));
                        double right = r.nextDouble() < 0.7 ? inc : (r.nextDouble() < own ? 1 : 0);
                        out.get(j).put(item, right);
                    }
                }
                case LIKERT -> {
                    int grade = grade(grades, r.nextDouble());
                    out.get(3).put(item, grade / 4.0);
                    for (int j = 0; j < 3; j++) {
                        double g = grade;
                        if (truth[j] < 0) {
                            // one grade lower with probability q on every item above the bottom: E = −0.25 q (1 − P1)
                            double q = -truth[j] / (0.25 * meanAboveBottom);
                            if (grade > 0 && r.nextDouble() < q) {
                                g = grade - 1;
                            }
                        } else if (truth[j] > 0) {
                            double q = truth[j] / (0.25 * (1 - grades[4]));
                            if (grade < 4 && r.nextDouble() < q) {
                                g = grade + 1;
                            }
                        }
                        out.get(j).put(item, g / 4.0);
                    }
                }
                case OVERLAP -> {
                    double base = beta44(r);
                    out.get(3).put(item, base);
                    for (int j = 0; j < 3; j++) {
                        out.get(j).put(item, base + truth[j] + noise * gaussian(r));
                    }
                }
            }
        }
        return out;
    }

    private static int grade(double[] p, double u) {
        double sum = 0;
        for (int g = 0; g < p.length; g++) {
            sum += p[g];
            if (u < sum) {
                return g;
            }
        }
        return p.length - 1;
    }

    /** Beta(4, 4) as the 4th of 7 uniform order statistics. */
    private static double beta44(SplittableRandom r) {
        double[] u = new double[7];
        for (int i = 0; i < 7; i++) {
            u[i] = r.nextDouble();
        }
        java.util.Arrays.sort(u);
        return u[3];
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
