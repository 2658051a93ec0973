package dev.frontier.run.execute;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.frontier.catalog.Catalog;
import dev.frontier.catalog.ModelId;
import dev.frontier.config.CandidateSpec;
import dev.frontier.config.PromptSpec;
import dev.frontier.config.SuiteSpec;
import dev.frontier.cost.ModelPrice;
import dev.frontier.cost.PriceCatalog;
import dev.frontier.invoke.InferenceProfiles;
import dev.frontier.model.RunId;
import dev.frontier.run.prepare.PreparedSuite;
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
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * With {@code execution.attribution.inferenceProfiles}, makes sure before the first call that every candidate model
 * has an application inference profile of the suite — named {@code <suite>-<model>}, copied from the model's
 * foundation-model ARN (or from its system inference profile's ARN for a cross-Region id), tagged
 * {@code frontier-suite} plus the suite's attribution tags — and returns the prepared suite calling each candidate
 * through its profile's ARN and pricing it as the model behind it. A profile of that name already in the account is
 * reused; a new one is created with a client request token derived from its name and source, so a run killed
 * between the request and the store's record gets the same profile. Each profile is recorded in the run store's
 * {@code jobs} table (kind {@code inference-profile}) so that {@code frontier jobs} lists it.
 */
public final class InferenceProfileSetup {

    /** The tag every profile carries, with the suite's name. */
    public static final String SUITE_TAG = "frontier-suite";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_NAME = 64;

    private final InferenceProfiles profiles;
    private final RunStore store;
    private final InstantSource clock;
    private final Consumer<String> log;

    public InferenceProfileSetup(InferenceProfiles profiles, RunStore store, InstantSource clock,
                                 Consumer<String> log) {
        this.profiles = profiles;
        this.store = store;
        this.clock = clock;
        this.log = log;
    }

    /**
     * The suite with every model candidate called through its application inference profile; unchanged when the
     * suite does not ask for profiles.
     *
     * @param region the Region the suite calls (foundation-model ARNs are built for it)
     */
    public PreparedSuite ensure(PreparedSuite p, RunId run, String region) {
        SuiteSpec suite = p.suite();
        Optional<SuiteSpec.AttributionSpec> attribution = suite.execution().attribution()
                .filter(SuiteSpec.AttributionSpec::inferenceProfiles);
        if (attribution.isEmpty()) {
            return p;
        }
        Map<String, String> arns = new LinkedHashMap<>();
        List<InferenceProfiles.Profile> existing = null;
        List<InferenceProfiles.Profile> system = null;
        for (CandidateSpec c : suite.candidates()) {
            if (c.isImported() || arns.containsKey(c.model()) || !profilable(c.model())) {
                continue;
            }
            if (existing == null) {
                existing = profiles.listApplication();
            }
            ModelId id = ModelId.parse(c.model());
            String copyFrom;
            if (id.kind() == ModelId.Kind.PROFILE) {
                if (system == null) {
                    system = profiles.listSystem();
                }
                copyFrom = system.stream().filter(s -> s.id().equals(c.model())).map(InferenceProfiles.Profile::arn)
                        .findFirst().orElseThrow(() -> new dev.frontier.invoke.CloudException("no system inference "
                                + "profile '" + c.model() + "' in " + region + " to copy an application profile from"
                                + " (check the candidate's model id and execution.region)"));
            } else if (id.kind() == ModelId.Kind.BARE) {
                copyFrom = "arn:aws:bedrock:" + region + "::foundation-model/" + c.model();
            } else {
                copyFrom = c.model();
            }
            InferenceProfiles.ProfileRequest request = request(suite, c.model(), copyFrom, attribution.get());
            arns.put(c.model(), ensure(suite, run, request, existing));
        }
        return withProfiles(p, arns);
    }

    /** Models a profile can copy: foundation models and system inference profiles, by id or ARN. */
    static boolean profilable(String model) {
        ModelId.Kind kind = ModelId.parse(model).kind();
        return kind == ModelId.Kind.BARE || kind == ModelId.Kind.PROFILE || kind == ModelId.Kind.FOUNDATION_MODEL_ARN
                || kind == ModelId.Kind.PROFILE_ARN;
    }

    private String ensure(SuiteSpec suite, RunId run, InferenceProfiles.ProfileRequest request,
                          List<InferenceProfiles.Profile> existing) {
        Optional<InferenceProfiles.Profile> named = existing.stream().filter(e -> e.name().equals(request.name()))
                .findFirst();
        String arn;
        if (named.isPresent()) {
            arn = named.get().arn();
            log.accept("inference profile " + request.name() + ": reusing " + arn);
        } else {
            arn = profiles.create(request);
            log.accept("inference profile " + request.name() + ": created " + arn);
        }
        if (store.job(arn).isEmpty()) {
            String now = clock.instant().toString();
            store.recordJob(new RunStore.JobRow(arn, JobKind.INFERENCE_PROFILE, request.name(), suite.name(),
                    run.value(), null, request.clientRequestToken(), "ACTIVE", json(request), null, now, now));
        }
        return arn;
    }

    /** The {@code CreateInferenceProfile} request for a suite's model. */
    public static InferenceProfiles.ProfileRequest request(SuiteSpec suite, String model, String copyFrom,
                                                           SuiteSpec.AttributionSpec attribution) {
        String name = name(suite.name(), model);
        Map<String, String> tags = new TreeMap<>(attribution.tags());
        tags.put(SUITE_TAG, suite.name());
        return new InferenceProfiles.ProfileRequest(name, copyFrom, "frontier suite " + suite.name() + ": "
                + model, tags, sha256(name + "\n" + copyFrom).substring(0, 64));
    }

    /**
     * {@code <suite>-<model>} in Bedrock's name pattern {@code ([0-9a-zA-Z][ _-]?)+} (every other character run
     * becomes one {@code -}), at most 64 characters; a name cut short ends with a hash of the whole, so two models
     * never share one.
     */
    static String name(String suite, String model) {
        String full = (suite + "-" + model).replaceAll("[^0-9a-zA-Z]+", "-").replaceAll("^-+|-+$", "");
        if (full.length() <= MAX_NAME) {
            return full;
        }
        return full.substring(0, MAX_NAME - 9).replaceAll("-+$", "") + "-" + sha256(suite + "\n" + model)
                .substring(0, 8);
    }

    /** The suite with candidates calling through {@code arns} (model → profile ARN), priced as the model. */
    static PreparedSuite withProfiles(PreparedSuite p, Map<String, String> arns) {
        if (arns.isEmpty()) {
            return p;
        }
        SuiteSpec suite = p.suite();
        PriceCatalog prices = p.catalog();
        Catalog catalog = Catalog.bundled();
        List<CandidateSpec> candidates = new ArrayList<>();
        for (CandidateSpec c : suite.candidates()) {
            String arn = arns.get(c.model());
            if (arn == null) {
                candidates.add(c);
                continue;
            }
            // priced as the model behind the profile (an application profile adds no charge); its ARN names no model
            Optional<ModelPrice> price = prices.find(c.model());
            if (price.isPresent()) {
                ModelPrice m = price.get();
                prices = prices.with(new ModelPrice(arn, m.name() + " (application inference profile)", m.input(),
                        m.output(), m.batchInput(), m.batchOutput(), m.cacheRead(), m.cacheWrite(), m.source(),
                        m.asOf(), m.dials()));
            }
            // the checkpoint is sent only when the model behind the profile offers caching, as for the model itself
            boolean caches = catalog.model(c.model()).map(m -> m.caching().isPresent()).orElse(true);
            PromptSpec prompt = c.prompt().cache() == PromptSpec.CacheMode.SYSTEM && !caches
                    ? new PromptSpec(c.prompt().system(), c.prompt().user(), PromptSpec.CacheMode.NONE) : c.prompt();
            candidates.add(new CandidateSpec(c.id(), arn, c.incumbent(), prompt, c.inference(), c.imported()));
        }
        return new PreparedSuite(suite.withCandidates(candidates), p.dataset(), p.split(), p.scorers(), prices,
                p.warnings(), p.imported());
    }

    private static String json(InferenceProfiles.ProfileRequest r) {
        ObjectNode o = JSON.createObjectNode().put("inferenceProfileName", r.name()).put("description",
                r.description());
        o.putObject("modelSource").put("copyFrom", r.copyFrom());
        ObjectNode tags = o.putObject("tags");
        r.tags().forEach(tags::put);
        o.put("clientRequestToken", r.clientRequestToken());
        return o.toString();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
