package dev.frontier.run.execute;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.frontier.catalog.Catalog;
import dev.frontier.catalog.ModelId;
import dev.frontier.config.PromptRouterSpec;
import dev.frontier.config.SuiteSpec;
import dev.frontier.invoke.PromptRouters;
import dev.frontier.model.RunId;
import dev.frontier.run.prepare.PreparedSuite;
import dev.frontier.run.prepare.RouterModels;
import dev.frontier.store.JobKind;
import dev.frontier.store.RunStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Creates, at run start, the prompt routers a suite declares and its candidates name, once: a router is named
 * {@code <suite>-<id>} and submitted with a {@code clientRequestToken} derived from the suite name, the Region and
 * the router's settings, so a run killed between the request and the store's record gets the same router again
 * (Bedrock's idempotency token, API reference {@code CreatePromptRouter}). A router of that name already in the
 * account is reused when its settings are the same and refused when they differ (Bedrock has no update of a
 * router; deleting it is the user's choice). Each router is recorded in the run store's {@code jobs} table (kind
 * {@code prompt-router}) so that {@code frontier jobs} lists it and {@code frontier jobs stop} deletes it.
 */
public final class PromptRouterSetup {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PromptRouters routers;
    private final RunStore store;
    private final InstantSource clock;
    private final Consumer<String> log;

    public PromptRouterSetup(PromptRouters routers, RunStore store, InstantSource clock, Consumer<String> log) {
        this.routers = routers;
        this.store = store;
        this.clock = clock;
        this.log = log;
    }

    /** A router in the account with the suite's name but other settings: the run does not start. */
    public static final class Conflict extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient PromptRouterSpec spec;

        Conflict(PromptRouterSpec spec, String message) {
            super(message);
            this.spec = spec;
        }

        /** The suite's router that conflicts, for its position in the suite. */
        public PromptRouterSpec spec() {
            return spec;
        }
    }

    /**
     * Makes sure every router a candidate names exists, and returns the prepared suite with their ARNs in place of
     * {@code router:<id>}.
     *
     * @param region  the Region the suite calls (model ARNs are built for it)
     * @param account the account that owns the inference profiles a router names, if known; needed only for a
     *                model given as a profile id (an inference-profile ARN names the account)
     * @throws Conflict when a router of the same name has other settings
     */
    public PreparedSuite ensure(PreparedSuite p, RunId run, String region, Optional<String> account) {
        SuiteSpec suite = p.suite();
        Map<String, String> arns = new LinkedHashMap<>();
        Optional<String> owner = account;
        for (PromptRouterSpec spec : suite.promptRouters()) {
            if (suite.candidates().stream().noneMatch(c -> c.model().equals(spec.reference()))) {
                continue;
            }
            boolean profiles = spec.models().stream().anyMatch(m -> ModelId.parse(m).kind() == ModelId.Kind.PROFILE);
            if (profiles && owner.isEmpty()) {
                owner = accountOfDefaultRouters();
            }
            arns.put(spec.id(), ensure(suite, spec, run, region, owner));
        }
        return RouterModels.withArns(p, arns, Catalog.bundled());
    }

    private String ensure(SuiteSpec suite, PromptRouterSpec spec, RunId run, String region, Optional<String> account) {
        PromptRouters.RouterRequest request = request(suite, spec, region, account);
        Optional<RunStore.JobRow> recorded = store.jobByToken(request.clientRequestToken())
                .filter(r -> r.kind() == JobKind.PROMPT_ROUTER);
        if (recorded.isPresent() && routers.get(recorded.get().jobArn()).isPresent()) {
            return recorded.get().jobArn();
        }
        Optional<PromptRouters.Router> named = routers.listCustom().stream()
                .filter(r -> r.name().equals(request.name())).findFirst();
        String arn;
        if (named.isPresent()) {
            if (!request.sameSettings(named.get())) {
                throw new Conflict(spec, "a prompt router named '" + request.name() + "' already exists ("
                        + named.get().arn() + ") with other settings (models " + named.get().modelArns()
                        + ", fallback " + named.get().fallbackModelArn() + ", responseQualityDifference "
                        + named.get().responseQualityDifference() + "); Bedrock cannot change a router");
            }
            arn = named.get().arn();
            log.accept("prompt router " + request.name() + ": reusing " + arn);
        } else {
            arn = routers.create(request);
            log.accept("prompt router " + request.name() + ": created " + arn);
        }
        String now = clock.instant().toString();
        store.recordJob(new RunStore.JobRow(arn, JobKind.PROMPT_ROUTER, request.name(), suite.name(), run.value(),
                null, request.clientRequestToken(), "AVAILABLE", json(request), null, now, now));
        return arn;
    }

    /**
     * The account, read from the ARN of a default router ({@code arn:aws:bedrock:<region>:<account>:
     * default-prompt-router/…}), which every account has where routing is offered; empty when none is listed.
     */
    private Optional<String> accountOfDefaultRouters() {
        return routers.listDefault().stream().map(r -> r.arn().split(":"))
                .filter(parts -> parts.length > 4 && parts[4].matches("[0-9]{12}")).map(parts -> parts[4])
                .findFirst();
    }

    /** The {@code CreatePromptRouter} request for a suite's router in {@code region}. */
    public static PromptRouters.RouterRequest request(SuiteSpec suite, PromptRouterSpec spec, String region,
                                                      Optional<String> account) {
        List<String> models = new ArrayList<>();
        for (String m : spec.models()) {
            models.add(modelArn(m, region, account));
        }
        String name = suite.name() + "-" + spec.id();
        return new PromptRouters.RouterRequest(name, models, modelArn(spec.fallback(), region, account),
                spec.responseQualityDifference(), spec.description(), spec.tags(), token(suite, spec, region));
    }

    /**
     * A model as {@code CreatePromptRouter} takes it: a foundation-model ARN for a base id, an inference-profile ARN
     * for a system profile id (API reference, {@code PromptRouterTargetModel.modelArn}).
     */
    static String modelArn(String model, String region, Optional<String> account) {
        ModelId id = ModelId.parse(model);
        if (id.kind() == ModelId.Kind.PROFILE) {
            return "arn:aws:bedrock:" + region + ":" + account.orElse("") + ":inference-profile/" + model;
        }
        return "arn:aws:bedrock:" + region + "::foundation-model/" + model;
    }

    /**
     * The idempotency token: SHA-256 over the suite name, the Region and every setting of the router, so the same
     * router asked for again gets the same token and a changed one a new token (hex: Bedrock's pattern
     * {@code [a-zA-Z0-9](-*[a-zA-Z0-9])*}, at most 256 characters).
     */
    static String token(SuiteSpec suite, PromptRouterSpec spec, String region) {
        StringBuilder text = new StringBuilder().append(suite.name()).append('\n').append(region).append('\n')
                .append(spec.id()).append('\n').append(String.join(",", spec.models())).append('\n')
                .append(spec.fallback()).append('\n').append(spec.responseQualityDifference()).append('\n')
                .append(spec.description().orElse("")).append('\n');
        spec.tags().forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private static String json(PromptRouters.RouterRequest r) {
        ObjectNode o = JSON.createObjectNode().put("promptRouterName", r.name());
        r.modelArns().forEach(m -> o.withArray("models").addObject().put("modelArn", m));
        o.putObject("fallbackModel").put("modelArn", r.fallbackModelArn());
        o.putObject("routingCriteria").put("responseQualityDifference", r.responseQualityDifference());
        r.description().ifPresent(d -> o.put("description", d));
        ObjectNode tags = o.putObject("tags");
        r.tags().forEach(tags::put);
        o.put("clientRequestToken", r.clientRequestToken());
        return o.toString();
    }
}
