package dev.frontier.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frontier.catalog.AccountModels;
import dev.frontier.invoke.CloudException;
import dev.frontier.sandbox.Sandbox;
import dev.frontier.sandbox.SandboxOptions;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The account's listing through the SDK's control-plane client, against the sandbox and against nothing. */
@Tag("e2e")
class ModelListingTest {

    private static BedrockSettings settings(String region, URI endpoint) {
        return new BedrockSettings(Optional.of(region), BedrockSettings.Endpoints.local(endpoint, Optional.empty()),
                new BedrockSettings.Static("sandbox", "sandbox"), 1, Duration.ofSeconds(10), "frontier#test");
    }

    @Test
    void readsModelsAndEveryPageOfSystemProfilesForTheSignedRegion() {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.forTests());
             ModelListing east = new ModelListing(CloudClients.bedrock(settings("us-east-1", sandbox.endpoint())));
             ModelListing west = new ModelListing(CloudClients.bedrock(settings("us-west-2", sandbox.endpoint())))) {
            AccountModels listed = east.read("us-east-1");
            assertThat(listed.models()).hasSize(23);
            AccountModels.Model haiku = listed.models().stream()
                    .filter(m -> m.modelId().equals("anthropic.claude-haiku-4-5-20251001-v1:0")).findFirst()
                    .orElseThrow();
            assertThat(haiku.inferenceTypes()).containsExactly("INFERENCE_PROFILE");
            assertThat(haiku.outputModalities()).containsExactly("TEXT");
            assertThat(haiku.provider()).isEqualTo("Anthropic");
            assertThat(haiku.status()).isEqualTo("ACTIVE");
            assertThat(listed.profiles()).contains(new AccountModels.Profile(
                    "global.anthropic.claude-haiku-4-5-20251001-v1:0", "SYSTEM_DEFINED"));
            // Claude 3.5 Sonnet v2 takes its bare id in us-west-2, not in us-east-1
            assertThat(west.read("us-west-2").models()).filteredOn(m -> m.modelId()
                            .equals("anthropic.claude-3-5-sonnet-20241022-v2:0")).singleElement()
                    .satisfies(m -> assertThat(m.inferenceTypes()).containsExactly("ON_DEMAND"));
        }
    }

    @Test
    void anUnreachableEndpointIsACloudExceptionNamingTheOperationAndRegion() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (ModelListing listing = new ModelListing(CloudClients.bedrock(settings("eu-west-1",
                URI.create("http://127.0.0.1:" + port))))) {
            assertThatThrownBy(() -> listing.read("eu-west-1")).isInstanceOf(CloudException.class)
                    .hasMessageContaining("ListFoundationModels in eu-west-1");
        }
    }
}
