package dev.frontier.score;

import com.networknt.schema.JsonSchemaFactory;
import dev.frontier.score.spi.ScorerPlugin;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The front door of the scoring package: knows every scorer type, checks a scorer's parameters (all problems at
 * once, each with a hint) and builds it.
 *
 * <pre>{@code
 * ScorerRegistry registry = ScorerRegistry.standard();
 * if (registry.create("rouge-l", Map.of("reference", "{{summary}}")) instanceof Creation.Created created
 *         && created.scorer() instanceof ItemScorer scorer) {
 *     Score s = scorer.score(item, output);
 * }
 * }</pre>
 *
 * Types: {@code exact-match}, {@code contains}, {@code icontains}, {@code regex}, {@code json-valid},
 * {@code json-schema}, {@code length} (pass/fail, each accepting {@code negate}) and {@code token-f1},
 * {@code rouge-1}, {@code rouge-2}, {@code rouge-l}, {@code rouge-lsum}, {@code bleu} (a {@link CorpusScorer}) (graded);
 * two that run code named in the suite: {@code command} (an external program over JSON lines) and {@code plugin}
 * (a {@link ScorerPlugin} found on the class path or with {@link #withPlugins}); and the two that score in the
 * run's second phase: {@code llm-judge} ({@link JudgeScorer}, which makes calls) and {@code human-labels}
 * ({@link LabelScorer}, which reads a labels file). Instances are immutable and thread-safe; so are the scorers
 * they create.
 */
public final class ScorerRegistry {
    /** The types that run code named in the suite file, rather than frontier's own. */
    static final Set<String> CODE = Set.of("command", "plugin");
    private final Map<String, ScorerKind> kinds;
    private final Map<String, ScorerPlugin> plugins;

    private ScorerRegistry(List<ScorerKind> kinds, Map<String, ScorerPlugin> plugins) {
        Map<String, ScorerKind> byType = new TreeMap<>();
        for (ScorerKind kind : kinds) {
            byType.put(kind.type(), kind);
        }
        this.kinds = Collections.unmodifiableMap(byType);
        this.plugins = Collections.unmodifiableMap(new TreeMap<>(plugins));
    }

    /** A registry of all scorer types, without plug-ins (see {@link #withPlugins}). */
    public static ScorerRegistry standard() {
        JsonSchemaFactory schemas = JsonSchemaMatch.offlineFactory();
        List<ScorerKind> kinds = new ArrayList<>(List.of(
                ScorerKind.binary("exact-match", ExactMatch.PARAMETERS, ExactMatch::from),
                ScorerKind.binary("contains", Contains.PARAMETERS, r -> Contains.from(r, false)),
                ScorerKind.binary("icontains", Contains.PARAMETERS, r -> Contains.from(r, true)),
                ScorerKind.binary("regex", RegexMatch.PARAMETERS, RegexMatch::from),
                ScorerKind.binary("json-valid", JsonValid.PARAMETERS, r -> new JsonValid()),
                ScorerKind.binary("json-schema", JsonSchemaMatch.PARAMETERS, r -> JsonSchemaMatch.from(r, schemas)),
                ScorerKind.binary("length", LengthCheck.PARAMETERS, LengthCheck::from),
                ScorerKind.graded("token-f1", TokenF1.PARAMETERS, TokenF1::from),
                ScorerKind.graded("bleu", BleuScorer.PARAMETERS, BleuScorer::from),
                ScorerKind.graded("llm-judge", LlmJudge.PARAMETERS, LlmJudge::from),
                ScorerKind.graded("human-labels", HumanLabels.PARAMETERS, HumanLabels::from),
                ScorerKind.graded("command", CommandScorer.PARAMETERS, CommandScorer::from),
                // a plug-in's own parameters are checked by the plug-in: see create
                ScorerKind.graded("plugin", List.of("plugin"), r -> null)));
        for (Rouge.Variant variant : Rouge.Variant.values()) {
            kinds.add(ScorerKind.graded(variant.type, variant == Rouge.Variant.ROUGE_LSUM ? Rouge.LSUM_PARAMETERS
                    : Rouge.PARAMETERS, r -> Rouge.from(r, variant)));
        }
        return new ScorerRegistry(kinds, Map.of());
    }

    /** This registry with {@code plugins} (by name, as {@link dev.frontier.score.spi.ScorerPlugins} finds them). */
    public ScorerRegistry withPlugins(Map<String, ScorerPlugin> plugins) {
        return new ScorerRegistry(List.copyOf(kinds.values()), plugins);
    }

    /** The names of the plug-ins this registry knows, sorted. */
    public Set<String> plugins() {
        return plugins.keySet();
    }

    /**
     * Whether the type runs code named in the suite file ({@code command}, {@code plugin}) rather than frontier's
     * own, so that a suite from an untrusted source can be refused before it does.
     */
    public boolean runsCode(String type) {
        return CODE.contains(type);
    }

    /** The kebab-case names of all known types, sorted. */
    public Set<String> types() {
        return kinds.keySet();
    }

    /**
     * The parameter names the type accepts (besides the suite-level {@code type}, {@code id} and {@code weight}).
     *
     * @throws IllegalArgumentException for an unknown type
     */
    public Set<String> parameters(String type) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(kind(type).parameters()));
    }

    /**
     * Whether the type only scores 0 or 1, so that statistics can use exact tests for proportions.
     *
     * @throws IllegalArgumentException for an unknown type
     */
    public boolean isBinary(String type) {
        return kind(type).binary();
    }

    /** As {@link #create(String, Map, Path)} for a scorer whose relative paths start in the working directory. */
    public Creation create(String type, Map<String, ?> params) {
        return create(type, params, Path.of(""));
    }

    /**
     * Checks the parameters and builds the scorer. Nothing is started or read: a {@code command} scorer starts its
     * program at its first output, a judge's prompt file and a labels file are read by the run.
     *
     * @param type      the scorer type
     * @param params    YAML-derived plain values (String, Integer/Long/Double, Boolean, List, Map), without the
     *                  suite-level keys {@code type}, {@code id} and {@code weight}; null means none
     * @param directory the folder of the suite file, where a {@code command} scorer's program runs
     * @return the scorer, or every problem found in the parameters
     */
    public Creation create(String type, Map<String, ?> params, Path directory) {
        ScorerKind kind = type == null ? null : kinds.get(type);
        if (kind == null) {
            return new Creation.Invalid(List.of(unknownType(type)));
        }
        Map<String, ?> given = params == null ? Map.of() : params;
        if (type.equals("plugin")) {
            return plugin(given);
        }
        ParamReader reader = new ParamReader(type, given, directory);
        reader.rejectUnknown(kind.parameters());
        boolean negate = kind.binary() && reader.bool("negate", false);
        Scorer scorer = kind.build().apply(reader);
        if (!reader.ok()) {
            return new Creation.Invalid(reader.problems());
        }
        if (scorer == null) {
            throw new IllegalStateException("builder for " + type + " returned nothing without saying why");
        }
        if (scorer instanceof ItemScorer item) {
            return new Creation.Created(Guarded.of(negate ? new Negated(item) : item));
        }
        return new Creation.Created(scorer);
    }

    /** {@code type: plugin}: the named plug-in builds the scorer from the other parameters. */
    private Creation plugin(Map<String, ?> params) {
        String installed = plugins.isEmpty() ? "no plug-in is installed"
                : "installed plug-ins: " + String.join(", ", plugins.keySet());
        String hint = "put the plug-in's jar in a folder and pass --plugins <folder> (" + installed + ")";
        Object name = params.get("plugin");
        if (!(name instanceof String s) || s.isBlank()) {
            return new Creation.Invalid(List.of(new ParamProblem(params.containsKey("plugin") ? "plugin" : "",
                    name == null ? "a plugin scorer needs 'plugin: <name>'" : "'plugin' must be a plug-in's name, was "
                            + ParamReader.describe(name), hint)));
        }
        ScorerPlugin plugin = plugins.get(s);
        if (plugin == null) {
            String near = NearMiss.closest(s, plugins.keySet()).map(n -> "did you mean '" + n + "'? ").orElse("");
            return new Creation.Invalid(List.of(new ParamProblem("plugin", "no scorer plug-in named '" + s
                    + "' is installed", near + hint)));
        }
        Map<String, Object> own = new LinkedHashMap<>(params);
        own.remove("plugin");
        ItemScorer scorer;
        try {
            scorer = plugin.create(Collections.unmodifiableMap(own));
        } catch (IllegalArgumentException e) {
            return new Creation.Invalid(List.of(new ParamProblem("plugin", "plug-in '" + s + "' refused its "
                    + "parameters: " + PluginScorer.message(e), "see the plug-in's documentation")));
        } catch (RuntimeException | LinkageError e) {
            return new Creation.Invalid(List.of(new ParamProblem("plugin", "plug-in '" + s + "' failed to create "
                    + "its scorer: " + e, "check the plug-in's version against frontier's")));
        }
        if (scorer == null) {
            return new Creation.Invalid(List.of(new ParamProblem("plugin", "plug-in '" + s + "' created no scorer",
                    "check the plug-in's version against frontier's")));
        }
        return new Creation.Created(new Guarded(new PluginScorer(s, scorer)));
    }

    private ParamProblem unknownType(String type) {
        String known = "known types: " + String.join(", ", kinds.keySet());
        if (type == null || type.isBlank()) {
            return new ParamProblem("", "scorer type is missing", known);
        }
        String hint = NearMiss.closest(type, kinds.keySet())
                .map(s -> "did you mean '" + s + "'? " + known)
                .orElse(known);
        return new ParamProblem("", "unknown scorer type '" + type + "'", hint);
    }

    private ScorerKind kind(String type) {
        ScorerKind kind = type == null ? null : kinds.get(type);
        if (kind == null) {
            throw new IllegalArgumentException("unknown scorer type '" + type + "'");
        }
        return kind;
    }

    /** The outcome of {@link #create}: a scorer, or the problems that prevented one. */
    public sealed interface Creation permits Creation.Created, Creation.Invalid {

        /**
         * A ready scorer; it never throws and returns {@link dev.frontier.model.Score.Failed} for what it cannot
         * score. An item scorer comes guarded (an exception marks the item as failed), a corpus scorer stays one.
         *
         * @param scorer the scorer, of one of the sealed kinds of {@link Scorer}
         */
        record Created(Scorer scorer) implements Creation {
        }

        /**
         * The parameters were wrong; every problem found is listed.
         *
         * @param problems at least one problem
         */
        record Invalid(List<ParamProblem> problems) implements Creation {
            public Invalid {
                problems = List.copyOf(problems);
            }
        }
    }
}
