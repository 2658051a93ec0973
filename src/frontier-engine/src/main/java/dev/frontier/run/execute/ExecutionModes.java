package dev.frontier.run.execute;

import static dev.frontier.results.AnswerSource.BATCH;
import static dev.frontier.results.AnswerSource.IMPORTED;
import static dev.frontier.results.AnswerSource.ON_DEMAND;

import dev.frontier.batch.BatchRecords;
import dev.frontier.config.CandidateSpec;
import dev.frontier.config.GateSpec;
import dev.frontier.config.SuiteSpec;
import dev.frontier.cost.ModelPrice;
import dev.frontier.model.CallSettings;
import dev.frontier.run.prepare.PreparedSuite;
import dev.frontier.run.prepare.RouterModels;
import dev.frontier.results.AnswerSource;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which way each candidate is run, and why: on-demand Converse calls or a Bedrock batch inference job. With
 * {@code execution.mode: auto} a candidate goes to batch when it has at least {@value BatchRecords#MIN_RECORDS_PER_JOB}
 * items, its model has a batch price and the suite needs no latency figure from it (batch answers have none);
 * {@code batch} forces batch wherever a job is possible at all.
 */
public final class ExecutionModes {

    private ExecutionModes() {
    }

    /**
     * One candidate's mode.
     *
     * @param mode   on demand, batch or imported
     * @param reason why, in words
     */
    public record Choice(AnswerSource mode, String reason) {
        public boolean batch() {
            return mode == BATCH;
        }
    }

    /**
     * Decides every candidate's mode.
     *
     * @param items          items each candidate answers
     * @param batchAvailable whether batch jobs can be run at all (staging and a job client are set up); when not,
     *                       {@code unavailable} says why
     */
    public static Map<String, Choice> decide(PreparedSuite p, int items, boolean batchAvailable,
                                             String unavailable) {
        SuiteSpec suite = p.suite();
        SuiteSpec.ExecutionSpec.Mode mode = suite.execution().mode();
        Map<String, Choice> out = new LinkedHashMap<>();
        for (CandidateSpec c : suite.candidates()) {
            out.put(c.id(), choose(p, c, items, mode, batchAvailable, unavailable));
        }
        return out;
    }

    private static Choice choose(PreparedSuite p, CandidateSpec c, int items, SuiteSpec.ExecutionSpec.Mode mode,
                                 boolean batchAvailable, String unavailable) {
        if (c.isImported()) {
            return new Choice(IMPORTED, "outputs read from " + c.imported().get().file().getFileName()
                    + ", nothing called");
        }
        if (mode == SuiteSpec.ExecutionSpec.Mode.ON_DEMAND) {
            return new Choice(ON_DEMAND, "execution.mode is on-demand");
        }
        if (RouterModels.isRouter(c.model())) {
            // CreateModelInvocationJob's modelId and the batch user guide's supported models name foundation models
            // and inference profiles, never prompt routers; a router's served model is known only from Converse
            return new Choice(ON_DEMAND, "a prompt router: Bedrock's batch inference documentation does not list "
                    + "routers among the models a job may name, so it is called on demand");
        }
        CallSettings settings = c.inference().settings();
        if (settings.converseOnly()) {
            // a batch job's records are model-native bodies billed at the batch price: no service tier, no
            // latency configuration, and no reasoning setting that frontier would send the same way on demand
            return new Choice(ON_DEMAND, "its request settings (" + settings.describe() + ") are Converse settings; "
                    + "a batch job takes none of them, so it is called on demand");
        }
        if (items < BatchRecords.MIN_RECORDS_PER_JOB) {
            return new Choice(ON_DEMAND, items + " items: a batch job needs at least "
                    + BatchRecords.MIN_RECORDS_PER_JOB + " records");
        }
        if (!batchAvailable) {
            return new Choice(ON_DEMAND, unavailable);
        }
        Optional<ModelPrice> price = p.catalog().find(c.model());
        String batchPrice = price.filter(x -> x.batchInput().isPresent() && x.batchOutput().isPresent())
                .map(x -> "batch price $" + plain(x.batchInput().get()) + " in / $" + plain(x.batchOutput().get())
                        + " out per 1k tokens").orElse(null);
        if (mode == SuiteSpec.ExecutionSpec.Mode.BATCH && batchPrice == null
                && p.suite().budget().maxUsd().isPresent()) {
            // as for judges: a job of unknown cost cannot be guarded by the budget, guarded calls can
            return new Choice(ON_DEMAND, "execution.mode is batch, but " + c.model() + " has no batch price, so the "
                    + "budget could not guard a job: on demand");
        }
        if (mode == SuiteSpec.ExecutionSpec.Mode.BATCH) {
            return new Choice(BATCH, "execution.mode is batch; "
                    + (batchPrice != null ? batchPrice : "no batch price for " + c.model() + " (cost unknown)"));
        }
        if (batchPrice == null) {
            return new Choice(ON_DEMAND, "no batch price for " + c.model());
        }
        Optional<String> latency = latencyNeed(p.suite(), c);
        if (latency.isPresent()) {
            return new Choice(ON_DEMAND, "the suite needs its latency (" + latency.get() + ")");
        }
        return new Choice(BATCH, items + " items (>= " + BatchRecords.MIN_RECORDS_PER_JOB + "), " + batchPrice
                + ", no latency figure needed");
    }

    /**
     * The mode of one judge scorer's requests to one judge model: batch when the suite runs in {@code batch} or
     * {@code auto} mode, batch is available, there are at least {@value BatchRecords#MIN_RECORDS_PER_JOB} requests
     * and the judge model has a batch price; on demand otherwise (judges need no latency figure).
     */
    public static Choice judge(PreparedSuite p, String model, int requests, boolean batchAvailable,
                               String unavailable) {
        SuiteSpec.ExecutionSpec.Mode mode = p.suite().execution().mode();
        if (mode == SuiteSpec.ExecutionSpec.Mode.ON_DEMAND) {
            return new Choice(ON_DEMAND, "execution.mode is on-demand");
        }
        if (!batchAvailable) {
            return new Choice(ON_DEMAND, unavailable);
        }
        if (requests < BatchRecords.MIN_RECORDS_PER_JOB) {
            return new Choice(ON_DEMAND, requests + " judge requests: a batch job needs at least "
                    + BatchRecords.MIN_RECORDS_PER_JOB + " records");
        }
        Optional<ModelPrice> price = p.catalog().find(model)
                .filter(x -> x.batchInput().isPresent() && x.batchOutput().isPresent());
        if (price.isEmpty()) {
            return new Choice(ON_DEMAND, "no batch price for judge model " + model);
        }
        return new Choice(BATCH, "execution.mode is " + (mode == SuiteSpec.ExecutionSpec.Mode.BATCH ? "batch" : "auto")
                + "; " + requests + " judge requests (>= " + BatchRecords.MIN_RECORDS_PER_JOB + "), batch price $"
                + plain(price.get().batchInput().get()) + " in / $" + plain(price.get().batchOutput().get())
                + " out per 1k tokens");
    }

    /** What makes the suite need a latency figure of this candidate, if anything. */
    static Optional<String> latencyNeed(SuiteSpec suite, CandidateSpec c) {
        if (suite.selection().maxLatencyP95Ms().isPresent()) {
            return Optional.of("selection.maxLatencyP95Ms");
        }
        String fallback = suite.incumbent().map(CandidateSpec::id).orElse(suite.candidates().get(0).id());
        for (GateSpec g : suite.gates()) {
            if (g.metric().equals("latencyP95Ms") && g.candidate().orElse(fallback).equals(c.id())) {
                return Optional.of("a latencyP95Ms gate");
            }
        }
        return Optional.empty();
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
