package dev.frontier.score;

import com.networknt.schema.JsonSchemaFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The front door of the scoring package: knows every heuristic scorer type, checks a scorer's parameters (all
 * problems at once, each with a hint) and builds it.
 *
 * <pre>{@code
 * ScorerRegistry registry = ScorerRegistry.standard();
 * if (registry.create("rouge-l", Map.of("reference", "{{summary}}")) instanceof Creation.Created created) {
 *     Score s = created.scorer().score(item, output);
 *     Optional<CorpusMetric> corpus = created.corpusMetric(); // present for bleu
 * }
 * }</pre>
 *
 * Types: {@code exact-match}, {@code contains}, {@code icontains}, {@code regex}, {@code json-valid},
 * {@code json-schema}, {@code length} (pass/fail, each accepting {@code negate}) and {@code token-f1},
 * {@code rouge-1}, {@code rouge-2}, {@code rouge-l}, {@code rouge-lsum}, {@code bleu} (graded), and the two that
 * score in the run's second phase: {@code llm-judge} ({@link LlmJudge}, which makes calls) and {@code human-labels}
 * ({@link HumanLabels}, which reads a labels file). Instances are immutable and thread-safe; so are the scorers
 * they create.
 */
public final class ScorerRegistry {
    private final Map<String, ScorerKind> kinds;

    private ScorerRegistry(List<ScorerKind> kinds) {
        Map<String, ScorerKind> byType = new TreeMap<>();
        for (ScorerKind kind : kinds) {
            byType.put(kind.type(), kind);
        }
        this.kinds = Collections.unmodifiableMap(byType);
    }

    /** A registry of all scorer types: the heuristic ones, {@code llm-judge} and {@code human-labels}. */
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
                ScorerKind.graded("human-labels", HumanLabels.PARAMETERS, HumanLabels::from)));
        for (Rouge.Variant variant : Rouge.Variant.values()) {
            kinds.add(ScorerKind.graded(variant.type, variant == Rouge.Variant.ROUGE_LSUM ? Rouge.LSUM_PARAMETERS
                    : Rouge.PARAMETERS, r -> Rouge.from(r, variant)));
        }
        return new ScorerRegistry(kinds);
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

    /**
     * Checks the parameters and builds the scorer.
     *
     * @param type   the scorer type
     * @param params YAML-derived plain values (String, Integer/Long/Double, Boolean, List, Map), without the
     *               suite-level keys {@code type}, {@code id} and {@code weight}; null means none
     * @return the scorer, or every problem found in the parameters
     */
    public Creation create(String type, Map<String, ?> params) {
        ScorerKind kind = type == null ? null : kinds.get(type);
        if (kind == null) {
            return new Creation.Invalid(List.of(unknownType(type)));
        }
        ParamReader reader = new ParamReader(type, params == null ? Map.of() : params);
        reader.rejectUnknown(kind.parameters());
        boolean negate = kind.binary() && reader.bool("negate", false);
        Scorer scorer = kind.build().apply(reader);
        if (!reader.ok()) {
            return new Creation.Invalid(reader.problems());
        }
        if (scorer == null) {
            throw new IllegalStateException("builder for " + type + " returned nothing without saying why");
        }
        return new Creation.Created(new Guarded(negate ? new Negated(scorer) : scorer));
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
         * score.
         *
         * @param scorer the scorer
         */
        record Created(Scorer scorer) implements Creation {

            /** The corpus-level metric of this scorer (corpus BLEU), if it has one. */
            public Optional<CorpusMetric> corpusMetric() {
                Scorer inner = scorer instanceof Guarded g ? g.inner() : scorer;
                return inner instanceof CorpusMetric m
                        ? Optional.of(Guarded.guard(scorer.type(), m))
                        : Optional.empty();
            }

            /** The judge, for an {@code llm-judge} scorer. */
            public Optional<LlmJudge> judge() {
                Scorer inner = scorer instanceof Guarded g ? g.inner() : scorer;
                return inner instanceof LlmJudge j ? Optional.of(j) : Optional.empty();
            }

            /** The labels scorer (not yet bound to its file), for a {@code human-labels} scorer. */
            public Optional<HumanLabels> humanLabels() {
                Scorer inner = scorer instanceof Guarded g ? g.inner() : scorer;
                return inner instanceof HumanLabels h ? Optional.of(h) : Optional.empty();
            }
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
