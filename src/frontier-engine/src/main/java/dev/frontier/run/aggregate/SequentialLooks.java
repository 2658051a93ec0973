package dev.frontier.run.aggregate;

import dev.frontier.config.CandidateSpec;
import dev.frontier.config.SuiteSpec;
import dev.frontier.model.Item;
import dev.frontier.results.RunResult;
import dev.frontier.run.flow.Answer;
import dev.frontier.run.flow.AnswerTable;
import dev.frontier.run.prepare.PreparedSuite;
import dev.frontier.select.Qualification;
import dev.frontier.select.Sequential;
import dev.frontier.stats.Bootstrap;
import dev.frontier.stats.GroupSequential;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * The looks of a sequential run ({@code execution.sequential}): the items' seeded order and stages, and after each
 * stage the candidates' figures on the items seen so far handed to {@link Sequential}, which says who is decided.
 * What the looks decided becomes the run's {@code sequential} section and the readings its decision is made with.
 */
public final class SequentialLooks {

    private final PreparedSuite prepared;
    private final Sequential.Run run;
    private final List<Item> order;
    private final int[] stageEnds;
    private final long seed;
    private final List<RunResult.SequentialLook> history = new ArrayList<>();
    private final Map<String, Integer> lastLook = new LinkedHashMap<>();
    private final Map<String, RunResult.CandidateResult> frozen = new LinkedHashMap<>();

    private SequentialLooks(PreparedSuite prepared, Sequential.Run run, List<Item> order, int[] stageEnds,
                            long seed) {
        this.prepared = prepared;
        this.run = run;
        this.order = order;
        this.stageEnds = stageEnds;
        this.seed = seed;
    }

    /** The looks of {@code prepared}'s run; empty when the suite is not sequential. */
    public static Optional<SequentialLooks> of(PreparedSuite prepared) {
        SuiteSpec suite = prepared.suite();
        if (suite.execution().sequential().isEmpty()) {
            return Optional.empty();
        }
        SuiteSpec.SequentialSpec spec = suite.execution().sequential().get();
        Sequential.Design design = new Sequential.Design(spec.looks(),
                GroupSequential.Spending.valueOf(spec.spending().name()), spec.futility());
        List<Item> items = prepared.dataset().items();
        long seed = suite.statistics().seed();
        List<Item> order = new ArrayList<>(items);
        Collections.shuffle(order, new Random(seed));
        int[] ends = new int[design.looks()];
        for (int k = 1; k <= design.looks(); k++) {
            ends[k - 1] = design.itemsBy(k, items.size());
        }
        Qualification.Rules rules = Decisions.rules(Decisions.Basis.of(suite));
        // with slices an accepted candidate may still fail one, so the dearer ones go on
        Sequential.Run run = new Sequential.Run(design, rules, items.size(), suite.slices().isEmpty());
        return Optional.of(new SequentialLooks(prepared, run, List.copyOf(order), ends, seed));
    }

    /** The items in the order the stages take them. */
    public List<Item> order() {
        return order;
    }

    /** Items seen by each look. */
    public int[] stageEnds() {
        return stageEnds.clone();
    }

    /** What the looks decided so far, by candidate id. */
    public Map<String, Sequential.Reading> readings() {
        return run.decided();
    }

