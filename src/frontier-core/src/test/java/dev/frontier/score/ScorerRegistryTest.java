package dev.frontier.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parameter checking: every problem reported, each with a useful hint. */
class ScorerRegistryTest {
    private final ScorerRegistry registry = Fixtures.REGISTRY;

    private List<ParamProblem> problems(String type, Map<String, ?> params) {
        ScorerRegistry.Creation creation = registry.create(type, params);
        assertThat(creation).isInstanceOf(ScorerRegistry.Creation.Invalid.class);
        return ((ScorerRegistry.Creation.Invalid) creation).problems();
    }

    @Test
    void knowsTheStandardTypes() {
        assertThat(registry.types()).containsExactly("bleu", "command", "contains", "exact-match", "human-labels",
                "icontains", "json-schema", "json-valid", "length", "llm-judge", "plugin", "regex", "rouge-1",
                "rouge-2", "rouge-l", "rouge-lsum", "token-f1");
    }

    @Test
    void binaryTypesAreMarkedAndAcceptNegate() {
        for (String type : List.of("exact-match", "contains", "icontains", "regex", "json-valid", "json-schema",
                "length")) {
            assertThat(registry.isBinary(type)).as(type).isTrue();
            assertThat(registry.parameters(type)).as(type).contains("negate");
        }
        for (String type : List.of("token-f1", "rouge-1", "rouge-2", "rouge-l", "rouge-lsum", "bleu")) {
            assertThat(registry.isBinary(type)).as(type).isFalse();
            assertThat(registry.parameters(type)).as(type).doesNotContain("negate");
        }
    }

