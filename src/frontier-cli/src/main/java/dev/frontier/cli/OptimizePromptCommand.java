package dev.frontier.cli;

import dev.frontier.bedrock.BedrockPromptOptimizer;
import dev.frontier.bedrock.BedrockSettings;
import dev.frontier.catalog.Catalog;
import dev.frontier.catalog.ModelId;
import dev.frontier.catalog.PromptOptimization;
import dev.frontier.config.CandidateAppend;
import dev.frontier.config.CandidateSpec;
import dev.frontier.config.PromptRouterSpec;
import dev.frontier.config.SuiteLoader;
import dev.frontier.config.SuiteSpec;
import dev.frontier.invoke.LocalBedrock;
import dev.frontier.invoke.PromptOptimizer;
import dev.frontier.invoke.TokenEstimate;
import dev.frontier.model.Location;
import dev.frontier.model.ModelRequest;
import dev.frontier.model.Problem;
import dev.frontier.model.Template;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code frontier optimize-prompt SUITE --candidate ID}: Bedrock's prompt optimization ({@code OptimizePrompt}) of a
 * candidate's effective prompt, its system prompt and its user template each in their own call, written as a new
 * candidate {@code <ID>-optimized} into a copy of the suite. The user's file is never changed.
 */
@Command(name = "optimize-prompt", mixinStandardHelpOptions = true,
        description = {"Optimize a candidate's prompt with Amazon Bedrock's prompt optimization (OptimizePrompt) for "
                + "its model, and write a copy of the suite with the result as a new candidate <ID>-optimized "
                + "(same model and settings). The suite file itself is not changed.",
                "Exit 0 when written, 2 for bad input, 3 when Bedrock fails or drops a {{placeholder}}."})
final class OptimizePromptCommand implements Callable<Integer> {

    private static final String SUFFIX = "-optimized";

    @Parameters(index = "0", paramLabel = "SUITE", description = "the suite file (YAML)")
    Path suiteFile;

    @Option(names = "--candidate", required = true, paramLabel = "ID", description = "the candidate to optimize")
    String candidateId;

    @Option(names = "--out", paramLabel = "FILE",
            description = "where to write the copy (default: <suite>.optimized.yaml next to the suite)")
    Path out;

    @Option(names = "--force", description = "replace the output file if it exists")
    boolean force;

    @Option(names = "--region", paramLabel = "REGION",
            description = "AWS Region to call (default: the suite's execution.region, else AWS_REGION)")
    String region;

    @Mixin
    SandboxFlags sandbox;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        sandbox.check();
        SuiteSpec suite = load(suiteFile, err);
        CandidateSpec candidate = candidate(suite, err);
        Path target = output();
        String targetModel = targetModel(suite, candidate, err);
        String newId = freeId(suite, candidateId + SUFFIX);

        Optional<String> callRegion = region != null ? Optional.of(region) : RunWiring.region(suite, sandbox.enabled);
        callRegion.ifPresent(r -> checkRegion(r, suite, err));
        LocalBedrock local = sandbox.enabled ? sandbox.start(false, null) : null;
        BedrockSettings settings = RunWiring.settings(local, callRegion,
                local != null ? BedrockSettings.Endpoints.none() : RunWiring.endpoints(suite), 3,
                Duration.ofSeconds(local != null ? 60 : 120));
        String system = candidate.prompt().system().source();
        String user = candidate.prompt().user().source();
        List<String> analysis = new ArrayList<>();
        String newSystem;
        String newUser;
        try (PromptOptimizer optimizer = BedrockPromptOptimizer.create(settings)) {
            newSystem = optimized(optimizer, system, targetModel, "system prompt", analysis);
            newUser = optimized(optimizer, user, targetModel, "user prompt", analysis);
        } finally {
            if (local != null) {
                local.close();
            }
        }

        List<String> comment = new ArrayList<>();
        comment.add("Written by `frontier optimize-prompt` from candidate " + candidateId + " (Bedrock prompt "
                + "optimization for " + targetModel + "). Bedrock's analysis:");
        analysis.forEach(a -> a.lines().forEach(l -> comment.add("  " + l)));
        String text = edit(suite, new CandidateAppend.Entry(newId, candidateId, newSystem, newUser,
                candidate.prompt().cache(), comment, made(candidate)));
        write(text, target, newId, err);

