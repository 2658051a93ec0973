package dev.frontier.sandbox;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * One prompt router, default or configured, and how it picks the model that serves a request.
 *
 * <p>The rule is the user guide's (prompt-routing, "Prompt router criteria and fallback model"): the fallback model
 * is the anchor, and the routing criterion, the response quality difference, decides when the router switches to
 * the other model. The guide's example has a cheap fallback and switches to the stronger model "only if its
 * responses are 10% better"; it also says the other model may be chosen "to either improve accuracy or reduce
 * costs". So, with both predicted qualities measured against the fallback's, as in the guide's example:
 *
 * <ul>
 *   <li>a stronger other model serves when its predicted quality is at least the criterion above the fallback's;</li>
 *   <li>a cheaper other model serves when its predicted quality is at most the criterion below the fallback's.</li>
 * </ul>
 *
 * Either way the cheaper model serves the prompts where the two are predicted to be close, which is what the
 * general-availability announcement says routers do ("sending easier prompts to the cheaper model"). A prediction
 * is the chance of a right answer the classification simulation uses, at the difficulty {@link PromptDifficulty}
 * estimates: the router knows the models' tiers but sees only the prompt.
 *
 * @param arn               the router's ARN
 * @param name              its name (a default router's is its id, e.g. {@code amazon.nova:1})
 * @param type              {@code default} or {@code custom}, as ListPromptRouters reports it
 * @param region            the Region it lives in
 * @param models            the two models it routes between, in the order they were given
 * @param fallback          the model it uses unless the criterion says otherwise; one of {@code models}
 * @param qualityDifference the response quality difference, in percent (0 to 100)
 */
record PromptRouter(String arn, String name, String type, String region, List<Target> models, Target fallback,
                    double qualityDifference) {

    static final String DEFAULT = "default";
    static final String CUSTOM = "custom";

    /**
     * The response quality difference of Bedrock's default routers, which Bedrock does not publish: the sandbox's
     * own choice. At 10 % the default routers stay close to their stronger model (the announcement: default routers
     * "map performance to the more performant of the two models") and send only prompts that look easy to the
     * cheaper one.
     */
    static final double DEFAULT_QUALITY_DIFFERENCE = 10;

    /**
     * Median of the time the router adds before the model starts. The general-availability announcement (April
     * 2025) puts the routing overhead at "approximately 85 ms (P90)"; the sandbox draws it log-normally with that
     * 90th percentile.
     */
    static final double OVERHEAD_MEDIAN_MS = 65;
    /** ln(85 / 65) / 1.2816: the spread that puts the 90th percentile at 85 ms. */
    private static final double OVERHEAD_SIGMA = Math.log(85.0 / 65.0) / 1.2816;

    PromptRouter {
        Objects.requireNonNull(arn, "arn");
        models = List.copyOf(models);
        Objects.requireNonNull(fallback, "fallback");
    }

    /**
     * A model a router names.
     *
     * @param baseId the foundation model's id, e.g. {@code amazon.nova-lite-v1:0}
     * @param arn    the ARN through which it serves requests: a foundation-model ARN, or a system inference
     *               profile's where the Region serves the model on demand only that way; it is what
     *               {@code trace.promptRouter.invokedModelId} reports
     */
    record Target(String baseId, String arn) {
        Target {
            Objects.requireNonNull(baseId, "baseId");
            Objects.requireNonNull(arn, "arn");
        }
    }

    /** The model of the pair that is not the fallback. */
    Target other() {
        return models.stream().filter(m -> !m.baseId().equals(fallback.baseId())).findFirst().orElse(fallback);
    }

    /**
     * The model that serves {@code call}.
     *
     * @param profiles the simulated models, for their tiers
     */
    Target route(ConverseCall call, ModelCatalog profiles) {
        Target other = other();
        if (other.equals(fallback)) {
            return fallback;
        }
        double difficulty = PromptDifficulty.estimate(call);
        double anchor = predictedQuality(profile(profiles, fallback), difficulty);
        double alternative = predictedQuality(profile(profiles, other), difficulty);
        double criterion = qualityDifference / 100 * anchor;
        if (profile(profiles, other).tier() >= profile(profiles, fallback).tier()) {
            return alternative - anchor >= criterion ? other : fallback;
        }
        return anchor - alternative <= criterion ? other : fallback;
    }

    /** The chance of a right answer the simulation gives {@code model} at {@code difficulty}. */
    static double predictedQuality(ModelProfile model, double difficulty) {
        return 1 - ClassificationTask.errorRate(model, difficulty);
    }

    private static ModelProfile profile(ModelCatalog profiles, Target target) {
        return profiles.resolve(target.baseId()).orElseThrow(() -> new IllegalStateException(
                "routable model " + target.baseId() + " has no simulated profile"));
    }

    /** The milliseconds routing adds to a request, drawn from the request's hash so that a retry gets the same. */
    static long overheadMs(String requestHash) {
        SplittableRandom random = new SplittableRandom(seed(requestHash));
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        double gaussian = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
        return Math.max(1, Math.round(OVERHEAD_MEDIAN_MS * Math.exp(OVERHEAD_SIGMA * gaussian)));
    }

    private static long seed(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("router-overhead\n" + text).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
