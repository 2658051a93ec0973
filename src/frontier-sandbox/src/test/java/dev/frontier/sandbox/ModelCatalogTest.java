package dev.frontier.sandbox;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class ModelCatalogTest {

    private final ModelCatalog catalog = ModelCatalog.builtIn();

    private ModelProfile profile(String id) {
        return catalog.resolve(id).orElseThrow();
    }

    @Test
    void allRequiredModelsAreThere() {
        assertThat(catalog.modelIds()).containsExactlyInAnyOrder(
                "anthropic.claude-3-5-sonnet-20241022-v2:0", "anthropic.claude-3-7-sonnet-20250219-v1:0",
                "anthropic.claude-sonnet-4-20250514-v1:0", "anthropic.claude-3-5-haiku-20241022-v1:0",
                "anthropic.claude-3-haiku-20240307-v1:0", "amazon.nova-premier-v1:0", "amazon.nova-pro-v1:0",
                "amazon.nova-lite-v1:0", "amazon.nova-micro-v1:0", "meta.llama3-1-8b-instruct-v1:0",
                "meta.llama3-1-70b-instruct-v1:0", "meta.llama3-3-70b-instruct-v1:0",
                "mistral.mistral-7b-instruct-v0:2", "mistral.mixtral-8x7b-instruct-v0:1",
                "mistral.mistral-large-2402-v1:0", "mistral.mistral-small-2402-v1:0",
                "anthropic.claude-sonnet-4-5-20250929-v1:0", "anthropic.claude-opus-4-5-20251101-v1:0",
                "anthropic.claude-haiku-4-5-20251001-v1:0", "anthropic.claude-3-5-sonnet-20240620-v1:0",
                "amazon.nova-2-lite-v1:0");
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.forTests())) {
            assertThat(sandbox.modelIds()).isEqualTo(catalog.modelIds()).isSorted();
        }
    }

    @Test
    void inferenceProfilesAndArnsResolveToTheBaseModel() {
        ModelProfile lite = profile("amazon.nova-lite-v1:0");
        for (String id : new String[] {"us.amazon.nova-lite-v1:0", "eu.amazon.nova-lite-v1:0",
                "apac.amazon.nova-lite-v1:0", "global.amazon.nova-lite-v1:0",
                "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0",
                "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.amazon.nova-lite-v1:0"}) {
            assertThat(catalog.resolve(id)).as(id).containsSame(lite);
        }
    }

    @Test
    void unknownIdsAreEmpty() {
        assertThat(catalog.resolve("amazon.nova-lite")).isEmpty();
        assertThat(catalog.resolve("xx.amazon.nova-lite-v1:0")).isEmpty();
        assertThat(catalog.resolve("us.us.amazon.nova-lite-v1:0")).isEmpty();
        assertThat(catalog.resolve("")).isEmpty();
    }

    @Test
    void tiersFollowTheUsualOrdering() {
        double sonnet = profile("anthropic.claude-3-5-sonnet-20241022-v2:0").tier();
        double novaPro = profile("amazon.nova-pro-v1:0").tier();
        double haiku = profile("anthropic.claude-3-haiku-20240307-v1:0").tier();
        double lite = profile("amazon.nova-lite-v1:0").tier();
        double micro = profile("amazon.nova-micro-v1:0").tier();
        double llama8b = profile("meta.llama3-1-8b-instruct-v1:0").tier();
        assertThat(sonnet).isGreaterThan(novaPro);
        assertThat(novaPro).isGreaterThan(haiku);
        assertThat(haiku).isGreaterThan(lite);
        assertThat(lite).isGreaterThan(micro);
        assertThat(micro).isGreaterThan(llama8b);
    }

    @Test
    void cacheMinimumsMatchBedrock() {
        assertThat(profile("anthropic.claude-3-5-sonnet-20241022-v2:0").cacheMinTokens()).isEqualTo(1024);
        assertThat(profile("anthropic.claude-3-7-sonnet-20250219-v1:0").cacheMinTokens()).isEqualTo(1024);
        assertThat(profile("anthropic.claude-sonnet-4-20250514-v1:0").cacheMinTokens()).isEqualTo(1024);
        assertThat(profile("anthropic.claude-3-5-haiku-20241022-v1:0").cacheMinTokens()).isEqualTo(2048);
        assertThat(profile("amazon.nova-micro-v1:0").cacheMinTokens()).isEqualTo(1000);
        assertThat(profile("amazon.nova-premier-v1:0").cacheMinTokens()).isEqualTo(1000);
        assertThat(profile("anthropic.claude-3-haiku-20240307-v1:0").supportsCaching()).isFalse();
        assertThat(profile("meta.llama3-3-70b-instruct-v1:0").supportsCaching()).isFalse();
        assertThat(profile("mistral.mistral-large-2402-v1:0").supportsCaching()).isFalse();
        assertThat(profile("anthropic.claude-haiku-4-5-20251001-v1:0").cacheMinTokens()).isEqualTo(4096);
    }

    @Test
    void everySimulatedModelIsInTheModelCatalog() {
        for (String id : catalog.modelIds()) {
            assertThat(dev.frontier.catalog.Catalog.bundled().model(id)).as(id).isPresent();
        }
    }

    @Test
    void latencyIsDeterministicForASeedAndGrowsWithOutput() {
        ModelProfile sonnet = profile("anthropic.claude-3-5-sonnet-20241022-v2:0");
        assertThat(sonnet.latencyMs(100, 500, 0, new SplittableRandom(7)))
                .isEqualTo(sonnet.latencyMs(100, 500, 0, new SplittableRandom(7)));
        assertThat(sonnet.latencyMs(400, 500, 0, new SplittableRandom(7)))
                .isGreaterThan(sonnet.latencyMs(100, 500, 0, new SplittableRandom(7)));
    }
}
