package dev.frontier.cli;

import dev.frontier.bedrock.BedrockSettings;
import dev.frontier.bedrock.CloudClients;
import dev.frontier.bedrock.CloudWatchMetrics;
import dev.frontier.config.SuiteSpec;
import dev.frontier.invoke.MetricStatistics;
import dev.frontier.logs.TrafficProfile;
import dev.frontier.logs.TrafficProfiles;
import dev.frontier.run.CloudWatchTraffic;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code frontier logs profile --cloudwatch --model ID --since --until --out FILE}: a traffic profile from Bedrock's
 * per-minute CloudWatch metrics of one model, for accounts without model-invocation logging (the work is
 * {@link CloudWatchTraffic}'s; this reads the three metrics and writes the file).
 */
@Command(name = "profile", mixinStandardHelpOptions = true,
        description = "A traffic profile from Bedrock's CloudWatch metrics (Invocations, InputTokenCount, "
                + "OutputTokenCount per minute) of one model, without invocation logs.")
final class LogsProfileCommand implements Callable<Integer> {

    @Option(names = "--cloudwatch", required = true, description = "read CloudWatch's AWS/Bedrock metrics")
    boolean cloudwatch;

    @Option(names = "--model", required = true, paramLabel = "ID",
            description = "the ModelId dimension: a model id or inference profile id as callers name it")
    String model;

    @Option(names = "--since", required = true, paramLabel = "TIME",
            description = "window start: an ISO-8601 instant or a date (UTC midnight)")
    String since;

    @Option(names = "--until", required = true, paramLabel = "TIME",
            description = "window end (exclusive): an ISO-8601 instant or a date (UTC midnight)")
    String until;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "the traffic profile to write")
    Path out;

    @Option(names = "--region", paramLabel = "REGION", description = "the Region (default: AWS_REGION)")
    String region;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        Instant from = instant(since, "--since");
        Instant to = instant(until, "--until");
        if (!to.isAfter(from)) {
            throw new CliFailure(Exit.INVALID_INPUT, "--until must be after --since");
        }
        Optional<String> where = Optional.ofNullable(region).or(() -> Optional.ofNullable(System.getenv(
                "AWS_REGION")));
        String r = where.orElseThrow(() -> new CliFailure(Exit.INVALID_INPUT, "CloudWatch metrics are regional: "
                + "pass --region or set AWS_REGION"));
        BedrockSettings settings = RunWiring.settings(null, where, ServiceEndpoints.resolve(
                SuiteSpec.EndpointsSpec.none()), 3, Duration.ofSeconds(60));
        Map<String, String> dims = Map.of("ModelId", model);
        try (MetricStatistics metrics = new CloudWatchMetrics(CloudClients.cloudWatch(settings, Optional.empty()))) {
            SortedMap<Instant, Double> invocations = metrics.sumPerMinute(CloudWatchTraffic.NAMESPACE,
                    "Invocations", dims, from, to);
            SortedMap<Instant, Double> input = metrics.sumPerMinute(CloudWatchTraffic.NAMESPACE,
                    "InputTokenCount", dims, from, to);
            SortedMap<Instant, Double> output = metrics.sumPerMinute(CloudWatchTraffic.NAMESPACE,
                    "OutputTokenCount", dims, from, to);
            TrafficProfile profile = CloudWatchTraffic.of(model, r, from, to, invocations, input, output);
            TrafficProfiles.write(out, profile);
            o.printf(Locale.ROOT, "traffic profile: %s (%d requests in %d minutes with data, %,.0f a month)%n",
                    out, profile.records(), invocations.size(), profile.requestsPerMonth());
            o.flush();
        }
        return Exit.OK.code();
    }

    private static Instant instant(String text, String option) {
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new CliFailure(Exit.INVALID_INPUT, option + " takes an ISO-8601 instant (2026-11-23T00:00:00Z) "
                    + "or a date (2026-11-23), not '" + text + "'");
        }
    }
}