    /**
     * Looks at the answers after stage {@code look}: the candidates' figures on the {@code seen} items, the decision
     * of {@link Sequential.Run#look}, and who is called next.
     */
    public Set<String> after(int look, List<Item> seen, AnswerTable answers) {
        Bootstrap bootstrap = new Bootstrap(prepared.suite().statistics().resamples(),
                prepared.suite().statistics().seed(), prepared.suite().statistics().confidence());
        List<RunResult.CandidateResult> figures = new ArrayList<>();
        Map<String, Map<String, Double>> quality = new LinkedHashMap<>();
        for (CandidateSpec c : prepared.suite().candidates()) {
            Map<String, Answer> byItem = answers.of(c.id());
            // a decided candidate is no longer called: its figures are the ones it was decided with
            RunResult.CandidateResult known = frozen.get(c.id());
            figures.add(known != null ? known : Aggregation.candidate(prepared, c, seen, byItem, bootstrap, null));
            Map<String, Double> q = new LinkedHashMap<>();
            for (Item item : seen) {
                Answer a = byItem.get(item.id());
                if (a != null) {
                    Aggregation.quality(prepared, a.scores()).ifPresent(v -> q.put(item.id(), v));
                }
            }
            quality.put(c.id(), q);
        }
        for (CandidateSpec c : prepared.suite().candidates()) {
            if (!run.decided().containsKey(c.id())) {
                lastLook.put(c.id(), look);
            }
        }
        Sequential.Look decided = run.look(look, Decisions.inputs(figures, quality));
        figures.stream().filter(f -> run.decided().containsKey(f.id())).forEach(f -> frozen.putIfAbsent(f.id(), f));
        history.add(new RunResult.SequentialLook(look, decided.items(),
                decided.decided().stream().map(Sequential.Reading::id).toList(), decided.open()));
        return new LinkedHashSet<>(decided.open());
    }

    /** What the looks recorded in a run's {@code sequential} section decided, by candidate id. */
    public static Map<String, Sequential.Reading> readings(RunResult.SequentialRun section) {
        Map<String, Sequential.Reading> out = new LinkedHashMap<>();
        for (RunResult.SequentialCandidate c : section.candidates()) {
            Optional<Sequential.Outcome> outcome = Sequential.Outcome.of(c.outcome());
            if (outcome.isEmpty()) {
                continue;   // the incumbent
            }
            out.put(c.id(), new Sequential.Reading(c.id(), c.look(), section.looks(), outcome.get(), c.items(),
                    c.nominalLevel() == null ? 0 : c.nominalLevel(), c.step() == null ? 0 : c.step(),
                    c.family() == null ? 0 : c.family(), c.pValue() == null ? Double.NaN : c.pValue(), c.note()));
        }
        return out;
    }

    /** The run's {@code sequential} section, from the answers it ended with. */
    public RunResult.SequentialRun section(AnswerTable answers) {
        int total = prepared.dataset().items().size();
        List<RunResult.SequentialCandidate> candidates = new ArrayList<>();
        int calls = 0;
        for (CandidateSpec c : prepared.suite().candidates()) {
            int asked = answers.of(c.id()).size();
            calls += asked;
            Sequential.Reading r = run.decided().get(c.id());
            int look = lastLook.getOrDefault(c.id(), 0);
            if (r == null) {
                candidates.add(new RunResult.SequentialCandidate(c.id(), look, c.incumbent() ? "incumbent"
                        : "not-decided", asked, null, null, null, null, c.incumbent()
                        ? "answered while any cheaper candidate was open" : "the run ended before its last look",
                        total - asked));
            } else {
                boolean tested = r.family() > 0 && r.nominalAlpha() > 0 && !Double.isNaN(r.pValue());
                candidates.add(new RunResult.SequentialCandidate(c.id(), r.look(), r.outcome().key(), asked,
                        tested ? r.nominalAlpha() : null, tested ? r.step() : null, tested ? r.family() : null,
                        tested ? r.pValue() : null, r.note(), total - asked));
            }
        }
        int full = total * prepared.suite().candidates().size();
        List<Integer> ends = new ArrayList<>();
        for (int e : stageEnds) {
            ends.add(e);
        }
        List<Double> levels = new ArrayList<>();
        for (double l : run.nominalLevels(1 - prepared.suite().selection().confidence())) {
            levels.add(l);
        }
        Sequential.Design d = run.design();
        return new RunResult.SequentialRun(d.looks(), d.spending().key(),
                d.futility().isPresent() ? d.futility().getAsDouble() : null, seed, ends, levels, history,
                candidates, calls, full, full - calls);
    }
}