        long before = tokens(candidate.model(), system, user);
        long after = tokens(candidate.model(), newSystem, newUser);
        stdout.printf("candidate %s: prompt optimized for %s: about %,d tokens -> %,d tokens (%+d)%n", newId,
                targetModel, before, after, after - before);
        stdout.printf("saved: %s%n", target);
        stdout.printf("next: frontier run %s%s%n", target, sandbox.enabled ? " --sandbox" : "");
        return Exit.OK.code();
    }

    private static SuiteSpec load(Path file, PrintWriter err) {
        SuiteLoader.Result loaded = SuiteLoader.load(file);
        SuiteInput.print(loaded.problems(), err);
        if (loaded instanceof SuiteLoader.Loaded ok) {
            return ok.suite();
        }
        throw new CliFailure(Exit.INVALID_INPUT, "the suite has problems; fix them first (frontier validate "
                + file + ")");
    }

    private CandidateSpec candidate(SuiteSpec suite, PrintWriter err) {
        for (int i = 0; i < suite.candidates().size(); i++) {
            CandidateSpec c = suite.candidates().get(i);
            if (c.id().equals(candidateId)) {
                if (c.isImported()) {
                    throw bad(err, suite.at("candidates[" + i + "]"), "candidates[" + i + "]", "candidate '"
                            + candidateId + "' has imported outputs and no prompt to optimize",
                            "pick a candidate with a model and a prompt");
                }
                return c;
            }
        }
        throw bad(err, suite.at("candidates"), "candidates", "no candidate '" + candidateId + "'",
                "use one of: " + suite.candidates().stream().map(CandidateSpec::id).collect(Collectors.joining(", ")));
    }

    /** The bare model id Bedrock optimizes for, refused (exit 2) when prompt optimization does not serve it. */
    private String targetModel(SuiteSpec suite, CandidateSpec c, PrintWriter err) {
        int i = suite.candidates().indexOf(c);
        String path = "candidates[" + i + "].model";
        if (c.model().startsWith(PromptRouterSpec.PREFIX) || ModelId.parse(c.model()).isRouter()) {
            throw bad(err, suite.at(path), path, "a prompt router is not a model a prompt can be optimized for",
                    "optimize a candidate that names one model");
        }
        String base = ModelId.parse(c.model()).baseId();
        PromptOptimization offered = Catalog.bundled().promptOptimization();
        if (!offered.supportsModel(base)) {
            throw bad(err, suite.at(path), path, "Bedrock's prompt optimization does not serve " + base,
                    "it serves " + String.join(", ", offered.models()));
        }
        return base;
    }

    private void checkRegion(String r, SuiteSpec suite, PrintWriter err) {
        PromptOptimization offered = Catalog.bundled().promptOptimization();
        if (!offered.offeredIn(r)) {
            Location at = region != null ? Location.of(suiteFile) : suite.at("execution.region");
            throw bad(err, at, region != null ? "--region" : "execution.region", "prompt optimization is not "
                    + "offered in " + r, "pass --region with one of " + String.join(", ", offered.regions()));
        }
    }

    /** The output file: --out, else {@code <stem>.optimized.yaml} next to the suite; never the suite itself. */
    private Path output() {
        String name = suiteFile.getFileName().toString();
        int dot = name.lastIndexOf('.');
        Path target = out != null ? out : suiteFile.resolveSibling((dot > 0 ? name.substring(0, dot) : name)
                + ".optimized.yaml");
        try {
            if (Files.exists(target) && Files.isSameFile(target, suiteFile)
                    || target.toAbsolutePath().normalize().equals(suiteFile.toAbsolutePath().normalize())) {
                throw new CliFailure(Exit.INVALID_INPUT, "--out " + target + " is the suite file itself; "
                        + "frontier optimize-prompt writes a copy (pass another --out)");
            }
        } catch (IOException e) {
            throw new CliFailure(Exit.PROVIDER, "cannot compare " + target + " with the suite: "
                    + Failures.describe(e));
        }
        if (Files.exists(target) && !force) {
            throw new CliFailure(Exit.INVALID_INPUT, target + " exists; pass --force to replace it, or --out FILE");
        }
        return target;
    }

    /** {@code base}, else {@code base-2}, {@code base-3} … whichever no candidate has. */
    private static String freeId(SuiteSpec suite, String base) {
        Set<String> taken = suite.candidates().stream().map(CandidateSpec::id).collect(Collectors.toSet());
        String id = base;
        for (int n = 2; taken.contains(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    /**
     * The optimized text of one part of the prompt (an empty part stays empty and costs no call); refused (exit 3)
     * when Bedrock's rewrite lost a placeholder of the original.
     */
    private static String optimized(PromptOptimizer optimizer, String text, String targetModel, String part,
                                    List<String> analysis) {
        if (text.isBlank()) {
            return text;
        }
        PromptOptimizer.Optimized result = optimizer.optimize(text, targetModel);
        Set<String> lost = new LinkedHashSet<>(new Template(text).fields());
        lost.removeAll(new Template(result.text()).fields());
        if (!lost.isEmpty()) {
            throw new CliFailure(Exit.PROVIDER, "Bedrock's optimized " + part + " dropped the placeholder"
                    + (lost.size() == 1 ? " " : "s ") + lost.stream().map(f -> "{{" + f + "}}")
                    .collect(Collectors.joining(", ")) + "; nothing was written (run it again, or edit the "
                    + "prompt by hand)");
        }
        result.analysis().forEach(a -> analysis.add(part + ": " + a));
        return result.text();
    }

    /**
     * A candidate's model and effective inference settings as suite lines, for a candidate a {@code matrix:} made
     * (which has no entry of its own in the file to copy).
     */
    static List<String> made(CandidateSpec c) {
        var inf = c.inference();
        var s = inf.settings();
        List<String> parts = new java.util.ArrayList<>();
        parts.add("maxTokens: " + inf.maxTokens());
        inf.temperature().ifPresent(t -> parts.add("temperature: " + t));
        inf.topP().ifPresent(t -> parts.add("topP: " + t));
        s.serviceTier().ifPresent(t -> parts.add("serviceTier: " + t.label()));
        if (s.latencyOptimized()) {
            parts.add("latency: optimized");
        }
        s.reasoning().ifPresent(r -> parts.add("reasoning: " + (r instanceof dev.frontier.model.CallSettings
                .Reasoning.Budget b ? String.valueOf(b.tokens()) : ((dev.frontier.model.CallSettings.Reasoning.Effort) r)
                .level())));
        List<String> lines = new java.util.ArrayList<>();
        lines.add("model: " + c.model());
        lines.add("inference: { " + String.join(", ", parts) + " }");
        if (!inf.stopSequences().isEmpty()) {
            lines.set(1, "inference: { " + String.join(", ", parts) + ", stopSequences: ["
                    + String.join(", ", inf.stopSequences().stream().map(x -> "\"" + x.replace("\\", "\\\\")
                    .replace("\"", "\\\"") + "\"").toList()) + "] }");
        }
        return lines;
    }

    private String edit(SuiteSpec suite, CandidateAppend.Entry entry) {
        try {
            return CandidateAppend.append(Files.readString(suiteFile, StandardCharsets.UTF_8), entry);
        } catch (CandidateAppend.NotEditable e) {
            throw new CliFailure(Exit.INVALID_INPUT, suiteFile + ": " + e.getMessage());
        } catch (IOException e) {
            throw new CliFailure(Exit.PROVIDER, "cannot read " + suiteFile + ": " + Failures.describe(e));
        }
    }

    /**
     * Writes a temporary file next to the target, checks that it loads with the new candidate, then moves it into
     * place in one step; a copy that does not load is deleted and nothing is written.
     */
    private void write(String text, Path target, String newId, PrintWriter err) {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = null;
        try {
            temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            SuiteLoader.Result check = SuiteLoader.load(temp);
            if (!(check instanceof SuiteLoader.Loaded ok)
                    || ok.suite().candidates().stream().noneMatch(c -> c.id().equals(newId))) {
                SuiteInput.print(check.problems(), err);
                throw new CliFailure(Exit.PROVIDER, "the optimized copy of the suite does not load (problems "
                        + "above); nothing was written");
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (IOException e) {
            throw new CliFailure(Exit.PROVIDER, "cannot write " + target + ": " + Failures.describe(e));
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    err.println("frontier: cannot delete " + temp + ": " + Failures.describe(e));
                }
            }
        }
    }

    private static long tokens(String model, String system, String user) {
        return TokenEstimate.input(new ModelRequest(model, system, user, false,
                new ModelRequest.InferenceParams(1, null, null, List.of())));
    }

    private static CliFailure bad(PrintWriter err, Location at, String path, String problem, String hint) {
        SuiteInput.print(List.of(Problem.error(at, path, problem, hint)), err);
        return new CliFailure(Exit.INVALID_INPUT, "nothing was optimized");
    }
}
