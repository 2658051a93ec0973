package dev.frontier.cost;

import dev.frontier.model.Cost;
import dev.frontier.model.TokenUsage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * What one candidate's month would cost under each Bedrock consumption option, at the suite's traffic, from its
 * measured mean tokens per request and its model's {@link ModelPrice}:
 *
 * <ul>
 *   <li>{@link OnDemand}: every input token (cached or not) at the input price, output at the output price: the
 *   bill without any lever.</li>
 *   <li>{@link Batch}: the batch prices (about half), all input at the batch input price (no cache discount);
 *   only for work that can wait for a batch job.</li>
 *   <li>{@link PromptCaching}: the measured split of uncached input, cache reads and cache writes at their prices.
 *   Only when the run used prompt caching: how much of a prompt could be cached cannot be told from token counts
 *   alone, so an uncached run gets "not measured", not a guess.</li>
 *   <li>{@link ProvisionedThroughput}: model units sized for the traffic from a user-given hourly price and
 *   throughput per unit, × {@value #HOURS_PER_MONTH} hours, with the monthly volume at which it breaks even with
 *   on-demand.</li>
 *   <li>{@link TierPlan}: Flex and Priority, where the model's catalog dials offer them in the suite's Region: the
 *   on-demand figure × the tier's price multiplier (unknown when the multiplier is).</li>
 *   <li>{@link Reserved}: where offered, the input and output tokens per minute a reservation needs at the traffic
 *   (sized as provisioned throughput is); its price is the AWS account team's, so its cost is unknown.</li>
 * </ul>
 *
 * <p>With a measured traffic profile ({@link Measured}) three plans change: prompt caching uses the hit rate replayed
 * on the profile's arrivals at the candidate's TTL instead of the eval run's own cache pattern (the run's arrivals
 * are not production's): with P the prefix tokens per call measured in the run (cache reads + cache writes), a
 * request costs its uncached input + P × (h × read price + (1 − h) × write price) + its output, h the replayed hit
 * rate (0, and no writes, when P is below the model's minimum tokens per checkpoint); a {@link ClientCache} plan is
 * the on-demand month × (1 − the replayed client-cache hit rate); and provisioned throughput and Reserved are sized
 * for the profile's measured peak factor instead of the quote's.
 *
 * <p>Every plan states the latency it implies ({@link Latency}): the candidate's measured p95 projected with the
 * catalog's latency factors, p95 × factor(plan) ÷ factor(tier it was measured at), where Standard (on-demand,
 * prompt caching, provisioned throughput) is 1; batch answers within 24 hours. With a p95 limit, a plan projected
 * above it (and batch) is excluded with the reason and is never the cheapest. The plans of a candidate called at a
 * tier are priced from Standard's prices: the on-demand plan is Standard.
 *
 * An unknown price makes its plan's cost {@link Cost.Unknown} with the reason, never 0. Monthly figures are rounded
 * to cents, per-1,000-request figures to 6 decimals (half-even).
 */
public final class ConsumptionPlans {

    /** Hours in a billing month, as AWS prices monthly figures (8,760 / 12). */
    public static final int HOURS_PER_MONTH = 730;

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
    private static final BigDecimal HOURS = BigDecimal.valueOf(HOURS_PER_MONTH);
    private static final int MINUTES_PER_MONTH = HOURS_PER_MONTH * 60;

    private ConsumptionPlans() {
    }

    /**
     * Mean tokens per request, as measured over a candidate's successful calls.
     *
     * @param uncachedInput input tokens billed at the input price (Bedrock's {@code inputTokens})
     * @param cacheRead     input tokens read from the prompt cache
     * @param cacheWrite    input tokens written to the prompt cache
     * @param output        output tokens
     */
    public record MeanUsage(double uncachedInput, double cacheRead, double cacheWrite, double output) {

        public MeanUsage {
            for (double v : new double[] {uncachedInput, cacheRead, cacheWrite, output}) {
                if (!(v >= 0) || Double.isInfinite(v)) {
                    throw new IllegalArgumentException("token means must be finite and not negative, got " + v);
                }
            }
        }

        /** The means of {@code total} over {@code requests} calls. */
        public static MeanUsage of(TokenUsage total, long requests) {
            if (requests < 1) {
                throw new IllegalArgumentException("requests must be positive");
            }
            double n = requests;
            return new MeanUsage(total.inputTokens() / n, total.cacheReadInputTokens() / n,
                    total.cacheWriteInputTokens() / n, total.outputTokens() / n);
        }

        /** All input tokens, cached or not. */
        public double totalInput() {
            return uncachedInput + cacheRead + cacheWrite;
        }

        /** Whether the measured calls used prompt caching at all. */
        public boolean cached() {
            return cacheRead > 0 || cacheWrite > 0;
        }
    }

    /** Throughput one provisioned model unit delivers, as the user's quote states it. */
    public sealed interface Throughput permits TokensPerMinute, RequestsPerMinute {
    }

    /**
     * Tokens per minute per model unit, counting every input and output token of a request.
     *
     * @param tokens tokens per minute, &gt; 0
     */
    public record TokensPerMinute(long tokens) implements Throughput {
        public TokensPerMinute {
            if (tokens < 1) {
                throw new IllegalArgumentException("tokens per minute must be positive");
            }
        }
    }

    /**
     * Requests per minute per model unit.
     *
     * @param requests requests per minute, &gt; 0
     */
    public record RequestsPerMinute(double requests) implements Throughput {
        public RequestsPerMinute {
            if (!(requests > 0) || Double.isInfinite(requests)) {
                throw new IllegalArgumentException("requests per minute must be positive");
            }
        }
    }

    /**
     * A provisioned-throughput quote.
     *
     * @param hourlyPerUnit USD per model unit per hour (no-commitment or the term's effective hourly rate)
     * @param perUnit       throughput of one unit
     * @param peakFactor    peak rate ÷ average rate the units must carry, ≥ 1; 1 sizes for the average
     */
    public record Provisioned(BigDecimal hourlyPerUnit, Throughput perUnit, double peakFactor) {

        public Provisioned {
            Objects.requireNonNull(hourlyPerUnit, "hourlyPerUnit");
            Objects.requireNonNull(perUnit, "perUnit");
            if (hourlyPerUnit.signum() < 0) {
                throw new IllegalArgumentException("hourly price must not be negative");
            }
            if (!(peakFactor >= 1) || Double.isInfinite(peakFactor)) {
                throw new IllegalArgumentException("peak factor must be at least 1, got " + peakFactor);
            }
        }

        /** A quote sized for the average rate (peak factor 1). */
        public static Provisioned of(BigDecimal hourlyPerUnit, Throughput perUnit) {
            return new Provisioned(hourlyPerUnit, perUnit, 1);
        }
    }

    /** The options, in the order they are listed; the service tiers after the others. */
    public enum Kind { ON_DEMAND, BATCH, PROMPT_CACHING, CLIENT_CACHE, PROVISIONED_THROUGHPUT, FLEX, PRIORITY, RESERVED }

    /** One consumption option's monthly cost with what a reader must know about it. */
    public sealed interface Plan permits OnDemand, Batch, PromptCaching, ClientCache, ProvisionedThroughput, TierPlan,
            Reserved {

        Kind kind();

        /** The monthly cost at the traffic; unknown with the reason when a price or measurement is missing. */
        Cost monthly();

        /** Conditions and caveats, e.g. {@code needs latency tolerance (24 h window)}. */
        List<String> notes();

        /** The latency the plan implies, and whether the latency rule excludes it. */
        Latency latency();
    }

    /**
     * The latency a plan implies.
     *
     * @param p95Ms    the projected p95 in milliseconds; empty when there is no measurement or factor to project
     *                 from (and for batch)
     * @param words    how it was found, e.g. "1,840 ms (1,150 ms measured at standard × 1.6)", "up to 24 h"; "" when
     *                 nothing can be said
     * @param excluded why the latency rule excludes the plan; empty when it does not
     */
    public record Latency(OptionalDouble p95Ms, String words, Optional<String> excluded) {
        /** Nothing measured, no rule. */
        public static final Latency UNKNOWN = new Latency(OptionalDouble.empty(), "", Optional.empty());

        public Latency {
            Objects.requireNonNull(p95Ms, "p95Ms");
            Objects.requireNonNull(words, "words");
            Objects.requireNonNull(excluded, "excluded");
        }

        /** Whether the latency rule excludes the plan. */
        public boolean isExcluded() {
            return excluded.isPresent();
        }
    }

    /**
     * What the tier plans and the latency rule need beside prices and usage.
     *
     * @param tiers          the tiers offered in the suite's Region beside Standard, by wire name ({@code flex},
     *                       {@code priority}, {@code reserved}) → price multiplier of Standard's, empty when unknown
     * @param latencyFactors each tier's latency relative to Standard's (a factor on the time per output token), by
     *                       wire name; Standard ({@code default}) is 1
     * @param measuredP95Ms  the candidate's measured p95 latency; empty when not measured (e.g. it ran in batch)
     * @param measuredTier   the wire name of the tier it was measured at ({@code default} for Standard)
     * @param maxP95Ms       the suite's p95 limit ({@code selection.maxLatencyP95Ms}); empty for none
     */
    public record Serving(Map<String, Optional<BigDecimal>> tiers, Map<String, Double> latencyFactors,
                          OptionalDouble measuredP95Ms, String measuredTier, OptionalLong maxP95Ms) {
        /** No tier beside Standard, nothing measured, no limit: only the four plans, as before tiers existed. */
        public static final Serving NONE = new Serving(Map.of(), Map.of(), OptionalDouble.empty(), STANDARD,
                OptionalLong.empty());

        public Serving {
            tiers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(tiers));
            latencyFactors = Map.copyOf(latencyFactors);
            Objects.requireNonNull(measuredP95Ms, "measuredP95Ms");
            Objects.requireNonNull(measuredTier, "measuredTier");
            Objects.requireNonNull(maxP95Ms, "maxP95Ms");
        }

        /**
         * The tiers {@code facts} offers in {@code region}, with the multipliers of {@code price}'s dials (the price
         * catalog's, in the suite's Region) and the catalog's latency factors; nothing measured, no limit.
         */
        public static Serving offered(Optional<dev.frontier.catalog.ModelFacts.ServiceTiers> facts, String region,
                                      ModelPrice price) {
            if (facts.isEmpty() || !facts.get().regions().contains(region)) {
                return NONE;
            }
            Map<String, Optional<BigDecimal>> tiers = new java.util.LinkedHashMap<>();
            for (String tier : List.of(FLEX, PRIORITY, RESERVED)) {
                if (facts.get().offers(tier, region)) {
                    tiers.put(tier, Optional.ofNullable(price.dials().tiers().get(tier)));
                }
            }
            return new Serving(tiers, facts.get().latency(), OptionalDouble.empty(), STANDARD, OptionalLong.empty());
        }

        /** The same, with the candidate's measured p95 at {@code tier} (a wire name). */
        public Serving measured(OptionalDouble p95Ms, String tier) {
            return new Serving(tiers, latencyFactors, p95Ms, tier, maxP95Ms);
        }

        /** The same, with the suite's p95 limit. */
        public Serving limit(OptionalLong max) {
            return new Serving(tiers, latencyFactors, measuredP95Ms, measuredTier, max);
        }

        /** The latency factor of a tier; Standard's is 1. */
        OptionalDouble factor(String tier) {
            if (tier.equals(STANDARD)) {
                return OptionalDouble.of(1);
            }
            Double f = latencyFactors.get(tier);
            return f == null ? OptionalDouble.empty() : OptionalDouble.of(f);
        }
    }

    /** Wire names of the service tiers. */
    static final String STANDARD = "default";
    static final String FLEX = "flex";
    static final String PRIORITY = "priority";
    static final String RESERVED = "reserved";

    /**
     * On-demand, without prompt caching.
     *
     * @param monthly per month
     * @param per1k   per 1,000 requests
     * @param notes   caveats
     * @param latency the latency it implies
     */
    public record OnDemand(Cost monthly, Cost per1k, List<String> notes, Latency latency) implements Plan {
        public OnDemand {
            notes = List.copyOf(notes);
            Objects.requireNonNull(latency, "latency");
        }

        @Override
        public Kind kind() {
            return Kind.ON_DEMAND;
        }
    }

    /**
     * Batch inference.
     *
     * @param monthly per month
     * @param per1k   per 1,000 requests
     * @param notes   caveats
     * @param latency the latency it implies (up to 24 hours)
     */
    public record Batch(Cost monthly, Cost per1k, List<String> notes, Latency latency) implements Plan {
        public Batch {
            notes = List.copyOf(notes);
            Objects.requireNonNull(latency, "latency");
        }

        @Override
        public Kind kind() {
            return Kind.BATCH;
        }
    }

    /**
     * On-demand with prompt caching as measured.
     *
     * @param monthly        per month
     * @param per1k          per 1,000 requests
     * @param cacheReadShare share of input tokens read from the cache, in [0, 1]
     * @param notes          caveats
     * @param latency        the latency it implies
     */
    public record PromptCaching(Cost monthly, Cost per1k, double cacheReadShare, List<String> notes,
                                Latency latency) implements Plan {
        public PromptCaching {
            notes = List.copyOf(notes);
            Objects.requireNonNull(latency, "latency");
        }

        @Override
        public Kind kind() {
            return Kind.PROMPT_CACHING;
        }
    }

    /**
     * On-demand behind an exact-match client-side answer cache: the requests the cache answers are not sent.
     *
     * @param monthly per month: the on-demand month × (1 − hit rate)
     * @param per1k   per 1,000 requests, likewise
     * @param hitRate the share of requests the cache answered, replayed on the profile's arrivals
     * @param notes   caveats
     * @param latency the latency it implies (on-demand's for the requests sent)
     */
    public record ClientCache(Cost monthly, Cost per1k, double hitRate, List<String> notes, Latency latency)
            implements Plan {
        public ClientCache {
            notes = List.copyOf(notes);
            Objects.requireNonNull(latency, "latency");
        }

        @Override
        public Kind kind() {
            return Kind.CLIENT_CACHE;
        }
    }

    /**
     * What a traffic profile measured for one candidate, replacing the run's own figures in the plans.
     *
     * @param source        where it was measured, e.g. {@code profile datasets/production/traffic.json}
     * @param ttl           the candidate's cache checkpoint TTL ({@code 5m} or {@code 1h})
     * @param promptHitRate the prompt-cache hit rate replayed at {@code ttl}; empty when the profile has no arrivals
     * @param minTokens     the model's minimum tokens per checkpoint (0 when the catalog states none): a prefix
     *                      below it is not cached
     * @param clientCache   the client cache's hit rate and settings; empty when none is priced
     * @param peakFactor    the profile's busiest minute ÷ its average minute, ≥ 1
     */
    public record Measured(String source, String ttl, OptionalDouble promptHitRate, long minTokens,
                           Optional<ClientCacheRate> clientCache, double peakFactor) {
        public Measured {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(ttl, "ttl");
            Objects.requireNonNull(promptHitRate, "promptHitRate");
            Objects.requireNonNull(clientCache, "clientCache");
            if (!(peakFactor >= 1) || Double.isInfinite(peakFactor)) {
                throw new IllegalArgumentException("peak factor must be at least 1, got " + peakFactor);
            }
        }
    }

    /**
     * A client cache's replayed hit rate.
     *
     * @param hitRate  in [0, 1]
     * @param settings how it is set, e.g. {@code 1h TTL, at most 10,000 answers}
     */
    public record ClientCacheRate(double hitRate, String settings) {
        public ClientCacheRate {
            if (!(hitRate >= 0 && hitRate <= 1)) {
                throw new IllegalArgumentException("hit rate must be in [0, 1], got " + hitRate);
            }
        }
    }

    /**
     * Provisioned throughput.
     *
     * @param monthly                   units × hourly price × {@value ConsumptionPlans#HOURS_PER_MONTH}
     * @param units                     model units needed for the traffic at the peak factor
     * @param breakEvenRequestsPerMonth the monthly volume from which one unit costs no more than on-demand; empty
     *                                  when it never does (or on-demand is unknown), see the notes
     * @param notes                     caveats
     * @param latency                   the latency it implies (as Standard's: the catalog states no factor for it)
     */
    public record ProvisionedThroughput(Cost monthly, OptionalLong units, OptionalLong breakEvenRequestsPerMonth,
                                        List<String> notes, Latency latency) implements Plan {
        public ProvisionedThroughput {
            notes = List.copyOf(notes);
            Objects.requireNonNull(latency, "latency");
        }

        @Override
        public Kind kind() {
            return Kind.PROVISIONED_THROUGHPUT;
        }
    }

    /**
     * A service tier billed per token at a multiple of Standard's prices: Flex or Priority.
     *
     * @param kind       {@link Kind#FLEX} or {@link Kind#PRIORITY}
     * @param monthly    the on-demand figure × the multiplier; unknown when either is
     * @param per1k      per 1,000 requests, likewise
     * @param multiplier the tier's prices as a multiple of Standard's; empty when unknown
     * @param notes      caveats
     * @param latency    the latency it implies
     */
    public record TierPlan(Kind kind, Cost monthly, Cost per1k, Optional<BigDecimal> multiplier, List<String> notes,
                           Latency latency) implements Plan {
        public TierPlan {
            if (kind != Kind.FLEX && kind != Kind.PRIORITY) {
                throw new IllegalArgumentException("a tier plan is Flex or Priority, not " + kind);
            }
            notes = List.copyOf(notes);
            Objects.requireNonNull(latency, "latency");
        }
    }

    /**
     * The Reserved tier: input and output tokens per minute reserved for a 1- or 3-month term at a price per 1,000
     * tokens per minute that the AWS account team quotes, so the monthly cost is unknown; calls above the
     * reservation overflow to Standard.
     *
     * @param monthly               unknown (not public)
     * @param inputTokensPerMinute  input tokens per minute the traffic needs, at the provisioned-throughput plan's
     *                              peak assumption; empty when no tokens were measured
     * @param outputTokensPerMinute output tokens per minute, likewise
     * @param notes                 the sizing and caveats
     * @param latency               the latency it implies
     */
    public record Reserved(Cost monthly, OptionalLong inputTokensPerMinute, OptionalLong outputTokensPerMinute,
                           List<String> notes, Latency latency) implements Plan {
        public Reserved {
            notes = List.copyOf(notes);
            Objects.requireNonNull(latency, "latency");
        }

        @Override
        public Kind kind() {
            return Kind.RESERVED;
        }
    }

    /**
     * The plans of one candidate.
     *
     * @param requestsPerMonth the traffic
     * @param plans            one per {@link Kind}, in its order; the tier kinds only where the model offers them
     * @param cheapest         the plan with the lowest known monthly cost that the latency rule does not exclude
     *                         (the first on a tie); empty when none is known
     * @param summary          one line naming the cheapest plan and its condition
     */
    public record Result(long requestsPerMonth, List<Plan> plans, Optional<Plan> cheapest, String summary) {
        public Result {
            plans = List.copyOf(plans);
        }

        /** The plan of {@code kind}. */
        public Plan plan(Kind kind) {
            return find(kind).orElseThrow();
        }

        /** The plan of {@code kind}, if there is one. */
        public Optional<Plan> find(Kind kind) {
            return plans.stream().filter(p -> p.kind() == kind).findFirst();
        }
    }

    /**
     * The plans for a candidate on {@code price}'s model with {@code usage} per request at {@code requestsPerMonth}.
     *
     * @param provisioned a provisioned-throughput quote, if the user has one
     */
    public static Result of(ModelPrice price, MeanUsage usage, long requestsPerMonth,
                            Optional<Provisioned> provisioned) {
        return of(price, usage, requestsPerMonth, provisioned, Serving.NONE);
    }

    /**
     * The plans, with the service tiers {@code serving} offers and the latency each plan implies under its rule.
     *
     * @param provisioned a provisioned-throughput quote, if the user has one
     * @param serving     the tiers offered, the candidate's measured latency and the suite's limit
     */
    public static Result of(ModelPrice price, MeanUsage usage, long requestsPerMonth,
                            Optional<Provisioned> provisioned, Serving serving) {
        return of(price, usage, requestsPerMonth, provisioned, serving, Optional.empty());
    }

    /**
     * The plans, with prompt caching, a client cache and the provisioned peak taken from a measured traffic profile.
     *
     * @param provisioned a provisioned-throughput quote, if the user has one
     * @param serving     the tiers offered, the candidate's measured latency and the suite's limit
     * @param measured    what the suite's traffic profile measured; empty for a suite with one requests-per-month
     *                    figure
     */
    public static Result of(ModelPrice price, MeanUsage usage, long requestsPerMonth,
                            Optional<Provisioned> provisioned, Serving serving, Optional<Measured> measured) {
        if (requestsPerMonth < 0) {
            throw new IllegalArgumentException("requests per month must not be negative");
        }
        String model = price.modelId();
        BigDecimal requests = BigDecimal.valueOf(requestsPerMonth);

        Cost onDemandPerRequest = part(usage.totalInput(), price.input(), "input", model)
                .plus(part(usage.output(), price.output(), "output", model));
        List<String> onDemandNotes = usage.cached()
                ? List.of("without prompt caching: cached input billed at the input price") : List.of();
        Latency standard = projected(serving, STANDARD);
        OnDemand onDemand = new OnDemand(monthly(onDemandPerRequest, requests), per1k(onDemandPerRequest),
                onDemandNotes, standard);

        Cost batchPerRequest = part(usage.totalInput(), price.batchInput(), "batch input", model)
                .plus(part(usage.output(), price.batchOutput(), "batch output", model));
        Batch batch = new Batch(monthly(batchPerRequest, requests), per1k(batchPerRequest),
                List.of("needs latency tolerance (24 h window)", "jobs of at least 100 records",
                        "no prompt-cache discount: all input at the batch input price"), batchLatency(serving));

        PromptCaching caching = measured.filter(m -> m.promptHitRate().isPresent() && usage.cached())
                .map(m -> replayedCaching(price, usage, requests, standard, m))
                .orElseGet(() -> caching(price, usage, requests, standard));
        Optional<String> peakSource = measured.map(m -> m.source());
        // a measured peak replaces the quote's, for provisioned throughput and Reserved alike
        Optional<Provisioned> quote = provisioned.map(q -> measured.map(m -> new Provisioned(q.hourlyPerUnit(),
                q.perUnit(), m.peakFactor())).orElse(q));
        ProvisionedThroughput pt = provisioned(usage, requestsPerMonth, onDemandPerRequest, quote,
                projected(serving, STANDARD), peakSource);

        List<Plan> plans = new ArrayList<>(List.of(onDemand, batch, caching, pt));
        measured.flatMap(Measured::clientCache).ifPresent(c -> plans.add(clientCache(onDemand, c,
                measured.get().source())));
        for (Map.Entry<String, Optional<BigDecimal>> t : serving.tiers().entrySet()) {
            switch (t.getKey()) {
                case FLEX, PRIORITY -> plans.add(tier(t.getKey(), t.getValue(), onDemand, usage.cached()
                        ? Optional.of(caching) : Optional.empty(), serving));
                case RESERVED -> plans.add(reserved(usage, requestsPerMonth, measured.map(Measured::peakFactor)
                        .orElse(quote.map(Provisioned::peakFactor).orElse(1.0)), serving));
                default -> {
                    // a tier this version does not know gets no plan
                }
            }
        }
        plans.sort(Comparator.comparing(Plan::kind));
        Optional<Plan> cheapest = plans.stream().filter(p -> p.monthly().isKnown() && !p.latency().isExcluded())
                .min(Comparator.comparing((Plan p) -> p.monthly().usdOrNull()));
        String summary = cheapest.map(p -> "cheapest: " + name(p.kind()) + " at $"
                        + p.monthly().usdOrNull().toPlainString() + " a month"
                        + (p.kind() == Kind.BATCH ? " (needs latency tolerance (24 h window))" : ""))
                .orElseGet(() -> plans.stream().anyMatch(p -> p.monthly().isKnown())
                        ? "no plan with a known cost meets the p95 limit of " + ms(serving.maxP95Ms().getAsLong())
                        : "no plan has a known cost");
        return new Result(requestsPerMonth, plans, cheapest, summary);
    }

    /** The human name of a plan kind. */
    public static String name(Kind kind) {
        return switch (kind) {
            case ON_DEMAND -> "on-demand";
            case BATCH -> "batch";
            case PROMPT_CACHING -> "prompt caching";
            case CLIENT_CACHE -> "client cache";
            case PROVISIONED_THROUGHPUT -> "provisioned throughput";
            case FLEX -> "flex";
            case PRIORITY -> "priority";
            case RESERVED -> "reserved";
        };
    }

    /** Flex or Priority: the on-demand figures × the tier's multiplier. */
    private static TierPlan tier(String tier, Optional<BigDecimal> multiplier, OnDemand onDemand,
                                 Optional<PromptCaching> caching, Serving serving) {
        Kind kind = tier.equals(FLEX) ? Kind.FLEX : Kind.PRIORITY;
        Cost monthly;
        Cost per1k;
        // a candidate that caches its prompt keeps caching at the tier: the multiplier applies to cache reads and
        // writes as to other tokens (the catalog's tier price source), so the tier is priced on the cached figure
        boolean cached = caching.filter(c -> c.monthly().isKnown() && onDemand.monthly().isKnown()
                && c.monthly().usdOrNull().compareTo(onDemand.monthly().usdOrNull()) < 0).isPresent();
        Cost baseMonthly = cached ? caching.get().monthly() : onDemand.monthly();
        Cost basePer1k = cached ? caching.get().per1k() : onDemand.per1k();
        if (multiplier.isEmpty()) {
            Cost unknown = new Cost.Unknown("no " + tier + " price multiplier for the model in the catalog");
            monthly = unknown;
            per1k = unknown;
        } else {
            BigDecimal m = multiplier.get();
            monthly = baseMonthly instanceof Cost.Known k
                    ? Cost.usd(k.usd().multiply(m).setScale(2, RoundingMode.HALF_EVEN)) : baseMonthly;
            per1k = basePer1k instanceof Cost.Known k
                    ? Cost.usd(k.usd().multiply(m).setScale(6, RoundingMode.HALF_EVEN)) : basePer1k;
        }
        List<String> notes = new ArrayList<>();
        multiplier.ifPresent(m -> notes.add((cached ? "with prompt caching: Standard's on-demand and cache prices × "
                : "Standard's on-demand prices × ") + m.stripTrailingZeros().toPlainString()));
        notes.add(kind == Kind.FLEX
                ? "best effort: longer processing times, throttled first, no SLA; for work that can wait"
                : "served ahead of Standard and Flex traffic");
        return new TierPlan(kind, monthly, per1k, multiplier, notes, projected(serving, tier));
    }

    /** Reserved: the tokens per minute to reserve, at the provisioned-throughput plan's peak assumption. */
    private static Reserved reserved(MeanUsage usage, long requestsPerMonth, double peak, Serving serving) {
        Cost unknown = new Cost.Unknown("priced by the AWS account team; not public");
        double perMinute = (double) requestsPerMonth / MINUTES_PER_MONTH * peak;
        List<String> notes = new ArrayList<>();
        OptionalLong in = OptionalLong.empty();
        OptionalLong out = OptionalLong.empty();
        if (usage.totalInput() + usage.output() > 0) {
            in = OptionalLong.of((long) Math.ceil(perMinute * usage.totalInput()));
            out = OptionalLong.of((long) Math.ceil(perMinute * usage.output()));
            notes.add("reserve " + String.format(java.util.Locale.ROOT, "%,d", in.getAsLong())
                    + " input and " + String.format(java.util.Locale.ROOT, "%,d", out.getAsLong())
                    + " output tokens per minute (" + (peak == 1 ? "sized for the average rate (peak factor 1): "
                    + "traffic peaks need more" : "sized for " + factor(peak) + " × the average rate") + ")");
        } else {
            notes.add("no tokens per request measured to size a reservation");
        }
        notes.add("overflow above the reservation is billed at Standard");
        notes.add("1- or 3-month term, priced per 1,000 tokens per minute by the AWS account team");
        return new Reserved(unknown, in, out, notes, projected(serving, RESERVED));
    }

    /** The measured p95 projected to {@code tier}, under the latency rule. */
    private static Latency projected(Serving serving, String tier) {
        if (serving.measuredP95Ms().isEmpty()) {
            return Latency.UNKNOWN;
        }
        double measured = serving.measuredP95Ms().getAsDouble();
        String at = serving.measuredTier();
        OptionalDouble from = serving.factor(at);
        OptionalDouble to = serving.factor(tier);
        if (from.isEmpty() || to.isEmpty() || !(from.getAsDouble() > 0)) {
            return new Latency(OptionalDouble.empty(), "unknown: the catalog states no latency factor for "
                    + tierName(from.isEmpty() ? at : tier), Optional.empty());
        }
        double ratio = to.getAsDouble() / from.getAsDouble();
        double p95 = measured * ratio;
        String words = tier.equals(at) ? ms(Math.round(p95)) + " (measured)"
                : ms(Math.round(p95)) + " (" + ms(Math.round(measured)) + " measured at " + tierName(at) + " × "
                + factor(ratio) + ")";
        Optional<String> excluded = Optional.empty();
        if (serving.maxP95Ms().isPresent() && p95 > serving.maxP95Ms().getAsLong()) {
            excluded = Optional.of("projected p95 " + ms(Math.round(p95)) + " exceeds the limit of "
                    + ms(serving.maxP95Ms().getAsLong()));
        }
        return new Latency(OptionalDouble.of(p95), words, excluded);
    }

    private static Latency batchLatency(Serving serving) {
        Optional<String> excluded = serving.maxP95Ms().isPresent()
                ? Optional.of("batch answers within 24 h, not within the p95 limit of "
                + ms(serving.maxP95Ms().getAsLong())) : Optional.empty();
        return new Latency(OptionalDouble.empty(), "up to 24 h", excluded);
    }

    private static String tierName(String wire) {
        return wire.equals(STANDARD) ? "standard" : wire;
    }

    private static String factor(double ratio) {
        return BigDecimal.valueOf(ratio).setScale(3, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }

    private static String ms(long ms) {
        return String.format(java.util.Locale.ROOT, "%,d ms", ms);
    }

    private static PromptCaching caching(ModelPrice price, MeanUsage usage, BigDecimal requests, Latency latency) {
        if (!usage.cached()) {
            String why = price.cacheRead().isPresent()
                    ? "not measured: the run did not use prompt caching (the cacheable share of the prompt cannot "
                    + "be told from token counts; run with a cache point to measure it)"
                    : "not measured: the run did not use prompt caching, and there is no cache price for " + price
                    .modelId();
            return new PromptCaching(new Cost.Unknown(why), new Cost.Unknown(why), 0, List.of(), latency);
        }
        String model = price.modelId();
        Cost perRequest = part(usage.uncachedInput(), price.input(), "input", model)
                .plus(part(usage.cacheRead(), price.cacheRead(), "cache read", model))
                .plus(part(usage.cacheWrite(), price.cacheWrite(), "cache write", model))
                .plus(part(usage.output(), price.output(), "output", model));
        double total = usage.totalInput();
        double readShare = usage.cacheRead() / total;
        double writeShare = usage.cacheWrite() / total;
        return new PromptCaching(monthly(perRequest, requests), per1k(perRequest), readShare, List.of(
                "as measured: " + percent(readShare) + " of input read from the cache, " + percent(writeShare)
                        + " written",
                "cache entries expire 5 minutes after their last hit: sparser traffic writes more than measured"),
                latency);
    }

    /**
     * Prompt caching at the hit rate replayed on the profile's arrivals: P = the run's cache reads + writes per call
     * is the prefix; a hit reads it, a miss writes it at the TTL's write price; below the model's minimum nothing is
     * cached and the prefix is billed as input.
     */
    private static PromptCaching replayedCaching(ModelPrice price, MeanUsage usage, BigDecimal requests,
                                                 Latency latency, Measured m) {
        String model = price.modelId();
        double prefix = usage.cacheRead() + usage.cacheWrite();
        boolean below = prefix < m.minTokens();
        double h = below ? 0 : m.promptHitRate().getAsDouble();
        Optional<BigDecimal> write = m.ttl().equals("1h") ? price.dials().cacheWrite1h() : price.cacheWrite();
        Cost perRequest = below
                ? part(usage.uncachedInput() + prefix, price.input(), "input", model)
                        .plus(part(usage.output(), price.output(), "output", model))
                : part(usage.uncachedInput(), price.input(), "input", model)
                        .plus(part(prefix * h, price.cacheRead(), "cache read", model))
                        .plus(part(prefix * (1 - h), write, m.ttl().equals("1h") ? "1-hour cache write"
                                : "cache write", model))
                        .plus(part(usage.output(), price.output(), "output", model));
        double readShare = prefix * h / usage.totalInput();
        List<String> notes = new ArrayList<>();
        if (below) {
            notes.add("the measured prefix of " + Math.round(prefix) + " tokens is below the model's minimum of "
                    + m.minTokens() + " per checkpoint: nothing is cached");
        } else {
            notes.add("replayed on the arrivals of " + m.source() + ": " + percent(h) + " of requests read the "
                    + Math.round(prefix) + "-token prefix from the " + m.ttl() + " cache, the rest write it");
        }
        notes.add("the prefix is keyed on the system prompt: requests with the same one share an entry");
        return new PromptCaching(monthly(perRequest, requests), per1k(perRequest), readShare, notes, latency);
    }

    /** The on-demand month less the requests the client cache answers. */
    private static ClientCache clientCache(OnDemand onDemand, ClientCacheRate rate, String source) {
        BigDecimal sent = BigDecimal.valueOf(1 - rate.hitRate());
        Cost monthly = onDemand.monthly() instanceof Cost.Known k
                ? Cost.usd(k.usd().multiply(sent).setScale(2, RoundingMode.HALF_EVEN)) : onDemand.monthly();
        Cost per1k = onDemand.per1k() instanceof Cost.Known k
                ? Cost.usd(k.usd().multiply(sent).setScale(6, RoundingMode.HALF_EVEN)) : onDemand.per1k();
        return new ClientCache(monthly, per1k, rate.hitRate(), List.of(
                "exact-match answer cache (" + rate.settings() + "): " + percent(rate.hitRate())
                        + " of requests answered from it, replayed on the arrivals of " + source,
                "the on-demand month × " + factor(1 - rate.hitRate()) + "; a cached answer is as old as the TTL"),
                onDemand.latency());
    }

    private static ProvisionedThroughput provisioned(MeanUsage usage, long requestsPerMonth, Cost onDemandPerRequest,
                                                     Optional<Provisioned> quote, Latency latency,
                                                     Optional<String> peakSource) {
        if (quote.isEmpty()) {
            Cost unknown = new Cost.Unknown("no provisioned-throughput quote given (hourly price per model unit and "
                    + "throughput per unit)");
            return new ProvisionedThroughput(unknown, OptionalLong.empty(), OptionalLong.empty(), List.of(), latency);
        }
        Provisioned q = quote.get();
        double capacityPerMinute;
        if (q.perUnit() instanceof TokensPerMinute t) {
            double tokensPerRequest = usage.totalInput() + usage.output();
            if (tokensPerRequest <= 0) {
                Cost unknown = new Cost.Unknown("no tokens per request measured to size provisioned throughput");
                return new ProvisionedThroughput(unknown, OptionalLong.empty(), OptionalLong.empty(), List.of(), latency);
            }
            capacityPerMinute = t.tokens() / tokensPerRequest;
        } else {
            capacityPerMinute = ((RequestsPerMinute) q.perUnit()).requests();
        }
        double peakPerMinute = (double) requestsPerMonth / MINUTES_PER_MONTH * q.peakFactor();
        long units = Math.max(1, (long) Math.ceil(peakPerMinute / capacityPerMinute));
        BigDecimal unitMonth = q.hourlyPerUnit().multiply(HOURS);
        Cost monthly = Cost.usd(unitMonth.multiply(BigDecimal.valueOf(units)).setScale(2, RoundingMode.HALF_EVEN));

        List<String> notes = new ArrayList<>();
        notes.add(units + (units == 1 ? " model unit" : " model units") + " × $" + q.hourlyPerUnit().toPlainString()
                + "/h × " + HOURS_PER_MONTH + " h, billed whether used or not");
        if (peakSource.isPresent()) {
            notes.add("sized for the measured peak: " + factor(q.peakFactor()) + " × the average rate (the busiest "
                    + "minute of " + peakSource.get() + "; replaces the quote's peak factor)");
        } else {
            notes.add(q.peakFactor() == 1
                    ? "sized for the average rate (peak factor 1): traffic peaks need more units"
                    : "sized for " + BigDecimal.valueOf(q.peakFactor()).stripTrailingZeros().toPlainString()
                    + " × the average rate");
        }

        OptionalLong breakEven = OptionalLong.empty();
        if (onDemandPerRequest instanceof Cost.Known k && k.usd().signum() > 0) {
            // one unit carries capacity × minutes / peak factor requests a month
            double carried = capacityPerMinute * MINUTES_PER_MONTH / q.peakFactor();
            BigDecimal volume = unitMonth.divide(k.usd(), 0, RoundingMode.CEILING);
            if (volume.doubleValue() <= carried) {
                breakEven = OptionalLong.of(volume.longValueExact());
                notes.add("breaks even with on-demand at " + volume.toPlainString() + " requests a month per unit");
            } else {
                notes.add("never breaks even with on-demand: one unit ($" + unitMonth.toPlainString()
                        + " a month) costs more than the " + (long) Math.floor(carried)
                        + " requests a month it can carry cost on demand");
            }
        } else {
            notes.add("break-even unknown: the on-demand cost is unknown");
        }
        return new ProvisionedThroughput(monthly, OptionalLong.of(units), breakEven, notes, latency);
    }

    /** Cost of a mean of {@code tokens} per request at {@code perThousand}; unknown when the price is missing. */
    private static Cost part(double tokens, Optional<BigDecimal> perThousand, String what, String model) {
        if (tokens == 0) {
            return Cost.ZERO;
        }
        return perThousand.<Cost>map(p -> Cost.usd(p.multiply(BigDecimal.valueOf(tokens)).divide(THOUSAND)))
                .orElseGet(() -> new Cost.Unknown("no " + what + " price for " + model));
    }

    private static Cost monthly(Cost perRequest, BigDecimal requests) {
        return perRequest instanceof Cost.Known k
                ? Cost.usd(k.usd().multiply(requests).setScale(2, RoundingMode.HALF_EVEN)) : perRequest;
    }

    private static Cost per1k(Cost perRequest) {
        return perRequest instanceof Cost.Known k
                ? Cost.usd(k.usd().multiply(THOUSAND).setScale(6, RoundingMode.HALF_EVEN)) : perRequest;
    }

    private static String percent(double share) {
        return BigDecimal.valueOf(share * 100).setScale(1, RoundingMode.HALF_EVEN).stripTrailingZeros()
                .toPlainString() + " %";
    }
}
