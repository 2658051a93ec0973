package dev.frontier.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frontier.catalog.Catalog;
import dev.frontier.catalog.ModelFacts;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.model.BedrockException;
import software.amazon.awssdk.services.bedrock.model.FoundationModelDetails;
import software.amazon.awssdk.services.bedrock.model.FoundationModelLifecycleStatus;
import software.amazon.awssdk.services.bedrock.model.FoundationModelSummary;
import software.amazon.awssdk.services.bedrock.model.GetInferenceProfileResponse;
import software.amazon.awssdk.services.bedrock.model.InferenceProfileSummary;
import software.amazon.awssdk.services.bedrock.model.InferenceProfileType;
import software.amazon.awssdk.services.bedrock.model.InferenceType;
import software.amazon.awssdk.services.bedrock.model.ModelModality;
import software.amazon.awssdk.services.bedrock.model.ResourceNotFoundException;

/**
 * ListFoundationModels, GetFoundationModel, ListInferenceProfiles and GetInferenceProfile through the real
 * {@link BedrockClient}: answers come from the model catalog for the Region the client signs for.
 */
class CatalogOperationsTest {

    private static final String HAIKU_45 = "anthropic.claude-haiku-4-5-20251001-v1:0";
    private static final Catalog CATALOG = Catalog.bundled();
    private static Sandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(SandboxOptions.forTests());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static BedrockClient bedrock(String region) {
        return BedrockClient.builder().endpointOverride(sandbox.endpoint()).region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("sandbox", "sandbox")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    private static Set<String> ids(List<FoundationModelSummary> models) {
        return models.stream().map(FoundationModelSummary::modelId).collect(Collectors.toSet());
    }

    @Test
    void listsEveryCatalogModelOfTheRegionWithHowItIsCalled() {
        try (BedrockClient bedrock = bedrock("us-east-1")) {
            List<FoundationModelSummary> all = bedrock.listFoundationModels(b -> { }).modelSummaries();
            Set<String> expected = CATALOG.models().values().stream().filter(m -> m.in("us-east-1").isPresent())
                    .map(ModelFacts::id).collect(Collectors.toSet());
            assertThat(ids(all)).isEqualTo(expected).hasSize(23);
            FoundationModelSummary lite = all.stream().filter(m -> m.modelId().equals("amazon.nova-lite-v1:0"))
                    .findFirst().orElseThrow();
            assertThat(lite.modelArn()).isEqualTo("arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0");
            assertThat(lite.providerName()).isEqualTo("Amazon");
            assertThat(lite.inferenceTypesSupported()).containsExactly(InferenceType.ON_DEMAND);
            assertThat(lite.outputModalities()).containsExactly(ModelModality.TEXT);
            assertThat(lite.inputModalitiesAsStrings()).containsExactly("TEXT", "IMAGE", "VIDEO");
            assertThat(lite.modelLifecycle().status()).isEqualTo(FoundationModelLifecycleStatus.ACTIVE);
            // served only through a profile in us-east-1: Bedrock's INFERENCE_PROFILE, newer than the SDK's enum
            FoundationModelSummary haiku = all.stream().filter(m -> m.modelId().equals(HAIKU_45)).findFirst()
                    .orElseThrow();
            assertThat(haiku.inferenceTypesSupportedAsStrings()).containsExactly("INFERENCE_PROFILE");
        }
    }

    @Test
    void filtersByProviderInferenceTypeAndOutputModalityAndRefusesUnknownValues() {
        try (BedrockClient bedrock = bedrock("us-east-1")) {
            assertThat(ids(bedrock.listFoundationModels(b -> b.byProvider("anthropic")).modelSummaries()))
                    .allMatch(id -> id.startsWith("anthropic.")).hasSize(9);
            Set<String> onDemand = ids(bedrock.listFoundationModels(b -> b.byInferenceType(InferenceType.ON_DEMAND))
                    .modelSummaries());
            assertThat(onDemand).contains("amazon.nova-micro-v1:0", "mistral.mistral-large-2402-v1:0")
                    .doesNotContain(HAIKU_45, "meta.llama3-3-70b-instruct-v1:0");
            assertThat(bedrock.listFoundationModels(b -> b.byOutputModality(ModelModality.IMAGE)).modelSummaries())
                    .isEmpty();
            assertThat(bedrock.listFoundationModels(b -> b.byInferenceType(InferenceType.PROVISIONED))
                    .modelSummaries()).isEmpty();
            assertThat(ids(bedrock.listFoundationModels(b -> b.byProvider("Mistral AI")).modelSummaries()))
                    .hasSize(4);
            assertThatThrownBy(() -> bedrock.listFoundationModels(b -> b.byProvider("meta/llama")))
                    .isInstanceOf(BedrockException.class).hasMessageContaining("byProvider");
            assertThatThrownBy(() -> bedrock.listFoundationModels(b -> b.byInferenceType("SOMETIMES")))
                    .isInstanceOf(BedrockException.class).hasMessageContaining("byInferenceType")
                    .satisfies(e -> assertThat(((BedrockException) e).statusCode()).isEqualTo(400));
        }
    }

    @Test
    void getFoundationModelCarriesTheLifecycleDatesAndKnowsTheRegion() {
        try (BedrockClient bedrock = bedrock("us-east-1"); BedrockClient west = bedrock("us-west-2")) {
            FoundationModelDetails haiku3 = bedrock.getFoundationModel(b -> b.modelIdentifier(
                    "anthropic.claude-3-haiku-20240307-v1:0")).modelDetails();
            assertThat(haiku3.modelLifecycle().status()).isEqualTo(FoundationModelLifecycleStatus.LEGACY);
            assertThat(haiku3.modelLifecycle().legacyTime()).isEqualTo(Instant.parse("2026-03-10T00:00:00Z"));
            assertThat(haiku3.modelLifecycle().publicExtendedAccessTime())
                    .isEqualTo(Instant.parse("2026-06-10T00:00:00Z"));
            assertThat(haiku3.modelLifecycle().endOfLifeTime()).isEqualTo(Instant.parse("2026-09-10T00:00:00Z"));
            assertThat(haiku3.inferenceTypesSupported()).containsExactly(InferenceType.ON_DEMAND);
            // by ARN too; the same model is ON_DEMAND by id in us-west-2 and profile-only in us-east-1
            String sonnetV2 = "anthropic.claude-3-5-sonnet-20241022-v2:0";
            assertThat(bedrock.getFoundationModel(b -> b.modelIdentifier("arn:aws:bedrock:us-east-1::foundation-model/"
                    + sonnetV2)).modelDetails().inferenceTypesSupportedAsStrings()).containsExactly("INFERENCE_PROFILE");
            assertThat(west.getFoundationModel(b -> b.modelIdentifier(sonnetV2)).modelDetails()
                    .inferenceTypesSupported()).containsExactly(InferenceType.ON_DEMAND);
            assertThat(bedrock.getFoundationModel(b -> b.modelIdentifier(HAIKU_45)).modelDetails().modelLifecycle()
                    .endOfLifeTime()).isNull();
            for (String unknown : List.of("amazon.nova-ultra-v9:0", "us." + HAIKU_45,
                    "arn:aws:bedrock:us-west-2::foundation-model/" + HAIKU_45)) {
                assertThatThrownBy(() -> bedrock.getFoundationModel(b -> b.modelIdentifier(unknown)))
                        .as(unknown).isInstanceOf(ResourceNotFoundException.class)
                        .satisfies(e -> assertThat(((BedrockException) e).statusCode()).isEqualTo(404));
            }
        }
        // a Region the catalog does not know offers nothing
        try (BedrockClient paris = bedrock("eu-west-3")) {
            assertThat(paris.listFoundationModels(b -> { }).modelSummaries()).isEmpty();
            assertThatThrownBy(() -> paris.getFoundationModel(b -> b.modelIdentifier("amazon.nova-lite-v1:0")))
                    .isInstanceOf(ResourceNotFoundException.class);
        }
    }

    @Test
    void listsTheSystemDefinedProfilesPageByPageAndGetsOne() {
        try (BedrockClient bedrock = bedrock("us-east-1")) {
            List<InferenceProfileSummary> all = bedrock.listInferenceProfilesPaginator(b -> b
                    .typeEquals(InferenceProfileType.SYSTEM_DEFINED).maxResults(5)).inferenceProfileSummaries()
                    .stream().toList();
            long expected = CATALOG.models().values().stream().mapToLong(m -> m.in("us-east-1")
                    .map(r -> r.profiles().size()).orElse(0)).sum();
            assertThat(all).hasSize((int) expected);
            assertThat(all).extracting(InferenceProfileSummary::inferenceProfileId)
                    .contains("us." + HAIKU_45, "global." + HAIKU_45, "us.amazon.nova-lite-v1:0")
                    .doesNotHaveDuplicates();
            assertThat(bedrock.listInferenceProfiles(b -> b.typeEquals(InferenceProfileType.APPLICATION))
                    .inferenceProfileSummaries()).isEmpty();

            GetInferenceProfileResponse p = bedrock.getInferenceProfile(b -> b.inferenceProfileIdentifier("us."
                    + HAIKU_45));
            assertThat(p.inferenceProfileArn()).isEqualTo("arn:aws:bedrock:us-east-1:123456789012:inference-profile/us."
                    + HAIKU_45);
            assertThat(p.type()).isEqualTo(InferenceProfileType.SYSTEM_DEFINED);
            assertThat(p.statusAsString()).isEqualTo("ACTIVE");
            assertThat(p.models()).extracting(m -> m.modelArn()).containsExactly(
                    "arn:aws:bedrock:us-east-1::foundation-model/" + HAIKU_45,
                    "arn:aws:bedrock:us-west-2::foundation-model/" + HAIKU_45);
            assertThat(bedrock.getInferenceProfile(b -> b.inferenceProfileIdentifier(p.inferenceProfileArn()))
                    .inferenceProfileId()).isEqualTo("us." + HAIKU_45);
            // Mistral 7B has no profile; eu. is not offered from us-east-1
            for (String unknown : List.of("us.mistral.mistral-7b-instruct-v0:2", "eu." + HAIKU_45, HAIKU_45)) {
                assertThatThrownBy(() -> bedrock.getInferenceProfile(b -> b.inferenceProfileIdentifier(unknown)))
                        .as(unknown).isInstanceOf(ResourceNotFoundException.class);
            }
        }
    }
}
