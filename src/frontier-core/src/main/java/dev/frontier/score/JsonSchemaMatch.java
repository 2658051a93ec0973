package dev.frontier.score;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.AllowSchemaLoader;
import dev.frontier.model.Item;
import dev.frontier.model.Score;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * 1 when the output parses as JSON (a code fence allowed, as for {@code json-valid}) and conforms to a JSON
 * Schema 2020-12 compiled once when the scorer is created; the note lists the first few violations.
 *
 * @param schema the compiled schema (networknt schemas are thread-safe once initialized)
 */
record JsonSchemaMatch(JsonSchema schema) implements ItemScorer {
    static final int SHOWN_VIOLATIONS = 3;
    static final List<String> PARAMETERS = List.of("schema");

    /**
     * A 2020-12 factory that never fetches over the network: the meta-schemas come from the validator's jar, and
     * a remote {@code $ref} is a configuration error rather than a run that depends on someone's web server.
     */
    static JsonSchemaFactory offlineFactory() {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                builder -> builder.schemaLoaders(loaders -> loaders.values(list -> list.add(0,
                        new AllowSchemaLoader(iri -> iri.toString().startsWith("classpath:"))))));
    }

    static Scorer from(ParamReader r, JsonSchemaFactory factory) {
        if (!r.present("schema")) {
            r.problem("schema", "is required for json-schema",
                    "give the schema inline, e.g. schema: {type: object, required: [answer]}");
            return null;
        }
        Optional<Object> raw = r.rawValue("schema");
        if (raw.isEmpty()) {
            return null;
        }
        if (!(raw.get() instanceof Map<?, ?>) && !(raw.get() instanceof Boolean)) {
            r.problem("schema", "must be a JSON Schema written as a map, was " + ParamReader.describe(raw.get()),
                    "e.g. schema: {type: object, required: [answer]}");
            return null;
        }
        JsonNode node;
        try {
            node = new ObjectMapper().valueToTree(raw.get());
        } catch (IllegalArgumentException e) {
            r.problem("schema", "cannot be read as JSON: " + e.getMessage(), "use only maps, lists, text and numbers");
            return null;
        }
        try {
            JsonSchema meta = factory.getSchema(SchemaLocation.of(SchemaId.V202012));
            Set<ValidationMessage> wrong = meta.validate(node);
            if (!wrong.isEmpty()) {
                int shown = 0;
                for (ValidationMessage v : wrong) {
                    if (shown++ == SHOWN_VIOLATIONS) {
                        break;
                    }
                    r.problem("schema", "is not a valid JSON Schema 2020-12: " + v.getMessage(),
                            "see json-schema.org for the keyword's allowed values");
                }
                return null;
            }
            JsonSchema schema = factory.getSchema(node);
            schema.initializeValidators(); // resolve $refs now, not on the first item
            return r.ok() ? new JsonSchemaMatch(schema) : null;
        } catch (RuntimeException e) {
            String why = String.valueOf(e.getMessage()).replaceFirst("^:\\s*", "");
            r.problem("schema", "could not be compiled: " + why,
                    "only references inside the schema (e.g. '#/$defs/name') are resolved; remote ones are not fetched");
            return null;
        }
    }

    @Override
    public String type() {
        return "json-schema";
    }

    @Override
    public Score score(Item item, String output) {
        JsonText.Parsed parsed = JsonText.parse(output);
        if (!(parsed instanceof JsonText.Parsed.Json json)) {
            return Score.pass(false, ((JsonText.Parsed.NotJson) parsed).reason());
        }
        Set<ValidationMessage> violations = schema.validate(json.node());
        if (violations.isEmpty()) {
            return Score.pass(true, "conforms to the schema" + (json.fenced() ? " (inside a code fence)" : ""));
        }
        List<String> shown = new ArrayList<>();
        for (ValidationMessage v : violations) {
            if (shown.size() == SHOWN_VIOLATIONS) {
                break;
            }
            shown.add(v.getMessage());
        }
        String more = violations.size() > SHOWN_VIOLATIONS
                ? " (+" + (violations.size() - SHOWN_VIOLATIONS) + " more)"
                : "";
        return Score.pass(false, violations.size() + " violation" + (violations.size() == 1 ? "" : "s") + ": "
                + String.join("; ", shown) + more);
    }
}
