package dev.frontier.sandbox;

import dev.frontier.catalog.Catalog;
import dev.frontier.catalog.Conformance;
import dev.frontier.catalog.ModelFacts;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The refusals Bedrock documents, applied to a Converse request before the simulated model sees it: which ids are
 * served on demand in the caller's Region (bare id or only through a system inference profile), prompt caching,
 * structured output and the model's output limit, all read from the model catalog; the status, error type and
 * message of each refusal come from the conformance table. The Region is the one the caller signed for, as on AWS,
 * where each Region has its own endpoint.
 */
final class BedrockRules {

    /** The Region assumed for an unsigned request. */
    static final String DEFAULT_REGION = "us-east-1";
    private static final Pattern SCOPE = Pattern.compile("Credential=[^/,\\s]+/\\d{8}/([a-z0-9-]+)/");

    private final Catalog catalog;
    private final Conformance table;

    BedrockRules(Catalog catalog, Conformance table) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.table = Objects.requireNonNull(table, "table");
    }

    static BedrockRules bundled() {
        return new BedrockRules(Catalog.bundled(), Conformance.bundled());
    }

    /** The Region of a SigV4 {@code Authorization} header's credential scope; the default when there is none. */
    static String region(String authorization) {
        if (authorization == null) {
            return DEFAULT_REGION;
        }
        Matcher m = SCOPE.matcher(authorization);
        return m.find() ? m.group(1) : DEFAULT_REGION;
    }

    /**
     * Checks a Converse request for {@code modelId} in {@code region}; returns the catalog's facts of the model when
     * it names one, empty for ids the catalog cannot read (custom model and application-profile ARNs).
     *
     * @param today the date at the service, for models past their end of life
     * @throws BedrockError the refusal Bedrock documents
     */
    Optional<ModelFacts> check(String modelId, String region, ConverseCall call, LocalDate today) {
        if (catalog.model(modelId).filter(m -> m.lifecycle().endedBy(today)).isPresent()) {
            throw refuse("end-of-life", modelId, 0);
        }
        Catalog.Invocation how = catalog.invocation(modelId, region);
        ModelFacts model;
        if (how instanceof Catalog.Invocation.Allowed allowed) {
            model = allowed.model();
        } else if (how instanceof Catalog.Invocation.NeedsProfile) {
            throw refuse("profile-required", modelId, 0);
        } else if (how instanceof Catalog.Invocation.Opaque) {
            return Optional.empty();
        } else {
            // a profile the Region does not offer, a model not offered there, or one Bedrock does not have
            throw refuse("invalid-model", modelId, 0);
        }
        if (call.hasCachePoint() && model.caching().isEmpty()) {
            throw refuse("caching-unsupported", modelId, 0);
        }
        if (call.structured() && !model.structuredOutput()) {
            throw refuse("structured-output-unsupported", modelId, 0);
        }
        int limit = model.maxOutputTokens();
        if (limit > 0 && call.inference().maxTokens().isPresent() && call.inference().maxTokens().getAsInt() > limit) {
            throw refuse("max-tokens-above-limit", modelId, limit);
        }
        return Optional.of(model);
    }

    private BedrockError refuse(String rule, String modelId, long limit) {
        Conformance.Rule r = table.rule(rule);
        return new BedrockError(r.status(), r.type(), r.message(modelId, limit));
    }
}
