package dev.frontier.config;

import dev.frontier.model.AwsIds;
import dev.frontier.model.CallSettings;
import dev.frontier.model.InputLimits;
import dev.frontier.model.Location;
import dev.frontier.model.Problem;
import dev.frontier.model.RequestMetadataFilter;
import dev.frontier.model.S3Uri;
import dev.frontier.model.Template;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Loads a suite file. All problems are gathered and returned together; nothing is thrown for bad input.
 */
public final class SuiteLoader {

    /** Allowed keys per section; the published JSON Schema is checked against these by a test. */
    public static final Map<String, Set<String>> KEYS = Map.ofEntries(
            Map.entry("", Set.of("suite", "description", "dataset", "prompt", "inference", "candidates", "scorers",
                    "traffic", "budget", "execution", "pricing", "statistics", "selection", "gates", "staging",
                    "distillation", "promptRouters", "routing", "slices")),
            Map.entry("slice", Set.of("field", "minItems")),
            Map.entry("dataset", Set.of("path", "format", "id", "holdout", "seed", "limit")),
            Map.entry("prompt", Set.of("system", "user", "cache", "cacheTtl")),
            Map.entry("inference", Set.of("maxTokens", "temperature", "topP", "stopSequences", "serviceTier",
                    "latency", "reasoning")),
            Map.entry("candidate", Set.of("id", "model", "role", "prompt", "inference", "outputs", "format",
                    "priceAs", "modelIdentifier", "matrix", "incumbent")),
            Map.entry("matrix", Set.of("model", "serviceTier", "latency", "reasoning")),
            Map.entry("scorer", Set.of("type", "id", "weight")),
            Map.entry("traffic", Set.of("requestsPerMonth", "profile", "clientCache")),
            Map.entry("clientCache", Set.of("ttl", "maxEntries")),
            Map.entry("budget", Set.of("maxUsd")),
            Map.entry("staging", Set.of("s3", "expectedBucketOwner", "kmsKeyId", "roleArn", "tags")),
            Map.entry("distillation", Set.of("method", "teacher", "student", "maxResponseLengthForInference",
                    "hyperParameters", "goldenThreshold", "trainingPer1kTokens", "storagePerMonth", "horizonMonths",
                    "serving", "source", "invocationLogs")),
            Map.entry("invocationLogs", Set.of("s3Uri", "requestMetadataFilters", "usePromptResponse")),
            Map.entry("requestMetadataFilters", Set.of("equals", "notEquals", "andAll", "orAll")),
            Map.entry("requestMetadataBaseFilter", Set.of("equals", "notEquals")),
            Map.entry("serving", Set.of("mode", "modelUnits", "commitment", "hourlyPerModelUnit")),
            Map.entry("attribution", Set.of("inferenceProfiles", "tags")),
            Map.entry("execution", Set.of("attribution", "concurrency", "region", "endpoint", "endpoints", "requestsPerMinute",
                    "tokensPerMinute", "maxErrorRate", "responseCache", "cacheTtlHours", "mode", "sequential")),
            Map.entry("sequential", Set.of("looks", "spending", "futility")),
            Map.entry("endpoints", Set.of("runtime", "controlPlane", "s3")),
            Map.entry("pricing", Set.of("overrides", "provisioned")),
            Map.entry("provisioned", Set.of("model", "hourlyPerModelUnit", "tokensPerMinutePerUnit", "commitment")),
            Map.entry("selection", Set.of("margin", "confidence", "maxLatencyP95Ms", "minScores", "sliceRule")),
            Map.entry("gate", Set.of("metric", "regression", "scorer", "candidate", "min", "max", "maxDrop",
                    "maxIncrease")),
            Map.entry("priceOverride", Set.of("model", "input", "output", "batchInput", "batchOutput", "cacheRead",
                    "cacheWrite", "source")),
            Map.entry("statistics", Set.of("resamples", "seed", "confidence")),
            Map.entry("routing", Set.of("signals", "cascades", "learned", "oracle", "folds", "features")),
            Map.entry("cascade", Set.of("first", "then", "signal")),

            Map.entry("promptRouter", Set.of("id", "models", "fallback", "responseQualityDifference", "description",
                    "tags")));

    private static final Pattern SUITE_NAME = dev.frontier.model.Ids.SUITE;
    private static final Pattern CANDIDATE_ID = dev.frontier.model.Ids.NAME;
    /** Foundation-model ids and geo inference profiles, e.g. {@code us.amazon.nova-lite-v1:0}. */
    private static final Pattern MODEL_ID = Pattern.compile(
            "(?:(?:us|eu|apac|jp|au|ca|us-gov|global)\\.)?[a-z0-9-]+\\.[a-z0-9][a-z0-9._-]*(?::[0-9]+)?(?::[0-9]+k)?");
    private static final Pattern MODEL_ARN = Pattern.compile(
            "arn:aws(?:-[a-z-]+)?:bedrock:[a-z0-9-]+:[0-9]{0,12}:(?:foundation-model|inference-profile|"
                    + "application-inference-profile|provisioned-model|custom-model|custom-model-deployment|"
                    + "imported-model|default-prompt-router|prompt-router)/[A-Za-z0-9._:/-]+");
    /** A router id: it becomes part of the router's name ({@code <suite>-<id>}, at most 64 characters). */
    private static final Pattern ROUTER_ID = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(?:-gov)?-[a-z]+-[0-9]");

    private static final int DEFAULT_MAX_TOKENS = 512;
    private static final int DEFAULT_CONCURRENCY = 4;
    private static final int DEFAULT_RESAMPLES = 2000;
    private static final long DEFAULT_SEED = 42L;
    private static final double DEFAULT_MAX_ERROR_RATE = 0.05;
    private static final double DEFAULT_MARGIN = 0.03;
    private static final Set<String> THRESHOLD_METRICS = Set.of("quality", "score", "costPer1kRequests",
            "latencyP95Ms", "errorRate");
    private static final Set<String> REGRESSION_METRICS = Set.of("quality", "score", "costPer1kRequests",
            "latencyP95Ms");
    private static final long DEFAULT_CACHE_TTL_HOURS = 14 * 24;
    private static final SuiteSpec.ExecutionSpec DEFAULT_EXECUTION = new SuiteSpec.ExecutionSpec(DEFAULT_CONCURRENCY,
            Optional.empty(), SuiteSpec.EndpointsSpec.none(), java.util.OptionalInt.empty(),
            java.util.OptionalLong.empty(), DEFAULT_MAX_ERROR_RATE, true, DEFAULT_CACHE_TTL_HOURS);

    private SuiteLoader() {
    }

    /** The outcome of loading: a suite (possibly with warnings) or the problems that stop it. */
    public sealed interface Result permits Loaded, Invalid {
        /** Every problem found, errors and warnings. */
        List<Problem> problems();
    }

    /** A usable suite and any warnings. */
    public record Loaded(SuiteSpec suite, List<Problem> problems) implements Result {
    }

    /** The suite cannot be used; at least one problem is an error. */
    public record Invalid(List<Problem> problems) implements Result {
    }

    /** Loads and checks the suite file at {@code file}, without checking scorer parameters. */
    public static Result load(Path file) {
        return load(file, ScorerCheck.NONE);
    }

    /** Loads and checks the suite file at {@code file}; {@code scorers} checks each scorer's parameters. */
    public static Result load(Path file, ScorerCheck scorers) {
        byte[] bytes;
        try {
            Optional<String> unreadable = Files.exists(file) ? InputLimits.problem("suite file",
                    Files.isRegularFile(file), Files.size(file), InputLimits.SUITE_BYTES) : Optional.empty();
            if (unreadable.isPresent()) {
                return new Invalid(List.of(new Problem(file, 0, 0, "", unreadable.get(),
                        "pass the suite's YAML file", Problem.Severity.ERROR)));
            }
            try (java.io.InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes((int) InputLimits.SUITE_BYTES + 1);
            }
            if (bytes.length > InputLimits.SUITE_BYTES) {
                return new Invalid(List.of(new Problem(file, 0, 0, "", InputLimits.problem("suite file", true,
                        bytes.length, InputLimits.SUITE_BYTES).orElseThrow(), "pass the suite's YAML file",
                        Problem.Severity.ERROR)));
            }
        } catch (NoSuchFileException e) {
            return new Invalid(List.of(new Problem(file, 0, 0, "", "suite file not found", "check the path",
                    Problem.Severity.ERROR)));
        } catch (IOException e) {
            return new Invalid(List.of(new Problem(file, 0, 0, "", "cannot read the suite file: " + e.getMessage(),
                    "", Problem.Severity.ERROR)));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new Invalid(List.of(new Problem(file, 0, 0, "", "the suite file is not UTF-8 text",
                    "save it as UTF-8", Problem.Severity.ERROR)));
        }
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(20);
            options.setCodePointLimit(4 * 1024 * 1024);
            root = new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            int line = m == null ? 0 : m.getLine() + 1;
            int col = m == null ? 0 : m.getColumn() + 1;
            return new Invalid(List.of(new Problem(file, line, col, "", "YAML syntax: " + e.getProblem(),
                    "check indentation and quoting near this position", Problem.Severity.ERROR)));
        } catch (YAMLException e) {
            return new Invalid(List.of(new Problem(file, 0, 0, "", "YAML: " + e.getMessage(), "",
                    Problem.Severity.ERROR)));
        }
        if (root == null) {
            return new Invalid(List.of(new Problem(file, 1, 1, "", "the suite file is empty",
                    "start from one of the suites in eval-configs/", Problem.Severity.ERROR)));
        }
        return new Reader(file, sha256(bytes), scorers).read(root);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** One pass over the document. */
    /**
     * A short, readable name for a model in generated ids: {@code amazon.nova-pro-v1:0} → {@code nova-pro},
     * {@code us.anthropic.claude-haiku-4-5-20251001-v1:0} → {@code claude-haiku-4-5}; an ARN by its last part.
     */
    static String shortName(String model) {
        if (model.startsWith(PromptRouterSpec.PREFIX)) {
            return "router-" + model.substring(PromptRouterSpec.PREFIX.length());
        }
        String s = model.substring(model.lastIndexOf('/') + 1);
        s = s.replaceFirst("^(us|eu|apac|global|us-gov|jp|au|ca)\\.", "");
        s = s.replaceFirst("^[a-z0-9-]+\\.", "");
        s = s.replaceFirst("(-\\d{8})?(-v\\d+)?(:\\d+)?(:[0-9]+k)?$", "");
        s = s.replaceAll("[^A-Za-z0-9._-]", "-");
        return s.isEmpty() ? "model" : s;
    }

    private static final class Reader {
        private final Path file;
        private final String sha256;
        private final List<Problem> problems = new ArrayList<>();
        private final Map<String, Location> locations = new HashMap<>();
        private final YamlNodes y;
        private final ScorerCheck scorerCheck;
        /** The ids of the suite's own routers, read before the candidates that name them. */
        private final Set<String> routerIds = new HashSet<>();

        Reader(Path file, String sha256, ScorerCheck scorerCheck) {
            this.file = file;
            this.sha256 = sha256;
            this.scorerCheck = scorerCheck;
            this.y = new YamlNodes(file, problems, locations);
        }

