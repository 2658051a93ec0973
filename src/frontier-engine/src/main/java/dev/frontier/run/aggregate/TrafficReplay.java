package dev.frontier.run.aggregate;

import dev.frontier.catalog.Catalog;
import dev.frontier.catalog.ModelFacts;
import dev.frontier.config.CandidateSpec;
import dev.frontier.config.PromptSpec;
import dev.frontier.config.SuiteSpec;
import dev.frontier.cost.CacheReplay;
import dev.frontier.cost.ConsumptionPlans;
import dev.frontier.logs.TrafficProfile;
import dev.frontier.results.RunResult;
import dev.frontier.run.prepare.Requests;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A suite's traffic profile replayed for its candidates: the prompt cache on the system-prompt key at 5 minutes and
 * 1 hour, each candidate's rate at its own TTL under its model's minimum tokens per checkpoint (its prefix measured
 * in the run as cache reads + writes per call), and the client cache on the prompt key. What the consumption plans
 * are priced with, and the record's {@code trafficSource} section that says so.
 *
 * @param section     the record's section
 * @param byCandidate what each candidate's plans are priced with, by candidate id
 */
record TrafficReplay(RunResult.TrafficSource section, Map<String, ConsumptionPlans.Measured> byCandidate) {

    private static final Map<String, Long> TTLS = Map.of("5m", CacheReplay.FIVE_MINUTES_MS,
            "1h", CacheReplay.ONE_HOUR_MS);

    TrafficReplay {
        byCandidate = Map.copyOf(byCandidate);
    }

    /** The replay of {@code profile} for {@code candidates} (the run's figures, in suite order). */
    static TrafficReplay of(SuiteSpec suite, TrafficProfile profile, Catalog models,
                            List<RunResult.CandidateResult> candidates) {
        String source = "profile " + shown(suite);
        Optional<TrafficProfile.Arrivals> arrivals = profile.arrivals();
        long[] times = arrivals.map(TrafficProfile.Arrivals::epochMs).orElse(new long[0]);
        int[] prefixes = arrivals.map(TrafficProfile.Arrivals::prefixes).orElse(new int[0]);

        List<RunResult.CacheRate> rates = new ArrayList<>();
        if (arrivals.isPresent()) {
            for (String ttl : List.of("5m", "1h")) {
                // the rate without a model's minimum: every prefix taken as long enough
                CacheReplay.Rate r = CacheReplay.promptCache(times, prefixes, TTLS.get(ttl), 1, 0);
                rates.add(new RunResult.CacheRate(ttl, r.hitRate(), r.hits(), r.writes()));
            }
        }
        Optional<ConsumptionPlans.ClientCacheRate> client = Optional.empty();
        Optional<RunResult.ClientCacheRate> clientSection = Optional.empty();
        if (arrivals.isPresent() && suite.traffic().clientCache().isPresent()) {
            SuiteSpec.ClientCacheSpec c = suite.traffic().clientCache().get();
            double rate = CacheReplay.clientCache(times, arrivals.get().prompts(), c.ttlMs(), c.maxEntries())
                    .hitRate();
            client = Optional.of(new ConsumptionPlans.ClientCacheRate(rate, c.ttl() + " TTL from storing, at most "
                    + String.format(Locale.ROOT, "%,d", c.maxEntries()) + " answers"));
            clientSection = Optional.of(new RunResult.ClientCacheRate(c.ttl(), c.maxEntries(), rate));
        }

        Map<String, ConsumptionPlans.Measured> byCandidate = new LinkedHashMap<>();
        List<RunResult.CandidateCache> perCandidate = new ArrayList<>();
        for (RunResult.CandidateResult c : candidates) {
            Optional<CandidateSpec> spec = suite.candidates().stream().filter(s -> s.id().equals(c.id())).findFirst();
            String ttl = spec.flatMap(s -> Requests.settings(s).cacheTtl()).filter(TTLS::containsKey).orElse("5m");
            Optional<ModelFacts.Caching> caching = models.model(c.model()).flatMap(ModelFacts::caching);
            long min = caching.map(ModelFacts.Caching::minTokens).orElse(0);
            int ok = c.calls() - c.failedCalls();
            RunResult.Usage u = c.usage();
            double prefix = ok == 0 ? 0 : (double) (u.cacheReadInputTokens() + u.cacheWriteInputTokens()) / ok;
            // a checkpoint sent to a caching model that reported no cache tokens stood below the model's minimum
            boolean ignored = prefix == 0 && ok > 0 && caching.isPresent()
                    && spec.map(s -> s.prompt().cache() == PromptSpec.CacheMode.SYSTEM).orElse(false);
            OptionalDouble hit = OptionalDouble.empty();
            if (arrivals.isPresent()) {
                // without a checkpoint there is no prefix to measure: the rate is the system prompt's, unpriced
                long tokens = prefix > 0 ? (long) Math.floor(prefix) : ignored ? 0 : Math.max(1, min);
                CacheReplay.Rate r = CacheReplay.promptCache(times, prefixes, TTLS.get(ttl), tokens, min);
                hit = OptionalDouble.of(r.hitRate());
                String minimum = String.format(Locale.ROOT, "%,d", min);
                String note = ignored ? "the model reported no cache tokens for its checkpoint: the prefix is below "
                        + "its minimum of " + minimum + " tokens per checkpoint, nothing is cached"
                        : prefix == 0 ? "no checkpoint in the run: no prefix measured, the plan is not priced"
                        : prefix < min ? "the measured prefix of " + Math.round(prefix) + " tokens is below the "
                        + "model's minimum of " + minimum + ": nothing is cached"
                        : "a prefix of " + Math.round(prefix) + " tokens, cached at " + ttl;
                perCandidate.add(new RunResult.CandidateCache(c.id(), ttl, prefix == 0 ? null : prefix, min,
                        r.hitRate(), note));
            }
            byCandidate.put(c.id(), new ConsumptionPlans.Measured(source, ttl, hit, min, client,
                    profile.peakFactor()));
        }
        TrafficProfile.Source src = profile.source();
        RunResult.TrafficSource section = new RunResult.TrafficSource(source, src.kind(), src.location(),
                profile.window().from(), profile.window().to(), profile.records(), profile.monthlyRequests(),
                profile.peak().at(), profile.peak().requestsPerMinute(), profile.peakFactor(),
                arrivals.map(TrafficProfile.Arrivals::size).orElse(0), rates, perCandidate, clientSection);
        return new TrafficReplay(section, byCandidate);
    }

    /** The profile as the suite names it: relative to the suite's folder. */
    private static String shown(SuiteSpec suite) {
        Path profile = suite.traffic().profile().orElseThrow();
        Path dir = suite.file().toAbsolutePath().getParent();
        Path shown = dir == null ? profile : dir.relativize(profile.toAbsolutePath());
        return shown.toString().replace('\\', '/');
    }
}
