package dev.frontier.cli;

import dev.frontier.config.ScorerCheck;
import dev.frontier.config.SuiteLoader;
import dev.frontier.config.SuiteSpec;
import dev.frontier.cost.PriceCatalog;
import dev.frontier.model.Problem;
import dev.frontier.run.PreparedSuite;
import dev.frontier.run.SuitePreparation;
import dev.frontier.score.ScorerRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** Loads and checks a suite for a command, printing every problem; bad input ends the command with exit 2. */
final class SuiteInput {
    private SuiteInput() {
    }

    static PreparedSuite prepare(Path file, PrintWriter err) {
        return prepare(file, err, java.util.function.UnaryOperator.identity());
    }

    /** As {@link #prepare(Path, PrintWriter)}, with the loaded suite adjusted (command-line overrides) first. */
    static PreparedSuite prepare(Path file, PrintWriter err, java.util.function.UnaryOperator<SuiteSpec> adjust) {
        ScorerRegistry registry = ScorerRegistry.standard();
        SuiteLoader.Result loaded = SuiteLoader.load(file, (type, params) -> {
            if (registry.create(type, params) instanceof ScorerRegistry.Creation.Invalid invalid) {
                return invalid.problems().stream()
                        .map(p -> new ScorerCheck.Issue(p.param(), p.problem(), p.hint())).toList();
            }
            return List.of();
        });
        print(loaded.problems(), err);
        if (loaded instanceof SuiteLoader.Invalid invalid) {
            throw invalid(invalid.problems());
        }
        SuitePreparation.Result prepared = SuitePreparation.prepare(adjust.apply(((SuiteLoader.Loaded) loaded).suite()),
                PriceCatalog.bundled(), registry);
        if (prepared instanceof SuitePreparation.Invalid invalid) {
            print(invalid.problems(), err);
            throw invalid(invalid.problems());
        }
        PreparedSuite suite = ((SuitePreparation.Ready) prepared).suite();
        print(suite.warnings(), err);
        return suite;
    }

    private static CliFailure invalid(List<Problem> problems) {
        long errors = problems.stream().filter(Problem::isError).count();
        return new CliFailure(Exit.INVALID_INPUT, errors + (errors == 1 ? " problem" : " problems")
                + " found; nothing was run");
    }

    static void print(List<Problem> problems, PrintWriter err) {
        Path cwd = Path.of("").toAbsolutePath();
        for (Problem p : problems) {
            Path shown = p.file();
            if (shown.isAbsolute() && shown.startsWith(cwd)) {
                shown = cwd.relativize(shown);
            }
            err.println(new Problem(shown, p.line(), p.column(), p.path(), p.problem(), p.hint(), p.severity()));
        }
        err.flush();
    }
}
