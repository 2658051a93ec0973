package dev.frontier.config;

import dev.frontier.model.Location;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One evaluation suite as the loader understood it, with every default filled in.
 *
 * @param name        the suite id (lower-case kebab), used for report folders
 * @param description free text, may be empty
 * @param file        the suite file
 * @param sha256      hex SHA-256 of the suite file's bytes (recorded in every run)
 * @param dataset     where the items come from
 * @param candidates  the candidates in file order; prompt and inference already merged with the suite's
 * @param scorers     the scorers in file order
 * @param traffic     production traffic used for monthly projections
 * @param budget      the eval spend limit
 * @param execution   how calls are made
 * @param pricing     price overrides on top of the bundled catalog
 * @param statistics  bootstrap settings
 * @param selection   how a cheaper candidate qualifies
 * @param gates       CI gates
 * @param staging     where S3 staging and Bedrock jobs (batch inference, customization) go; all empty when unused
 * @param locations   source positions by document path (e.g. {@code candidates[1].model})
 * @param distillation the custom model to consider when no cheaper candidate qualifies; empty when not declared
 * @param promptRouters the prompt routers the suite creates ({@code promptRouters:}), in file order
 * @param routing     the routing policies to analyse on the run's answers; empty when not declared
 * @param slices      the dataset fields whose values are compared one by one ({@code slices:}); empty for none
 */
