package dev.frontier.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.frontier.score.ScorerRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Keeps docs/suite.schema.json in step with the loader and the scorer registry. */
class SuiteSchemaTest {

    private static final Path SCHEMA = Path.of("docs/suite.schema.json");
    private final JsonNode schema;

    SuiteSchemaTest() throws IOException {
        schema = new ObjectMapper().readTree(SCHEMA.toFile());
    }

    private static Set<String> names(JsonNode properties) {
        Set<String> out = new HashSet<>();
        for (Iterator<String> it = properties.fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }

    @Test
    void sectionsHaveExactlyTheKeysTheLoaderAccepts() {
        JsonNode p = schema.path("properties");
        assertThat(names(p)).isEqualTo(SuiteLoader.KEYS.get(""));
        for (String section : Set.of("dataset", "traffic", "budget", "execution", "pricing", "statistics", "staging",
                "selection")) {
            assertThat(names(p.path(section).path("properties"))).as(section).isEqualTo(SuiteLoader.KEYS.get(section));
        }
        assertThat(names(p.path("execution").path("properties").path("endpoints").path("properties")))
                .isEqualTo(SuiteLoader.KEYS.get("endpoints"));
        assertThat(names(schema.path("$defs").path("prompt").path("properties"))).isEqualTo(SuiteLoader.KEYS.get("prompt"));
        assertThat(names(schema.path("$defs").path("inference").path("properties")))
                .isEqualTo(SuiteLoader.KEYS.get("inference"));
        assertThat(names(p.path("candidates").path("items").path("properties")))
                .isEqualTo(SuiteLoader.KEYS.get("candidate"));
        assertThat(names(p.path("pricing").path("properties").path("overrides").path("items").path("properties")))
                .isEqualTo(SuiteLoader.KEYS.get("priceOverride"));
        assertThat(names(p.path("gates").path("items").path("properties"))).isEqualTo(SuiteLoader.KEYS.get("gate"));
        assertThat(names(p.path("pricing").path("properties").path("provisioned").path("items").path("properties")))
                .isEqualTo(SuiteLoader.KEYS.get("provisioned"));
        assertThat(names(schema.path("$defs").path("scorer").path("properties")))
                .isEqualTo(SuiteLoader.KEYS.get("scorer"));
        assertThat(names(p.path("distillation").path("properties"))).isEqualTo(SuiteLoader.KEYS.get("distillation"));
        assertThat(names(p.path("distillation").path("properties").path("serving").path("properties")))
                .isEqualTo(SuiteLoader.KEYS.get("serving"));
        assertThat(names(p.path("promptRouters").path("items").path("properties")))
                .isEqualTo(SuiteLoader.KEYS.get("promptRouter"));
        assertThat(names(p.path("slices").path("items").path("properties"))).isEqualTo(SuiteLoader.KEYS.get("slice"));
    }

    @Test
    void scorerTypesAndParametersMatchTheRegistry() {
        ScorerRegistry registry = ScorerRegistry.standard();
        JsonNode scorer = schema.path("$defs").path("scorer");
        Set<String> types = new HashSet<>();
        scorer.path("properties").path("type").path("enum").forEach(t -> types.add(t.asText()));
        assertThat(types).isEqualTo(registry.types());
        Set<String> seen = new HashSet<>();
        for (JsonNode rule : scorer.path("allOf")) {
            String type = rule.path("if").path("properties").path("type").path("const").asText();
            seen.add(type);
            assertThat(names(rule.path("then").path("properties"))).as(type).isEqualTo(registry.parameters(type));
        }
        assertThat(seen).isEqualTo(registry.types());
    }

    @Test
    void theDemoSuitesConformAndABrokenOneDoesNot() throws IOException {
        JsonSchema validator = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (Stream<Path> suites = Files.list(Path.of("eval-configs"))) {
            for (Path suite : suites.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                Set<ValidationMessage> errors = validator.validate(yaml.readTree(suite.toFile()));
                assertThat(errors).as(suite.toString()).isEmpty();
            }
        }
        JsonNode broken = yaml.readTree("""
                suite: x
                dataset: { path: d.jsonl, id: id }
                candidates: [ { id: a, model: m, temprature: 1 } ]
                scorers: [ { type: rouge-l, refrence: "{{a}}" }, { type: nonsense } ]
                """);
        Set<ValidationMessage> errors = validator.validate(broken);
        assertThat(errors.toString()).contains("temprature", "refrence", "scorers[1].type");
    }

    @Test
    void aPluginScorerTakesItsOwnParametersAndACommandScorerOnlyItsKnownOnes() throws IOException {
        JsonSchema validator = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        String head = """
                suite: x
                dataset: { path: d.jsonl, id: id }
                candidates: [ { id: a, model: amazon.nova-lite-v1:0 } ]
                """;
        assertThat(validator.validate(yaml.readTree(head + """
                scorers:
                  - { type: plugin, plugin: keyword-coverage, field: keywords, weight: 2 }
                  - { type: command, command: [python3, grade.py], timeout: 10, reference: "{{a}}" }
                """))).isEmpty();
        Set<ValidationMessage> errors = validator.validate(yaml.readTree(head + """
                scorers:
                  - { type: plugin, field: keywords }
                  - { type: command, command: "python3 grade.py", shell: true }
                """));
        assertThat(errors.toString()).contains("plugin", "scorers[1].command", "shell");
    }

    @Test
    void theSchemaTakesEndpointsPerServiceAndRefusesOthers() throws IOException {
        JsonSchema validator = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        String head = """
                suite: x
                dataset: { path: d.jsonl, id: id }
                candidates: [ { id: a, model: amazon.nova-lite-v1:0 } ]
                scorers: [ { type: exact-match, expected: "x" } ]
                """;
        assertThat(validator.validate(yaml.readTree(head + """
                execution:
                  endpoints:
                    runtime: https://bedrock-runtime.us-east-1.amazonaws.com
                    controlPlane: https://bedrock.us-east-1.amazonaws.com
                    s3: http://127.0.0.1:9000
                """))).isEmpty();
        Set<ValidationMessage> errors = validator.validate(yaml.readTree(head + """
                execution:
                  endpoints: { runtime: bedrock-runtime.us-east-1.amazonaws.com, controlplane: https://x.example }
                """));
        assertThat(errors.toString()).contains("controlplane", "execution.endpoints.runtime");
    }
}
