package dev.frontier.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The conformance table: documented Bedrock refusals (status, error type, message, source) and requests with their
 * documented outcome. The sandbox answers with the rules; the conformance test sends the cases to the sandbox, and
 * to a real account when asked.
 *
 * @param version the table's version
 * @param rules   refusals by rule name
 * @param cases   requests and what Bedrock answers
 */
public record Conformance(String version, Map<String, Rule> rules, List<Case> cases) {

    private static final String BUNDLED = "/catalog/conformance.json";
    private static volatile Conformance bundled;

    /** The outcome of a case that Bedrock answers. */
    public static final String OK = "ok";

    /**
     * A refusal.
     *
     * @param rule      its name
     * @param status    HTTP status code
     * @param type      error type ({@code x-amzn-ErrorType})
     * @param message   the message, with {@code {model}} and {@code {limit}} to fill in
     * @param fragment  the part of the message a test checks
     * @param confirmed whether the wording is confirmed (else a test checks status and type only)
     * @param source    where the behaviour is documented
     */
    public record Rule(String rule, int status, String type, String message, String fragment, boolean confirmed,
                       String source) {

        /** The message for {@code model} (and {@code limit}, where the message names one). */
        public String message(String model, long limit) {
            return message.replace("{model}", model).replace("{limit}", Long.toString(limit));
        }
    }

    /**
     * A request and its documented outcome.
     *
     * @param name        what it shows
     * @param region      the Region it is sent to
     * @param model       the model id as sent
     * @param cachePoint  whether the system prompt ends with a cache checkpoint
     * @param outputConfig whether it asks for structured output
     * @param maxTokens   {@code inferenceConfig.maxTokens}, when set
     * @param expect      {@value #OK} or a rule name
     * @param cacheWrite  for an answered request: the cache-write tokens Bedrock reports, when the case says
     */
    public record Case(String name, String region, String model, boolean cachePoint, boolean outputConfig,
                       OptionalInt maxTokens, String expect, OptionalInt cacheWrite) {
    }

    /** The table shipped with frontier (read once). */
    public static Conformance bundled() {
        Conformance c = bundled;
        if (c == null) {
            c = parse(BundledJson.read(BUNDLED, "conformance table"));
            bundled = c;
        }
        return c;
    }

    static Conformance parse(JsonNode doc) {
        Map<String, Rule> rules = new LinkedHashMap<>();
        for (JsonNode r : doc.path("rules")) {
            rules.put(r.path("rule").asText(), new Rule(r.path("rule").asText(), r.path("status").asInt(),
                    r.path("type").asText(), r.path("message").asText(), r.path("fragment").asText(),
                    r.path("confirmed").asBoolean(false), r.path("source").asText()));
        }
        List<Case> cases = new ArrayList<>();
        for (JsonNode c : doc.path("cases")) {
            cases.add(new Case(c.path("name").asText(), c.path("region").asText(), c.path("model").asText(),
                    c.path("cachePoint").asBoolean(false), c.path("outputConfig").asBoolean(false), integer(c,
                    "maxTokens"), c.path("expect").asText(), integer(c, "cacheWrite")));
        }
        return new Conformance(doc.path("version").asText(), Map.copyOf(rules), List.copyOf(cases));
    }

    private static OptionalInt integer(JsonNode n, String key) {
        return n.has(key) ? OptionalInt.of(n.get(key).asInt()) : OptionalInt.empty();
    }

    /** The rule named {@code name}; every name the code uses is in the table. */
    public Rule rule(String name) {
        return Optional.ofNullable(rules.get(name))
                .orElseThrow(() -> new IllegalStateException("no conformance rule '" + name + "'"));
    }
}
