package dev.frontier.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frontier.config.SuiteSpec;
import dev.frontier.bedrock.BedrockSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Which endpoint each service gets: the suite, then AWS_ENDPOINT_URL_&lt;SERVICE&gt;, then AWS_ENDPOINT_URL, then the
 * SDK's default (the precedence of the AWS SDKs and Tools reference guide, "Service-specific endpoints").
 */
class ServiceEndpointsTest {

    private static final URI RUNTIME = URI.create("https://vpce-1.bedrock-runtime.us-east-1.vpce.amazonaws.com");
    private static final URI CONTROL = URI.create("https://vpce-2.bedrock.us-east-1.vpce.amazonaws.com");
    private static final URI S3 = URI.create("http://127.0.0.1:9000");

    private static SuiteSpec.EndpointsSpec runtimeOnly() {
        return new SuiteSpec.EndpointsSpec(Optional.of(RUNTIME), Optional.empty(), Optional.empty());
    }

    @Test
    void aSuiteWithOnlyARuntimeOverrideSendsTheControlPlaneAndS3ToTheirDefaults() {
        BedrockSettings.Endpoints e = ServiceEndpoints.resolve(runtimeOnly(), Map.<String, String>of()::get);
        assertThat(e).isEqualTo(new BedrockSettings.Endpoints(Optional.of(RUNTIME), Optional.empty(),
                Optional.empty()));

        // the settings the clients are built from: the control plane and S3 carry no override
        BedrockSettings settings = RunWiring.settings(null, Optional.of("us-east-1"), e, 3, Duration.ofSeconds(5));
        assertThat(settings.endpoints().runtime()).hasValue(RUNTIME);
        assertThat(settings.endpoints().controlPlane()).isEmpty();
        assertThat(settings.endpoints().s3()).isEmpty();
        assertThat(settings.credentials()).isInstanceOf(BedrockSettings.DefaultChain.class);
        assertThat(settings.appId()).isEqualTo("frontier#" + Main.version());
    }

    @Test
    void aServiceVariableFillsWhatTheSuiteLeavesOpen() {
        BedrockSettings.Endpoints e = ServiceEndpoints.resolve(runtimeOnly(), Map.of(
                "AWS_ENDPOINT_URL_BEDROCK", CONTROL.toString(),
                "AWS_ENDPOINT_URL_BEDROCK_RUNTIME", "https://ignored.example.com")::get);
        assertThat(e.runtime()).as("the suite wins over the variable").hasValue(RUNTIME);
        assertThat(e.controlPlane()).hasValue(CONTROL);
        assertThat(e.s3()).isEmpty();
    }

    @Test
    void theServiceVariableWinsOverTheGlobalOne() {
        BedrockSettings.Endpoints e = ServiceEndpoints.resolve(SuiteSpec.EndpointsSpec.none(), Map.of(
                "AWS_ENDPOINT_URL", "http://127.0.0.1:4566",
                "AWS_ENDPOINT_URL_S3", S3.toString())::get);
        assertThat(e.runtime()).hasValue(URI.create("http://127.0.0.1:4566"));
        assertThat(e.controlPlane()).hasValue(URI.create("http://127.0.0.1:4566"));
        assertThat(e.s3()).hasValue(S3);
    }

    @Test
    void ignoreConfiguredEndpointUrlsDropsTheVariablesButNotTheSuite() {
        BedrockSettings.Endpoints e = ServiceEndpoints.resolve(runtimeOnly(), Map.of(
                "AWS_ENDPOINT_URL", "http://127.0.0.1:4566",
                "AWS_ENDPOINT_URL_S3", S3.toString(),
                "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "TRUE")::get);
        assertThat(e).isEqualTo(new BedrockSettings.Endpoints(Optional.of(RUNTIME), Optional.empty(),
                Optional.empty()));
    }

    @Test
    void blankVariablesAreUnset() {
        assertThat(ServiceEndpoints.resolve(SuiteSpec.EndpointsSpec.none(), Map.of("AWS_ENDPOINT_URL", " ",
                "AWS_ENDPOINT_URL_BEDROCK", "")::get)).isEqualTo(BedrockSettings.Endpoints.none());
    }

    @Test
    void aVariableThatIsNotAUrlIsInvalidInputNamingTheVariableButNotItsValue() {
        assertThatThrownBy(() -> ServiceEndpoints.resolve(SuiteSpec.EndpointsSpec.none(),
                Map.of("AWS_ENDPOINT_URL_BEDROCK", "https://user:secret@/nohost")::get))
                .isInstanceOfSatisfying(CliFailure.class, f -> {
                    assertThat(f.exit()).isEqualTo(Exit.INVALID_INPUT);
                    assertThat(f.getMessage()).contains("AWS_ENDPOINT_URL_BEDROCK is not an http(s) URL",
                            "https://bedrock.us-east-1.amazonaws.com").doesNotContain("secret");
                });
        // a variable for a service the suite overrides is not read, so it cannot fail the run
        assertThat(ServiceEndpoints.resolve(runtimeOnly(), Map.of("AWS_ENDPOINT_URL_BEDROCK_RUNTIME", "nonsense")::get)
                .runtime()).hasValue(RUNTIME);
    }

    @Test
    void aPrintedEndpointShowsNoUserInfoPathOrQuery() {
        assertThat(ServiceEndpoints.hostOf(URI.create("https://user:secret@proxy.example.com:8443/bedrock?x=1")))
                .isEqualTo("https://proxy.example.com:8443");
        assertThat(ServiceEndpoints.hostOf(RUNTIME)).isEqualTo(RUNTIME.toString());
    }

    @Test
    void theSandboxGetsItsOwnEndpointsWhateverTheSuiteOrEnvironmentSay() {
        try (var sandbox = dev.frontier.sandbox.Sandbox.start(dev.frontier.sandbox.SandboxOptions.forTests())) {
            BedrockSettings settings = RunWiring.settings(sandbox, Optional.of("us-east-1"),
                    new BedrockSettings.Endpoints(Optional.of(RUNTIME), Optional.of(CONTROL), Optional.of(S3)), 1,
                    Duration.ofSeconds(5));
            assertThat(settings.endpoints()).isEqualTo(new BedrockSettings.Endpoints(Optional.of(sandbox.endpoint()),
                    Optional.of(sandbox.endpoint()), Optional.empty(), Optional.of(sandbox.endpoint())));
            assertThat(settings.credentials()).isEqualTo(new BedrockSettings.Static("sandbox", "sandbox"));
        }
    }
}