        Result read(Node root) {
            YamlNodes.Mapping top = y.mapping(root, "", KEYS.get(""));
            String name = top.get("suite").flatMap(n -> y.string(n, "suite")).orElse(null);
            if (name == null && top.get("suite").isEmpty()) {
                y.error(root, "suite", "missing", "name the suite, e.g. 'suite: support-summaries'");
            } else if (name != null && !SUITE_NAME.matcher(name).matches()) {
                y.error(top.values().get("suite"), "suite", "'" + name + "' is not a lower-case kebab id",
                        "use letters, digits and '-', e.g. support-summaries");
            }
            String description = top.get("description").flatMap(n -> y.string(n, "description")).orElse("");
            DatasetSpec dataset = top.get("dataset").map(this::dataset).orElse(null);
            if (top.get("dataset").isEmpty()) {
                y.error(root, "dataset", "missing", "add 'dataset: { path: ..., id: ... }'");
            }
            PartialPrompt prompt = top.get("prompt").map(n -> prompt(n, "prompt")).orElse(PartialPrompt.EMPTY);
            PartialInference inference = top.get("inference").map(n -> inference(n, "inference"))
                    .orElse(PartialInference.EMPTY);
            List<PromptRouterSpec> promptRouters = top.get("promptRouters").map(this::promptRouters)
                    .orElse(List.of());
            List<CandidateSpec> candidates = top.get("candidates").map(n -> candidates(n, prompt, inference))
                    .orElse(List.of());
            if (top.get("candidates").isEmpty()) {
                y.error(root, "candidates", "missing", "list at least one candidate model");
            }
            List<ScorerSpec> scorers = top.get("scorers").map(this::scorers).orElse(List.of());
            if (top.get("scorers").isEmpty()) {
                y.error(root, "scorers", "missing", "list at least one scorer, e.g. '- { type: exact-match, "
                        + "expected: \"{{label}}\" }'");
            }
            SuiteSpec.TrafficSpec traffic = top.get("traffic").map(this::traffic)
                    .orElse(new SuiteSpec.TrafficSpec(0));
            SuiteSpec.BudgetSpec budget = top.get("budget").map(this::budget)
                    .orElse(new SuiteSpec.BudgetSpec(Optional.empty()));
            SuiteSpec.ExecutionSpec execution = top.get("execution").map(this::execution)
                    .orElse(DEFAULT_EXECUTION);
            PricingSpec pricing = top.get("pricing").map(this::pricing).orElse(new PricingSpec(List.of(), List.of()));
            SuiteSpec.StatisticsSpec statistics = top.get("statistics").map(this::statistics)
                    .orElse(new SuiteSpec.StatisticsSpec(DEFAULT_RESAMPLES, DEFAULT_SEED, 0.95));
            Set<String> scorerIds = new HashSet<>();
            scorers.forEach(sc -> scorerIds.add(sc.id()));
            SelectionSpec selection = top.get("selection").map(n -> selection(n, scorerIds))
                    .orElse(new SelectionSpec(DEFAULT_MARGIN, 0.95, java.util.OptionalLong.empty(), Map.of()));
            List<GateSpec> gates = top.get("gates").map(n -> gates(n, scorerIds, candidates)).orElse(List.of());
            StagingSpec staging = top.get("staging").map(this::staging).orElse(StagingSpec.NONE);
            Optional<DistillationSpec> distillation = top.get("distillation").map(n -> distillation(n, candidates));
            Optional<RoutingSpec> routing = top.get("routing").map(n -> routing(n, candidates, scorers));
            List<SliceSpec> slices = top.get("slices").map(this::slices).orElse(List.of());

            List<Problem> sorted = new ArrayList<>(problems);
            sorted.sort(java.util.Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
            if (sorted.stream().anyMatch(Problem::isError)) {
                return new Invalid(sorted);
            }
            return new Loaded(new SuiteSpec(name, description, file, sha256, dataset, candidates, scorers, traffic,
                    budget, execution, pricing, statistics, selection, gates, staging, locations, distillation,
                    promptRouters, routing, slices), sorted);
        }

        private DatasetSpec dataset(Node node) {
            YamlNodes.Mapping m = y.mapping(node, "dataset", KEYS.get("dataset"));
            Path path = null;
            Optional<String> rawPath = m.get("path").flatMap(n -> y.string(n, "dataset.path"));
            if (m.get("path").isEmpty()) {
                y.error(node, "dataset.path", "missing", "give the dataset file, relative to this suite file");
            } else if (rawPath.isPresent()) {
                path = resolve(rawPath.get());
                if (Files.exists(path) && !Files.isRegularFile(path)) {
                    y.error(m.values().get("path"), "dataset.path", InputLimits.problem("dataset", false, 0,
                            InputLimits.DATA_BYTES).orElseThrow() + ": " + path, "give the dataset's JSONL or CSV file");
                } else if (!Files.isRegularFile(path)) {
                    y.error(m.values().get("path"), "dataset.path", "dataset file not found: " + path,
                            "paths are relative to the suite file's folder");
                }
            }
            DatasetSpec.Format format = null;
            if (m.get("format").isPresent()) {
                String f = y.string(m.values().get("format"), "dataset.format").orElse("");
                try {
                    format = DatasetSpec.Format.valueOf(f.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    y.error(m.values().get("format"), "dataset.format", "unknown format '" + f + "'",
                            "use jsonl or csv");
                }
            } else if (rawPath.isPresent()) {
                String lower = rawPath.get().toLowerCase(Locale.ROOT);
                if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
                    format = DatasetSpec.Format.JSONL;
                } else if (lower.endsWith(".csv")) {
                    format = DatasetSpec.Format.CSV;
                } else {
                    y.error(m.values().get("path"), "dataset.path", "cannot tell the format from the file name",
                            "add 'format: jsonl' or 'format: csv'");
                }
            }
            String id = m.get("id").flatMap(n -> y.string(n, "dataset.id")).orElse(null);
            if (m.get("id").isEmpty()) {
                y.error(node, "dataset.id", "missing", "name the field that identifies an item, e.g. 'id: ticket_id'");
            }
            double holdout = m.get("holdout").flatMap(n -> y.decimal(n, "dataset.holdout")).map(BigDecimal::doubleValue)
                    .orElse(0.0);
            if (holdout < 0 || holdout >= 1) {
                y.error(m.values().get("holdout"), "dataset.holdout", "must be at least 0 and below 1, was " + holdout,
                        "e.g. 0.25 keeps a quarter of the items for evaluation only");
            }
            long seed = m.get("seed").flatMap(n -> y.integer(n, "dataset.seed")).orElse(DEFAULT_SEED);
            OptionalInt limit = OptionalInt.empty();
            if (m.get("limit").isPresent()) {
                long l = y.integer(m.values().get("limit"), "dataset.limit").orElse(1L);
                if (l < 1 || l > Integer.MAX_VALUE) {
                    y.error(m.values().get("limit"), "dataset.limit", "must be a positive whole number", "");
                } else {
                    limit = OptionalInt.of((int) l);
                }
            }
            return new DatasetSpec(path, format, id, holdout, seed, limit);
        }

        private Path resolve(String raw) {
            Path base = file.toAbsolutePath().getParent();
            return base.resolve(raw).normalize();
        }

        private PartialPrompt prompt(Node node, String path) {
            YamlNodes.Mapping m = y.mapping(node, path, KEYS.get("prompt"));
            Template system = m.get("system").flatMap(n -> y.string(n, m.child("system"))).map(Template::new)
                    .orElse(null);
            Template user = m.get("user").flatMap(n -> y.string(n, m.child("user"))).map(Template::new).orElse(null);
            PromptSpec.CacheMode cache = null;
            if (m.get("cache").isPresent()) {
                String c = y.string(m.values().get("cache"), m.child("cache")).orElse("none");
                try {
                    cache = PromptSpec.CacheMode.valueOf(c.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    y.error(m.values().get("cache"), m.child("cache"), "unknown cache placement '" + c + "'",
                            "use 'system' (checkpoint after the system prompt) or 'none'");
                }
            }
            String ttl = null;
            if (m.get("cacheTtl").isPresent()) {
                String t = y.string(m.values().get("cacheTtl"), m.child("cacheTtl")).orElse("5m");
                if (dev.frontier.model.CallSettings.CACHE_TTLS.contains(t)) {
                    ttl = t;
                } else {
                    y.error(m.values().get("cacheTtl"), m.child("cacheTtl"), "unknown cache TTL '" + t + "'",
                            "use '5m' (Bedrock's default) or '1h' (on the models that offer it)");
                }
            }
            return new PartialPrompt(system, user, cache, ttl);
        }

        private PartialInference inference(Node node, String path) {
            YamlNodes.Mapping m = y.mapping(node, path, KEYS.get("inference"));
            Integer maxTokens = null;
            if (m.get("maxTokens").isPresent()) {
                long v = y.integer(m.values().get("maxTokens"), m.child("maxTokens")).orElse(1L);
                if (v < 1 || v > 1_000_000) {
                    y.error(m.values().get("maxTokens"), m.child("maxTokens"), "must be between 1 and 1000000", "");
                } else {
                    maxTokens = (int) v;
                }
            }
            Double temperature = unitInterval(m, "temperature");
            Double topP = unitInterval(m, "topP");
            List<String> stops = null;
            if (m.get("stopSequences").isPresent()) {
                stops = new ArrayList<>();
                int i = 0;
                for (Node n : y.sequence(m.values().get("stopSequences"), m.child("stopSequences"))) {
                    y.string(n, m.child("stopSequences") + "[" + i++ + "]").ifPresent(stops::add);
                }
            }
            CallSettings.ServiceTier tier = m.get("serviceTier")
                    .flatMap(n -> serviceTier(n, m.child("serviceTier"))).orElse(null);
            Boolean latency = m.get("latency").flatMap(n -> latency(n, m.child("latency"))).orElse(null);
            Optional<CallSettings.Reasoning> reasoning = m.get("reasoning")
                    .flatMap(n -> reasoning(n, m.child("reasoning"))).orElse(null);
            return new PartialInference(maxTokens, temperature, topP, stops, tier, latency, reasoning);
        }

        private Optional<CallSettings.ServiceTier> serviceTier(Node n, String path) {
            String v = y.string(n, path).orElse(null);
            if (v == null) {
                return Optional.empty();
            }
            Optional<CallSettings.ServiceTier> tier = CallSettings.ServiceTier.parse(v);
            if (tier.isEmpty()) {
                y.error(n, path, "unknown service tier '" + v + "'", "use standard (Bedrock's 'default'), flex, "
                        + "priority or reserved");
            }
            return tier;
        }

        private Optional<Boolean> latency(Node n, String path) {
            String v = y.string(n, path).orElse(null);
            if (v == null) {
                return Optional.empty();
            }
            return switch (v) {
                case "optimized" -> Optional.of(true);
                case "standard" -> Optional.of(false);
                default -> {
                    y.error(n, path, "unknown latency '" + v + "'", "use 'optimized' (performanceConfig, on the "
                            + "models that offer it) or 'standard'");
                    yield Optional.empty();
                }
            };
        }

        /** {@code off}, a thinking budget in tokens, or an effort; empty inside when off, null when invalid. */
        private Optional<Optional<CallSettings.Reasoning>> reasoning(Node n, String path) {
            String v = y.string(n, path).orElse(null);
            if (v == null) {
                return Optional.empty();
            }
            String t = v.trim().toLowerCase(Locale.ROOT);
            if (t.equals("off") || t.equals("false") || t.equals("none")) {
                return Optional.of(Optional.empty());
            }
            if (t.equals("low") || t.equals("medium") || t.equals("high")) {
                return Optional.of(Optional.of(new CallSettings.Reasoning.Effort(t)));
            }
            if (t.matches("[0-9_]{1,9}")) {
                int budget = Integer.parseInt(t.replace("_", ""));
                if (budget >= 1) {
                    return Optional.of(Optional.of(new CallSettings.Reasoning.Budget(budget)));
                }
            }
            y.error(n, path, "unknown reasoning setting '" + v + "'", "use 'off', a thinking budget in tokens "
                    + "(e.g. 2048, for Claude) or an effort: low, medium or high (for Nova 2)");
            return Optional.empty();
        }

        private Double unitInterval(YamlNodes.Mapping m, String key) {
            if (m.get(key).isEmpty()) {
                return null;
            }
            Optional<BigDecimal> v = y.decimal(m.values().get(key), m.child(key));
            if (v.isPresent() && (v.get().signum() < 0 || v.get().compareTo(BigDecimal.ONE) > 0)) {
                y.error(m.values().get(key), m.child(key), "must be between 0 and 1, was " + v.get(), "");
                return null;
            }
            return v.map(BigDecimal::doubleValue).orElse(null);
        }

        private List<CandidateSpec> candidates(Node node, PartialPrompt prompt, PartialInference inference) {
            List<CandidateSpec> out = new ArrayList<>();
            List<Alias> aliases = new ArrayList<>();
            Map<String, String> seen = new HashMap<>();
            int incumbents = 0;
            List<Node> items = y.sequence(node, "candidates");
            if (items.isEmpty() && node instanceof org.yaml.snakeyaml.nodes.SequenceNode) {
                y.error(node, "candidates", "the list is empty", "list at least one candidate model");
            }
            for (int i = 0; i < items.size(); i++) {
                String path = "candidates[" + i + "]";
                Node n = items.get(i);
                YamlNodes.Mapping m = y.mapping(n, path, KEYS.get("candidate"));
                if (m.get("matrix").isPresent()) {
                    List<Expanded> expanded = matrix(n, m, path, prompt, inference, seen);
                    if (expanded.stream().anyMatch(e -> e.candidate().incumbent()) && ++incumbents > 1) {
                        y.error(m.values().get("incumbent"), m.child("incumbent"), "a second incumbent",
                                "mark only the model in production today as the incumbent");
                    }
                    for (Expanded e : expanded) {
                        aliases.add(new Alias(i, out.size(), e.paths()));
                        out.add(e.candidate());
                    }
                    continue;
                }
                if (m.get("incumbent").isPresent()) {
                    y.error(m.values().get("incumbent"), m.child("incumbent"), "'incumbent' names one candidate of "
                            + "a matrix", "mark this candidate with 'role: incumbent'");
                }
                String id = m.get("id").flatMap(v -> y.string(v, m.child("id"))).orElse(null);
                if (m.get("id").isEmpty()) {
                    y.error(n, m.child("id"), "missing", "give each candidate a short unique id, e.g. 'id: haiku'");
                } else if (id != null && !CANDIDATE_ID.matcher(id).matches()) {
                    y.error(m.values().get("id"), m.child("id"), "'" + id + "' is not a valid id",
                            "use letters, digits, '.', '_' and '-' (at most 63)");
                } else if (id != null && seen.containsKey(id)) {
                    y.error(m.values().get("id"), m.child("id"), "duplicate candidate id '" + id + "'",
                            "already used by " + seen.get(id) + "; ids must be unique");
                } else if (id != null) {
                    seen.put(id, path);
                }
                Optional<CandidateSpec.ImportSpec> imported = imported(n, m);
                String model = m.get("model").flatMap(v -> y.string(v, m.child("model"))).orElse(null);
                if (imported.isPresent() || m.get("outputs").isPresent()) {
                    if (m.get("model").isPresent()) {
                        y.error(m.values().get("model"), m.child("model"), "a candidate with 'outputs' makes no "
                                + "calls, so it has no model", "name the model to price its outputs as with "
                                + "'priceAs: <model id>', or remove 'outputs'");
                    }
                    model = m.get("priceAs").flatMap(v -> y.string(v, m.child("priceAs"))).orElse("imported");
                    if (m.get("priceAs").isPresent() && !MODEL_ID.matcher(model).matches()) {
                        y.error(m.values().get("priceAs"), m.child("priceAs"), "'" + model + "' is not a Bedrock "
                                + "model id", "e.g. amazon.nova-lite-v1:0");
                    }
                } else if (m.get("model").isEmpty()) {
                    y.error(n, m.child("model"), "missing", "give a Bedrock model id, e.g. amazon.nova-lite-v1:0");
                } else if (model != null && model.startsWith(PromptRouterSpec.PREFIX)) {
                    String router = model.substring(PromptRouterSpec.PREFIX.length());
                    if (!routerIds.contains(router)) {
                        y.error(m.values().get("model"), m.child("model"), "no prompt router '" + router
                                + "' in promptRouters", routerIds.isEmpty() ? "declare it under 'promptRouters:' "
                                + "with id, models and fallback" : "use one of: router:"
                                + String.join(", router:", new java.util.TreeSet<>(routerIds)));
                    }
                } else if (model != null && !MODEL_ID.matcher(model).matches()
                        && !MODEL_ARN.matcher(model).matches()) {
                    y.error(m.values().get("model"), m.child("model"), "'" + model + "' is not a Bedrock model id "
                            + "or ARN", "e.g. anthropic.claude-3-haiku-20240307-v1:0, us.amazon.nova-lite-v1:0 or "
                            + "arn:aws:bedrock:us-east-1:123456789012:provisioned-model/abc123def456");
                }
                boolean incumbent = false;
                if (m.get("role").isPresent()) {
                    String role = y.string(m.values().get("role"), m.child("role")).orElse("");
                    if (role.equals("incumbent")) {
                        incumbent = true;
                        if (++incumbents > 1) {
                            y.error(m.values().get("role"), m.child("role"), "a second incumbent",
                                    "mark only the model in production today as 'role: incumbent'");
                        }
                    } else if (!role.equals("candidate")) {
                        y.error(m.values().get("role"), m.child("role"), "unknown role '" + role + "'",
                                "use 'incumbent' or 'candidate'");
                    }
                }
                PartialPrompt p = m.get("prompt").map(v -> prompt(v, m.child("prompt"))).orElse(PartialPrompt.EMPTY)
                        .over(prompt);
                PartialInference inf = m.get("inference").map(v -> inference(v, m.child("inference")))
                        .orElse(PartialInference.EMPTY).over(inference);
                if (p.user() == null) {
                    y.error(n, path + ".prompt.user", "no user prompt",
                            "set 'prompt.user' for the suite or for this candidate");
                }
                aliases.add(new Alias(i, out.size(), Map.of()));
                out.add(new CandidateSpec(id, model, incumbent, p.complete(), inf.complete(), imported));
            }
            renumber(aliases);
            return out;
        }

        /** The largest matrix a candidate entry may expand into. */
        private static final int MAX_MATRIX = 64;

        /**
         * The candidates a {@code matrix:} entry expands into: every model × service tier × latency × reasoning
         * value, over the entry's own and the suite's prompt and inference, with ids made from the values
         * ({@code nova-pro-flex}, {@code claude-haiku-4-5-think2048}), prefixed by the entry's {@code id} if it has one.
         */
        private List<Expanded> matrix(Node n, YamlNodes.Mapping m, String path, PartialPrompt suitePrompt,
                                      PartialInference suiteInference, Map<String, String> seen) {
            for (String key : List.of("model", "outputs", "format", "priceAs", "modelIdentifier", "role")) {
                if (m.get(key).isPresent()) {
                    y.error(m.values().get(key), m.child(key), "'" + key + "' beside 'matrix'", key.equals("model")
                            ? "list the models under 'matrix.model'" : key.equals("role")
                            ? "a matrix makes several candidates: name the one in production today with "
                            + "'incumbent: <generated id>', e.g. 'incumbent: nova-pro-standard'"
                            : "a matrix expands model candidates only");
                }
            }
            String prefix = m.get("id").flatMap(v -> y.string(v, m.child("id"))).orElse(null);
            if (prefix != null && !CANDIDATE_ID.matcher(prefix).matches()) {
                y.error(m.values().get("id"), m.child("id"), "'" + prefix + "' is not a valid id prefix",
                        "use letters, digits, '.', '_' and '-'");
                prefix = null;
            }
            YamlNodes.Mapping mx = y.mapping(m.values().get("matrix"), m.child("matrix"), KEYS.get("matrix"));
            List<Axis<String>> models = new ArrayList<>();
            if (mx.get("model").isEmpty()) {
                y.error(m.values().get("matrix"), mx.child("model"), "missing", "list the models to try, e.g. "
                        + "'model: [amazon.nova-pro-v1:0, amazon.nova-lite-v1:0]'");
            }
            mx.get("model").ifPresent(list -> {
                List<Node> values = y.sequence(list, mx.child("model"));
                for (int k = 0; k < values.size(); k++) {
                    String at = mx.child("model") + "[" + k + "]";
                    Node v = values.get(k);
                    locations.putIfAbsent(at, y.at(v));
                    y.string(v, at).filter(model -> checkModel(v, at, model))
                            .ifPresent(model -> models.add(new Axis<>(model, at, shortName(model))));
                }
            });
            List<Axis<CallSettings.ServiceTier>> tiers = axis(mx, "serviceTier",
                    (v, at) -> serviceTier(v, at).orElse(null), CallSettings.ServiceTier::label);
            List<Axis<Boolean>> latencies = axis(mx, "latency", (v, at) -> latency(v, at).orElse(null),
                    b -> b ? "lat-opt" : "lat-std");
            List<Axis<Optional<CallSettings.Reasoning>>> reasonings = axis(mx, "reasoning",
                    (v, at) -> reasoning(v, at).orElse(null),
                    r -> r.map(CallSettings.Reasoning::idPart).orElse("noreason"));
            long size = (long) models.size() * tiers.size() * latencies.size() * reasonings.size();
            if (size > MAX_MATRIX) {
                y.error(m.values().get("matrix"), m.child("matrix"), "expands into " + size + " candidates",
                        "at most " + MAX_MATRIX + ": try fewer values, or split it into several matrices");
                return List.of();
            }
            PartialPrompt p = m.get("prompt").map(v -> prompt(v, m.child("prompt"))).orElse(PartialPrompt.EMPTY)
                    .over(suitePrompt);
            PartialInference inf = m.get("inference").map(v -> inference(v, m.child("inference")))
                    .orElse(PartialInference.EMPTY).over(suiteInference);
            if (p.user() == null) {
                y.error(n, path + ".prompt.user", "no user prompt",
                        "set 'prompt.user' for the suite or for this candidate");
            }
            String incumbent = m.get("incumbent").flatMap(v -> y.string(v, m.child("incumbent"))).orElse(null);
            List<Expanded> out = new ArrayList<>();
            for (Axis<String> model : models) {
                for (Axis<CallSettings.ServiceTier> tier : tiers) {
                    for (Axis<Boolean> latency : latencies) {
                        for (Axis<Optional<CallSettings.Reasoning>> reasoning : reasonings) {
                            List<String> parts = new ArrayList<>();
                            Map<String, String> paths = new LinkedHashMap<>();
                            if (prefix != null) {
                                parts.add(prefix);
                            }
                            parts.add(model.idPart());
                            paths.put("model", model.path());
                            for (Axis<?> a : List.of(tier, latency, reasoning)) {
                                if (a.path() != null) {
                                    parts.add(a.idPart());
                                }
                            }
                            if (tier.path() != null) {
                                paths.put("inference.serviceTier", tier.path());
                            }
                            if (latency.path() != null) {
                                paths.put("inference.latency", latency.path());
                            }
                            if (reasoning.path() != null) {
                                paths.put("inference.reasoning", reasoning.path());
                            }
                            String id = String.join("-", parts);
                            if (!CANDIDATE_ID.matcher(id).matches()) {
                                y.error(m.values().get("matrix"), m.child("matrix"), "the generated id '" + id
                                        + "' is not a valid id", "give the matrix a shorter 'id' prefix (ids have at "
                                        + "most 63 letters, digits, '.', '_' and '-')");
                                continue;
                            }
                            if (seen.containsKey(id)) {
                                y.error(m.values().get("matrix"), m.child("matrix"), "the generated id '" + id
                                        + "' is already used by " + seen.get(id), "give the matrix an 'id' prefix, "
                                        + "or rename the other candidate");
                                continue;
                            }
                            seen.put(id, path + " (matrix)");
                            PartialInference combo = new PartialInference(null, null, null, null, tier.value(),
                                    latency.value(), reasoning.path() == null ? null : reasoning.value()).over(inf);
                            out.add(new Expanded(new CandidateSpec(id, model.value(), id.equals(incumbent),
                                    p.complete(), combo.complete(), Optional.empty()), paths));
                        }
                    }
                }
            }
            if (incumbent != null && out.stream().noneMatch(e -> e.candidate().incumbent()) && size > 0
                    && out.size() == size) {
                y.error(m.values().get("incumbent"), m.child("incumbent"), "the matrix makes no candidate '"
                        + incumbent + "'", "use one of: " + String.join(", ",
                        out.stream().map(e -> e.candidate().id()).toList()));
            }
            return out;
        }

        /** One axis of a matrix: its values, or a single unset value when the matrix does not vary it. */
        private <T> List<Axis<T>> axis(YamlNodes.Mapping mx, String key,
                                       java.util.function.BiFunction<Node, String, T> read,
                                       java.util.function.Function<T, String> idPart) {
            if (mx.get(key).isEmpty()) {
                return java.util.Collections.singletonList(new Axis<>(null, null, ""));
            }
            List<Axis<T>> out = new ArrayList<>();
            List<Node> values = y.sequence(mx.values().get(key), mx.child(key));
            if (values.isEmpty()) {
                y.error(mx.values().get(key), mx.child(key), "the list is empty", "list at least one value, or "
                        + "remove '" + key + "'");
            }
            Set<String> parts = new HashSet<>();
            for (int k = 0; k < values.size(); k++) {
                String at = mx.child(key) + "[" + k + "]";
                locations.putIfAbsent(at, y.at(values.get(k)));
                T v = read.apply(values.get(k), at);
                if (v != null) {
                    String part = idPart.apply(v);
                    if (!parts.add(part)) {
                        y.error(values.get(k), at, "'" + part + "' is listed twice", "remove one");
                        continue;
                    }
                    out.add(new Axis<>(v, at, part));
                }
            }
            return out;
        }

        /** Whether a candidate's {@code model} is a Bedrock model id, ARN or a router of the suite; reports if not. */
        private boolean checkModel(Node v, String at, String model) {
            if (model.startsWith(PromptRouterSpec.PREFIX)) {
                String router = model.substring(PromptRouterSpec.PREFIX.length());
                if (!routerIds.contains(router)) {
                    y.error(v, at, "no prompt router '" + router + "' in promptRouters", routerIds.isEmpty()
                            ? "declare it under 'promptRouters:' with id, models and fallback" : "use one of: router:"
                            + String.join(", router:", new java.util.TreeSet<>(routerIds)));
                    return false;
                }
                return true;
            }
            if (!MODEL_ID.matcher(model).matches() && !MODEL_ARN.matcher(model).matches()) {
                y.error(v, at, "'" + model + "' is not a Bedrock model id or ARN", "e.g. "
                        + "anthropic.claude-3-haiku-20240307-v1:0, us.amazon.nova-lite-v1:0 or "
                        + "arn:aws:bedrock:us-east-1:123456789012:provisioned-model/abc123def456");
                return false;
            }
            return true;
        }

        /**
         * Renumbers the recorded positions of candidates from their entries in the file to their places in the
         * expanded list, so a later check of {@code candidates[k].model} points at the right line; a matrix
         * candidate's model and settings point at the matrix values it was made from.
         */
        private void renumber(List<Alias> aliases) {
            Map<String, Location> snapshot = new HashMap<>();
            locations.entrySet().removeIf(e -> {
                if (e.getKey().startsWith("candidates[")) {
                    snapshot.put(e.getKey(), e.getValue());
                    return true;
                }
                return false;
            });
            for (Alias a : aliases) {
                String from = "candidates[" + a.entry() + "]";
                String to = "candidates[" + a.index() + "]";
                snapshot.forEach((key, at) -> {
                    if (key.equals(from) || key.startsWith(from + ".") || key.startsWith(from + "[")) {
                        locations.putIfAbsent(to + key.substring(from.length()), at);
                    }
                });
                a.paths().forEach((suffix, source) -> {
                    Location at = snapshot.get(source);
                    if (at != null) {
                        locations.put(to + "." + suffix, at);
                    }
                });
            }
        }

        /** The {@code outputs} of a candidate whose outputs were made elsewhere; empty for a model candidate. */
        private Optional<CandidateSpec.ImportSpec> imported(Node n, YamlNodes.Mapping m) {
            for (String key : List.of("format", "priceAs", "modelIdentifier")) {
                if (m.get(key).isPresent() && m.get("outputs").isEmpty()) {
                    y.error(m.values().get(key), m.child(key), "only applies to a candidate with 'outputs'",
                            "remove it, or give the outputs file with 'outputs: <path>'");
                }
            }
            if (m.get("outputs").isEmpty()) {
                return Optional.empty();
            }
            Optional<String> raw = y.string(m.values().get("outputs"), m.child("outputs"));
            if (raw.isEmpty()) {
                return Optional.empty();
            }
            Path path = resolve(raw.get());
            if (!Files.exists(path)) {
                y.error(m.values().get("outputs"), m.child("outputs"), "outputs file not found: " + path,
                        "paths are relative to the suite file's folder");
            }
            CandidateSpec.Format format;
            String lower = raw.get().toLowerCase(Locale.ROOT);
            if (m.get("format").isPresent()) {
                String f = y.string(m.values().get("format"), m.child("format")).orElse("");
                switch (f) {
                    case "jsonl" -> format = CandidateSpec.Format.JSONL;
                    case "bedrock-batch" -> format = CandidateSpec.Format.BEDROCK_BATCH;
                    case "bedrock-eval" -> format = CandidateSpec.Format.BEDROCK_EVAL;
                    default -> {
                        y.error(m.values().get("format"), m.child("format"), "unknown outputs format '" + f + "'",
                                "use jsonl, bedrock-batch (*.jsonl.out) or bedrock-eval (bring your own inference)");
                        format = CandidateSpec.Format.JSONL;
                    }
                }
            } else {
                format = lower.endsWith(".jsonl.out") || Files.isDirectory(path) ? CandidateSpec.Format.BEDROCK_BATCH
                        : CandidateSpec.Format.JSONL;
            }
            Optional<String> identifier = m.get("modelIdentifier")
                    .flatMap(v -> y.string(v, m.child("modelIdentifier")));
            return Optional.of(new CandidateSpec.ImportSpec(path, format, m.get("priceAs").isPresent(), identifier));
        }

        private List<ScorerSpec> scorers(Node node) {
            List<ScorerSpec> out = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            List<Node> items = y.sequence(node, "scorers");
            if (items.isEmpty() && node instanceof org.yaml.snakeyaml.nodes.SequenceNode) {
                y.error(node, "scorers", "the list is empty", "list at least one scorer");
            }
            double weights = 0;
            for (int i = 0; i < items.size(); i++) {
                String path = "scorers[" + i + "]";
                Node n = items.get(i);
                YamlNodes.Mapping m = y.mapping(n, path, null);
                String type = m.get("type").flatMap(v -> y.string(v, m.child("type"))).orElse(null);
                if (m.get("type").isEmpty()) {
                    y.error(n, m.child("type"), "missing", "e.g. 'type: rouge-l'");
                }
                String id = m.get("id").flatMap(v -> y.string(v, m.child("id"))).orElse(type);
                if (id != null && m.get("id").isPresent() && !CANDIDATE_ID.matcher(id).matches()) {
                    // a scorer id names junit.xml test cases and store rows: data, never a path
                    y.error(m.values().get("id"), m.child("id"), dev.frontier.model.Ids.nameProblem(id).orElseThrow(),
                            "e.g. 'id: judge-quality'");
                } else if (id != null && !ids.add(id)) {
                    y.error(m.get("id").orElse(n), m.child("id"), "two scorers are both called '" + id + "'",
                            "give one of them an 'id:'");
                }
                double weight = 1.0;
                if (m.get("weight").isPresent()) {
                    weight = y.decimal(m.values().get("weight"), m.child("weight")).map(BigDecimal::doubleValue)
                            .orElse(1.0);
                    if (weight < 0) {
                        y.error(m.values().get("weight"), m.child("weight"), "must not be negative", "");
                        weight = 0;
                    }
                }
                weights += weight;
                Map<String, Object> params = new LinkedHashMap<>();
                for (Map.Entry<String, Node> e : m.values().entrySet()) {
                    if (!KEYS.get("scorer").contains(e.getKey())) {
                        params.put(e.getKey(), y.plain(e.getValue(), m.child(e.getKey())));
                    }
                }
                if (type != null) {
                    for (ScorerCheck.Issue issue : scorerCheck.check(type, params)) {
                        // a parameter's problem points at its key; the type's at its value
                        String at = issue.param().isEmpty() ? m.child("type") : m.child(issue.param());
                        Location where = issue.param().isEmpty() || !m.values().containsKey(issue.param())
                                ? y.at(m.values().getOrDefault(issue.param().isEmpty() ? "type" : issue.param(), n))
                                : locations.get(at);
                        problems.add(Problem.error(where, at, issue.problem(), issue.hint()));
                    }
                }
                out.add(new ScorerSpec(id, type, weight, params, path));
            }
            if (!items.isEmpty() && weights == 0) {
                y.error(node, "scorers", "every weight is 0, so there is no quality figure",
                        "give at least one scorer a positive weight");
            }
            return out;
        }

        private SuiteSpec.TrafficSpec traffic(Node node) {
            YamlNodes.Mapping m = y.mapping(node, "traffic", KEYS.get("traffic"));
            long rpm = m.get("requestsPerMonth").flatMap(n -> y.integer(n, "traffic.requestsPerMonth")).orElse(0L);
            if (rpm < 0) {
                y.error(m.values().get("requestsPerMonth"), "traffic.requestsPerMonth", "must not be negative", "");
            }
            // the profile is read with the dataset, by the suite's preparation: here only its path
            Optional<Path> profile = m.get("profile").flatMap(n -> y.string(n, "traffic.profile"))
                    .filter(s -> !s.isBlank()).map(this::resolve);
            if (profile.isPresent() && m.get("requestsPerMonth").isPresent()) {
                y.error(m.values().get("profile"), "traffic.profile", "give traffic.profile or "
                        + "traffic.requestsPerMonth, not both", "the profile measures the requests per month; "
                        + "remove requestsPerMonth");
            }
            Optional<SuiteSpec.ClientCacheSpec> clientCache = m.get("clientCache").map(this::clientCache);
            if (clientCache.isPresent() && profile.isEmpty()) {
                y.error(m.values().get("clientCache"), "traffic.clientCache", "a client cache needs traffic.profile",
                        "its hit rate is replayed on the profile's arrivals");
            }
            return new SuiteSpec.TrafficSpec(Math.max(0, rpm), profile, clientCache);
        }

        private SuiteSpec.ClientCacheSpec clientCache(Node node) {
            YamlNodes.Mapping m = y.mapping(node, "traffic.clientCache", KEYS.get("clientCache"));
            String ttl = m.get("ttl").flatMap(n -> y.string(n, "traffic.clientCache.ttl")).orElse("");
            long ttlMs = ttlMs(ttl);
            if (ttlMs < 0) {
                y.error(m.get("ttl").orElse(node), "traffic.clientCache.ttl", ttl.isEmpty() ? "missing"
                        : "not a duration: '" + ttl + "'", "a whole number and a unit: 90s, 5m, 1h or 1d");
            }
            long max = m.get("maxEntries").flatMap(n -> y.integer(n, "traffic.clientCache.maxEntries")).orElse(-1L);
            if (max < 1 || max > Integer.MAX_VALUE) {
                y.error(m.get("maxEntries").orElse(node), "traffic.clientCache.maxEntries",
                        m.get("maxEntries").isEmpty() ? "missing" : "must be a positive whole number",
                        "the most answers the cache keeps, e.g. 10000");
            }
            return new SuiteSpec.ClientCacheSpec(ttl, Math.max(1, ttlMs), (int) Math.max(1, Math.min(max,
                    Integer.MAX_VALUE)));
        }

        /** A duration as {@code 90s}, {@code 5m}, {@code 1h} or {@code 1d}, in milliseconds; -1 when it is not one. */
        private static long ttlMs(String ttl) {
            if (!ttl.matches("[1-9][0-9]{0,6}[smhd]")) {
                return -1;
            }
            long n = Long.parseLong(ttl.substring(0, ttl.length() - 1));
            return switch (ttl.charAt(ttl.length() - 1)) {
                case 's' -> n * 1000;
                case 'm' -> n * 60_000;
                case 'h' -> n * 3_600_000;
                default -> n * 86_400_000;
            };
        }

        /**
         * The routers the suite creates. What the request alone decides is checked here, with Bedrock's limits
         * ({@code CreatePromptRouter}: a name of 1–64 characters, a quality difference of 0–100, a description of
         * 1–200 characters; the user guide: two models and a fallback that is one of them); family and Region need
         * the model catalog and are checked when the suite is prepared.
         */
        private List<PromptRouterSpec> promptRouters(Node node) {
            List<PromptRouterSpec> out = new ArrayList<>();
            List<Node> items = y.sequence(node, "promptRouters");
            for (int i = 0; i < items.size(); i++) {
                String path = "promptRouters[" + i + "]";
                Node n = items.get(i);
                YamlNodes.Mapping m = y.mapping(n, path, KEYS.get("promptRouter"));
                if (m.get("incumbent").isPresent()) {
                    y.error(m.values().get("incumbent"), m.child("incumbent"), "'incumbent' names one candidate of "
                            + "a matrix", "mark this candidate with 'role: incumbent'");
                }
                String id = m.get("id").flatMap(v -> y.string(v, m.child("id"))).orElse(null);
                if (m.get("id").isEmpty()) {
                    y.error(n, m.child("id"), "missing", "give the router a short id, e.g. 'id: nova'; candidates "
                            + "name it as 'model: router:nova'");
                } else if (id != null && !ROUTER_ID.matcher(id).matches()) {
                    y.error(m.values().get("id"), m.child("id"), "'" + id + "' is not a valid router id",
                            "use lower-case letters, digits and '-' (at most 40), e.g. nova-lite-pro");
                    id = null;
                } else if (id != null && routerIds.contains(id)) {
                    y.error(m.values().get("id"), m.child("id"), "duplicate router id '" + id + "'",
                            "router ids must be unique");
                    id = null;
                }
                if (id != null) {
                    routerIds.add(id);
                }
                List<String> models = new ArrayList<>();
                if (m.get("models").isEmpty()) {
                    y.error(n, m.child("models"), "missing", "name the two models it routes between, e.g. "
                            + "[amazon.nova-lite-v1:0, amazon.nova-pro-v1:0]");
                } else {
                    List<Node> ms = y.sequence(m.values().get("models"), m.child("models"));
                    for (int j = 0; j < ms.size(); j++) {
                        String at = m.child("models") + "[" + j + "]";
                        Node entry = ms.get(j);
                        y.string(entry, at).ifPresent(model -> {
                            if (!MODEL_ID.matcher(model).matches()) {
                                y.error(entry, at, "'" + model + "' is not a base model id or inference-profile id",
                                        "e.g. amazon.nova-lite-v1:0 or us.amazon.nova-pro-v1:0");
                            }
                            models.add(model);
                        });
                    }
                    if (ms.size() != 2 || models.stream().distinct().count() != ms.size()) {
                        y.error(m.values().get("models"), m.child("models"), "a prompt router routes between "
                                + "exactly two different models (" + ms.size() + " given)",
                                "name two models of one family");
                    }
                }
                String fallback = m.get("fallback").flatMap(v -> y.string(v, m.child("fallback"))).orElse(null);
                if (m.get("fallback").isEmpty()) {
                    y.error(n, m.child("fallback"), "missing", "name the model used unless the other is predicted "
                            + "better, one of 'models'");
                } else if (fallback != null && !models.isEmpty() && !models.contains(fallback)) {
                    y.error(m.values().get("fallback"), m.child("fallback"), "'" + fallback + "' is not one of "
                            + "the router's models", "use one of: " + String.join(", ", models));
                }
                double difference = 0;
                if (m.get("responseQualityDifference").isEmpty()) {
                    y.error(n, m.child("responseQualityDifference"), "missing", "give the quality margin in percent, "
                            + "0 to 100, e.g. 'responseQualityDifference: 10'");
                } else {
                    Optional<BigDecimal> d = y.decimal(m.values().get("responseQualityDifference"),
                            m.child("responseQualityDifference"));
                    if (d.isPresent() && (d.get().signum() < 0 || d.get().compareTo(BigDecimal.valueOf(100)) > 0)) {
                        y.error(m.values().get("responseQualityDifference"), m.child("responseQualityDifference"),
                                d.get().toPlainString() + " is outside 0 to 100", "give a percentage from 0 to 100");
                    }
                    difference = d.map(BigDecimal::doubleValue).orElse(0.0);
                }
                Optional<String> description = m.get("description")
                        .flatMap(v -> y.string(v, m.child("description")));
                if (description.isPresent() && (description.get().isEmpty() || description.get().length() > 200)) {
                    y.error(m.values().get("description"), m.child("description"), "a description of "
                            + description.get().length() + " characters", "Bedrock takes 1 to 200 characters");
                }
                Map<String, String> tags = new java.util.TreeMap<>();
                m.get("tags").ifPresent(t -> {
                    YamlNodes.Mapping tm = y.mapping(t, m.child("tags"), null);
                    tm.values().forEach((k, v) -> y.string(v, m.child("tags") + "." + k)
                            .ifPresent(text -> tags.put(k, text)));
                });
                if (id != null) {
                    out.add(new PromptRouterSpec(id, models, fallback == null ? "" : fallback, difference,
                            description, tags, path));
                }
            }
            return out;
        }

        private StagingSpec staging(Node node) {
            YamlNodes.Mapping m = y.mapping(node, "staging", KEYS.get("staging"));
            Optional<S3Uri> s3 = Optional.empty();
            Optional<String> raw = m.get("s3").flatMap(n -> y.string(n, "staging.s3"));
            if (raw.isPresent()) {
                try {
                    s3 = Optional.of(S3Uri.parse(raw.get()));
                } catch (IllegalArgumentException e) {
                    y.error(m.values().get("s3"), "staging.s3", e.getMessage(), "");
                }
            }
            Optional<String> owner = checked(m, "expectedBucketOwner", AwsIds::accountProblem);
            Optional<String> kms = checked(m, "kmsKeyId", AwsIds::kmsKeyProblem);
            Optional<String> role = checked(m, "roleArn", AwsIds::roleArnProblem);
            Map<String, String> tags = new java.util.TreeMap<>();
            m.get("tags").ifPresent(n -> {
                YamlNodes.Mapping t = y.mapping(n, "staging.tags", null);
                t.values().forEach((k, v) -> y.string(v, "staging.tags." + k).ifPresent(text -> tags.put(k, text)));
            });
            return new StagingSpec(s3, owner, kms, role, tags);
        }

        private RoutingSpec routing(Node node, List<CandidateSpec> candidates, List<ScorerSpec> scorers) {
            YamlNodes.Mapping m = y.mapping(node, "routing", KEYS.get("routing"));
            Set<String> candidateIds = new java.util.LinkedHashSet<>();
            candidates.forEach(c -> candidateIds.add(c.id()));
            Set<String> signalIds = new java.util.LinkedHashSet<>(List.of(RoutingSpec.OUTPUT_TOKENS,
                    RoutingSpec.STOP_REASON));
            scorers.forEach(sc -> signalIds.add(sc.id()));
            List<String> signals = new ArrayList<>();
            m.get("signals").ifPresent(n -> {
                List<Node> items = y.sequence(n, "routing.signals");
                for (int i = 0; i < items.size(); i++) {
                    String path = "routing.signals[" + i + "]";
                    Node item = items.get(i);
                    y.string(item, path).ifPresent(id -> {
                        if (signalIds.contains(id)) {
                            signals.add(id);
                        } else {
                            y.error(item, path, "no scorer or signal '" + id + "'", Suggest.closest(id, signalIds)
                                    .map(k -> "did you mean '" + k + "'?")
                                    .orElse("one of " + String.join(", ", signalIds)));
                        }
                    });
                }
            });
            List<RoutingSpec.Cascade> cascades = new ArrayList<>();
            m.get("cascades").ifPresent(n -> {
                List<Node> items = y.sequence(n, "routing.cascades");
                for (int i = 0; i < items.size(); i++) {
                    String path = "routing.cascades[" + i + "]";
                    YamlNodes.Mapping c = y.mapping(items.get(i), path, KEYS.get("cascade"));
                    String first = routingRef(c, "first", path, candidateIds, items.get(i));
                    String then = routingRef(c, "then", path, candidateIds, items.get(i));
                    String signal = routingRef(c, "signal", path, signalIds, items.get(i));
                    if (first != null && first.equals(then)) {
                        y.error(c.values().get("then"), path + ".then", "the cascade escalates to the model it "
                                + "started with", "name a different candidate, usually the incumbent");
                    } else if (first != null && then != null && signal != null) {
                        cascades.add(new RoutingSpec.Cascade(first, then, signal));
                    }
                }
            });
            boolean learned = m.get("learned").flatMap(n -> y.bool(n, "routing.learned")).orElse(true);
            boolean oracle = m.get("oracle").flatMap(n -> y.bool(n, "routing.oracle")).orElse(true);
            long folds = m.get("folds").flatMap(n -> y.integer(n, "routing.folds"))
                    .orElse((long) RoutingSpec.DEFAULT_FOLDS);
            if (folds < 2 || folds > 20) {
                y.error(m.values().get("folds"), "routing.folds", "must be between 2 and 20",
                        "5 or 10 folds are usual; each item is scored by a router trained on the other folds");
            }
            List<String> features = new ArrayList<>();
            m.get("features").ifPresent(n -> {
                List<Node> items = y.sequence(n, "routing.features");
                for (int i = 0; i < items.size(); i++) {
                    y.string(items.get(i), "routing.features[" + i + "]").ifPresent(features::add);
                }
            });
            return new RoutingSpec(signals, cascades, learned, oracle, (int) Math.max(2, Math.min(20, folds)),
                    features);
        }

        private String routingRef(YamlNodes.Mapping m, String key, String path, Set<String> known, Node at) {
            Optional<Node> n = m.get(key);
            if (n.isEmpty()) {
                y.error(at, path + "." + key, "missing", key.equals("signal")
                        ? "name a scorer that needs no reference answer, or outputTokens / stopReason"
                        : "name a candidate id");
                return null;
            }
            Optional<String> id = y.string(n.get(), path + "." + key);
            if (id.isPresent() && !known.contains(id.get())) {
                y.error(n.get(), path + "." + key, "no " + (key.equals("signal") ? "scorer or signal" : "candidate")
                        + " '" + id.get() + "'", Suggest.closest(id.get(), known).map(k -> "did you mean '" + k + "'?")
                        .orElse("one of " + String.join(", ", known)));
                return null;
            }
            return id.orElse(null);
        }

        private DistillationSpec distillation(Node node, List<CandidateSpec> candidates) {
            YamlNodes.Mapping m = y.mapping(node, "distillation", KEYS.get("distillation"));
            String methodText = m.get("method").flatMap(n -> y.string(n, "distillation.method"))
                    .orElse("distillation");
            DistillationSpec.Method method = DistillationSpec.Method.of(methodText).orElse(null);
            if (method == null) {
                y.error(m.values().get("method"), "distillation.method", "unknown method '" + methodText + "'",
                        "use distillation or fine-tuning");
                method = DistillationSpec.Method.DISTILLATION;
            }
            Set<String> ids = new java.util.TreeSet<>();
            candidates.forEach(c -> ids.add(c.id()));
            String teacher = m.get("teacher").flatMap(n -> y.string(n, "distillation.teacher")).orElse(null);
            if (m.get("teacher").isEmpty()) {
                y.error(node, "distillation.teacher", "missing",
                        "name the candidate whose model teaches, usually the incumbent");
            } else if (teacher != null && !ids.contains(teacher)) {
                y.error(m.values().get("teacher"), "distillation.teacher", "no candidate '" + teacher + "'",
                        Suggest.hint(teacher, ids));
            }
            String student = m.get("student").flatMap(n -> y.string(n, "distillation.student")).orElse(null);
            if (m.get("student").isEmpty()) {
                y.error(node, "distillation.student", "missing",
                        "name the base model to customize, e.g. amazon.nova-lite-v1:0:300k");
            } else if (student != null && !MODEL_ID.matcher(student).matches()) {
                y.error(m.values().get("student"), "distillation.student", "'" + student + "' is not a model id",
                        "e.g. amazon.nova-lite-v1:0:300k or anthropic.claude-3-haiku-20240307-v1:0:200k");
            }
            long maxResponse = m.get("maxResponseLengthForInference")
                    .flatMap(n -> y.integer(n, "distillation.maxResponseLengthForInference")).orElse(1000L);
            if (maxResponse < 1 || maxResponse > 32_000) {
                y.error(m.values().get("maxResponseLengthForInference"), "distillation.maxResponseLengthForInference",
                        "must be between 1 and 32000", "the most tokens the teacher may write per answer");
                maxResponse = 1000;
            }
            Map<String, String> hyper = new java.util.TreeMap<>();
            m.get("hyperParameters").ifPresent(n -> {
                YamlNodes.Mapping h = y.mapping(n, "distillation.hyperParameters", null);
                h.values().forEach((k, v) -> y.string(v, "distillation.hyperParameters." + k)
                        .ifPresent(text -> hyper.put(k, text)));
            });
            OptionalDouble golden = OptionalDouble.empty();
            Optional<BigDecimal> g = m.get("goldenThreshold")
                    .flatMap(n -> y.decimal(n, "distillation.goldenThreshold"));
            if (g.isPresent()) {
                if (g.get().doubleValue() < 0 || g.get().doubleValue() > 1) {
                    y.error(m.values().get("goldenThreshold"), "distillation.goldenThreshold",
                            "must be between 0 and 1", "the least quality a teacher answer needs to be kept");
                } else {
                    golden = OptionalDouble.of(g.get().doubleValue());
                }
            }
            Optional<BigDecimal> training = nonNegative(m, "trainingPer1kTokens", "distillation.trainingPer1kTokens");
            Optional<BigDecimal> storage = nonNegative(m, "storagePerMonth", "distillation.storagePerMonth");
            long horizon = m.get("horizonMonths").flatMap(n -> y.integer(n, "distillation.horizonMonths"))
                    .orElse(12L);
            if (horizon < 1 || horizon > 120) {
                y.error(m.values().get("horizonMonths"), "distillation.horizonMonths", "must be between 1 and 120",
                        "the months within which the custom model must pay for itself, e.g. 12");
                horizon = 12;
            }
            DistillationSpec.Serving serving = m.get("serving").map(this::serving)
                    .orElse(new DistillationSpec.Serving(DistillationSpec.Mode.PROVISIONED, OptionalInt.of(1), "none",
                            Optional.empty()));
            DistillationSpec.Source source = trainingSource(node, m);
            return new DistillationSpec(method, teacher, student, (int) maxResponse, hyper, golden, training, storage,
                    (int) horizon, serving, source);
        }

        private DistillationSpec.Source trainingSource(Node node, YamlNodes.Mapping m) {
            String sourceText = m.get("source").flatMap(n -> y.string(n, "distillation.source")).orElse("dataset");
            boolean logs = sourceText.equals("invocation-logs");
            if (!logs && !sourceText.equals("dataset")) {
                y.error(m.values().get("source"), "distillation.source", "unknown source '" + sourceText + "'",
                        "use dataset (the suite's items) or invocation-logs (Bedrock's model-invocation logs)");
                return new DistillationSpec.FromDataset();
            }
            if (!logs) {
                if (m.get("invocationLogs").isPresent()) {
                    y.error(m.values().get("invocationLogs"), "distillation.invocationLogs",
                            "only read with source: invocation-logs", "add 'source: invocation-logs' or remove it");
                }
                return new DistillationSpec.FromDataset();
            }
            if (m.get("invocationLogs").isEmpty()) {
                y.error(node, "distillation.invocationLogs", "missing",
                        "source: invocation-logs needs 'invocationLogs: { s3Uri: s3://bucket/prefix/ }'");
                return new DistillationSpec.FromDataset();
            }
            Node logsNode = m.values().get("invocationLogs");
            YamlNodes.Mapping l = y.mapping(logsNode, "distillation.invocationLogs", KEYS.get("invocationLogs"));
            S3Uri uri = null;
            Optional<String> raw = l.get("s3Uri").flatMap(n -> y.string(n, "distillation.invocationLogs.s3Uri"));
            if (l.get("s3Uri").isEmpty()) {
                y.error(logsNode, "distillation.invocationLogs.s3Uri", "missing",
                        "the S3 prefix model-invocation logging delivers to, e.g. s3://my-logs/bedrock/");
            } else if (raw.isPresent()) {
                try {
                    uri = S3Uri.parse(raw.get());
                } catch (IllegalArgumentException e) {
                    y.error(l.values().get("s3Uri"), "distillation.invocationLogs.s3Uri", e.getMessage(),
                            "the S3 prefix model-invocation logging delivers to, e.g. s3://my-logs/bedrock/");
                }
            }
            Optional<RequestMetadataFilter> filters = l.get("requestMetadataFilters").map(n -> metadataFilters(n,
                    "distillation.invocationLogs.requestMetadataFilters"));
            boolean usePromptResponse = l.get("usePromptResponse")
                    .flatMap(n -> y.bool(n, "distillation.invocationLogs.usePromptResponse")).orElse(false);
            return uri == null ? new DistillationSpec.FromDataset()
                    : new DistillationSpec.FromInvocationLogs(uri, filters, usePromptResponse);
        }

        /** Bedrock's {@code RequestMetadataFilters} union: exactly one of equals, notEquals, andAll, orAll. */
        private RequestMetadataFilter metadataFilters(Node node, String path) {
            YamlNodes.Mapping m = y.mapping(node, path, KEYS.get("requestMetadataFilters"));
            if (m.values().size() != 1) {
                y.error(node, path, "takes exactly one of equals, notEquals, andAll, orAll, not "
                        + m.values().size(), "combine tests with andAll: [ {equals: {k: v}}, {notEquals: {k: v}} ]");
                return null;
            }
            Map.Entry<String, Node> only = m.values().entrySet().iterator().next();
            String childPath = path + "." + only.getKey();
            if (only.getKey().equals("equals") || only.getKey().equals("notEquals")) {
                return onePair(only.getValue(), childPath, only.getKey().equals("equals"));
            }
            List<Node> tests = y.sequence(only.getValue(), childPath);
            if (tests.isEmpty() || tests.size() > RequestMetadataFilter.MAX_PAIRS) {
                y.error(only.getValue(), childPath, "takes 1 to " + RequestMetadataFilter.MAX_PAIRS + " tests, not "
                        + tests.size(), "each test is {equals: {key: value}} or {notEquals: {key: value}}");
                return null;
            }
            List<RequestMetadataFilter.Base> bases = new ArrayList<>();
            for (int i = 0; i < tests.size(); i++) {
                String testPath = childPath + "[" + i + "]";
                YamlNodes.Mapping t = y.mapping(tests.get(i), testPath, KEYS.get("requestMetadataBaseFilter"));
                if (t.values().size() != 1) {
                    y.error(tests.get(i), testPath, "takes exactly one of equals, notEquals, not "
                            + t.values().size(), "write {equals: {key: value}} or {notEquals: {key: value}}");
                    continue;
                }
                Map.Entry<String, Node> e = t.values().entrySet().iterator().next();
                RequestMetadataFilter.Base b = onePair(e.getValue(), testPath + "." + e.getKey(),
                        e.getKey().equals("equals"));
                if (b != null) {
                    bases.add(b);
                }
            }
            if (bases.size() != tests.size()) {
                return null;
            }
            return only.getKey().equals("andAll") ? new RequestMetadataFilter.AndAll(bases)
                    : new RequestMetadataFilter.OrAll(bases);
        }

        private RequestMetadataFilter.Base onePair(Node node, String path, boolean equals) {
            YamlNodes.Mapping pair = y.mapping(node, path, null);
            if (pair.values().size() != 1) {
                y.error(node, path, "takes exactly one key: value pair, not " + pair.values().size(),
                        "combine several with andAll or orAll");
                return null;
            }
            Map.Entry<String, Node> e = pair.values().entrySet().iterator().next();
            String value = y.string(e.getValue(), path + "." + e.getKey()).orElse(null);
            if (value == null) {
                return null;
            }
            String problem = RequestMetadataFilter.problem(e.getKey(), true);
            if (problem == null) {
                problem = RequestMetadataFilter.problem(value, false);
            }
            if (problem != null) {
                y.error(e.getValue(), path + "." + e.getKey(), problem, "as the callers send it in requestMetadata");
                return null;
            }
            return equals ? new RequestMetadataFilter.Equals(e.getKey(), value)
                    : new RequestMetadataFilter.NotEquals(e.getKey(), value);
        }

        private DistillationSpec.Serving serving(Node node) {
            YamlNodes.Mapping m = y.mapping(node, "distillation.serving", KEYS.get("serving"));
            String modeText = m.get("mode").flatMap(n -> y.string(n, "distillation.serving.mode"))
                    .orElse("provisioned");
            DistillationSpec.Mode mode = DistillationSpec.Mode.of(modeText).orElse(null);
            if (mode == null) {
                y.error(m.values().get("mode"), "distillation.serving.mode", "unknown mode '" + modeText + "'",
                        "use provisioned (Provisioned Throughput) or on-demand-deployment");
                mode = DistillationSpec.Mode.PROVISIONED;
            }
            OptionalInt units = OptionalInt.empty();
            if (m.get("modelUnits").isPresent()) {
                long u = y.integer(m.values().get("modelUnits"), "distillation.serving.modelUnits").orElse(1L);
                if (u < 1 || u > 1000) {
                    y.error(m.values().get("modelUnits"), "distillation.serving.modelUnits",
                            "must be between 1 and 1000", "");
                } else {
                    units = OptionalInt.of((int) u);
                }
            } else if (mode == DistillationSpec.Mode.PROVISIONED) {
                units = OptionalInt.of(1);
            }
            String commitment = m.get("commitment").flatMap(n -> y.string(n, "distillation.serving.commitment"))
                    .orElse("none");
            if (!Set.of("none", "OneMonth", "SixMonths").contains(commitment)) {
                y.error(m.values().get("commitment"), "distillation.serving.commitment",
                        "unknown commitment '" + commitment + "'", "use none, OneMonth or SixMonths");
            }
            Optional<BigDecimal> hourly = nonNegative(m, "hourlyPerModelUnit",
                    "distillation.serving.hourlyPerModelUnit");
            if (mode == DistillationSpec.Mode.ON_DEMAND_DEPLOYMENT
                    && (m.get("modelUnits").isPresent() || m.get("hourlyPerModelUnit").isPresent())) {
                y.error(node, "distillation.serving", "an on-demand deployment has no model units",
                        "leave out modelUnits and hourlyPerModelUnit, or use mode: provisioned");
            }
            return new DistillationSpec.Serving(mode, units, commitment, hourly);
        }

        private Optional<BigDecimal> nonNegative(YamlNodes.Mapping m, String key, String path) {
            Optional<BigDecimal> v = m.get(key).flatMap(n -> y.decimal(n, path));
            if (v.isPresent() && v.get().signum() < 0) {
                y.error(m.values().get(key), path, "must not be negative", "a price in USD");
                return Optional.empty();
            }
            return v;
        }

        private Optional<String> checked(YamlNodes.Mapping m, String key,
                                         java.util.function.Function<String, Optional<String>> check) {
            Optional<String> value = m.get(key).flatMap(n -> y.string(n, "staging." + key));
            Optional<String> problem = value.flatMap(check);
            problem.ifPresent(p -> y.error(m.values().get(key), "staging." + key, p, ""));
            return problem.isPresent() ? Optional.empty() : value;
        }

        private SuiteSpec.BudgetSpec budget(Node node) {
            YamlNodes.Mapping m = y.mapping(node, "budget", KEYS.get("budget"));
            Optional<BigDecimal> max = m.get("maxUsd").flatMap(n -> y.decimal(n, "budget.maxUsd"));
            if (max.isPresent() && max.get().signum() <= 0) {
                y.error(m.values().get("maxUsd"), "budget.maxUsd", "must be positive", "e.g. 'maxUsd: 5.00'");
            }
            return new SuiteSpec.BudgetSpec(max);
        }

        private SuiteSpec.ExecutionSpec execution(Node node) {
            YamlNodes.Mapping m = y.mapping(node, "execution", KEYS.get("execution"));
            long concurrency = m.get("concurrency").flatMap(n -> y.integer(n, "execution.concurrency"))
                    .orElse((long) DEFAULT_CONCURRENCY);
            if (concurrency < 1 || concurrency > 256) {
                y.error(m.values().get("concurrency"), "execution.concurrency", "must be between 1 and 256", "");
                concurrency = DEFAULT_CONCURRENCY;
            }
            Optional<String> region = m.get("region").flatMap(n -> y.string(n, "execution.region"));
            if (region.isPresent() && !REGION.matcher(region.get()).matches()) {
                y.error(m.values().get("region"), "execution.region", "'" + region.get() + "' is not an AWS region",
                        "e.g. us-east-1");
            }
            SuiteSpec.EndpointsSpec endpoints = endpoints(m);
            java.util.OptionalInt rpm = java.util.OptionalInt.empty();
            if (m.get("requestsPerMinute").isPresent()) {
                long v = y.integer(m.values().get("requestsPerMinute"), "execution.requestsPerMinute").orElse(1L);
                if (v < 1 || v > 1_000_000) {
                    y.error(m.values().get("requestsPerMinute"), "execution.requestsPerMinute",
                            "must be between 1 and 1000000", "your Bedrock quota for the model, e.g. 200");
                } else {
                    rpm = java.util.OptionalInt.of((int) v);
                }
            }
            java.util.OptionalLong tpm = java.util.OptionalLong.empty();
            if (m.get("tokensPerMinute").isPresent()) {
                long v = y.integer(m.values().get("tokensPerMinute"), "execution.tokensPerMinute").orElse(1L);
                if (v < 1) {
                    y.error(m.values().get("tokensPerMinute"), "execution.tokensPerMinute", "must be positive", "");
                } else {
                    tpm = java.util.OptionalLong.of(v);
                }
            }
            double maxErrorRate = m.get("maxErrorRate").flatMap(n -> y.decimal(n, "execution.maxErrorRate"))
                    .map(BigDecimal::doubleValue).orElse(DEFAULT_MAX_ERROR_RATE);
            if (maxErrorRate < 0 || maxErrorRate > 1) {
                y.error(m.values().get("maxErrorRate"), "execution.maxErrorRate", "must be between 0 and 1",
                        "the share of failed calls a run tolerates, e.g. 0.05");
            }
            boolean responseCache = m.get("responseCache").flatMap(n -> y.bool(n, "execution.responseCache"))
                    .orElse(true);
            long ttl = m.get("cacheTtlHours").flatMap(n -> y.integer(n, "execution.cacheTtlHours"))
                    .orElse(DEFAULT_CACHE_TTL_HOURS);
            if (ttl < 0) {
                y.error(m.values().get("cacheTtlHours"), "execution.cacheTtlHours", "must not be negative", "");
            }
            SuiteSpec.ExecutionSpec.Mode mode = SuiteSpec.ExecutionSpec.Mode.ON_DEMAND;
            Optional<String> rawMode = m.get("mode").flatMap(n -> y.string(n, "execution.mode"));
            if (rawMode.isPresent()) {
                Optional<SuiteSpec.ExecutionSpec.Mode> known = java.util.Arrays.stream(
                        SuiteSpec.ExecutionSpec.Mode.values()).filter(v -> v.key().equals(rawMode.get())).findFirst();
                if (known.isEmpty()) {
                    y.error(m.values().get("mode"), "execution.mode", "'" + rawMode.get() + "' is not a mode",
                            "write on-demand, batch or auto (batch where a candidate has >= 100 items and a batch "
                                    + "price)");
                } else {
                    mode = known.get();
                }
            }
            Optional<SuiteSpec.SequentialSpec> sequential = m.get("sequential").map(this::sequential);
            if (sequential.isPresent() && mode != SuiteSpec.ExecutionSpec.Mode.ON_DEMAND) {
                y.error(m.values().get("mode"), "execution.mode", "a sequential run calls on demand",
                        "remove 'mode: " + mode.key() + "' or 'sequential:' (a batch job answers all its items at "
                                + "once, so there is nothing to stop early)");
            }
            Optional<SuiteSpec.AttributionSpec> attribution = m.get("attribution").map(this::attribution);
            return new SuiteSpec.ExecutionSpec((int) concurrency, region, endpoints, rpm, tpm, maxErrorRate,
                    responseCache, ttl, mode, sequential, attribution);
        }

        /** {@code execution.attribution: { inferenceProfiles: true, tags: { team: support } }}. */
        private SuiteSpec.AttributionSpec attribution(Node node) {
            YamlNodes.Mapping m = y.mapping(node, "execution.attribution", KEYS.get("attribution"));
            boolean profiles = m.get("inferenceProfiles")
                    .flatMap(n -> y.bool(n, "execution.attribution.inferenceProfiles")).orElse(false);
            Map<String, String> tags = new java.util.TreeMap<>();
            m.get("tags").ifPresent(n -> {
                YamlNodes.Mapping t = y.mapping(n, "execution.attribution.tags", null);
                t.values().forEach((k, v) -> y.string(v, "execution.attribution.tags." + k).ifPresent(text -> {
                    // Bedrock's Tag: key 1..128, value 0..256 characters
                    if (k.isEmpty() || k.length() > 128 || text.length() > 256) {
                        y.error(v, "execution.attribution.tags." + k, "a tag key is 1 to 128 characters and a value "
                                + "at most 256", "");
                    } else if (k.startsWith("aws:")) {
                        y.error(v, "execution.attribution.tags." + k, "tag keys starting with 'aws:' are AWS's",
                                "use another prefix");
                    } else {
                        tags.put(k, text);
                    }
                }));
            });
            if (tags.size() > 49) {
                y.error(node, "execution.attribution.tags", "at most 49 tags (frontier adds frontier-suite to "
                        + "Bedrock's 50)", "");
            }
            return new SuiteSpec.AttributionSpec(profiles, tags);
        }

        /** {@code execution.sequential: { looks: 4, spending: obrien-fleming | pocock, futility: 0.1 | none }}. */
        private SuiteSpec.SequentialSpec sequential(Node node) {
            YamlNodes.Mapping m = y.mapping(node, "execution.sequential", KEYS.get("sequential"));
            long looks = m.get("looks").flatMap(n -> y.integer(n, "execution.sequential.looks")).orElse(4L);
            if (looks < 2 || looks > 10) {
                y.error(m.values().get("looks"), "execution.sequential.looks", "must be between 2 and 10",
                        "4 looks (after a quarter, half, three quarters and all of the items) is usual");
                looks = 4;
            }
            SuiteSpec.SequentialSpec.Spending spending = SuiteSpec.SequentialSpec.Spending.OBRIEN_FLEMING;
            Optional<String> rawSpending = m.get("spending").flatMap(n -> y.string(n, "execution.sequential.spending"));
            if (rawSpending.isPresent()) {
                Optional<SuiteSpec.SequentialSpec.Spending> known = java.util.Arrays.stream(
                        SuiteSpec.SequentialSpec.Spending.values()).filter(v -> v.key().equals(rawSpending.get()))
                        .findFirst();
                if (known.isEmpty()) {
                    y.error(m.values().get("spending"), "execution.sequential.spending", "'" + rawSpending.get()
                            + "' is not a spending function", "write obrien-fleming or pocock");
                } else {
                    spending = known.get();
                }
            }
            java.util.OptionalDouble futility = java.util.OptionalDouble.of(0.1);
            if (m.get("futility").isPresent()) {
                Node f = m.values().get("futility");
                if (f instanceof org.yaml.snakeyaml.nodes.ScalarNode scalar && scalar.getValue().equals("none")) {
                    futility = java.util.OptionalDouble.empty();
                } else {
                    double v = y.decimal(f, "execution.sequential.futility").map(BigDecimal::doubleValue)
                            .orElse(0.1);
                    if (!(v > 0 && v <= 0.5)) {
                        y.error(f, "execution.sequential.futility", "must be above 0 and at most 0.5, or none",
                                "the predictive power below which a candidate stops, e.g. 0.1");
                    } else {
                        futility = java.util.OptionalDouble.of(v);
                    }
                }
            }
            return new SuiteSpec.SequentialSpec((int) looks, spending, futility);
        }

        /**
         * {@code execution.endpoints} and the older {@code execution.endpoint}, which is the runtime's only: on AWS the
         * control plane and S3 are other hosts, so a runtime URL never stands in for them.
         */
        private SuiteSpec.EndpointsSpec endpoints(YamlNodes.Mapping execution) {
            Optional<URI> legacy = execution.get("endpoint").flatMap(n -> url(n, "execution.endpoint",
                    "https://bedrock-runtime.us-east-1.amazonaws.com"));
            if (execution.get("endpoint").isEmpty() && execution.get("endpoints").isEmpty()) {
                return SuiteSpec.EndpointsSpec.none();
            }
            Optional<URI> runtime = Optional.empty();
            Optional<URI> controlPlane = Optional.empty();
            Optional<URI> s3 = Optional.empty();
            if (execution.get("endpoints").isPresent()) {
                YamlNodes.Mapping m = y.mapping(execution.values().get("endpoints"), "execution.endpoints",
                        KEYS.get("endpoints"));
                runtime = m.get("runtime").flatMap(n -> url(n, "execution.endpoints.runtime",
                        "https://bedrock-runtime.us-east-1.amazonaws.com"));
                controlPlane = m.get("controlPlane").flatMap(n -> url(n, "execution.endpoints.controlPlane",
                        "https://bedrock.us-east-1.amazonaws.com"));
                s3 = m.get("s3").flatMap(n -> url(n, "execution.endpoints.s3", "https://s3.us-east-1.amazonaws.com"));
                if (execution.get("endpoint").isPresent() && m.get("runtime").isPresent()) {
                    y.error(execution.values().get("endpoint"), "execution.endpoint",
                            "given twice: execution.endpoint and execution.endpoints.runtime",
                            "keep execution.endpoints.runtime and remove execution.endpoint");
                }
            }
            if (legacy.isPresent() && runtime.isEmpty()) {
                runtime = legacy;
                y.warning(execution.values().get("endpoint"), "execution.endpoint",
                        "is the Bedrock Runtime endpoint only; the control plane and S3 keep their defaults",
                        "write execution.endpoints: { runtime: ..., controlPlane: ..., s3: ... }");
            }
            return new SuiteSpec.EndpointsSpec(runtime, controlPlane, s3);
        }

        /** An http(s) URL with a host, as an SDK endpoint override takes it. */
        private Optional<URI> url(Node node, String path, String example) {
            Optional<String> raw = y.string(node, path);
            if (raw.isEmpty()) {
                return Optional.empty();
            }
            try {
                URI u = new URI(raw.get());
                if (("https".equals(u.getScheme()) || "http".equals(u.getScheme())) && u.getHost() != null
                        && u.getRawQuery() == null && u.getRawFragment() == null) {
                    return Optional.of(u);
                }
            } catch (java.net.URISyntaxException e) {
                // reported below
            }
            y.error(node, path, "'" + raw.get() + "' is not an http(s) URL with a host", "e.g. " + example);
            return Optional.empty();
        }

        private PricingSpec pricing(Node node) {
            YamlNodes.Mapping m = y.mapping(node, "pricing", KEYS.get("pricing"));
            List<PricingSpec.Override> out = new ArrayList<>();
            Map<String, String> overridden = new HashMap<>();
            List<Node> items = m.get("overrides").map(n -> y.sequence(n, "pricing.overrides")).orElse(List.of());
            for (int i = 0; i < items.size(); i++) {
                String path = "pricing.overrides[" + i + "]";
                YamlNodes.Mapping o = y.mapping(items.get(i), path, KEYS.get("priceOverride"));
                String model = o.get("model").flatMap(n -> y.string(n, o.child("model"))).orElse(null);
                if (o.get("model").isEmpty()) {
                    y.error(items.get(i), o.child("model"), "missing", "name the model whose prices these are");
                } else if (model != null && overridden.putIfAbsent(model, path) != null) {
                    y.error(o.values().get("model"), o.child("model"), "'" + model + "' already has prices in "
                            + overridden.get(model), "keep one override per model");
                }
                out.add(new PricingSpec.Override(model, price(o, "input"), price(o, "output"),
                        price(o, "batchInput"), price(o, "batchOutput"), price(o, "cacheRead"),
                        price(o, "cacheWrite"),
                        o.get("source").flatMap(n -> y.string(n, o.child("source"))).orElse("suite " + file)));
            }
            List<ProvisionedSpec> provisioned = new ArrayList<>();
            List<Node> terms = m.get("provisioned").map(n -> y.sequence(n, "pricing.provisioned")).orElse(List.of());
            for (int i = 0; i < terms.size(); i++) {
                String path = "pricing.provisioned[" + i + "]";
                YamlNodes.Mapping t = y.mapping(terms.get(i), path, KEYS.get("provisioned"));
                String model = t.get("model").flatMap(n -> y.string(n, t.child("model"))).orElse(null);
                Optional<BigDecimal> hourly = t.get("hourlyPerModelUnit")
                        .flatMap(n -> y.decimal(n, t.child("hourlyPerModelUnit")));
                Optional<Long> tpm = t.get("tokensPerMinutePerUnit")
                        .flatMap(n -> y.integer(n, t.child("tokensPerMinutePerUnit")));
                for (String key : List.of("model", "hourlyPerModelUnit", "tokensPerMinutePerUnit")) {
                    if (t.get(key).isEmpty()) {
                        y.error(terms.get(i), t.child(key), "missing", "Provisioned Throughput terms need the model, "
                                + "the hourly price per model unit and the tokens per minute one unit serves");
                    }
                }
                if (hourly.isPresent() && hourly.get().signum() <= 0) {
                    y.error(t.values().get("hourlyPerModelUnit"), t.child("hourlyPerModelUnit"), "must be positive",
                            "USD per model unit per hour from your AWS agreement");
                }
                if (tpm.isPresent() && tpm.get() <= 0) {
                    y.error(t.values().get("tokensPerMinutePerUnit"), t.child("tokensPerMinutePerUnit"),
                            "must be positive", "");
                }
                String commitment = t.get("commitment").flatMap(n -> y.string(n, t.child("commitment")))
                        .orElse("none");
                if (model != null && hourly.isPresent() && tpm.isPresent()) {
                    provisioned.add(new ProvisionedSpec(model, hourly.get(), tpm.get(), commitment));
                }
            }
            return new PricingSpec(out, provisioned);
        }

        private SelectionSpec selection(Node node, Set<String> scorerIds) {
            YamlNodes.Mapping m = y.mapping(node, "selection", KEYS.get("selection"));
            double margin = m.get("margin").flatMap(n -> y.decimal(n, "selection.margin"))
                    .map(BigDecimal::doubleValue).orElse(DEFAULT_MARGIN);
            if (!(margin > 0 && margin < 1)) {
                y.error(m.values().get("margin"), "selection.margin", "must be above 0 and below 1",
                        "the largest quality loss you accept, e.g. 0.03");
            }
            double confidence = m.get("confidence").flatMap(n -> y.decimal(n, "selection.confidence"))
                    .map(BigDecimal::doubleValue).orElse(0.95);
            if (!(confidence > 0.5 && confidence < 1)) {
                y.error(m.values().get("confidence"), "selection.confidence", "must be between 0.5 and 1", "e.g. 0.95");
            }
            java.util.OptionalLong latency = java.util.OptionalLong.empty();
            if (m.get("maxLatencyP95Ms").isPresent()) {
                long v = y.integer(m.values().get("maxLatencyP95Ms"), "selection.maxLatencyP95Ms").orElse(1L);
                if (v <= 0) {
                    y.error(m.values().get("maxLatencyP95Ms"), "selection.maxLatencyP95Ms", "must be positive", "");
                } else {
                    latency = java.util.OptionalLong.of(v);
                }
            }
            Map<String, Double> minScores = new LinkedHashMap<>();
            if (m.get("minScores").isPresent()) {
                YamlNodes.Mapping ms = y.mapping(m.values().get("minScores"), "selection.minScores", scorerIds);
                ms.values().forEach((k, v) -> y.decimal(v, ms.child(k)).ifPresent(d -> {
                    if (d.doubleValue() < 0 || d.doubleValue() > 1) {
                        y.error(v, ms.child(k), "a score minimum is between 0 and 1", "");
                    }
                    minScores.put(k, d.doubleValue());
                }));
            }
            SelectionSpec.SliceRule sliceRule = SelectionSpec.SliceRule.NOT_SHOWN_WORSE;
            if (m.get("sliceRule").isPresent()) {
                Node n = m.values().get("sliceRule");
                Optional<String> word = y.string(n, "selection.sliceRule");
                if (word.isPresent()) {
                    Optional<SelectionSpec.SliceRule> rule = java.util.Arrays.stream(SelectionSpec.SliceRule.values())
                            .filter(r -> r.key().equals(word.get())).findFirst();
                    if (rule.isPresent()) {
                        sliceRule = rule.get();
                    } else {
                        y.error(n, "selection.sliceRule", "unknown slice rule '" + word.get() + "'",
                                "not-shown-worse (a candidate shown worse than the margin on a slice is out) or "
                                        + "non-inferior (it must be shown non-inferior on every slice)");
                    }
                }
            }
            return new SelectionSpec(margin, confidence, latency, minScores, sliceRule);
        }

        /** {@code slices:}: dataset fields whose values are compared one by one; a field appears once. */
        private List<SliceSpec> slices(Node node) {
            List<SliceSpec> out = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            List<Node> items = y.sequence(node, "slices");
            for (int i = 0; i < items.size(); i++) {
                String path = "slices[" + i + "]";
                YamlNodes.Mapping m = y.mapping(items.get(i), path, KEYS.get("slice"));
                Optional<String> field = m.get("field").flatMap(n -> y.string(n, path + ".field"));
                if (m.get("field").isEmpty()) {
                    y.error(items.get(i), path + ".field", "missing", "name a dataset field, e.g. 'field: intent'");
                }
                long min = m.get("minItems").flatMap(n -> y.integer(n, path + ".minItems"))
                        .orElse((long) SliceSpec.DEFAULT_MIN_ITEMS);
                if (min < 1) {
                    y.error(m.values().get("minItems"), path + ".minItems", "must be at least 1",
                            "the fewest items a slice needs to be tested, e.g. 30");
                }
                if (field.isPresent() && !field.get().isBlank()) {
                    if (!seen.add(field.get())) {
                        y.error(m.values().get("field"), path + ".field", "field '" + field.get()
                                + "' is sliced twice", "list each field once");
                    } else if (min >= 1) {
                        out.add(new SliceSpec(field.get(), (int) Math.min(Integer.MAX_VALUE, min)));
                    }
                }
            }
            return out;
        }

        private List<GateSpec> gates(Node node, Set<String> scorerIds, List<CandidateSpec> candidates) {
            List<GateSpec> out = new ArrayList<>();
            Set<String> candidateIds = new HashSet<>();
            candidates.forEach(c -> candidateIds.add(c.id()));
            boolean hasIncumbent = candidates.stream().anyMatch(CandidateSpec::incumbent);
            List<Node> items = y.sequence(node, "gates");
            for (int i = 0; i < items.size(); i++) {
                String path = "gates[" + i + "]";
                Node n = items.get(i);
                YamlNodes.Mapping m = y.mapping(n, path, KEYS.get("gate"));
                Optional<String> threshold = m.get("metric").flatMap(v -> y.string(v, m.child("metric")));
                Optional<String> regression = m.get("regression").flatMap(v -> y.string(v, m.child("regression")));
                if (threshold.isPresent() == regression.isPresent()) {
                    y.error(n, path, "a gate has either 'metric:' (a threshold) or 'regression:' (against a baseline)",
                            "e.g. '{ metric: quality, min: 0.8 }' or '{ regression: quality, maxDrop: 0.02 }'");
                    continue;
                }
                GateSpec.Kind kind = threshold.isPresent() ? GateSpec.Kind.THRESHOLD : GateSpec.Kind.REGRESSION;
                String metric = threshold.orElseGet(regression::get);
                String key = threshold.isPresent() ? "metric" : "regression";
                Set<String> allowed = threshold.isPresent() ? THRESHOLD_METRICS : REGRESSION_METRICS;
                if (!allowed.contains(metric)) {
                    y.error(m.values().get(key), m.child(key), "unknown metric '" + metric + "'",
                            Suggest.closest(metric, allowed).map(k -> "did you mean '" + k + "'?")
                                    .orElse("one of " + String.join(", ", new java.util.TreeSet<>(allowed))));
                }
                Optional<String> scorer = m.get("scorer").flatMap(v -> y.string(v, m.child("scorer")));
                if (metric.equals("score") && scorer.isEmpty()) {
                    y.error(n, m.child("scorer"), "missing", "name the scorer whose mean is gated");
                } else if (scorer.isPresent() && !scorerIds.contains(scorer.get())) {
                    y.error(m.values().get("scorer"), m.child("scorer"), "no scorer '" + scorer.get() + "'",
                            Suggest.hint(scorer.get(), scorerIds));
                }
                Optional<String> candidate = m.get("candidate").flatMap(v -> y.string(v, m.child("candidate")));
                if (candidate.isPresent() && !candidateIds.contains(candidate.get())) {
                    y.error(m.values().get("candidate"), m.child("candidate"), "no candidate '" + candidate.get() + "'",
                            Suggest.hint(candidate.get(), candidateIds));
                } else if (candidate.isEmpty() && !hasIncumbent && candidates.size() > 1) {
                    y.error(n, m.child("candidate"), "which candidate does this gate check?",
                            "add 'candidate: <id>', or mark the production model 'role: incumbent'");
                }
                OptionalDouble min = optionalNumber(m, "min");
                OptionalDouble max = optionalNumber(m, "max");
                OptionalDouble maxDrop = optionalNumber(m, "maxDrop");
                OptionalDouble maxIncrease = optionalNumber(m, "maxIncrease");
                if (kind == GateSpec.Kind.THRESHOLD && min.isEmpty() && max.isEmpty()) {
                    y.error(n, path, "a threshold needs 'min:' or 'max:'", "e.g. '{ metric: quality, min: 0.8 }'");
                }
                if (kind == GateSpec.Kind.REGRESSION) {
                    boolean quality = metric.equals("quality") || metric.equals("score");
                    if (quality && maxDrop.isEmpty()) {
                        y.error(n, path, "a quality regression gate needs 'maxDrop:'", "e.g. maxDrop: 0.02");
                    }
                    if (!quality && maxIncrease.isEmpty()) {
                        y.error(n, path, "a " + metric + " regression gate needs 'maxIncrease:'",
                                "a relative increase, e.g. maxIncrease: 0.10 for 10 %");
                    }
                }
                if (kind == GateSpec.Kind.THRESHOLD && (maxDrop.isPresent() || maxIncrease.isPresent())) {
                    y.error(n, path, "'maxDrop' and 'maxIncrease' belong to regression gates", "use min or max");
                }
                out.add(new GateSpec(kind, metric, scorer, candidate, min, max, maxDrop, maxIncrease, path));
            }
            return out;
        }

        private OptionalDouble optionalNumber(YamlNodes.Mapping m, String key) {
            return m.get(key).flatMap(n -> y.decimal(n, m.child(key)))
                    .map(d -> OptionalDouble.of(d.doubleValue())).orElse(OptionalDouble.empty());
        }

        private Optional<BigDecimal> price(YamlNodes.Mapping m, String key) {
            Optional<BigDecimal> v = m.get(key).flatMap(n -> y.decimal(n, m.child(key)));
            if (v.isPresent() && v.get().signum() < 0) {
                y.error(m.values().get(key), m.child(key), "a price must not be negative", "USD per 1,000 tokens");
                return Optional.empty();
            }
            return v;
        }

        private SuiteSpec.StatisticsSpec statistics(Node node) {
            YamlNodes.Mapping m = y.mapping(node, "statistics", KEYS.get("statistics"));
            long resamples = m.get("resamples").flatMap(n -> y.integer(n, "statistics.resamples"))
                    .orElse((long) DEFAULT_RESAMPLES);
            if (resamples < 100 || resamples > 1_000_000) {
                y.error(m.values().get("resamples"), "statistics.resamples", "must be between 100 and 1000000",
                        "2000 is a good default");
                resamples = DEFAULT_RESAMPLES;
            }
            long seed = m.get("seed").flatMap(n -> y.integer(n, "statistics.seed")).orElse(DEFAULT_SEED);
            double confidence = m.get("confidence").flatMap(n -> y.decimal(n, "statistics.confidence"))
                    .map(BigDecimal::doubleValue).orElse(0.95);
            if (!(confidence > 0.5 && confidence < 1)) {
                y.error(m.values().get("confidence"), "statistics.confidence", "must be between 0.5 and 1",
                        "e.g. 0.95");
                confidence = 0.95;
            }
            return new SuiteSpec.StatisticsSpec((int) resamples, seed, confidence);
        }
    }

    /** A candidate made from an entry of the file: a matrix makes several. */
    private record Expanded(CandidateSpec candidate, Map<String, String> paths) {
    }

    /**
     * Where a candidate came from.
     *
     * @param entry the index of its entry in the file's list
     * @param index its index among the expanded candidates
     * @param paths for a matrix candidate: its own paths ({@code model}, {@code inference.serviceTier}) by the matrix
     *              value's path
     */
    private record Alias(int entry, int index, Map<String, String> paths) {
    }

    /** One value of a matrix axis; {@code path} null when the matrix does not vary it. */
    private record Axis<T>(T value, String path, String idPart) {
    }

    /** A prompt section where any part may be absent, to merge a candidate's over the suite's. */
    private record PartialPrompt(Template system, Template user, PromptSpec.CacheMode cache, String cacheTtl) {
        static final PartialPrompt EMPTY = new PartialPrompt(null, null, null, null);

        PartialPrompt over(PartialPrompt base) {
            return new PartialPrompt(system != null ? system : base.system, user != null ? user : base.user,
                    cache != null ? cache : base.cache, cacheTtl != null ? cacheTtl : base.cacheTtl);
        }

        PromptSpec complete() {
            return new PromptSpec(system != null ? system : new Template(""), user != null ? user : new Template(""),
                    cache != null ? cache : PromptSpec.CacheMode.NONE, Optional.ofNullable(cacheTtl));
        }
    }

    /**
     * An inference section where any part may be absent; {@code reasoning} null when unset, empty when off.
     */
    private record PartialInference(Integer maxTokens, Double temperature, Double topP, List<String> stops,
                                    CallSettings.ServiceTier tier, Boolean latency,
                                    Optional<CallSettings.Reasoning> reasoning) {
        static final PartialInference EMPTY = new PartialInference(null, null, null, null, null, null, null);

        PartialInference over(PartialInference base) {
            return new PartialInference(maxTokens != null ? maxTokens : base.maxTokens,
                    temperature != null ? temperature : base.temperature, topP != null ? topP : base.topP,
                    stops != null ? stops : base.stops, tier != null ? tier : base.tier,
                    latency != null ? latency : base.latency, reasoning != null ? reasoning : base.reasoning);
        }

        InferenceSpec complete() {
            return new InferenceSpec(maxTokens != null ? maxTokens : DEFAULT_MAX_TOKENS,
                    temperature != null ? OptionalDouble.of(temperature) : OptionalDouble.empty(),
                    topP != null ? OptionalDouble.of(topP) : OptionalDouble.empty(),
                    stops != null ? stops : List.of(),
                    new CallSettings(Optional.ofNullable(tier), latency != null && latency,
                            reasoning != null ? reasoning : Optional.empty(), Optional.empty()));
        }
    }
}
