package dev.frontier.cli;

import dev.frontier.bedrock.BedrockSettings;
import dev.frontier.bedrock.CloudClients;
import dev.frontier.bedrock.SdkS3Objects;
import dev.frontier.config.SuiteSpec;
import dev.frontier.invoke.LocalBedrock;
import dev.frontier.logs.InvocationLogReader;
import dev.frontier.logs.InvocationLogSource;
import dev.frontier.logs.LogImport;
import dev.frontier.logs.LogRow;
import dev.frontier.logs.RowRedactor;
import dev.frontier.logs.TrafficProfile;
import dev.frontier.logs.TrafficProfiles;
import dev.frontier.model.S3Uri;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code frontier logs import SOURCE --out DATASET.jsonl}: a dataset (a seeded, stratified sample of the distinct
 * prompts, redacted) and a traffic profile from Bedrock's model-invocation logs. The work is {@link LogImport}'s; this
 * resolves the source (a folder, an S3 prefix, or the sandbox's demo logs), the redaction, and prints the summary.
 */
@Command(name = "logs", mixinStandardHelpOptions = true,
        description = "Production data from Bedrock's model-invocation logs.",
        subcommands = LogsCommand.Import.class)
final class LogsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code frontier logs import}. */
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Read Bedrock's model-invocation logs (a folder, or the S3 prefix logging writes to) in one "
                    + "streaming pass and write a dataset of their distinct prompts (a seeded sample, stratified by "
                    + "model, an optional metadata key and the hour of day, each prompt with how often it was sent) "
                    + "and, with --profile, the traffic profile of every record the filters keep.",
                    "Exit 0 when done (malformed records are reported, not fatal), 2 for bad input or when every "
                            + "record is malformed, 3 when S3 cannot be reached."})
    static final class Import implements Callable<Integer> {

        /** What SOURCE names with --sandbox: the sandbox's generated week of logs. */
        static final String SANDBOX_DEMO = "sandbox:demo";
        static final int DEFAULT_SAMPLE = 1000;

        @Parameters(index = "0", paramLabel = "SOURCE",
                description = "s3://bucket/prefix/ (where logging writes; the AWSLogs/ folders below it are read), a "
                        + "folder holding a copy of it, or with --sandbox " + SANDBOX_DEMO)
        String source;

        @Option(names = "--out", required = true, paramLabel = "DATASET.jsonl",
                description = "the dataset to write (JSON lines; replaced whole, never half-written)")
        Path out;

        @Option(names = "--profile", paramLabel = "FILE",
                description = "also write the traffic profile (frontier.traffic/v1) of every kept record")
        Path profile;

        @Option(names = "--since", paramLabel = "WHEN",
                description = "keep records from this instant (2026-11-23T08:00:00Z) or day (2026-11-23, from its "
                        + "start, UTC)")
        String since;

        @Option(names = "--until", paramLabel = "WHEN",
                description = "keep records before this instant, or up to the end of this day (UTC)")
        String until;

        @Option(names = "--model", paramLabel = "ID",
                description = "keep records of this model, as logged or the base model in a profile id or ARN; repeat "
                        + "it for several")
        List<String> models = new ArrayList<>();

        @Option(names = "--metadata", paramLabel = "KEY=VALUE",
                description = "keep records whose requestMetadata has this pair; repeat it: all must match")
        List<String> metadata = new ArrayList<>();

        @Option(names = "--sample", paramLabel = "N", defaultValue = "" + DEFAULT_SAMPLE,
                description = "distinct prompts in the dataset, 1 to " + LogImport.MAX_SAMPLE
                        + ", default: ${DEFAULT-VALUE}")
        int sample;

        @Option(names = "--stratify-by", paramLabel = "KEY",
                description = "a requestMetadata key whose values are strata, besides model and hour of day")
        String stratifyBy;

        @Option(names = "--responses", description = "give each item the logged response as its 'reference' field")
        boolean responses;

        @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
                description = "the sample's seed, default: ${DEFAULT-VALUE}")
        long seed;

        @Option(names = "--redact", paramLabel = "FILE",
                description = "a YAML or JSON list of {pattern, replace} rules (Java regular expressions, literal "
                        + "replacements) applied to every text before anything is written")
        Path redact;

        @Option(names = "--redact-command", paramLabel = "\"CMD ARGS\"",
                description = "a program that reads the items as JSON lines on standard input and writes them back "
                        + "redacted, one line each, in order (after --redact); needs --allow-redact-command")
        String redactCommand;

        @Option(names = "--allow-redact-command",
                description = "allow --redact-command to run its program")
        boolean allowRedactCommand;

        @Option(names = "--region", paramLabel = "REGION",
                description = "the S3 bucket's Region (default: AWS_REGION, then AWS_DEFAULT_REGION)")
        String region;

        @Mixin
        SandboxFlags sandbox;

        @Option(names = "--store", paramLabel = "FILE", defaultValue = ".frontier/frontier.db",
                description = "with --sandbox: the sandbox keeps its S3 in sandbox/ next to this run store, as for "
                        + "distill and jobs, default: ${DEFAULT-VALUE}")
        Path store;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            sandbox.check();
            LogImport.Options options = options();
            checkTarget("--out", out);
            if (profile != null) {
                checkTarget("--profile", profile);
            }
            RowRedactor redactor = redactor();
            if (sandbox.enabled) {
                try (LocalBedrock local = sandbox.start(true, store)) {
                    return importFrom(resolve(local), options, redactor);
                }
            }
            return importFrom(resolve(null), options, redactor);
        }

        private int importFrom(InvocationLogSource from, LogImport.Options options, RowRedactor redactor) {
            PrintWriter o = spec.commandLine().getOut();
            LogImport.Result r = LogImport.run(from, options);
            o.printf(Locale.ROOT, "%s: %,d records in %,d log objects: %,d kept by the filters, %,d malformed%n",
                    from.location(), r.read(), r.objects(), r.kept(), r.malformed());
            for (InvocationLogReader.Malformed m : r.firstMalformed()) {
                o.println("  malformed " + m);
            }
            if (r.malformed() > r.firstMalformed().size()) {
                o.printf(Locale.ROOT, "  and %,d more malformed records%n", r.malformed() - r.firstMalformed().size());
            }
            if (r.objects() == 0) {
                throw new CliFailure(Exit.INVALID_INPUT, "no log objects (*.json.gz, *.json, *.jsonl) under "
                        + from.location() + "; give the prefix logging writes to (Bedrock writes below it, in "
                        + "AWSLogs/ACCOUNT/BedrockModelInvocationLogs/REGION/YYYY/MM/DD/HH/)");
            }
            if (r.read() == r.malformed()) {
                throw new CliFailure(Exit.INVALID_INPUT, "every record is malformed (see above); nothing was written");
            }
            if (r.kept() == 0) {
                throw new CliFailure(Exit.INVALID_INPUT, "no record passed the filters; nothing was written (widen "
                        + "--since/--until, --model or --metadata)");
            }
            o.printf(Locale.ROOT, "%,d distinct prompts; a sample of %,d over %d strata (seed %d)%n",
                    r.distinctPrompts(), r.sample().size(), r.strata().size(), seed);
            r.strata().forEach((name, s) -> o.printf(Locale.ROOT, "  %-48s %,9d requests %,8d prompts %,6d sampled%n",
                    name, s.requests(), s.prompts(), s.sampled()));
            List<LogRow> written;
            try {
                written = LogImport.writeDataset(out, r.sample(), redactor);
            } catch (RowRedactor.RedactionFailed e) {
                throw new CliFailure(Exit.INVALID_INPUT, "redaction failed: " + e.getMessage());
            }
            long withoutReference = responses ? written.stream().filter(w -> w.reference().isEmpty()).count() : 0;
            o.printf(Locale.ROOT, "dataset: %s (%,d items%s%s)%n", out, written.size(),
                    redactor == RowRedactor.NONE ? ", not redacted" : ", redacted",
                    withoutReference > 0 ? ", " + withoutReference + " without a logged response" : "");
            if (profile != null) {
                TrafficProfile p = r.profile().orElseThrow();
                TrafficProfiles.write(profile, p);
                o.printf(Locale.ROOT, "traffic profile: %s (%,d requests a month over %.1f days; peak %,d requests "
                                + "and %,d tokens a minute at %s; cache reads %.1f%% of input)%n", profile,
                        p.monthlyRequests(), p.window().minutes() / 1440, p.peak().requestsPerMinute(),
                        p.peak().tokensPerMinute(), p.peak().at(), 100 * p.cacheReadShare());
            }
            return Exit.OK.code();
        }

        /** The source: the sandbox's demo logs, an S3 prefix (of the sandbox's S3 with --sandbox), or a folder. */
        private InvocationLogSource resolve(LocalBedrock local) {
            if (source.equals(SANDBOX_DEMO)) {
                if (local == null) {
                    throw new CliFailure(Exit.INVALID_INPUT, SANDBOX_DEMO + " needs --sandbox");
                }
                return new InvocationLogSource.S3Prefix(S3Uri.parse(local.writeDemoLogs()), s3(local));
            }
            if (source.startsWith("s3://") || source.toLowerCase(Locale.ROOT).startsWith("s3:")) {
                S3Uri uri;
                try {
                    uri = S3Uri.parse(source);
                } catch (IllegalArgumentException e) {
                    throw new CliFailure(Exit.INVALID_INPUT, e.getMessage());
                }
                return new InvocationLogSource.S3Prefix(new S3Uri(uri.bucket(), uri.prefix()), s3(local));
            }
            Path folder = Path.of(source);
            if (!Files.isDirectory(folder)) {
                throw new CliFailure(Exit.INVALID_INPUT, "SOURCE " + source + " is neither s3://bucket/prefix/ nor a "
                        + "folder" + (Files.exists(folder) ? " (it is a file: give the folder that holds it)" : ""));
            }
            return new InvocationLogSource.Folder(folder);
        }

        private SdkS3Objects s3(LocalBedrock local) {
            BedrockSettings settings = local != null
                    ? RunWiring.settings(local, Optional.of("us-east-1"), BedrockSettings.Endpoints.none(), 3,
                            Duration.ofSeconds(60))
                    : RunWiring.settings(null, Optional.ofNullable(region).or(RunWiring::environmentRegion),
                            ServiceEndpoints.resolve(SuiteSpec.EndpointsSpec.none()), 3, Duration.ofSeconds(120));
            return new SdkS3Objects(CloudClients.s3(settings), Optional.empty(), Optional.empty());
        }

        private LogImport.Options options() {
            Optional<Instant> from = Optional.ofNullable(since).map(s -> instant("--since", s, false));
            Optional<Instant> to = Optional.ofNullable(until).map(s -> instant("--until", s, true));
            Map<String, String> pairs = new LinkedHashMap<>();
            for (String m : metadata) {
                int eq = m.indexOf('=');
                if (eq <= 0) {
                    throw new CliFailure(Exit.INVALID_INPUT, "--metadata " + m + ": write KEY=VALUE, e.g. team=support");
                }
                if (pairs.put(m.substring(0, eq), m.substring(eq + 1)) != null) {
                    throw new CliFailure(Exit.INVALID_INPUT, "--metadata " + m.substring(0, eq) + " is given twice");
                }
            }
            if (stratifyBy != null && stratifyBy.isBlank()) {
                throw new CliFailure(Exit.INVALID_INPUT, "--stratify-by needs a requestMetadata key");
            }
            if (sample < 1 || sample > LogImport.MAX_SAMPLE) {
                throw new CliFailure(Exit.INVALID_INPUT, "--sample must be 1 to " + LogImport.MAX_SAMPLE);
            }
            if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
                throw new CliFailure(Exit.INVALID_INPUT, "--since " + since + " must be before --until " + until);
            }
            return new LogImport.Options(new LogImport.Filters(from, to, Set.copyOf(models), pairs), sample,
                    Optional.ofNullable(stratifyBy), responses, seed);
        }

        /** An ISO instant (or date-time with an offset), or a day: its start, or for an end its end (UTC). */
        static Instant instant(String option, String text, boolean end) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                // not an instant: an offset date-time or a day
            }
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                // a day
            }
            try {
                LocalDate day = LocalDate.parse(text);
                return (end ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e) {
                throw new CliFailure(Exit.INVALID_INPUT, option + " " + text + " is neither an instant "
                        + "(2026-11-23T08:00:00Z) nor a day (2026-11-23)");
            }
        }

        private RowRedactor redactor() {
            RowRedactor r = RowRedactor.NONE;
            if (redact != null) {
                r = RedactionFile.read(redact);
            }
            if (redactCommand != null) {
                if (!allowRedactCommand) {
                    throw new CliFailure(Exit.INVALID_INPUT, "--redact-command runs a program: add "
                            + "--allow-redact-command to allow it");
                }
                RowRedactor command = new RedactionCommand(RedactionCommand.words(redactCommand), Path.of("")
                        .toAbsolutePath(), RedactionCommand.TIMEOUT);
                r = r == RowRedactor.NONE ? command : r.then(command);
            }
            return r;
        }

        private static void checkTarget(String option, Path file) {
            if (Files.isDirectory(file)) {
                throw new CliFailure(Exit.INVALID_INPUT, option + " " + file + " is a folder; give a file name");
            }
            Path parent = file.toAbsolutePath().getParent();
            if (parent == null || !Files.isDirectory(parent)) {
                throw new CliFailure(Exit.INVALID_INPUT, option + " " + file + ": the folder " + parent
                        + " does not exist (create it first)");
            }
        }
    }
}