public record SuiteSpec(String name, String description, Path file, String sha256, DatasetSpec dataset,
                        List<CandidateSpec> candidates, List<ScorerSpec> scorers, TrafficSpec traffic,
                        BudgetSpec budget, ExecutionSpec execution, PricingSpec pricing,
                        StatisticsSpec statistics, SelectionSpec selection, List<GateSpec> gates,
                        StagingSpec staging, Map<String, Location> locations,
                        Optional<DistillationSpec> distillation, List<PromptRouterSpec> promptRouters,
                        Optional<RoutingSpec> routing, List<SliceSpec> slices) {

    /** A suite without slices. */
    public SuiteSpec(String name, String description, Path file, String sha256, DatasetSpec dataset,
                     List<CandidateSpec> candidates, List<ScorerSpec> scorers, TrafficSpec traffic,
                     BudgetSpec budget, ExecutionSpec execution, PricingSpec pricing,
                     StatisticsSpec statistics, SelectionSpec selection, List<GateSpec> gates,
                     StagingSpec staging, Map<String, Location> locations,
                     Optional<DistillationSpec> distillation, List<PromptRouterSpec> promptRouters,
                     Optional<RoutingSpec> routing) {
        this(name, description, file, sha256, dataset, candidates, scorers, traffic, budget, execution, pricing,
                statistics, selection, gates, staging, locations, distillation, promptRouters, routing, List.of());
    }

    /** A suite that creates no prompt router and analyses no routing. */
    public SuiteSpec(String name, String description, Path file, String sha256, DatasetSpec dataset,
                     List<CandidateSpec> candidates, List<ScorerSpec> scorers, TrafficSpec traffic,
                     BudgetSpec budget, ExecutionSpec execution, PricingSpec pricing,
                     StatisticsSpec statistics, SelectionSpec selection, List<GateSpec> gates,
                     StagingSpec staging, Map<String, Location> locations,
                     Optional<DistillationSpec> distillation) {
        this(name, description, file, sha256, dataset, candidates, scorers, traffic, budget, execution, pricing,
                statistics, selection, gates, staging, locations, distillation, List.of(), Optional.empty());
    }

    /** A suite without a distillation section. */
    public SuiteSpec(String name, String description, Path file, String sha256, DatasetSpec dataset,
                     List<CandidateSpec> candidates, List<ScorerSpec> scorers, TrafficSpec traffic,
                     BudgetSpec budget, ExecutionSpec execution, PricingSpec pricing,
                     StatisticsSpec statistics, SelectionSpec selection, List<GateSpec> gates,
                     StagingSpec staging, Map<String, Location> locations) {
        this(name, description, file, sha256, dataset, candidates, scorers, traffic, budget, execution, pricing,
                statistics, selection, gates, staging, locations, Optional.empty());
    }

    public SuiteSpec {
        candidates = List.copyOf(candidates);
        scorers = List.copyOf(scorers);
        gates = List.copyOf(gates);
        locations = Map.copyOf(locations);
        promptRouters = List.copyOf(promptRouters);
        routing = routing == null ? Optional.empty() : routing;
        slices = slices == null ? List.of() : List.copyOf(slices);
    }

    /** This suite with other candidates (a router's ARN in place of {@code router:<id>} once it is created). */
    public SuiteSpec withCandidates(List<CandidateSpec> replaced) {
        return new SuiteSpec(name, description, file, sha256, dataset, replaced, scorers, traffic, budget, execution,
                pricing, statistics, selection, gates, staging, locations, distillation, promptRouters, routing,
                slices);
    }

    /** The router the suite declares with {@code id}, if any. */
    public Optional<PromptRouterSpec> promptRouter(String id) {
        return promptRouters.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** The position of a document path, or of its nearest recorded parent, or the file itself. */
    public Location at(String path) {
        String p = path;
        while (!p.isEmpty()) {
            Location l = locations.get(p);
            if (l != null) {
                return l;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? "" : p.substring(0, cut);
        }
        return Location.of(file);
    }

    /** This suite with its candidates called in {@code mode} (a command-line override of {@code execution.mode}). */
    public SuiteSpec withMode(ExecutionSpec.Mode mode) {
        ExecutionSpec e = execution;
        return new SuiteSpec(name, description, file, sha256, dataset, candidates, scorers, traffic, budget,
                new ExecutionSpec(e.concurrency(), e.region(), e.endpoints(), e.requestsPerMinute(),
                        e.tokensPerMinute(), e.maxErrorRate(), e.responseCache(), e.cacheTtlHours(), mode,
                        Optional.empty(), e.attribution()),
                pricing, statistics, selection, gates, staging, locations, distillation, promptRouters, routing,
                slices);
    }

    /** The candidate marked {@code role: incumbent}, if any. */
    public Optional<CandidateSpec> incumbent() {
        return candidates.stream().filter(CandidateSpec::incumbent).findFirst();
    }

    /**
     * Production traffic: one figure, or a measured traffic profile ({@code traffic.profile}) whose requests per
     * month replace it once the profile is read (see {@link #measured}).
     *
     * @param requestsPerMonth the requests a month every monthly figure is priced at; the suite's figure, or the
     *                         profile's once read; 0 for none
     * @param profile          the traffic profile file, resolved against the suite file; empty when not given
     * @param clientCache      an exact-match answer cache in front of the model to price; empty when not given
     */
    public record TrafficSpec(long requestsPerMonth, Optional<Path> profile, Optional<ClientCacheSpec> clientCache) {

        /** One figure, no profile, no client cache. */
        public TrafficSpec(long requestsPerMonth) {
            this(requestsPerMonth, Optional.empty(), Optional.empty());
        }

        public TrafficSpec {
            profile = profile == null ? Optional.empty() : profile;
            clientCache = clientCache == null ? Optional.empty() : clientCache;
        }

        /** The same traffic at the requests per month its profile measured. */
        public TrafficSpec measured(long monthlyRequests) {
            return new TrafficSpec(monthlyRequests, profile, clientCache);
        }
    }

    /**
     * An exact-match client-side answer cache ({@code traffic.clientCache}): an answer is reused for {@code ttl} from
     * when it was stored (a hit does not extend it), at most {@code maxEntries} answers, least recently used evicted.
     *
     * @param ttl        how long an answer is reused, as written ({@code 5m}, {@code 1h}, {@code 1d})
     * @param ttlMs      the same in milliseconds, &gt; 0
     * @param maxEntries answers kept at most, &gt; 0
     */
    public record ClientCacheSpec(String ttl, long ttlMs, int maxEntries) {
    }

    /** This suite with other traffic (its profile's requests per month once the profile is read). */
    public SuiteSpec withTraffic(TrafficSpec replaced) {
        return new SuiteSpec(name, description, file, sha256, dataset, candidates, scorers, replaced, budget,
                execution, pricing, statistics, selection, gates, staging, locations, distillation, promptRouters,
                routing, slices);
    }

    /** Eval spend limit; empty for none. */
    public record BudgetSpec(Optional<java.math.BigDecimal> maxUsd) {
    }

    /**
     * {@code execution.attribution}: how a run's spend is told apart in the bill.
     *
     * @param inferenceProfiles whether each candidate model is called through an application inference profile
     *                          frontier creates (or reuses) for the suite, so Cost Explorer shows eval spend by tag
     * @param tags              tags put on those profiles, besides {@code frontier-suite}
     */
    public record AttributionSpec(boolean inferenceProfiles, java.util.Map<String, String> tags) {
        public AttributionSpec {
            tags = java.util.Map.copyOf(tags);
        }
    }

    /**
     * How calls are made.
     *
     * @param concurrency       most calls in flight at once (the adaptive limit never goes above it)
     * @param region            AWS region, empty for the default chain
     * @param endpoints         endpoint overrides per service ({@code execution.endpoints}; the older
     *                          {@code execution.endpoint} is the runtime's)
     * @param requestsPerMinute client-side request rate limit, empty for none
     * @param tokensPerMinute   client-side token rate limit (estimated input + maxTokens), empty for none
     * @param maxErrorRate      share of failed calls tolerated before the run ends with exit 3
     * @param responseCache     whether to reuse stored answers to identical requests
     * @param cacheTtlHours     how long a stored answer is reused
     * @param mode              on-demand calls, Bedrock batch inference, or batch where it pays ({@code auto})
     * @param sequential        the looks of a sequential run ({@code execution.sequential}); empty: every candidate
     *                          answers every item
     */
    public record ExecutionSpec(int concurrency, Optional<String> region, EndpointsSpec endpoints,
                                java.util.OptionalInt requestsPerMinute, java.util.OptionalLong tokensPerMinute,
                                double maxErrorRate, boolean responseCache, long cacheTtlHours, Mode mode,
                                Optional<SequentialSpec> sequential, Optional<AttributionSpec> attribution) {

        /** Compatibility constructor: no attribution. */
        public ExecutionSpec(int concurrency, Optional<String> region, EndpointsSpec endpoints,
                             java.util.OptionalInt requestsPerMinute, java.util.OptionalLong tokensPerMinute,
                             double maxErrorRate, boolean responseCache, long cacheTtlHours, Mode mode,
                             Optional<SequentialSpec> sequential) {
            this(concurrency, region, endpoints, requestsPerMinute, tokensPerMinute, maxErrorRate, responseCache,
                    cacheTtlHours, mode, sequential, Optional.empty());
        }

        /** Compatibility constructor: not sequential. */
        public ExecutionSpec(int concurrency, Optional<String> region, EndpointsSpec endpoints,
                             java.util.OptionalInt requestsPerMinute, java.util.OptionalLong tokensPerMinute,
                             double maxErrorRate, boolean responseCache, long cacheTtlHours, Mode mode) {
            this(concurrency, region, endpoints, requestsPerMinute, tokensPerMinute, maxErrorRate, responseCache,
                    cacheTtlHours, mode, Optional.empty());
        }

        /** Compatibility constructor: on-demand calls. */
        public ExecutionSpec(int concurrency, Optional<String> region, EndpointsSpec endpoints,
                             java.util.OptionalInt requestsPerMinute, java.util.OptionalLong tokensPerMinute,
                             double maxErrorRate, boolean responseCache, long cacheTtlHours) {
            this(concurrency, region, endpoints, requestsPerMinute, tokensPerMinute, maxErrorRate, responseCache,
                    cacheTtlHours, Mode.ON_DEMAND);
        }

        /** How calls are made: {@code execution.mode}. */
        public enum Mode {
            ON_DEMAND("on-demand"), BATCH("batch"), AUTO("auto");

            private final String key;

            Mode(String key) {
                this.key = key;
            }

            /** The suite's spelling. */
            public String key() {
                return key;
            }
        }
    }

    /**
     * A sequential run ({@code execution.sequential}): the items in a seeded random order, in {@code looks} equal
     * stages; after each stage every open candidate is tested with a group-sequential boundary and the decided ones
     * are no longer called.
     *
     * @param looks    2 to 10
     * @param spending how the error rate is spent over the looks
     * @param futility stop a candidate whose predictive power of qualifying falls below this; empty for never
     */
    public record SequentialSpec(int looks, Spending spending, java.util.OptionalDouble futility) {

        /** The alpha-spending function. */
        public enum Spending {
            OBRIEN_FLEMING("obrien-fleming"), POCOCK("pocock");

            private final String key;

            Spending(String key) {
                this.key = key;
            }

            /** The suite's spelling. */
            public String key() {
                return key;
            }
        }
    }

    /**
     * Endpoint overrides the suite gives ({@code execution.endpoints}); an empty one leaves the choice to the
     * environment ({@code AWS_ENDPOINT_URL_*}) and then to the SDK's default regional endpoint.
     *
     * @param runtime      Bedrock Runtime, e.g. {@code https://bedrock-runtime.us-east-1.amazonaws.com}
     * @param controlPlane the Bedrock control plane, e.g. {@code https://bedrock.us-east-1.amazonaws.com}
     * @param s3           S3 or an S3-compatible server, addressed path-style
     */
    public record EndpointsSpec(Optional<java.net.URI> runtime, Optional<java.net.URI> controlPlane,
                                Optional<java.net.URI> s3) {

        /** No override in the suite. */
        public static EndpointsSpec none() {
            return new EndpointsSpec(Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    /** Bootstrap settings for the confidence intervals. */
    public record StatisticsSpec(int resamples, long seed, double confidence) {
    }
}
