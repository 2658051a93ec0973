package dev.frontier.cli;

import dev.frontier.catalog.Catalog;
import dev.frontier.config.ScorerCheck;
import dev.frontier.config.SuiteLoader;
import dev.frontier.config.SuiteSpec;
import dev.frontier.cost.PriceCatalog;
import dev.frontier.model.Problem;
import dev.frontier.run.prepare.PreparedSuite;
import dev.frontier.run.prepare.SuitePreparation;
import dev.frontier.score.ScorerRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Loads and checks a suite for a command, printing every problem; bad input ends the command with exit 2. */
final class SuiteInput {
    private SuiteInput() {
    }

    static PreparedSuite prepare(Path file, PrintWriter err, ScorerCode code) {
        return prepare(file, err, code, java.util.function.UnaryOperator.identity(), false);
    }

    /** As {@link #prepare(Path, PrintWriter, ScorerCode)}, for a command that may run on the sandbox. */
    static PreparedSuite prepare(Path file, PrintWriter err, ScorerCode code, boolean sandbox) {
        return prepare(file, err, code, java.util.function.UnaryOperator.identity(), sandbox);
    }

    /**
     * As {@link #prepare(Path, PrintWriter, ScorerCode)}, with the loaded suite adjusted (command-line overrides)
     * first. The suite is checked and priced against the model catalog in the Region its calls would go to; a
     * scorer that runs code is refused unless {@code code} allows it.
     */
    static PreparedSuite prepare(Path file, PrintWriter err, ScorerCode code,
                                 java.util.function.UnaryOperator<SuiteSpec> adjust, boolean sandbox) {
        ScorerRegistry registry = code.registry();
        boolean allowed = code.allowed();
        SuiteLoader.Result loaded = SuiteLoader.load(file, scorerCheck(registry, allowed));
        print(loaded.problems(), err);
        if (loaded instanceof SuiteLoader.Invalid invalid) {
            throw invalid(invalid.problems());
        }
        SuiteSpec spec = adjust.apply(((SuiteLoader.Loaded) loaded).suite());
        SuitePreparation.Result prepared = SuitePreparation.prepare(spec, Catalog.bundled(), region(spec, sandbox),
                LocalDate.now(ZoneOffset.UTC), registry);
        if (prepared instanceof SuitePreparation.Invalid invalid) {
            print(invalid.problems(), err);
            throw invalid(invalid.problems());
        }
        PreparedSuite ready = ((SuitePreparation.Ready) prepared).suite();
        print(ready.warnings(), err);
        return ready;
    }

    /** The problem of a scorer that would run code without being allowed to. */
    /**
     * The check of each scorer entry while the suite loads: a scorer that runs code is refused unless allowed, before
     * anything of it is created (a plug-in's own factory runs only when allowed); any other is built once to check
     * its parameters.
     */
    static ScorerCheck scorerCheck(ScorerRegistry registry, boolean allowed) {
        return (type, params) -> {
            List<ScorerCheck.Issue> issues = new ArrayList<>();
            if (registry.runsCode(type) && !allowed) {
                issues.add(refused(type, params));
            } else if (registry.create(type, params) instanceof ScorerRegistry.Creation.Invalid invalid) {
                invalid.problems().forEach(p -> issues.add(new ScorerCheck.Issue(p.param(), p.problem(), p.hint())));
            }
            return issues;
        };
    }

    private static ScorerCheck.Issue refused(String type, Map<String, Object> params) {
        String what = type.equals("plugin") ? "plug-in '" + params.get("plugin") + "'"
                : params.get("command") instanceof List<?> argv ? "'" + argv.stream().map(String::valueOf)
                .collect(java.util.stream.Collectors.joining(" ")) + "'" : "a program";
        return new ScorerCheck.Issue("", "this " + type + " scorer runs " + what + " from the suite file, and "
                + "scorer code runs only when allowed", "if you trust this suite file, pass --allow-scorer-code "
                + "(in CI: set " + ScorerCode.ENV + "=true)");
    }

    /** The Region a suite's calls go to: {@link RunWiring#region}, else the catalog's default Region. */
    static String region(SuiteSpec suite, boolean sandbox) {
        return RunWiring.region(suite, sandbox).orElse(PriceCatalog.DEFAULT_REGION);
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
