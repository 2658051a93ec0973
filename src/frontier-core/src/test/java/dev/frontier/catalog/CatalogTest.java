package dev.frontier.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CatalogTest {

    private final Catalog catalog = Catalog.bundled();

    @Test
    void identifiersAreReadIntoTheModelTheyName() {
        assertThat(ModelId.parse("amazon.nova-lite-v1:0").kind()).isEqualTo(ModelId.Kind.BARE);
        ModelId profile = ModelId.parse("global.anthropic.claude-haiku-4-5-20251001-v1:0");
        assertThat(profile.kind()).isEqualTo(ModelId.Kind.PROFILE);
        assertThat(profile.profile()).contains("global");
        assertThat(profile.baseId()).isEqualTo("anthropic.claude-haiku-4-5-20251001-v1:0");
        assertThat(ModelId.parse("us-gov.anthropic.claude-haiku-4-5-20251001-v1:0").profile()).contains("us-gov");
        ModelId arn = ModelId.parse("arn:aws:bedrock:us-west-2::foundation-model/amazon.nova-pro-v1:0:300k");
        assertThat(arn.kind()).isEqualTo(ModelId.Kind.FOUNDATION_MODEL_ARN);
        assertThat(arn.baseId()).isEqualTo("amazon.nova-pro-v1:0");
        assertThat(arn.region()).contains("us-west-2");
        ModelId app = ModelId.parse("arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/a1b2");
        assertThat(app.kind()).isEqualTo(ModelId.Kind.APPLICATION_PROFILE_ARN);
        assertThat(app.namesModel()).isFalse();
        assertThat(ModelId.parse("arn:aws:bedrock:us-east-1:123456789012:provisioned-model/x").kind())
                .isEqualTo(ModelId.Kind.OTHER_ARN);
        ModelId router = ModelId.parse("arn:aws:bedrock:us-east-1:123456789012:default-prompt-router/amazon.nova:1");
        assertThat(router.isRouter()).isTrue();
        assertThat(router.namesModel()).isFalse();
        assertThat(router.defaultRouterId()).contains("amazon.nova:1");
        ModelId configured = ModelId.parse("arn:aws:bedrock:us-west-2:123456789012:prompt-router/x1y2z3");
        assertThat(configured.kind()).isEqualTo(ModelId.Kind.PROMPT_ROUTER_ARN);
        assertThat(configured.defaultRouterId()).isEmpty();
        assertThat(configured.region()).contains("us-west-2");
    }

    @Test
    void promptRoutingNamesFamiliesAndDefaultRoutersOfKnownModels() {
        PromptRouting routing = catalog.promptRouting();
        assertThat(routing.defaultRouters()).containsKeys("amazon.nova:1", "anthropic.claude:1", "meta.llama:1");
        for (PromptRouting.DefaultRouter r : routing.defaultRouters().values()) {
            assertThat(r.models()).hasSize(PromptRouting.MODELS_PER_ROUTER).contains(r.fallback());
            assertThat(routing.families().get(r.family()).models()).containsAll(r.models());
            assertThat(catalog.sources()).containsKey(r.source());
        }
        for (PromptRouting.Family f : routing.families().values()) {
            assertThat(catalog.models()).containsKeys(f.models().toArray(String[]::new));
        }
        assertThat(routing.familyOf("amazon.nova-lite-v1:0").map(PromptRouting.Family::name)).contains("amazon.nova");
        assertThat(routing.familyOf("amazon.nova-micro-v1:0")).isEmpty();
        assertThat(routing.defaultRouter("amazon.nova:1").orElseThrow().other()).isEqualTo("amazon.nova-lite-v1:0");
    }

    @Test
    void bareIdsThatNeedAProfileNameTheProfilesToUse() {
        Catalog.Invocation how = catalog.invocation("anthropic.claude-sonnet-4-5-20250929-v1:0", "us-east-1");
        assertThat(how).isInstanceOf(Catalog.Invocation.NeedsProfile.class);
        assertThat(((Catalog.Invocation.NeedsProfile) how).use()).containsExactly(
                "us.anthropic.claude-sonnet-4-5-20250929-v1:0", "global.anthropic.claude-sonnet-4-5-20250929-v1:0");
        assertThat(catalog.invocation("us.anthropic.claude-sonnet-4-5-20250929-v1:0", "us-east-1"))
                .isInstanceOf(Catalog.Invocation.Allowed.class);
        assertThat(catalog.invocation("eu.amazon.nova-lite-v1:0", "us-east-1"))
                .isInstanceOf(Catalog.Invocation.NoSuchProfile.class);
        // which ids take the bare id differs by Region
        assertThat(catalog.invocation("amazon.nova-lite-v1:0", "us-east-1")).isInstanceOf(Catalog.Invocation.Allowed.class);
        assertThat(catalog.invocation("amazon.nova-lite-v1:0", "us-west-2"))
                .isInstanceOf(Catalog.Invocation.NeedsProfile.class);
        assertThat(catalog.invocation("meta.llama3-1-8b-instruct-v1:0", "us-west-2"))
                .isInstanceOf(Catalog.Invocation.Allowed.class);
        assertThat(catalog.invocation("amazon.nova-lite-v1:0", "eu-west-3"))
                .isInstanceOf(Catalog.Invocation.NotInCatalog.class);
        assertThat(catalog.invocation("amazon.nova-giant-v9:0", "us-east-1"))
                .isInstanceOf(Catalog.Invocation.UnknownModel.class);
    }

    @Test
    void everyFactNamesAKnownSourceWithADate() {
        for (ModelFacts m : catalog.models().values()) {
            assertThat(m.maxOutputTokens()).as(m.id()).isPositive();
            assertThat(catalog.sources()).as(m.id()).containsKey(m.lifecycle().source());
            m.caching().ifPresent(c -> assertThat(catalog.sources()).containsKey(c.source()));
            m.regions().forEach((region, r) -> {
                assertThat(catalog.sources()).as(m.id() + " " + region).containsKey(r.source());
                assertThat(catalog.sources()).as(m.id() + " " + region).containsKey(r.regional().source());
                r.global().ifPresent(g -> assertThat(catalog.sources()).containsKey(g.source()));
                assertThat(r.bareId() || !r.profiles().isEmpty()).as(m.id() + " callable in " + region).isTrue();
            });
        }
        catalog.sources().values().forEach(s -> assertThat(s.date()).matches("\\d{4}-\\d{2}-\\d{2}"));
        catalog.customization().distillation().forEach(p -> assertThat(catalog.sources()).containsKey(p.source()));
    }

    @Test
    void lifecycleDatesTellLegacyFromEndOfLife() {
        ModelFacts.Lifecycle haiku3 = catalog.model("anthropic.claude-3-haiku-20240307-v1:0").orElseThrow()
                .lifecycle();
        assertThat(haiku3.endedBy(LocalDate.parse("2026-09-09"))).isFalse();
        assertThat(haiku3.endedBy(LocalDate.parse("2026-09-10"))).isTrue();
        ModelFacts.Lifecycle sonnet45 = catalog.model("us.anthropic.claude-sonnet-4-5-20250929-v1:0").orElseThrow()
                .lifecycle();
        assertThat(sonnet45.status()).isEqualTo(ModelFacts.Status.LEGACY);
        assertThat(sonnet45.describe()).contains("2026-10-08", "2027-01-08", "2027-04-08");
        assertThat(catalog.model("us.anthropic.claude-haiku-4-5-20251001-v1:0").orElseThrow().lifecycle().status())
                .isEqualTo(ModelFacts.Status.ACTIVE);
    }

    @Test
    void theConformanceTableNamesOnlyRulesItHas() {
        Conformance table = Conformance.bundled();
        assertThat(table.cases()).hasSizeGreaterThanOrEqualTo(15);
        for (Conformance.Case c : table.cases()) {
            if (!c.expect().equals(Conformance.OK)) {
                assertThat(table.rules()).as(c.name()).containsKey(c.expect());
            }
        }
        table.rules().values().forEach(r -> assertThat(r.source()).isNotBlank());
    }
}
