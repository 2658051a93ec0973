package dev.frontier.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The account's listing against the catalog, from hand-made listings. */
class AccountComparisonTest {

    private static final Catalog CATALOG = Catalog.bundled();
    private static final LocalDate DAY = LocalDate.parse("2026-12-03");
    private static final String REGION = "us-east-1";
    private static final String NOVA_LITE = "amazon.nova-lite-v1:0";
    private static final String HAIKU_3 = "anthropic.claude-3-haiku-20240307-v1:0";
    private static final String HAIKU_45 = "anthropic.claude-haiku-4-5-20251001-v1:0";

    /** What an account that agrees with the catalog lists, leaving out the ids in {@code without}. */
    private static AccountModels agreeing(List<String> without) {
        List<AccountModels.Model> models = new ArrayList<>();
        List<AccountModels.Profile> profiles = new ArrayList<>();
        for (ModelFacts m : CATALOG.models().values()) {
            ModelFacts.RegionFacts r = m.in(REGION).orElse(null);
            if (r == null || without.contains(m.id())) {
                continue;
            }
            models.add(new AccountModels.Model(m.id(), m.provider(), List.of(r.bareId() ? "ON_DEMAND"
                    : "INFERENCE_PROFILE"), List.of("TEXT"), m.lifecycle().status().name()));
            r.profiles().forEach(p -> profiles.add(new AccountModels.Profile(p + "." + m.id(), "SYSTEM_DEFINED")));
        }
        return new AccountModels(models, profiles);
    }

    @Test
    void anAccountListingWhatTheCatalogSaysAgrees() {
        AccountComparison c = AccountComparison.compare(CATALOG, REGION, agreeing(List.of()), DAY);
        assertThat(c.agrees()).isTrue();
        assertThat(c.agreeing()).isEqualTo(23);
        assertThat(c.notes()).isEmpty();
    }

    @Test
    void aModelPastItsEndOfLifeMayBeGoneButAnActiveOneMayNot() {
        AccountComparison c = AccountComparison.compare(CATALOG, REGION, agreeing(List.of(HAIKU_3, NOVA_LITE)), DAY);
        assertThat(c.differences()).containsExactly(new AccountComparison.Difference.MissingFromAccount(NOVA_LITE));
        assertThat(c.notes()).singleElement().asString().contains(HAIKU_3, "2026-09-10");
        assertThat(c.agreeing()).isEqualTo(21);
    }

    @Test
    void namesEachKindOfDisagreement() {
        AccountModels base = agreeing(List.of());
        List<AccountModels.Model> models = new ArrayList<>();
        for (AccountModels.Model m : base.models()) {
            if (m.modelId().equals(NOVA_LITE)) {
                // the account serves Nova Lite only through its profile, and calls it Legacy
                models.add(new AccountModels.Model(NOVA_LITE, "Amazon", List.of("INFERENCE_PROFILE"), List.of("TEXT"),
                        "LEGACY"));
            } else {
                models.add(m);
            }
        }
        // not compared: a customization variant and a Provisioned-only entry, an embedding model
        models.add(new AccountModels.Model(NOVA_LITE + ":300k", "Amazon", List.of("PROVISIONED"), List.of("TEXT"),
                "ACTIVE"));
        models.add(new AccountModels.Model("amazon.titan-embed-text-v2:0", "Amazon", List.of("ON_DEMAND"),
                List.of("EMBEDDING"), "ACTIVE"));
        // compared: a text model the catalog does not know, with its profile
        models.add(new AccountModels.Model("deepseek.r1-v1:0", "DeepSeek", List.of("INFERENCE_PROFILE"),
                List.of("TEXT"), "ACTIVE"));
        List<AccountModels.Profile> profiles = new ArrayList<>(base.profiles().stream()
                .filter(p -> !p.profileId().equals("global." + HAIKU_45)).toList());
        profiles.add(new AccountModels.Profile("eu." + HAIKU_45, "SYSTEM_DEFINED"));
        profiles.add(new AccountModels.Profile("us.deepseek.r1-v1:0", "SYSTEM_DEFINED"));
        profiles.add(new AccountModels.Profile("arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/x",
                "APPLICATION"));

        AccountComparison c = AccountComparison.compare(CATALOG, REGION, new AccountModels(models, profiles), DAY);

        assertThat(c.differences()).containsExactly(
                new AccountComparison.Difference.BareIdDiffers(NOVA_LITE, true, List.of("INFERENCE_PROFILE")),
                new AccountComparison.Difference.LifecycleDiffers(NOVA_LITE, "ACTIVE", "LEGACY"),
                new AccountComparison.Difference.ProfileDiffers(HAIKU_45, "global." + HAIKU_45, true),
                new AccountComparison.Difference.ProfileDiffers(HAIKU_45, "eu." + HAIKU_45, false),
                new AccountComparison.Difference.MissingFromCatalog("deepseek.r1-v1:0", "DeepSeek",
                        List.of("us.deepseek.r1-v1:0"), false));
        assertThat(c.agreeing()).isEqualTo(21);
        assertThat(c.differences().get(4).describe())
                .isEqualTo("deepseek.r1-v1:0 (DeepSeek): listed by the account, not in the catalog; profiles "
                        + "us.deepseek.r1-v1:0");
        assertThat(c.differences().get(0).describe()).contains("bare id is served on demand", "INFERENCE_PROFILE");
    }

    @Test
    void aModelTheCatalogKnowsOnlyInOtherRegionsIsSaidSo() {
        AccountModels listed = new AccountModels(List.of(new AccountModels.Model(NOVA_LITE, "Amazon",
                List.of("ON_DEMAND"), List.of("TEXT"), "ACTIVE")), List.of());
        AccountComparison c = AccountComparison.compare(CATALOG, "eu-west-3", listed, DAY);
        assertThat(c.differences()).containsExactly(new AccountComparison.Difference.MissingFromCatalog(NOVA_LITE,
                "Amazon", List.of(), true));
        assertThat(c.differences().get(0).describe()).contains("no facts for it in this Region");
    }
}
