package dev.frontier.cli;

import dev.frontier.model.RunId;
import dev.frontier.run.review.LabelImport;
import dev.frontier.score.HumanLabels;
import dev.frontier.score.JudgeScale;
import dev.frontier.results.ResultsJson;
import dev.frontier.results.RunResult;
import dev.frontier.store.RunStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * {@code frontier labels import FILE [--run RUN]}: human labels in; inter-annotator agreement, calibration (grades and
 * labels) or win rates against the incumbent (preferences) out.
 */
@Command(name = "labels", mixinStandardHelpOptions = true,
        description = "Human labels: check a labels file and calibrate a run's scorers against it.",
        subcommands = LabelsCommand.Import.class)
final class LabelsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code frontier labels import}. */
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Check a human-labels file (CSV or JSONL), report the agreement between its annotators, "
                    + "and with --run, add the labels to a stored run with the calibration of each of its scorers "
                    + "(scores, labels) or each candidate's win rate against its incumbent (preferences).")
    static final class Import implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "FILE", description = "the labels file (.csv, or .jsonl)")
        Path file;

        @Option(names = "--run", paramLabel = "RUN", description = "the run to calibrate against the labels")
        String run;

        @Option(names = "--name", paramLabel = "ID", defaultValue = "human",
                description = "the labels' name in the run's record, default: ${DEFAULT-VALUE}")
        String name;

        @Option(names = "--format", paramLabel = "FMT", description = "csv or jsonl (default: by the file name)")
        String format;

        @Option(names = "--columns", paramLabel = "ROLE=NAME", split = ",",
                description = "column names, e.g. item=ticket_id,candidate=model,annotator=rater,value=grade "
                        + "(default: item_id, candidate_id, annotator, value)")
        Map<String, String> columns;

        @Option(names = "--kind", paramLabel = "KIND", defaultValue = "score",
                description = "score, label or preference, default: ${DEFAULT-VALUE}")
        String kind;

        @Option(names = "--scale", paramLabel = "SCALE", split = ",",
                description = "MIN,MAX for scores (default 1,5), or the labels worst first, e.g. bad,ok,good; "
                        + "for preferences B,C: continuous values from B (baseline preferred) to C (candidate "
                        + "preferred), e.g. 1,2 for AlpacaEval's weighted annotators (default: win, tie, loss)")
        List<String> scale;

        @Option(names = "--aggregate", paramLabel = "HOW", description = "mean or majority (default: mean for "
                + "scores and continuous preferences, majority otherwise; a preference split evenly is a tie)")
        String aggregate;

        @Mixin
        StoreOptions storage;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            dev.frontier.model.Ids.nameProblem(name).ifPresent(p -> {
                throw new CliFailure(Exit.INVALID_INPUT, "--name: " + p);
            });
            HumanLabels labels = specFromOptions();
            LabelImport.Read read = LabelImport.read(file, labels);
            if (read instanceof LabelImport.Invalid invalid) {
                SuiteInput.print(invalid.problems(), err);
                throw new CliFailure(Exit.INVALID_INPUT, invalid.problems().size() + " problem"
                        + (invalid.problems().size() == 1 ? "" : "s") + " in " + file + "; nothing was imported");
            }
            HumanLabels bound = ((LabelImport.Bound) read).labels();
            RunResult.HumanLabelSet set = LabelImport.describe(name, bound);
            out.printf("%s: %d labels by %d annotators on %d outputs; agreement %s (%s)%n", file, set.ratings(),
                    set.annotators(), set.outputs(), set.agreement() == null ? "undefined"
                            : String.format(Locale.ROOT, "%.3f", set.agreement()), set.agreementMethod());
            if (run == null) {
                return Exit.OK.code();
            }
            if (!RunId.isValid(run)) {
                throw new CliFailure(Exit.INVALID_INPUT, "--run takes a run id like 20261127-183000-ab12");
            }
            storage.requireStore("");
            RunId id = new RunId(run);
            try (RunStore store = RunStore.open(storage.store)) {
                Optional<String> json = store.resultsJson(id);
                if (json.isEmpty()) {
                    throw new CliFailure(Exit.INVALID_INPUT, "run " + id + " has no results in " + storage.store);
                }
                RunResult updated = LabelImport.apply(ResultsJson.fromJson(json.get()), name, bound);
                store.finishRun(id, updated.status().label(), updated.provenance().finishedAt(),
                        ResultsJson.toJson(updated));
                if (updated.itemSample().isPresent()) {
                    // the record of a large run lists a sample of its items; only their outputs can be matched
                    RunResult.ItemSample sample = updated.itemSample().get();
                    out.printf("note: run %s lists %d of its %d items; the labels are matched to those only%n", id,
                            sample.embedded(), sample.total());
                }
                if (bound.kind() == HumanLabels.Kind.PREFERENCE) {
                    printWinRates(updated, out);
                }
                for (RunResult.Calibration c : updated.calibration()) {
                    if (c.labels().equals(name)) {
                        out.printf("calibration %s: Spearman item %s, summary %s, system %s; kappa quadratic %s "
                                        + "(n = %d)%n", c.scorer(), num(c.itemLevel().spearman()),
                                num(c.summaryLevel().spearman()), num(c.systemLevel().spearman()),
                                num(c.itemLevel().kappaQuadratic()), c.itemLevel().n());
                    }
                }
                Path dir = storage.writeReport(updated);
                out.printf("report: %s%n", dir.resolve("report.html"));
                return Exit.OK.code();
            }
        }

        private void printWinRates(RunResult updated, PrintWriter out) {
            if (LabelImport.incumbent(updated).isEmpty()) {
                out.printf("run %s has no incumbent, so the preferences give no win rates%n", updated.runId());
                return;
            }
            for (RunResult.Pairwise p : updated.pairwise()) {
                if (p.scorer().equals(name) && "human".equals(p.source())) {
                    out.printf(Locale.ROOT, "win rate %s vs %s: %.4f (SE %.4f, %.0f%% CI %.4f..%.4f); %d wins, "
                                    + "%d ties, %d losses%n", p.candidate(), p.baseline(), p.rate(),
                            p.standardError(), updated.provenance().confidence() * 100, p.lower(), p.upper(),
                            p.wins(), p.ties(), p.losses());
                }
            }
        }

        private static String num(Double v) {
            return v == null ? "undefined" : String.format(Locale.ROOT, "%.3f", v);
        }

        private HumanLabels specFromOptions() {
            HumanLabels.Kind k = switch (kind) {
                case "score" -> HumanLabels.Kind.SCORE;
                case "label" -> HumanLabels.Kind.LABEL;
                case "preference" -> HumanLabels.Kind.PREFERENCE;
                default -> throw new CliFailure(Exit.INVALID_INPUT, "--kind takes score, label or preference");
            };
            JudgeScale s = HumanLabels.PREFERENCE;
            Optional<HumanLabels.PreferenceScale> weighted = Optional.empty();
            if (k == HumanLabels.Kind.PREFERENCE && scale != null) {
                try {
                    if (scale.size() != 2) {
                        throw new NumberFormatException();
                    }
                    weighted = Optional.of(new HumanLabels.PreferenceScale(number(scale.get(0)),
                            number(scale.get(1))));
                } catch (IllegalArgumentException e) {
                    throw new CliFailure(Exit.INVALID_INPUT, "--scale with --kind preference takes two different "
                            + "numbers B,C: B means the baseline is preferred, C the candidate (e.g. 1,2 for "
                            + "AlpacaEval's weighted preferences); leave it out for win, tie or loss");
                }
            } else if (k == HumanLabels.Kind.SCORE) {
                s = JudgeScale.ONE_TO_FIVE;
                if (scale != null) {
                    try {
                        double lo = Double.parseDouble(scale.get(0));
                        double hi = Double.parseDouble(scale.get(scale.size() - 1));
                        if (scale.size() != 2 || !(hi > lo)) {
                            throw new NumberFormatException();
                        }
                        s = new JudgeScale(lo, hi, List.of());
                    } catch (NumberFormatException e) {
                        throw new CliFailure(Exit.INVALID_INPUT, "--scale takes MIN,MAX for scores, e.g. 1,5");
                    }
                }
            } else if (k == HumanLabels.Kind.LABEL) {
                if (scale == null || scale.size() < 2) {
                    throw new CliFailure(Exit.INVALID_INPUT, "--kind label needs --scale with the labels worst "
                            + "first, e.g. --scale bad,ok,good");
                }
                s = JudgeScale.ofLabels(new ArrayList<>(scale));
            }
            Optional<HumanLabels.Format> f = Optional.empty();
            if (format != null) {
                f = Optional.of(switch (format) {
                    case "csv" -> HumanLabels.Format.CSV;
                    case "jsonl" -> HumanLabels.Format.JSONL;
                    default -> throw new CliFailure(Exit.INVALID_INPUT, "--format takes csv or jsonl");
                });
            }
            HumanLabels.Columns d = HumanLabels.Columns.DEFAULT;
            Map<String, String> c = columns == null ? Map.of() : columns;
            for (String role : c.keySet()) {
                if (!List.of("item", "candidate", "annotator", "value").contains(role)) {
                    throw new CliFailure(Exit.INVALID_INPUT, "--columns roles are item, candidate, annotator and "
                            + "value, not '" + role + "'");
                }
            }
            HumanLabels.Aggregate a = k == HumanLabels.Kind.SCORE || weighted.isPresent()
                    ? HumanLabels.Aggregate.MEAN : HumanLabels.Aggregate.MAJORITY;
            if (aggregate != null) {
                a = switch (aggregate) {
                    case "mean" -> HumanLabels.Aggregate.MEAN;
                    case "majority" -> HumanLabels.Aggregate.MAJORITY;
                    default -> throw new CliFailure(Exit.INVALID_INPUT, "--aggregate takes mean or majority");
                };
            }
            return new HumanLabels(file.toString(), f, new HumanLabels.Columns(c.getOrDefault("item", d.item()),
                    c.getOrDefault("candidate", d.candidate()), c.getOrDefault("annotator", d.annotator()),
                    c.getOrDefault("value", d.value())), k, s, a, HumanLabels.OnMissing.SKIP, List.of(), Map.of(),
                    weighted);
        }

        /** A finite number, or NumberFormatException. */
        private static double number(String text) {
            double v = new java.math.BigDecimal(text.strip()).doubleValue();
            if (!Double.isFinite(v)) {
                throw new NumberFormatException(text);
            }
            return v;
        }
    }
}
