package dev.frontier.cli;

import dev.frontier.config.SuiteSpec;
import dev.frontier.bedrock.BedrockSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Which endpoint Bedrock Runtime, the Bedrock control plane and S3 are each sent to, in the precedence of the AWS
 * SDKs and Tools reference guide ("Service-specific endpoints",
 * https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html):
 * <ol>
 *   <li>the suite's {@code execution.endpoints.<service>} (an endpoint given to the client explicitly, which the
 *       guide says is always used);</li>
 *   <li>the service-specific variable {@code AWS_ENDPOINT_URL_BEDROCK_RUNTIME}, {@code AWS_ENDPOINT_URL_BEDROCK} or
 *       {@code AWS_ENDPOINT_URL_S3} (it "overrides any global endpoint set in AWS_ENDPOINT_URL");</li>
 *   <li>the global {@code AWS_ENDPOINT_URL};</li>
 *   <li>none: the SDK's default regional endpoint.</li>
 * </ol>
 * {@code AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true} turns the variables off, as it does in the SDKs; the suite's
 * endpoints still apply. Endpoints in the shared config file are left to the SDK, which reads them itself when no
 * override is given.
 */
final class ServiceEndpoints {

    static final String GLOBAL = "AWS_ENDPOINT_URL";
    static final String RUNTIME = "AWS_ENDPOINT_URL_BEDROCK_RUNTIME";
    static final String CONTROL_PLANE = "AWS_ENDPOINT_URL_BEDROCK";
    static final String S3 = "AWS_ENDPOINT_URL_S3";
    static final String IGNORE = "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS";

    private ServiceEndpoints() {
    }

    /** The endpoints for a suite, with this process's environment. */
    static BedrockSettings.Endpoints resolve(SuiteSpec.EndpointsSpec suite) {
        return resolve(suite, System::getenv);
    }

    /**
     * The endpoints for a suite's overrides and an environment.
     *
     * @param env the value of an environment variable, or null when it is not set
     * @throws CliFailure exit 2 when a variable that applies is not an http(s) URL
     */
    static BedrockSettings.Endpoints resolve(SuiteSpec.EndpointsSpec suite, UnaryOperator<String> env) {
        boolean ignore = "true".equals(Optional.ofNullable(env.apply(IGNORE)).map(v -> v.trim()
                .toLowerCase(Locale.ROOT)).orElse(""));
        return new BedrockSettings.Endpoints(
                pick(suite.runtime(), RUNTIME, env, ignore),
                pick(suite.controlPlane(), CONTROL_PLANE, env, ignore),
                pick(suite.s3(), S3, env, ignore));
    }

    /** An endpoint as it may be printed: scheme, host and port, without user info, path or query. */
    static String hostOf(URI endpoint) {
        return endpoint.getScheme() + "://" + endpoint.getHost() + (endpoint.getPort() < 0 ? ""
                : ":" + endpoint.getPort());
    }

    private static Optional<URI> pick(Optional<URI> fromSuite, String variable, UnaryOperator<String> env,
                                      boolean ignore) {
        if (fromSuite.isPresent()) {
            return fromSuite;
        }
        if (ignore) {
            return Optional.empty();
        }
        return variable(variable, env).or(() -> variable(GLOBAL, env));
    }

    private static Optional<URI> variable(String name, UnaryOperator<String> env) {
        String raw = env.apply(name);
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            URI u = new URI(raw.trim());
            if (("https".equals(u.getScheme()) || "http".equals(u.getScheme())) && u.getHost() != null
                    && u.getRawQuery() == null && u.getRawFragment() == null) {
                return Optional.of(u);
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        // the value is not repeated: a URL can carry credentials
        throw new CliFailure(Exit.INVALID_INPUT, "the environment variable " + name + " is not an http(s) URL with "
                + "a host (set it to e.g. " + example(name) + ", or unset it for the default endpoint)");
    }

    private static String example(String name) {
        return switch (name) {
            case RUNTIME -> "https://bedrock-runtime.us-east-1.amazonaws.com";
            case CONTROL_PLANE -> "https://bedrock.us-east-1.amazonaws.com";
            case S3 -> "https://s3.us-east-1.amazonaws.com";
            default -> "http://127.0.0.1:8787";
        };
    }
}
