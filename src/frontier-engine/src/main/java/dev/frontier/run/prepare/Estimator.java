package dev.frontier.run.prepare;

import dev.frontier.batch.BatchRecords;
import dev.frontier.config.CandidateSpec;
import dev.frontier.cost.ModelPrice;
import dev.frontier.invoke.ResponseCache;
import dev.frontier.invoke.TokenEstimate;
import dev.frontier.model.Cost;
import dev.frontier.model.Item;
import dev.frontier.model.ModelRequest;
import dev.frontier.model.TokenUsage;
import dev.frontier.score.LlmJudge;
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

    /**
     * The whole estimate; {@code total} is the on-demand sum, judges included.
     *
     * @param judges one row per judge scorer and judge model ({@code candidateId} is {@code scorer/model}); the
     *               batch figure is at batch prices where a run in batch would send the judge's calls to a job
     *               (a batch price and at least 100 calls, {@link dev.frontier.run.execute.ExecutionModes#judge}), else on demand
     */
    public record Estimate(List<CandidateEstimate> candidates, Cost total, Cost totalBatch,
                           List<CandidateEstimate> judges) {

        public Estimate(List<CandidateEstimate> candidates, Cost total, Cost totalBatch) {
            this(candidates, total, totalBatch, List.of());
        }
    }

    public static Estimate estimate(PreparedSuite p, Map<String, Double> earlierOutputTokens,
                                    Optional<ResponseCache> cache, String cacheKey, Instant notBefore) {
        List<CandidateEstimate> out = new ArrayList<>();
        Cost total = Cost.ZERO;
        Cost totalBatch = Cost.ZERO;
        for (CandidateSpec c : p.suite().candidates()) {
            if (c.isImported()) {
                out.add(new CandidateEstimate(c.id(), c.model(), 0, 0, 0, 0, "imported (no calls)", Cost.ZERO,
                        Cost.ZERO));
                continue;
            }
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
            Optional<ModelPrice> price = p.catalog().find(c.model(), Requests.settings(c));
            Cost onDemand = price.map(x -> x.cost(usage, ModelPrice.Mode.ON_DEMAND))
                    .orElseGet(() -> new Cost.Unknown("no price for " + c.model()));
            // a prompt router is priced as the dearest model it may route to (PriceCatalog.find) and is always
            // called on demand (batch inference does not list routers), so its batch figure is its on-demand one
            // likewise a candidate with Converse request settings, which a batch job does not take (ExecutionModes)
            boolean onDemandOnly = RouterModels.isRouter(c.model()) || c.inference().settings().converseOnly();
            Cost batch = onDemandOnly ? onDemand : price.map(x -> x.cost(usage, ModelPrice.Mode.BATCH))
                    .orElseGet(() -> new Cost.Unknown("no price for " + c.model()));
            out.add(new CandidateEstimate(c.id(), c.model(), p.dataset().items().size(), cached, in, outTokens,
                    earlier != null ? "earlier run" : "maxTokens (upper bound)", onDemand, batch));
            total = total.plus(onDemand);
            totalBatch = totalBatch.plus(batch);
        }
        List<CandidateEstimate> judges = judges(p, earlierOutputTokens);
        for (CandidateEstimate j : judges) {
            total = total.plus(j.onDemand());
            totalBatch = totalBatch.plus(j.batch());
        }
        return new Estimate(out, total, totalBatch, judges);
    }

    /**
     * Judge calls: one per output judged pointwise, two (both orders) per non-incumbent output pairwise, for each
     * juror; input from the judge prompt with the task, the reference and an output as long as the candidate's
     * earlier mean (or its {@code maxTokens}); output the judge's {@code maxTokens} (an upper bound). Repair retries
     * are not counted.
     */
    private static List<CandidateEstimate> judges(PreparedSuite p, Map<String, Double> earlierOutputTokens) {
        List<CandidateEstimate> out = new ArrayList<>();
        String incumbent = p.suite().incumbent().map(CandidateSpec::id).orElse("");
        for (PreparedSuite.BoundScorer s : p.scorers()) {
            if (!(s.scorer() instanceof LlmJudge j)) {
                continue;
            }
            boolean pairwise = j.mode() == LlmJudge.Mode.PAIRWISE;
            for (String model : j.models()) {
                int calls = 0;
                long in = 0;
                for (CandidateSpec c : p.suite().candidates()) {
                    if (pairwise && c.id().equals(incumbent)) {
                        continue;
                    }
                    long answer = earlierOutputTokens.containsKey(c.id())
                            ? Math.round(earlierOutputTokens.get(c.id())) : c.inference().maxTokens();
                    for (Item item : p.dataset().items()) {
                        long prompt = (j.system().length() + j.user().length() + j.rubric().source().length()
                                + Requests.of(c, item).user().length()
                                + j.reference().map(t -> t.source().length() + 200).orElse(0)) / 4;
                        int asks = pairwise ? 2 : 1;
                        calls += asks;
                        in += asks * (prompt + answer * (pairwise ? 2 : 1));
                    }
                }
                TokenUsage usage = new TokenUsage(in, (long) calls * j.maxTokens(), 0, 0);
                Cost cost = p.catalog().find(model).map(x -> x.cost(usage, ModelPrice.Mode.ON_DEMAND))
                        .orElseGet(() -> new Cost.Unknown("no price for judge model " + model));
                Optional<ModelPrice> batchPrice = p.catalog().find(model)
                        .filter(x -> x.batchInput().isPresent() && x.batchOutput().isPresent());
                Cost batch = calls >= BatchRecords.MIN_RECORDS_PER_JOB && batchPrice.isPresent()
                        ? batchPrice.get().cost(usage, ModelPrice.Mode.BATCH) : cost;
                out.add(new CandidateEstimate(s.spec().id() + "/" + model, model, calls, 0, in, usage.outputTokens(),
                        "judge maxTokens (upper bound)", cost, batch));
            }
        }
        return out;
    }
}
