package dev.frontier.invoke;

import dev.frontier.model.CallResult;
import dev.frontier.model.CallSettings;
import dev.frontier.model.ModelRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The client-side response cache: completed answers by a content hash of the endpoint and the full request.
 * Errors are never stored. The run store implements it.
 */
public interface ResponseCache {

    /** The stored answer for {@code key} if it was stored after {@code notBefore}. */
    Optional<CallResult.Completion> get(String key, Instant notBefore);

    /** Stores an answer. */
    void put(String key, CallResult.Completion completion, Instant at);

    /** The cache key: SHA-256 over the endpoint and every field of the request that can change the answer. */
    static String key(String endpoint, ModelRequest r) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            ModelRequest.InferenceParams p = r.inference();
            for (String part : new String[] {"frontier-cache-v1", endpoint, r.modelId(), r.system(), r.user(),
                    String.valueOf(r.cacheSystem()), String.valueOf(p.maxTokens()), String.valueOf(p.temperature()),
                    String.valueOf(p.topP()), String.join("\u0001", p.stopSequences())}) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                md.update(Integer.toString(bytes.length).getBytes(StandardCharsets.UTF_8));
                md.update((byte) ':');
                md.update(bytes);
            }
            if (r.outputSchema().isPresent()) {
                // only requests with a schema hash it, so the keys of all other requests stay as they were
                byte[] bytes = ("outputSchema:" + r.outputSchema().get()).getBytes(StandardCharsets.UTF_8);
                md.update(Integer.toString(bytes.length).getBytes(StandardCharsets.UTF_8));
                md.update((byte) ':');
                md.update(bytes);
            }
            if (!r.settings().isDefault()) {
                // the tier and latency change how it is served and billed, reasoning and TTL what it costs: only
                // requests with settings hash them, so the keys of all other requests stay as they were
                CallSettings s = r.settings();
                byte[] bytes = ("settings:" + s.serviceTier().map(CallSettings.ServiceTier::wire).orElse("") + "|"
                        + s.latencyOptimized() + "|" + s.reasoning().map(CallSettings.Reasoning::idPart).orElse("")
                        + "|" + s.cacheTtl().orElse("")).getBytes(StandardCharsets.UTF_8);
                md.update(Integer.toString(bytes.length).getBytes(StandardCharsets.UTF_8));
                md.update((byte) ':');
                md.update(bytes);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
