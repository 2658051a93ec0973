package dev.frontier.cli;

import dev.frontier.config.SuiteSpec;
import dev.frontier.invoke.AdaptiveLimit;
import dev.frontier.invoke.BedrockConverseClient;
import dev.frontier.invoke.BedrockSettings;
import dev.frontier.invoke.ModelClient;
import dev.frontier.invoke.RateLimiter;
import dev.frontier.invoke.ResilientClient;
import dev.frontier.invoke.RetryPolicy;
import dev.frontier.model.RunId;
import dev.frontier.run.Runner;
import dev.frontier.run.StoreResponseCache;
import dev.frontier.sandbox.Sandbox;
import dev.frontier.store.RunStore;
import java.math.BigDecimal;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * What {@code run}, {@code rescore} and {@code distill --evaluate} share when they run a suite: the Bedrock settings
 * for the sandbox or AWS, the region, the model client, a new run id, and the runner's options and context.
 */
final class RunWiring {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private RunWiring() {
    }

    /**
     * Settings for the sandbox (its endpoint, the fixed keys {@code sandbox}/{@code sandbox}) when {@code local} is
     * given, else for Bedrock (the default credential chain, {@code endpoint} when set).
     */
    static BedrockSettings settings(Sandbox local, Optional<String> region, Optional<URI> endpoint, int attempts,
                                    Duration timeout) {
        return local != null
                ? new BedrockSettings(region, Optional.of(local.endpoint()),
                        new BedrockSettings.Static("sandbox", "sandbox"), attempts, timeout)
                : new BedrockSettings(region, endpoint, new BedrockSettings.DefaultChain(), attempts, timeout);
    }

    /** Bedrock (or the sandbox) with retries, adaptive concurrency and the suite's rate limits. */
    static ModelClient client(SuiteSpec s, Sandbox local, Optional<String> region) {
        // one attempt in the SDK: the resilient layer owns retries, so the two never multiply
        ModelClient bedrock = BedrockConverseClient.create(settings(local, region, s.execution().endpoint(), 1,
                Duration.ofSeconds(local != null ? 60 : 120)));
        int concurrency = s.execution().concurrency();
        Optional<RateLimiter> rpm = s.execution().requestsPerMinute().isPresent()
                ? Optional.of(new RateLimiter(s.execution().requestsPerMinute().getAsInt(), System::nanoTime,
                        RateLimiter.Sleeper.REAL)) : Optional.empty();
        Optional<RateLimiter> tpm = s.execution().tokensPerMinute().isPresent()
                ? Optional.of(new RateLimiter(s.execution().tokensPerMinute().getAsLong(), System::nanoTime,
                        RateLimiter.Sleeper.REAL)) : Optional.empty();
        return new ResilientClient(bedrock, RetryPolicy.standard(), new AdaptiveLimit(concurrency, concurrency), rpm,
                tpm, RateLimiter.Sleeper.REAL, s.sha256().hashCode());
    }

    /**
     * The suite's region; else us-east-1 on the sandbox (which imitates the Region the client signs for); else
     * AWS_REGION, then AWS_DEFAULT_REGION.
     */
    static Optional<String> region(SuiteSpec s, Sandbox local) {
        return region(s, local != null);
    }

    /** The region calls go to, for a run on the sandbox or not. */
    static Optional<String> region(SuiteSpec s, boolean sandbox) {
        if (s.execution().region().isPresent()) {
            return s.execution().region();
        }
        if (sandbox) {
            return Optional.of("us-east-1");
        }
        return environmentRegion();
    }

    /** The region of the environment: AWS_REGION, then AWS_DEFAULT_REGION. */
    static Optional<String> environmentRegion() {
        String env = System.getenv("AWS_REGION");
        if (env == null || env.isBlank()) {
            env = System.getenv("AWS_DEFAULT_REGION");
        }
        return env == null || env.isBlank() ? Optional.empty() : Optional.of(env);
    }

    static RunId newRunId(InstantSource clock) {
        int suffix = new SecureRandom().nextInt(0x10000);
        return new RunId(STAMP.format(clock.instant()) + String.format(Locale.ROOT, "-%04x", suffix));
    }

    /**
     * The runner's options: the store's response cache unless {@code noCache} or the suite turns it off, keyed by
     * where the calls go (the sandbox, or Bedrock's region and endpoint).
     */
    static Runner.Options options(boolean resume, boolean noCache, SuiteSpec s, RunStore store, Sandbox local,
                                  Optional<String> region, Optional<BigDecimal> budget) {
        return new Runner.Options(resume,
                noCache || !s.execution().responseCache() ? Optional.empty()
                        : Optional.of(new StoreResponseCache(store)),
                Duration.ofHours(s.execution().cacheTtlHours()), cacheKey(s, local != null, region), budget);
    }

    /** What identifies where calls go in response-cache keys, so sandbox answers never serve Bedrock runs. */
    static String cacheKey(SuiteSpec s, boolean sandbox, Optional<String> region) {
        return sandbox ? "sandbox" : "bedrock:" + region.orElse("default") + ":"
                + s.execution().endpoint().map(Object::toString).orElse("");
    }

    /** What the run record says about where it ran. */
    static Runner.Context context(Sandbox local, Optional<String> region) {
        return new Runner.Context(Main.version(), local != null ? "sandbox" : "bedrock", region.orElse(""),
                local != null);
    }
}
