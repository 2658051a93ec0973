package dev.frontier.run.prepare;

import dev.frontier.catalog.Catalog;
import dev.frontier.cost.ModelPrice;
import dev.frontier.model.ModelRequest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The most a call can cost before it is made: every UTF-8 byte of the prompt counted as one input token (tokenizers
 * never produce more tokens than bytes) at the dearest input price (plain, cache read or cache write), plus
 * {@code maxTokens} output tokens.
 */
public final class WorstCase {
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private WorstCase() {
    }

    public static BigDecimal cost(ModelRequest request, ModelPrice price) {
        long inputBytes = request.system().getBytes(StandardCharsets.UTF_8).length
                + request.user().getBytes(StandardCharsets.UTF_8).length;
        BigDecimal inputPrice = Stream.of(price.input(), price.cacheRead(), price.cacheWrite())
                .flatMap(Optional::stream).max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        BigDecimal outputPrice = price.output().orElse(BigDecimal.ZERO);
        return inputPrice.multiply(BigDecimal.valueOf(inputBytes))
                .add(outputPrice.multiply(BigDecimal.valueOf(outputBound(request))))
                .divide(THOUSAND);
    }

    /**
     * The most output tokens a request can be billed for: its {@code maxTokens}, or, with a high reasoning effort (sent
     * without {@code maxTokens}: the model decides), the model's own output limit from the catalog.
     */
    static long outputBound(ModelRequest request) {
        if (!request.settings().omitsMaxTokens()) {
            return request.inference().maxTokens();
        }
        return Catalog.bundled().model(request.modelId()).map(m -> (long) m.maxOutputTokens())
                .filter(n -> n > 0).orElse((long) request.inference().maxTokens());
    }

    /**
     * The worst case of a request answered in a batch job: at the batch prices (batch inference has no prompt
     * caching), or at the on-demand worst case when the model has no batch price.
     */
    public static BigDecimal batchCost(ModelRequest request, ModelPrice price) {
        if (price.batchInput().isEmpty() || price.batchOutput().isEmpty()) {
            return cost(request, price);
        }
        return cost(request, new ModelPrice(price.modelId(), price.name(), price.batchInput(), price.batchOutput(),
                price.batchInput(), price.batchOutput(), Optional.empty(), Optional.empty(), price.source(),
                price.asOf()));
    }

    /** Whether the price has what {@link #cost} needs. */
    static boolean guardable(ModelPrice price) {
        return price.input().isPresent() && price.output().isPresent();
    }
}
