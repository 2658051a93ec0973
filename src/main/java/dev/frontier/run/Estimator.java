package dev.frontier.run;

import dev.frontier.config.CandidateSpec;
import dev.frontier.cost.ModelPrice;
import dev.frontier.invoke.ResponseCache;
import dev.frontier.invoke.TokenEstimate;
import dev.frontier.model.Cost;
import dev.frontier.model.Item;
import dev.frontier.model.ModelRequest;
import dev.frontier.model.TokenUsage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a run would cost before anything is spent: input tokens estimated from the rendered prompts, output tokens
 * from an earlier run of the suite (per candidate) or else from {@code maxTokens} (an upper bound), and calls the
 * response cache would answer left out.
 */
public final class Estimator {
    private Estimator() {
    }

    /**
     * One candidate's estimate.
     *
     * @param candidateId  the candidate
     * @param model        its model
     * @param calls        calls the run would make
     * @param cached       calls the response cache would answer instead (not paid)
     * @param inputTokens  estimated input tokens of the paid calls
     * @param outputTokens estimated output tokens of the paid calls
     * @param outputBasis  where the output figure comes from
     * @param onDemand     the paid calls at on-demand prices
     * @param batch        the same at batch prices (unknown when the model has none)
     */
    public record CandidateEstimate(String candidateId, String model, int calls, int cached, long inputTokens,
                                    long outputTokens, String outputBasis, Cost onDemand, Cost batch) {
    }

    /** The whole estimate; {@code total} is the on-demand sum. */
    public record Estimate(List<CandidateEstimate> candidates, Cost total, Cost totalBatch) {
    }

    public static Estimate estimate(PreparedSuite p, Map<String, Double> earlierOutputTokens,
                                    Optional<ResponseCache> cache, String cacheKey, Instant notBefore) {
        List<CandidateEstimate> out = new ArrayList<>();
        Cost total = Cost.ZERO;
        Cost totalBatch = Cost.ZERO;
        for (CandidateSpec c : p.suite().candidates()) {
            long in = 0;
            int cached = 0;
            int paid = 0;
            for (Item item : p.dataset().items()) {
                ModelRequest r = Requests.of(c, item);
                if (cache.isPresent() && cache.get().get(ResponseCache.key(cacheKey, r), notBefore).isPresent()) {
                    cached++;
                    continue;
                }
                paid++;
                in += TokenEstimate.input(r);
            }
            Double earlier = earlierOutputTokens.get(c.id());
            long perCall = earlier != null ? Math.round(earlier) : c.inference().maxTokens();
            long outTokens = perCall * paid;
            TokenUsage usage = new TokenUsage(in, outTokens, 0, 0);
            Optional<ModelPrice> price = p.catalog().find(c.model());
            Cost onDemand = price.map(x -> x.cost(usage, ModelPrice.Mode.ON_DEMAND))
                    .orElseGet(() -> new Cost.Unknown("no price for " + c.model()));
            Cost batch = price.map(x -> x.cost(usage, ModelPrice.Mode.BATCH))
                    .orElseGet(() -> new Cost.Unknown("no price for " + c.model()));
            out.add(new CandidateEstimate(c.id(), c.model(), p.dataset().items().size(), cached, in, outTokens,
                    earlier != null ? "earlier run" : "maxTokens (upper bound)", onDemand, batch));
            total = total.plus(onDemand);
            totalBatch = totalBatch.plus(batch);
        }
        return new Estimate(out, total, totalBatch);
    }
}
