package dev.frontier.cost;

import dev.frontier.model.Cost;
import dev.frontier.model.TokenUsage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
 * </ul>
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

    /** The options, in the order they are listed. */
    public enum Kind { ON_DEMAND, BATCH, PROMPT_CACHING, PROVISIONED_THROUGHPUT }

    /** One consumption option's monthly cost with what a reader must know about it. */
    public sealed interface Plan permits OnDemand, Batch, PromptCaching, ProvisionedThroughput {

        Kind kind();

        /** The monthly cost at the traffic; unknown with the reason when a price or measurement is missing. */
        Cost monthly();

        /** Conditions and caveats, e.g. {@code needs latency tolerance (24 h window)}. */
        List<String> notes();
    }

    /**
     * On-demand, without prompt caching.
     *
     * @param monthly per month
     * @param per1k   per 1,000 requests
     * @param notes   caveats
     */
    public record OnDemand(Cost monthly, Cost per1k, List<String> notes) implements Plan {
        public OnDemand {
            notes = List.copyOf(notes);
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
     */
    public record Batch(Cost monthly, Cost per1k, List<String> notes) implements Plan {
        public Batch {
            notes = List.copyOf(notes);
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
     */
    public record PromptCaching(Cost monthly, Cost per1k, double cacheReadShare, List<String> notes)
            implements Plan {
        public PromptCaching {
            notes = List.copyOf(notes);
        }

        @Override
        public Kind kind() {
            return Kind.PROMPT_CACHING;
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
     */
    public record ProvisionedThroughput(Cost monthly, OptionalLong units, OptionalLong breakEvenRequestsPerMonth,
                                        List<String> notes) implements Plan {
        public ProvisionedThroughput {
            notes = List.copyOf(notes);
        }

        @Override
        public Kind kind() {
            return Kind.PROVISIONED_THROUGHPUT;
        }
    }

    /**
     * The plans of one candidate.
     *
     * @param requestsPerMonth the traffic
     * @param plans            one per {@link Kind}, in its order
     * @param cheapest         the plan with the lowest known monthly cost (the first on a tie); empty when none is
     *                         known
     * @param summary          one line naming the cheapest plan and its condition
     */
    public record Result(long requestsPerMonth, List<Plan> plans, Optional<Plan> cheapest, String summary) {
        public Result {
            plans = List.copyOf(plans);
        }

        /** The plan of {@code kind}. */
        public Plan plan(Kind kind) {
            return plans.stream().filter(p -> p.kind() == kind).findFirst().orElseThrow();
        }
    }

    /**
     * The plans for a candidate on {@code price}'s model with {@code usage} per request at {@code requestsPerMonth}.
     *
     * @param provisioned a provisioned-throughput quote, if the user has one
     */
    public static Result of(ModelPrice price, MeanUsage usage, long requestsPerMonth,
                            Optional<Provisioned> provisioned) {
        if (requestsPerMonth < 0) {
            throw new IllegalArgumentException("requests per month must not be negative");
        }
        String model = price.modelId();
        BigDecimal requests = BigDecimal.valueOf(requestsPerMonth);

        Cost onDemandPerRequest = part(usage.totalInput(), price.input(), "input", model)
                .plus(part(usage.output(), price.output(), "output", model));
        List<String> onDemandNotes = usage.cached()
                ? List.of("without prompt caching: cached input billed at the input price") : List.of();
        OnDemand onDemand = new OnDemand(monthly(onDemandPerRequest, requests), per1k(onDemandPerRequest),
                onDemandNotes);

        Cost batchPerRequest = part(usage.totalInput(), price.batchInput(), "batch input", model)
                .plus(part(usage.output(), price.batchOutput(), "batch output", model));
        Batch batch = new Batch(monthly(batchPerRequest, requests), per1k(batchPerRequest),
                List.of("needs latency tolerance (24 h window)", "jobs of at least 100 records",
                        "no prompt-cache discount: all input at the batch input price"));

        PromptCaching caching = caching(price, usage, requests);
        ProvisionedThroughput pt = provisioned(usage, requestsPerMonth, onDemandPerRequest, provisioned);

        List<Plan> plans = List.of(onDemand, batch, caching, pt);
        Optional<Plan> cheapest = plans.stream().filter(p -> p.monthly().isKnown())
                .min(Comparator.comparing((Plan p) -> p.monthly().usdOrNull()));
        String summary = cheapest.map(p -> "cheapest: " + name(p.kind()) + " at $"
                        + p.monthly().usdOrNull().toPlainString() + " a month"
                        + (p.kind() == Kind.BATCH ? " (needs latency tolerance (24 h window))" : ""))
                .orElse("no plan has a known cost");
        return new Result(requestsPerMonth, plans, cheapest, summary);
    }

    /** The human name of a plan kind. */
    public static String name(Kind kind) {
        return switch (kind) {
            case ON_DEMAND -> "on-demand";
            case BATCH -> "batch";
            case PROMPT_CACHING -> "prompt caching";
            case PROVISIONED_THROUGHPUT -> "provisioned throughput";
        };
    }

    private static PromptCaching caching(ModelPrice price, MeanUsage usage, BigDecimal requests) {
        if (!usage.cached()) {
            String why = price.cacheRead().isPresent()
                    ? "not measured: the run did not use prompt caching (the cacheable share of the prompt cannot "
                    + "be told from token counts; run with a cache point to measure it)"
                    : "not measured: the run did not use prompt caching, and there is no cache price for " + price
                    .modelId();
            return new PromptCaching(new Cost.Unknown(why), new Cost.Unknown(why), 0, List.of());
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
                "cache entries expire 5 minutes after their last hit: sparser traffic writes more than measured"));
    }

    private static ProvisionedThroughput provisioned(MeanUsage usage, long requestsPerMonth, Cost onDemandPerRequest,
                                                     Optional<Provisioned> quote) {
        if (quote.isEmpty()) {
            Cost unknown = new Cost.Unknown("no provisioned-throughput quote given (hourly price per model unit and "
                    + "throughput per unit)");
            return new ProvisionedThroughput(unknown, OptionalLong.empty(), OptionalLong.empty(), List.of());
        }
        Provisioned q = quote.get();
        double capacityPerMinute;
        if (q.perUnit() instanceof TokensPerMinute t) {
            double tokensPerRequest = usage.totalInput() + usage.output();
            if (tokensPerRequest <= 0) {
                Cost unknown = new Cost.Unknown("no tokens per request measured to size provisioned throughput");
                return new ProvisionedThroughput(unknown, OptionalLong.empty(), OptionalLong.empty(), List.of());
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
        notes.add(q.peakFactor() == 1
                ? "sized for the average rate (peak factor 1): traffic peaks need more units"
                : "sized for " + BigDecimal.valueOf(q.peakFactor()).stripTrailingZeros().toPlainString()
                + " × the average rate");

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
        return new ProvisionedThroughput(monthly, OptionalLong.of(units), breakEven, notes);
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
