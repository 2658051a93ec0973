package dev.frontier.cost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontier.model.CallResult;
import dev.frontier.model.Cost;
import dev.frontier.model.TokenUsage;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A call through a prompt router costs what the model that served it costs; before the call, the dearest. */
class RouterPricesTest {

    private static final String NOVA_ROUTER =
            "arn:aws:bedrock:us-east-1:123456789012:default-prompt-router/amazon.nova:1";
    private static final TokenUsage USAGE = new TokenUsage(1000, 100, 0, 0);
    private final PriceCatalog catalog = PriceCatalog.bundled();

    private static CallResult.Completion servedBy(String invoked) {
        return new CallResult.Completion("ok", "end_turn", USAGE, 10, 11, "", invoked);
    }

    private Cost cost(String model, CallResult.Completion done) {
        return catalog.forCall(model, done).orElseThrow().cost(done.usage(), ModelPrice.Mode.ON_DEMAND);
    }

    @Test
    void aRoutedCallIsPricedAsTheModelItsAnswerNames() {
        Cost lite = catalog.find("amazon.nova-lite-v1:0").orElseThrow().cost(USAGE, ModelPrice.Mode.ON_DEMAND);
        Cost pro = catalog.find("amazon.nova-pro-v1:0").orElseThrow().cost(USAGE, ModelPrice.Mode.ON_DEMAND);
        assertThat(lite).isNotEqualTo(pro);
        assertThat(cost(NOVA_ROUTER, servedBy("arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0")))
                .isEqualTo(lite);
        assertThat(cost(NOVA_ROUTER, servedBy("arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-pro-v1:0")))
                .isEqualTo(pro);
        // a system inference profile's ARN is priced as the profile id is
        assertThat(cost(NOVA_ROUTER, servedBy(
                "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.amazon.nova-lite-v1:0"))).isEqualTo(lite);
        // a call that was not routed keeps its own model's price
        assertThat(cost("amazon.nova-lite-v1:0", servedBy(""))).isEqualTo(lite);
    }

    @Test
    void beforeTheCallARouterIsPricedAsTheDearestModelItMayRouteTo() {
        ModelPrice lite = catalog.find("amazon.nova-lite-v1:0").orElseThrow();
        ModelPrice pro = catalog.find("amazon.nova-pro-v1:0").orElseThrow();
        assertThat(pro.input().get()).isGreaterThan(lite.input().get());
        ModelPrice router = catalog.find(NOVA_ROUTER).orElseThrow();
        assertThat(router.input()).isEqualTo(pro.input());
        assertThat(router.output()).isEqualTo(pro.output());
        assertThat(router.name()).contains("Nova Lite").contains("Nova Pro");
        // routers are not sent to batch: no batch price
        assertThat(router.batchInput()).isEmpty();
        // whatever account the ARN names, a default router is known by its id
        assertThat(catalog.find("arn:aws:bedrock:us-east-1:999999999999:default-prompt-router/amazon.nova:1")
                .orElseThrow().input()).isEqualTo(pro.input());
        assertThat(catalog.routeOf(NOVA_ROUTER)).contains(List.of("amazon.nova-lite-v1:0", "amazon.nova-pro-v1:0"));
    }

    @Test
    void aConfiguredRouterIsPricedOnlyOnceItsModelsAreKnown() {
        String arn = "arn:aws:bedrock:us-east-1:123456789012:prompt-router/abc123def456";
        assertThat(catalog.find(arn)).isEmpty();
        PriceCatalog known = catalog.withRoute(arn, List.of("amazon.nova-lite-v1:0", "us.amazon.nova-pro-v1:0"))
                .withRoute("router:nova", List.of("amazon.nova-lite-v1:0", "amazon.nova-pro-v1:0"));
        BigDecimal proInput = catalog.find("amazon.nova-pro-v1:0").orElseThrow().input().orElseThrow();
        assertThat(known.find(arn).orElseThrow().input()).contains(proInput);
        assertThat(known.find("router:nova").orElseThrow().input()).contains(proInput);
        // one model without a price makes the router's worst case unknown rather than too low
        assertThat(catalog.withRoute(arn, List.of("amazon.nova-lite-v1:0", "unknown.model-v1:0")).find(arn))
                .isEmpty();
    }

    @Test
    void aDefaultRouterTheRegionDoesNotOfferHasNoPriceThere() {
        PriceCatalog frankfurt = PriceCatalog.of(dev.frontier.catalog.Catalog.bundled(), "eu-central-1");
        assertThat(frankfurt.routeOf("arn:aws:bedrock:eu-central-1:123456789012:default-prompt-router/amazon.nova:1"))
                .isEmpty();
    }
}
