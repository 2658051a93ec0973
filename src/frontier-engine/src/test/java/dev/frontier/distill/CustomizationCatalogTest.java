package dev.frontier.distill;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomizationCatalogTest {

    private static final String EAST = "us-east-1";
    private static final String WEST = "us-west-2";

    @Test
    void supportedPairsFollowBedrocksTable() {
        assertThat(CustomizationCatalog.pairProblem("amazon.nova-pro-v1:0", "amazon.nova-lite-v1:0:300k", EAST))
                .isEmpty();
        assertThat(CustomizationCatalog.pairProblem("us.amazon.nova-pro-v1:0", "amazon.nova-micro-v1:0", EAST))
                .isEmpty();
        assertThat(CustomizationCatalog.pairProblem("anthropic.claude-3-5-sonnet-20241022-v2:0",
                "anthropic.claude-3-haiku-20240307-v1:0:200k", WEST)).isEmpty();
        assertThat(CustomizationCatalog.pairProblem("amazon.nova-lite-v1:0", "amazon.nova-micro-v1:0", EAST))
                .get().asString().contains("not a supported distillation pair", "amazon.nova-pro-v1:0 → ");
        // Nova Premier teaches only through a system inference profile
        assertThat(CustomizationCatalog.pairProblem("amazon.nova-premier-v1:0", "amazon.nova-lite-v1:0", EAST))
                .get().asString().contains("us.amazon.nova-premier-v1:0");
        assertThat(CustomizationCatalog.pairProblem("us.amazon.nova-premier-v1:0", "amazon.nova-lite-v1:0", EAST))
                .isEmpty();
        // Llama 3.1 405B only as an on-demand model id
        assertThat(CustomizationCatalog.pairProblem("us.meta.llama3-1-405b-instruct-v1:0",
                "meta.llama3-1-8b-instruct-v1:0", WEST)).isPresent();
        // Llama 3.1 70B teaches 8B, 3.2 1B and 3.2 3B (the guide's table)
        assertThat(CustomizationCatalog.pairProblem("meta.llama3-1-70b-instruct-v1:0",
                "meta.llama3-2-3b-instruct-v1:0:128k", WEST)).isEmpty();
    }

    @Test
    void pairsAreBoundToTheirRegions() {
        assertThat(CustomizationCatalog.pairProblem("amazon.nova-pro-v1:0", "amazon.nova-lite-v1:0", WEST))
                .get().asString().contains("offered in us-east-1 only, not in us-west-2", "execution.region");
        assertThat(CustomizationCatalog.pairProblem("anthropic.claude-3-5-sonnet-20241022-v2:0",
                "anthropic.claude-3-haiku-20240307-v1:0", EAST)).get().asString().contains("us-west-2 only");
    }

    @Test
    void customizableIdsCarryTheContextWindow() {
        assertThat(CustomizationCatalog.customizableId("amazon.nova-lite-v1:0")).contains("amazon.nova-lite-v1:0:300k");
        assertThat(CustomizationCatalog.customizableId("anthropic.claude-3-haiku-20240307-v1:0:200k"))
                .contains("anthropic.claude-3-haiku-20240307-v1:0:200k");
        assertThat(CustomizationCatalog.customizableId("mistral.mistral-7b-instruct-v0:2")).isEmpty();
    }

    @Test
    void hyperparametersAreCheckedAgainstTheFamilysRanges() {
        assertThat(CustomizationCatalog.hyperParameterProblems("amazon.nova-micro-v1:0:128k",
                Map.of("epochCount", "5", "learningRate", "0.0001", "learningRateWarmupSteps", "0"))).isEmpty();
        assertThat(CustomizationCatalog.hyperParameterProblems("amazon.nova-micro-v1:0:128k",
                Map.of("epochCount", "6"))).containsEntry("epochCount",
                "epochCount = 6 is outside 1–5 for amazon.nova-micro-v1:0 (default 2)");
        assertThat(CustomizationCatalog.hyperParameterProblems("amazon.nova-micro-v1:0:128k",
                Map.of("epochCount", "2.5")).get("epochCount")).contains("whole number");
        assertThat(CustomizationCatalog.hyperParameterProblems("anthropic.claude-3-haiku-20240307-v1:0:200k",
                Map.of("batchSize", "2", "learningRate", "0.1")))
                .containsKeys("batchSize", "learningRate");
        assertThat(CustomizationCatalog.hyperParameterProblems("meta.llama3-1-8b-instruct-v1:0:128k",
                Map.of("batchSize", "1", "learningRate", "abc")).get("learningRate")).contains("must be a number");
        assertThat(CustomizationCatalog.epochs("amazon.nova-lite-v1:0:300k", Map.of())).isEqualTo(2);
        assertThat(CustomizationCatalog.epochs("meta.llama3-1-8b-instruct-v1:0", Map.of())).isEqualTo(5);
        assertThat(CustomizationCatalog.epochs("amazon.nova-lite-v1:0", Map.of("epochCount", "4"))).isEqualTo(4);
    }
}