    @Test
    void parametersPerType() {
        assertThat(registry.parameters("rouge-l"))
                .containsExactly("reference", "references", "stemming", "measure", "aggregate");
        assertThat(registry.parameters("bleu")).containsExactly("reference", "references", "smoothing", "smoothValue");
        assertThat(registry.parameters("json-valid")).containsExactly("negate");
        assertThatThrownBy(() -> registry.parameters("nope")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> registry.isBinary("nope")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unknownTypeNamesTheKnownOnesAndSuggestsTheNearest() {
        List<ParamProblem> p = problems("rougeL", Map.of());
        assertThat(p).hasSize(1);
        assertThat(p.get(0).param()).isEmpty();
        assertThat(p.get(0).problem()).isEqualTo("unknown scorer type 'rougeL'");
        assertThat(p.get(0).hint()).startsWith("did you mean 'rouge-l'?").contains("known types: bleu, command, contains");
        assertThat(problems("sentiment", Map.of()).get(0).hint()).startsWith("known types: ");
        assertThat(problems(null, Map.of()).get(0).problem()).isEqualTo("scorer type is missing");
    }

    @Test
    void unknownParameterSuggestsTheNearMiss() {
        List<ParamProblem> p = problems("rouge-l", Map.of("refrence", "{{summary}}"));
        assertThat(p).extracting(ParamProblem::param).containsExactly("refrence", "reference");
        assertThat(p.get(0).problem()).isEqualTo("unknown parameter for rouge-l");
        assertThat(p.get(0).hint()).isEqualTo("did you mean 'reference'?");
        assertThat(p.get(1).problem()).startsWith("is required");

        assertThat(problems("regex", Map.of("pattern", "x", "ignorecase", true)).get(0).hint())
                .isEqualTo("did you mean 'ignoreCase'?");
        assertThat(problems("regex", Map.of("pattern", "x", "color", "red")).get(0).hint())
                .isEqualTo("valid parameters: ignoreCase, negate, pattern");
    }

    @Test
    void wrongTypesAreReportedWithWhatWasGiven() {
        List<ParamProblem> p = problems("exact-match", Map.of("expected", List.of("a"), "normalize", "yes"));
        assertThat(p).extracting(ParamProblem::param).containsExactly("expected", "normalize");
        assertThat(p.get(0).problem()).isEqualTo("must be a text, was a list");
        assertThat(p.get(1).problem()).isEqualTo("must be true or false, was the text 'yes'");
        assertThat(p.get(1).hint()).isEqualTo("write true or false without quotes");
    }

    @Test
    void numbersAsTextAreAccepted() {
        assertThat(registry.create("exact-match", Map.of("expected", 42)))
                .isInstanceOf(ScorerRegistry.Creation.Created.class);
        assertThat(problems("exact-match", Map.of("expected", 4.2)).get(0).hint()).contains("quotes");
    }

    @Test
    void allProblemsAreGatheredAtOnce() {
        Map<String, Object> params = new HashMap<>();
        params.put("reference", 3.5);
        params.put("stemming", "no");
        params.put("measure", "fscore");
        params.put("aggregate", "maxx");
        params.put("bogus", 1);
        List<ParamProblem> p = problems("rouge-1", params);
        assertThat(p).extracting(ParamProblem::param)
                .containsExactly("bogus", "reference", "stemming", "measure", "aggregate");
        assertThat(p.get(3).problem()).isEqualTo("must be one of f|precision|recall, was the text 'fscore'");
        assertThat(p.get(4).hint()).isEqualTo("did you mean 'max'? (one of max, mean)");
    }

    @Test
    void badRegexPointsAtThePosition() {
        List<ParamProblem> p = problems("regex", Map.of("pattern", "(unclosed"));
        assertThat(p).hasSize(1);
        assertThat(p.get(0).param()).isEqualTo("pattern");
        assertThat(p.get(0).problem()).startsWith("is not a valid Java regular expression: Unclosed group");
        assertThat(problems("regex", Map.of()).get(0).problem()).isEqualTo("is required for regex");
    }

    @Test
    void lengthBoundsAreChecked() {
        List<ParamProblem> minAboveMax = problems("length", Map.of("min", 10, "max", 5));
        assertThat(minAboveMax).singleElement().satisfies(p -> {
            assertThat(p.param()).isEqualTo("min");
            assertThat(p.problem()).isEqualTo("is greater than max (10 > 5)");
        });
        assertThat(problems("length", Map.of("unit", "words")).get(0).problem())
                .isEqualTo("length needs 'min', 'max' or both");
        assertThat(problems("length", Map.of("min", -1)).get(0).problem())
                .isEqualTo("must be a whole number of at least 0, was -1");
        assertThat(problems("length", Map.of("max", 2.5)).get(0).param()).isEqualTo("max");
        assertThat(problems("length", Map.of("max", 10, "unit", "tokens")).get(0).hint())
                .isEqualTo("one of words, characters");
        assertThat(registry.create("length", Map.of("min", 3.0, "max", 3L)))
                .as("whole doubles and longs are fine").isInstanceOf(ScorerRegistry.Creation.Created.class);
    }

    @Test
    void referenceAndReferencesAreExclusive() {
        List<ParamProblem> both = problems("token-f1", Map.of("reference", "a", "references", List.of("b")));
        assertThat(both).singleElement().satisfies(p -> assertThat(p.problem())
                .isEqualTo("cannot be combined with 'reference'"));
        List<ParamProblem> neither = problems("bleu", Map.of());
        assertThat(neither.get(0).problem()).isEqualTo("is required for bleu (or 'references' for several)");
        assertThat(problems("bleu", Map.of("references", List.of())).get(0).problem())
                .isEqualTo("must list at least one text");
        assertThat(problems("bleu", Map.of("references", List.of("ok", 1.5))).get(0).param())
                .isEqualTo("references[1]");
    }

    @Test
    void containsRejectsEmptyValues() {
        assertThat(problems("contains", Map.of("value", "")).get(0).problem()).isEqualTo("must not be empty text");
        assertThat(problems("icontains", Map.of("values", List.of("a", ""), "mode", "every")))
                .extracting(ParamProblem::param).containsExactly("mode", "values");
    }

    @Test
    void bleuSmoothValueNeedsAMethodThatUsesIt() {
        assertThat(problems("bleu", Map.of("reference", "x", "smoothValue", 0.2)).get(0).problem())
                .isEqualTo("is only used with smoothing floor or add-k");
        assertThat(problems("bleu", Map.of("reference", "x", "smoothing", "floor", "smoothValue", 2)).get(0).problem())
                .isEqualTo("must be at most 1 for floor smoothing, was 2.0");
        assertThat(problems("bleu", Map.of("reference", "x", "smoothing", "add-k", "smoothValue", 0)).get(0).problem())
                .isEqualTo("must be greater than 0, was 0.0");
        assertThat(problems("bleu", Map.of("reference", "x", "smoothing", "exp1")).get(0).hint())
                .startsWith("did you mean 'exp'?");
    }

    @Test
    void invalidJsonSchemasAreRejectedAtCreation() {
        List<ParamProblem> typo = problems("json-schema", Map.of("schema", Map.of("type", "objekt")));
        assertThat(typo).isNotEmpty().allSatisfy(p -> {
            assertThat(p.param()).isEqualTo("schema");
            assertThat(p.problem()).startsWith("is not a valid JSON Schema 2020-12: $.type");
        });
        assertThat(problems("json-schema", Map.of("schema", Map.of("required", "answer"))).get(0).problem())
                .contains("$.required");
        assertThat(problems("json-schema", Map.of("schema", "object")).get(0).problem())
                .startsWith("must be a JSON Schema written as a map");
        assertThat(problems("json-schema", Map.of()).get(0).problem()).isEqualTo("is required for json-schema");
    }

    @Test
    void jsonSchemaReferencesAreNeverFetched() {
        List<ParamProblem> remote = problems("json-schema", Map.of("schema", Map.of("$ref", "http://127.0.0.1:9/s.json")));
        assertThat(remote.get(0).problem()).startsWith("could not be compiled").contains("not allowed to be loaded");
        List<ParamProblem> dangling = problems("json-schema", Map.of("schema", Map.of("$ref", "#/$defs/missing")));
        assertThat(dangling.get(0).problem()).startsWith("could not be compiled: Reference /$defs/missing");
    }

    @Test
    void nullParameterValuesAreProblemsNotCrashes() {
        Map<String, Object> params = new HashMap<>();
        params.put("expected", null);
        assertThat(problems("exact-match", params).get(0).problem()).isEqualTo("has no value");
        assertThat(registry.create("json-valid", null)).isInstanceOf(ScorerRegistry.Creation.Created.class);
    }
}
