package dev.frontier.catalog;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A model identifier as a caller gives it to Converse, read into what it names.
 *
 * @param raw     as given
 * @param kind    what form it has
 * @param baseId  the foundation model it names, without profile prefix, ARN or context-window suffix; for an
 *                application inference profile, a prompt router or another resource ARN, the ARN itself (the model
 *                behind it is not known from the id)
 * @param profile the system inference profile's prefix ({@code us}, {@code eu}, {@code apac}, {@code global} …)
 * @param region  the Region named in an ARN
 */
public record ModelId(String raw, Kind kind, String baseId, Optional<String> profile, Optional<String> region) {

    /** The forms a model identifier takes. */
    public enum Kind {
        /** {@code amazon.nova-lite-v1:0} */
        BARE,
        /** {@code us.amazon.nova-lite-v1:0}, {@code global.anthropic…} */
        PROFILE,
        /** {@code arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0} */
        FOUNDATION_MODEL_ARN,
        /** {@code arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.amazon.nova-lite-v1:0} */
        PROFILE_ARN,
        /** {@code arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc123} */
        APPLICATION_PROFILE_ARN,
        /**
         * {@code arn:aws:bedrock:us-east-1:123456789012:default-prompt-router/amazon.nova:1} or
         * {@code …:prompt-router/abc123}: the model that serves a request is known only from the response's trace
         */
        PROMPT_ROUTER_ARN,
        /** any other resource: provisioned model, custom model deployment, imported model */
        OTHER_ARN
    }

    /** System inference-profile prefixes Bedrock uses (inference-profiles-support). */
    public static final List<String> PROFILE_PREFIXES = List.of("us", "eu", "apac", "jp", "au", "ca", "us-gov",
            "global");
    private static final Pattern PREFIX = Pattern.compile("^(us-gov|us|eu|apac|jp|au|ca|global)\\.(.+)$");
    private static final Pattern WINDOW = Pattern.compile(":[0-9]+k$");
    private static final Pattern ARN = Pattern.compile("^arn:aws[a-z-]*:bedrock:([a-z0-9-]*):[0-9]*:([a-z-]+)/(.+)$");

    /** Reads {@code id}; never fails (an unrecognised string is a bare id the catalog will not know). */
    public static ModelId parse(String id) {
        Matcher arn = ARN.matcher(id);
        if (arn.matches()) {
            Optional<String> region = arn.group(1).isEmpty() ? Optional.empty() : Optional.of(arn.group(1));
            String resource = arn.group(3);
            switch (arn.group(2)) {
                case "foundation-model":
                    return new ModelId(id, Kind.FOUNDATION_MODEL_ARN, strip(resource), Optional.empty(), region);
                case "inference-profile": {
                    Matcher p = PREFIX.matcher(resource);
                    return p.matches()
                            ? new ModelId(id, Kind.PROFILE_ARN, strip(p.group(2)), Optional.of(p.group(1)), region)
                            : new ModelId(id, Kind.OTHER_ARN, id, Optional.empty(), region);
                }
                case "application-inference-profile":
                    return new ModelId(id, Kind.APPLICATION_PROFILE_ARN, id, Optional.empty(), region);
                case "default-prompt-router", "prompt-router":
                    return new ModelId(id, Kind.PROMPT_ROUTER_ARN, id, Optional.empty(), region);
                default:
                    return new ModelId(id, Kind.OTHER_ARN, id, Optional.empty(), region);
            }
        }
        if (id.startsWith("arn:")) {
            return new ModelId(id, Kind.OTHER_ARN, id, Optional.empty(), Optional.empty());
        }
        Matcher p = PREFIX.matcher(id);
        if (p.matches()) {
            return new ModelId(id, Kind.PROFILE, strip(p.group(2)), Optional.of(p.group(1)), Optional.empty());
        }
        return new ModelId(id, Kind.BARE, strip(id), Optional.empty(), Optional.empty());
    }

    /** Whether it names a foundation model directly (bare id or its ARN), not through a profile. */
    public boolean isDirect() {
        return kind == Kind.BARE || kind == Kind.FOUNDATION_MODEL_ARN;
    }

    /** Whether the catalog can say which model it serves. */
    public boolean namesModel() {
        return kind != Kind.APPLICATION_PROFILE_ARN && kind != Kind.PROMPT_ROUTER_ARN && kind != Kind.OTHER_ARN;
    }

    /** Whether it is a prompt router, default or configured. */
    public boolean isRouter() {
        return kind == Kind.PROMPT_ROUTER_ARN;
    }

    /**
     * The id of a default prompt router ({@code amazon.nova:1} from {@code …:default-prompt-router/amazon.nova:1});
     * empty for a configured router or any other id.
     */
    public Optional<String> defaultRouterId() {
        String marker = ":default-prompt-router/";
        int at = raw.indexOf(marker);
        return kind == Kind.PROMPT_ROUTER_ARN && at >= 0 ? Optional.of(raw.substring(at + marker.length()))
                : Optional.empty();
    }

    /** Whether it goes through the global cross-Region profile, which has prices of its own. */
    public boolean isGlobal() {
        return profile.filter("global"::equals).isPresent();
    }

    private static String strip(String id) {
        return WINDOW.matcher(id).replaceFirst("");
    }
}
