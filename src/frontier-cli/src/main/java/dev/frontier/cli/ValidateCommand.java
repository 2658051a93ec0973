package dev.frontier.cli;

import dev.frontier.distill.DistillationCheck;
import dev.frontier.model.Problem;
import dev.frontier.run.prepare.PreparedSuite;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code frontier validate SUITE}: every problem with file:line:col; nothing is called or spent. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a suite file and its dataset; report every problem as file:line:col. Spends nothing.")
final class ValidateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SUITE", description = "the suite file (YAML)")
    Path suite;

    @CommandLine.Mixin
    ScorerCode scorerCode;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PreparedSuite p = SuiteInput.prepare(suite, spec.commandLine().getErr(), scorerCode);
        // the distillation section is checked against what Bedrock can customize, as distill would
        List<Problem> custom = p.suite().distillation()
                .map(d -> DistillationCheck.problems(p.suite(), d, false)).orElse(List.of());
        SuiteInput.print(custom, spec.commandLine().getErr());
        if (custom.stream().anyMatch(Problem::isError)) {
            throw new CliFailure(Exit.INVALID_INPUT, custom.size() + (custom.size() == 1 ? " problem" : " problems")
                    + " found; nothing was run");
        }
        spec.commandLine().getOut().printf("%s: ok (suite '%s': %d candidates, %d items, %d scorers)%n", suite,
                p.suite().name(), p.suite().candidates().size(), p.dataset().items().size(), p.scorers().size());
        return Exit.OK.code();
    }
}
