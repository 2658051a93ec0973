package dev.frontier.route;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;
import java.util.Map;

/**
 * A policy as a small JSON artefact that a serving path can load: its kind, the candidates (and, when given, their
 * model ids), and either the signal and threshold of a cascade or the features, standardization, weights, intercept
 * and threshold of a learned router. Written and read with Jackson; ±∞ thresholds (never / always escalate) are
 * written as the strings {@code "Infinity"} and {@code "-Infinity"}.
 */
public final class PolicyExport {

    /** The artefact's format id. */
    public static final String FORMAT = "frontier.route/v1";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private PolicyExport() {
    }

    /** The artefact's shape: one flat object, members that do not apply to the kind left out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Artefact(String format, PolicyKind kind, List<String> arms, Map<String, String> models, Double margin,
                    String first, String then, String signal, String escalateWhen, String cheap, String dear,
                    List<String> features, double[] means, double[] scales, double[] weights, Double intercept,
                    Double threshold) {
    }

    /** {@code p} as JSON, naming the candidates by id. */
    public static String json(Policy p) {
        return json(p, null);
    }

    /** {@code p} as JSON with the model id of each of its candidates, from {@code data}. */
    public static String json(Policy p, RoutingData data) {
        Map<String, String> models = null;
        if (data != null) {
            java.util.LinkedHashMap<String, String> m = new java.util.LinkedHashMap<>();
            for (String arm : p.arms()) {
                m.put(arm, data.arm(arm).orElseThrow(() -> new IllegalArgumentException("no arm " + arm)).model());
            }
            models = m;
        }
        Artefact a;
        if (p instanceof Policy.Single s) {
            a = new Artefact(FORMAT, s.kind(), s.arms(), models, null, null, null, null, null, null, null, null,
                    null, null, null, null, null);
        } else if (p instanceof Policy.Oracle o) {
            a = new Artefact(FORMAT, o.kind(), o.arms(), models, o.margin(), null, null, null, null, null, null,
                    null, null, null, null, null, null);
        } else if (p instanceof Policy.Cascade c) {
            a = new Artefact(FORMAT, c.kind(), c.arms(), models, null, c.first(), c.then(), c.signal(),
                    c.escalateWhenBelow() ? "below" : "above", null, null, null, null, null, null, null,
                    c.threshold());
        } else {
            Policy.Learned l = (Policy.Learned) p;
            a = new Artefact(FORMAT, l.kind(), l.arms(), models, null, null, null, null, null, l.cheap(), l.dear(),
                    l.featureNames(), l.means(), l.scales(), l.weights(), l.intercept(), l.threshold());
        }
        try {
            return MAPPER.writeValueAsString(a);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a policy could not be written as JSON", e);
        }
    }

    /**
     * The policy in an artefact written by {@link #json}.
     *
     * @throws IllegalArgumentException when the text is not such an artefact
     */
    public static Policy read(String json) {
        Artefact a;
        try {
            a = MAPPER.readValue(json, Artefact.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a routing policy artefact: " + e.getOriginalMessage(), e);
        }
        if (!FORMAT.equals(a.format()) || a.kind() == null) {
            throw new IllegalArgumentException("not a routing policy artefact (format " + a.format() + ", expected "
                    + FORMAT + ")");
        }
        try {
            return switch (a.kind()) {
                case SINGLE -> new Policy.Single(a.arms().get(0));
                case ORACLE -> new Policy.Oracle(a.arms(), a.margin());
                case CASCADE -> new Policy.Cascade(a.first(), a.then(), a.signal(), a.threshold(),
                        "below".equals(a.escalateWhen()));
                case LEARNED -> new Policy.Learned(a.cheap(), a.dear(), a.features(), a.means(), a.scales(),
                        a.weights(), a.intercept(), a.threshold());
            };
        } catch (NullPointerException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("incomplete " + a.kind() + " policy artefact", e);
        }
    }
}
