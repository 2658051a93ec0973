package dev.frontier.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.frontier.bedrock.BedrockSettings;
import dev.frontier.bedrock.CloudClients;
import dev.frontier.bedrock.ModelListing;
import dev.frontier.catalog.AccountComparison;
import dev.frontier.catalog.AccountModels;
import dev.frontier.catalog.Catalog;
import dev.frontier.catalog.ModelFacts;
import dev.frontier.catalog.Prices;
import dev.frontier.config.SuiteSpec;
import dev.frontier.invoke.LocalBedrock;
import dev.frontier.invoke.SetupException;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code frontier models [--region R] [--sandbox] [--json] [--catalog FILE]}: what can be called in a Region
 * according to the model catalog (the id to call, capabilities, lifecycle, prices with their source), and where the
 * account's (or the sandbox's) {@code ListFoundationModels} / {@code ListInferenceProfiles} differ from it.
 */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "What can be called in a Region: ids or inference profiles, capabilities, lifecycle and prices "
                + "from the model catalog, compared with what the account lists.")
final class ModelsCommand implements Callable<Integer> {

    /** A commercial, GovCloud or other partition's Region name, e.g. {@code us-east-1}, {@code us-gov-west-1}. */
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]");
    private static final String DEFAULT_REGION = "us-east-1";
    private static final BigDecimal PER_MILLION = BigDecimal.valueOf(1000);

    @Option(names = "--region", paramLabel = "REGION",
            description = "AWS Region (default: AWS_REGION, then AWS_DEFAULT_REGION, else us-east-1)")
    String region;

    @Option(names = "--sandbox", description = "compare with the local simulated Bedrock instead of the account")
    boolean sandbox;

    @Option(names = "--json", description = "print one JSON document instead of text")
    boolean json;

    @Option(names = "--catalog", paramLabel = "FILE",
            description = "a model catalog file to list and compare instead of the bundled one")
    Path catalogFile;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Whether, and how, the account was compared. */
    sealed interface Account {
        /** Compared with {@code source} ("account" or "sandbox"). */
        record Compared(String source, AccountComparison comparison) implements Account {
        }

        /** Not compared, and why. */
        record NotCompared(String reason) implements Account {
        }
    }

    @Override
    public Integer call() {
        String where = Optional.ofNullable(region).or(RunWiring::environmentRegion).orElse(DEFAULT_REGION);
        if (!REGION.matcher(where).matches()) {
            throw new CliFailure(Exit.INVALID_INPUT, (region != null ? "--region" : "AWS_REGION") + " '" + where
                    + "' is not a Region name (write it like us-east-1 or eu-central-1)");
        }
        Catalog catalog = catalogFile == null ? Catalog.bundled() : read(catalogFile);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Account account = account(catalog, where, today);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(json(catalog, where, today, account));
        } else {
            text(out, catalog, where, today, account);
        }
        out.flush();
        return Exit.OK.code();
    }

    /** Reads the account's (or the sandbox's) listing and compares it; not compared without credentials. */
    private Account account(Catalog catalog, String where, LocalDate today) {
        if (sandbox) {
            try (LocalBedrock local = LocalBedrock.start(LocalBedrock.Settings.defaults());
                 ModelListing listing = new ModelListing(CloudClients.bedrock(RunWiring.settings(local,
                         Optional.of(where), BedrockSettings.Endpoints.none(), 3, Duration.ofSeconds(60))))) {
                return new Account.Compared("sandbox", AccountComparison.compare(catalog, where, listing.read(where),
                        today));
            }
        }
        ModelListing listing;
        try {
            // the control plane where AWS_ENDPOINT_URL_BEDROCK / AWS_ENDPOINT_URL send it, else the default
            listing = new ModelListing(CloudClients.bedrock(RunWiring.settings(null, Optional.of(where),
                    ServiceEndpoints.resolve(SuiteSpec.EndpointsSpec.none()), 3, Duration.ofSeconds(60))));
        } catch (SetupException e) {
            return new Account.NotCompared(e.getMessage());
        }
        try (listing) {
            AccountModels listed = listing.read(where);
            return new Account.Compared("account", AccountComparison.compare(catalog, where, listed, today));
        }
    }

    private static Catalog read(Path file) {
        JsonNode doc;
        try {
            doc = new ObjectMapper().readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new CliFailure(Exit.INVALID_INPUT, file + ": no such file (give a catalog file such as a copy of "
                    + "src/frontier-core/src/main/resources/catalog/bedrock-models.json)");
        } catch (JsonProcessingException e) {
            String at = e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr() + ":"
                    + e.getLocation().getColumnNr();
            throw new CliFailure(Exit.INVALID_INPUT, file + at + ": not JSON: " + e.getOriginalMessage()
                    + " (fix the file, or leave out --catalog to use the bundled catalog)");
        } catch (IOException e) {
            throw new CliFailure(Exit.INVALID_INPUT, file + ": cannot be read: " + e.getMessage());
        }
        if (doc == null || !doc.path("models").isArray() || doc.path("models").isEmpty()
                || !doc.path("sources").isObject()) {
            throw new CliFailure(Exit.INVALID_INPUT, file + ":1: not a model catalog (it needs 'sources' and a "
                    + "non-empty 'models' list, as in the bundled bedrock-models.json)");
        }
        try {
            Catalog catalog = Catalog.parse(doc);
            for (ModelFacts m : catalog.models().values()) {
                m.lifecycle().endedBy(LocalDate.MIN); // every date readable before anything is printed
            }
            return catalog;
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw new CliFailure(Exit.INVALID_INPUT, file + ": not a model catalog: " + e.getMessage());
        }
    }

    private static List<ModelFacts> offered(Catalog catalog, String where) {
        return catalog.models().values().stream().filter(m -> m.in(where).isPresent()).toList();
    }

    private static void text(PrintWriter out, Catalog catalog, String where, LocalDate today, Account account) {
        List<ModelFacts> offered = offered(catalog, where);
        out.println("Bedrock models in " + where + ", from the catalog " + catalog.name() + " " + catalog.version()
                + " of " + catalog.date() + " (today " + today + ")");
        if (offered.isEmpty()) {
            out.println("The catalog has no facts for " + where + ": nothing can be checked or priced there. Regions "
                    + "it knows: " + String.join(", ", regions(catalog)) + ".");
        } else {
            out.println("Prices in USD per 1M tokens (the catalog's prices per 1K tokens × 1,000); [key] names the "
                    + "source, listed at the end.");
        }
        List<ModelFacts> ended = new ArrayList<>();
        java.util.Set<String> cited = new java.util.LinkedHashSet<>();
        for (ModelFacts m : offered) {
            if (m.lifecycle().endedBy(today)) {
                ended.add(m);
                continue;
            }
            ModelFacts.RegionFacts there = m.in(where).orElseThrow();
            out.println();
            out.println(m.id() + "  " + m.name() + " (" + m.provider() + ")"
                    + (m.lifecycle().status() == ModelFacts.Status.LEGACY ? "  [LEGACY]" : ""));
            out.println("  call as:    " + callAs(m, there));
            out.println("  can:        " + capabilities(m, there));
            out.println("  lifecycle:  " + lifecycle(m.lifecycle()));
            out.println("  prices:     " + prices(m, there.regional()) + "  [" + there.regional().source() + "]");
            there.global().ifPresent(g -> out.println("  global.:    " + prices(m, g) + "  [" + g.source() + "]"));
            cited.add(there.regional().source());
            there.global().ifPresent(g -> cited.add(g.source()));
        }
        if (!ended.isEmpty()) {
            out.println();
            out.println("Past end of life (Bedrock no longer answers them in " + where + "):");
            for (ModelFacts m : ended) {
                out.println("  " + m.id() + "  " + m.name() + " — " + m.lifecycle().describe());
            }
        }
        if (!cited.isEmpty()) {
            out.println();
            out.println("Sources:");
            for (String key : cited) {
                Catalog.Source src = catalog.sources().get(key);
                out.println("  [" + key + "] " + (src == null ? "not described in the catalog"
                        : src.title() + ", " + src.url() + " (" + src.date() + ", " + src.kind() + ")"));
            }
        }
        out.println();
        if (account instanceof Account.NotCompared n) {
            out.println("The account was not compared: " + n.reason() + ".");
            return;
        }
        Account.Compared c = (Account.Compared) account;
        AccountComparison r = c.comparison();
        String who = c.source().equals("sandbox") ? "the sandbox" : "the account";
        out.println("Compared with " + who + " (ListFoundationModels, ListInferenceProfiles in " + where + "): "
                + (r.agrees() ? "no differences; " + r.agreeing() + " models agree with the catalog."
                : r.differences().size() + " difference(s); " + r.agreeing() + " models agree."));
        for (AccountComparison.Difference d : r.differences()) {
            out.println("  - " + d.describe());
        }
        for (String note : r.notes()) {
            out.println("  note: " + note);
        }
    }

    private static List<String> regions(Catalog catalog) {
        return catalog.models().values().stream().flatMap(m -> m.regions().keySet().stream()).distinct().sorted()
                .toList();
    }

    private static String callAs(ModelFacts m, ModelFacts.RegionFacts there) {
        List<String> ids = there.callableIds(m.id());
        if (ids.isEmpty()) {
            return "not served on demand here";
        }
        return String.join(", ", ids) + (there.bareId() ? "" : "  (inference profile only: the bare id is refused)");
    }

    private static String capabilities(ModelFacts m, ModelFacts.RegionFacts there) {
        List<String> parts = new ArrayList<>();
        parts.add(m.caching().map(c -> "prompt caching (from " + c.minTokens() + " tokens per checkpoint, up to "
                + c.maxCheckpoints() + " checkpoints, TTL " + String.join("/", c.ttls()) + ", in "
                + String.join(", ", c.fields()) + ")").orElse("no prompt caching"));
        parts.add(m.structuredOutput() ? "structured output" : "no structured output");
        parts.add(there.batch() ? "batch" : "no batch");
        parts.add(m.maxOutputTokens() > 0 ? "max output " + m.maxOutputTokens() + " tokens" : "max output unknown");
        return String.join("; ", parts);
    }

    private static String lifecycle(ModelFacts.Lifecycle l) {
        return l.status() == ModelFacts.Status.ACTIVE && l.endOfLife().isEmpty() ? "Active"
                : l.status().name().charAt(0) + l.status().name().substring(1).toLowerCase(java.util.Locale.ROOT)
                + ": " + l.describe();
    }

    private static String prices(ModelFacts m, Prices p) {
        return "input " + money(p.input()) + ", output " + money(p.output()) + "; batch " + money(p.batchInput())
                + " / " + money(p.batchOutput()) + (m.caching().isEmpty() ? "" : "; cache read " + money(p.cacheRead())
                + ", write " + money(p.cacheWrite()) + (p.cacheWrite1h().isPresent() ? " (1h: "
                + money(p.cacheWrite1h()) + ")" : ""));
    }

    private static String money(Optional<BigDecimal> perThousand) {
        return perThousand.map(v -> v.multiply(PER_MILLION).stripTrailingZeros().toPlainString()).orElse("unknown");
    }

    private static String json(Catalog catalog, String where, LocalDate today, Account account) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode doc = mapper.createObjectNode();
        doc.put("region", where);
        doc.put("date", today.toString());
        doc.putObject("catalog").put("name", catalog.name()).put("version", catalog.version())
                .put("date", catalog.date());
        doc.put("priceUnit", "USD per 1M tokens");
        ArrayNode models = doc.putArray("models");
        for (ModelFacts m : offered(catalog, where)) {
            ModelFacts.RegionFacts there = m.in(where).orElseThrow();
            ObjectNode v = models.addObject();
            v.put("id", m.id()).put("name", m.name()).put("provider", m.provider());
            there.callableIds(m.id()).forEach(v.putArray("callAs")::add);
            v.put("bareId", there.bareId());
            ObjectNode can = v.putObject("capabilities");
            m.caching().ifPresentOrElse(c -> {
                ObjectNode cache = can.putObject("promptCaching");
                cache.put("minTokens", c.minTokens()).put("maxCheckpoints", c.maxCheckpoints());
                c.ttls().forEach(cache.putArray("ttls")::add);
                c.fields().forEach(cache.putArray("fields")::add);
            }, () -> can.putNull("promptCaching"));
            can.put("structuredOutput", m.structuredOutput()).put("batch", there.batch())
                    .put("maxOutputTokens", m.maxOutputTokens());
            ModelFacts.Lifecycle l = m.lifecycle();
            ObjectNode life = v.putObject("lifecycle");
            life.put("status", l.status().name());
            life.put("legacy", l.legacy().orElse(null)).put("extendedAccess", l.extendedAccess().orElse(null))
                    .put("endOfLife", l.endOfLife().orElse(null)).put("pastEndOfLife", l.endedBy(today));
            ObjectNode prices = v.putObject("prices");
            prices.set("regional", prices(mapper, catalog, there.regional()));
            there.global().ifPresent(g -> prices.set("global", prices(mapper, catalog, g)));
        }
        ObjectNode acc = doc.putObject("account");
        if (account instanceof Account.Compared c) {
            acc.put("compared", true).put("source", c.source()).put("agreeing", c.comparison().agreeing());
            ArrayNode diffs = acc.putArray("differences");
            for (AccountComparison.Difference d : c.comparison().differences()) {
                diffs.addObject().put("kind", d.getClass().getSimpleName()).put("modelId", d.modelId())
                        .put("detail", d.describe());
            }
            c.comparison().notes().forEach(acc.putArray("notes")::add);
        } else {
            acc.put("compared", false).put("reason", ((Account.NotCompared) account).reason());
        }
        try {
            return mapper.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree", e);
        }
    }

    private static ObjectNode prices(ObjectMapper mapper, Catalog catalog, Prices p) {
        ObjectNode v = mapper.createObjectNode();
        put(v, "input", p.input());
        put(v, "output", p.output());
        put(v, "batchInput", p.batchInput());
        put(v, "batchOutput", p.batchOutput());
        put(v, "cacheRead", p.cacheRead());
        put(v, "cacheWrite", p.cacheWrite());
        put(v, "cacheWrite1h", p.cacheWrite1h());
        Catalog.Source s = catalog.sources().get(p.source());
        v.put("source", s == null ? p.source() : s.title());
        v.put("sourceDate", s == null ? null : s.date());
        return v;
    }

    private static void put(ObjectNode v, String name, Optional<BigDecimal> perThousand) {
        v.put(name, perThousand.map(x -> x.multiply(PER_MILLION).stripTrailingZeros().toPlainString()).orElse(null));
    }
}
