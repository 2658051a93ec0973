package dev.frontier.run.prepare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontier.cost.ModelPrice;
import dev.frontier.cost.PriceCatalog;
import dev.frontier.model.ModelRequest;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorstCaseBatchTest {

    private static final ModelRequest REQUEST = new ModelRequest("amazon.nova-lite-v1:0", "", "abcd", false,
            new ModelRequest.InferenceParams(10, null, null, List.of()));

    @Test
    void aBatchRecordIsReservedAtTheBatchPrices() {
        ModelPrice lite = PriceCatalog.bundled().find("amazon.nova-lite-v1:0").orElseThrow();
        // on demand: 4 bytes x $0.00006 + 10 x $0.00024, per 1,000 tokens
        assertThat(WorstCase.cost(REQUEST, lite)).isEqualByComparingTo(new BigDecimal("0.00000264"));
        // batch: 4 x $0.00003 + 10 x $0.00012, no cache prices
        assertThat(WorstCase.batchCost(REQUEST, lite)).isEqualByComparingTo(new BigDecimal("0.00000132"));
    }

    @Test
    void withoutABatchPriceTheOnDemandWorstCaseIsReserved() {
        ModelPrice sonnet4 = PriceCatalog.bundled().find("us.anthropic.claude-sonnet-4-5-20250929-v1:0").orElseThrow();
        assertThat(WorstCase.batchCost(REQUEST, sonnet4)).isEqualByComparingTo(WorstCase.cost(REQUEST, sonnet4));
    }
}
