package dev.frontier.run.prepare;

import dev.frontier.config.CandidateSpec;
import dev.frontier.config.ScorerSpec;
import dev.frontier.config.SuiteSpec;
import dev.frontier.cost.PriceCatalog;
import dev.frontier.dataset.Dataset;
import dev.frontier.dataset.LabelsReader;
import dev.frontier.model.Item;
import dev.frontier.model.Location;
import dev.frontier.model.Problem;
import dev.frontier.score.HumanLabels;
import dev.frontier.score.LabelScorer;
import dev.frontier.score.LlmJudge;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The preparation of the scorers that score after all outputs are in: a judge's prompt file is read, a labels file
 * is read and checked against the dataset and the candidates, and the suite-wide rules are checked (a pairwise
 * judge needs an incumbent, judge models need prices under a budget, {@code calibrate} names real scorers).
 */
public final class LateScorers {
    private LateScorers() {
    }

    static Path resolve(SuiteSpec suite, String file) {
        Path dir = suite.file().toAbsolutePath().getParent();
        return dir == null ? Path.of(file) : dir.resolve(file).normalize();
    }

    /** The judge with its prompt override read; empty (and a problem recorded) when the override is bad. */
    static LlmJudge judge(SuiteSpec suite, ScorerSpec s, LlmJudge judge, Set<Problem> problems) {
        if (judge.promptFile().isEmpty()) {
            return judge;
        }
        String path = s.path() + ".prompt";
        Path file = resolve(suite, judge.promptFile().get());
        try {
            Optional<String> unreadable = Files.exists(file) ? dev.frontier.model.InputLimits.problem("judge prompt",
                    Files.isRegularFile(file), Files.size(file), dev.frontier.model.InputLimits.SUITE_BYTES)
                    : Optional.empty();
            if (unreadable.isPresent()) {
                problems.add(Problem.error(suite.at(path), path, file + ": " + unreadable.get(), ""));
                return null;
            }
            return judge.withPrompt(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            problems.add(Problem.error(suite.at(path), path, "cannot read the judge prompt " + file,
                    "the path is relative to the suite file"));
        } catch (IllegalArgumentException e) {
            problems.add(Problem.error(suite.at(path), path, file.getFileName() + ": " + e.getMessage(),
                    "a judge prompt is the system prompt, a line '---', then the user prompt with "
                            + String.join(" and ", judge.requiredPlaceholders())));
        }
        return null;
    }

    /** The labels scorer bound to its file; null (and problems recorded with file and line) when it is bad. */
    static HumanLabels labels(SuiteSpec suite, ScorerSpec s, HumanLabels h, Dataset dataset, Set<Problem> problems) {
        Path file = resolve(suite, h.file());
        HumanLabels.Columns c = h.columns();
        LabelsReader.Result read = LabelsReader.read(file, h.effectiveFormat() == HumanLabels.Format.JSONL,
                new LabelsReader.Columns(c.item(), c.candidate(), c.annotator(), c.value()), h::normalize,
                h.expected());
        if (read instanceof LabelsReader.Invalid invalid) {
            problems.addAll(invalid.problems());
            return null;
        }
        List<LabelsReader.Label> labels = ((LabelsReader.Loaded) read).labels();
        Set<String> items = new HashSet<>();
        dataset.items().forEach(i -> items.add(i.id()));
        Set<String> candidates = new HashSet<>();
        suite.candidates().forEach(x -> candidates.add(x.id()));
        Map<HumanLabels.Output, Map<String, Double>> bound = new LinkedHashMap<>();
        Set<String> warned = new HashSet<>();
        for (LabelsReader.Label l : labels) {
            if (!candidates.contains(l.candidateId())) {
                if (warned.add("c:" + l.candidateId())) {
                    problems.add(new Problem(file, l.line(), 0, "", "no candidate '" + l.candidateId()
                            + "' in the suite; its labels are ignored", "candidates: " + String.join(", ",
                            suite.candidates().stream().map(CandidateSpec::id).toList()), Problem.Severity.WARNING));
                }
                continue;
            }
            if (!items.contains(l.itemId())) {
                if (warned.add("i:" + l.itemId())) {
                    problems.add(new Problem(file, l.line(), 0, "", "no item '" + l.itemId()
                            + "' in the dataset; its labels are ignored", "check the item ids",
                            Problem.Severity.WARNING));
                }
                continue;
            }
            bound.computeIfAbsent(new HumanLabels.Output(l.itemId(), l.candidateId()), k -> new LinkedHashMap<>())
                    .put(l.annotator(), l.value());
        }
        if (h.onMissing() == HumanLabels.OnMissing.ERROR) {
            int missing = 0;
            String first = null;
            for (Item item : dataset.items()) {
                for (CandidateSpec cand : suite.candidates()) {
                    if (h.kind() == HumanLabels.Kind.PREFERENCE && cand.incumbent()) {
                        continue;   // the baseline has no preference against itself
                    }
                    if (!bound.containsKey(new HumanLabels.Output(item.id(), cand.id()))) {
                        missing++;
                        first = first == null ? "item '" + item.id() + "' of candidate '" + cand.id() + "'" : first;
                    }
                }
            }
            if (missing > 0) {
                String path = s.path() + ".onMissing";
                problems.add(Problem.error(Location.of(file), "", missing + " outputs have no label, e.g. " + first
                        + " (" + path + " is error)", "label every item of every candidate, or set onMissing: skip"));
                return null;
            }
        }
        return h.withLabels(bound);
    }

    /** Rules across scorers and candidates. */
    static void check(SuiteSpec suite, List<PreparedSuite.BoundScorer> scorers, PriceCatalog catalog,
                      Set<Problem> problems) {
        Set<String> ids = new HashSet<>();
        suite.scorers().forEach(s -> ids.add(s.id()));
        for (PreparedSuite.BoundScorer b : scorers) {
            ScorerSpec s = b.spec();
            if (b.scorer() instanceof LlmJudge j) {
                if (j.mode() == LlmJudge.Mode.PAIRWISE && suite.incumbent().isEmpty()) {
                    String path = s.path() + ".mode";
                    problems.add(Problem.error(suite.at(path), path, "a pairwise judge compares with the incumbent, "
                            + "and no candidate is one", "mark the baseline candidate with 'role: incumbent'"));
                }
                for (String model : j.models()) {
                    String path = s.path() + (s.params().containsKey("models") ? ".models" : ".model");
                    if (catalog.find(model).isEmpty() && !model.startsWith("arn:")) {
                        if (suite.budget().maxUsd().isPresent()) {
                            problems.add(Problem.error(suite.at(path), path, "budget.maxUsd is set but judge model '"
                                    + model + "' has no price, so its spend cannot be guarded",
                                    "add its prices under pricing.overrides, or remove budget.maxUsd"));
                        } else {
                            problems.add(Problem.warning(suite.at(path), path, "no price for judge model '" + model
                                    + "': judge spend will be reported as unknown", "add it under pricing.overrides"));
                        }
                    }
                }
            }
            if (b.scorer() instanceof HumanLabels labels) {
                List<String> calibrate = labels.calibrate();
                for (int i = 0; i < calibrate.size(); i++) {
                    String id = calibrate.get(i);
                    String path = s.path() + ".calibrate[" + i + "]";
                    if (!ids.contains(id) || id.equals(s.id())) {
                        problems.add(Problem.error(suite.at(path), path, "no other scorer is called '" + id + "'",
                                "scorer ids: " + String.join(", ", ids)));
                    }
                }
            }
        }
    }

    /** The scorers a labels scorer is compared with: those it names, else every other non-label scorer. */
    public static List<PreparedSuite.BoundScorer> calibrated(List<PreparedSuite.BoundScorer> all, PreparedSuite.BoundScorer h) {
        List<String> named = h.scorer() instanceof HumanLabels labels ? labels.calibrate() : List.of();
        return all.stream().filter(b -> b != h && !(b.scorer() instanceof LabelScorer)
                && (named.isEmpty() || named.contains(b.spec().id()))).toList();
    }
}
