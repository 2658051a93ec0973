package dev.frontier.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The request settings Bedrock bills or serves differently, beyond the inference parameters: the service tier,
 * latency-optimized inference, a reasoning budget or effort, and the prompt-cache checkpoint's time to live. Empty
 * values are not sent, so Bedrock applies its defaults (Standard tier, standard latency, no reasoning, 5 minutes).
 *
 * @param serviceTier      Converse {@code serviceTier.type}
 * @param latencyOptimized whether to send {@code performanceConfig.latency = optimized}
 * @param reasoning        a thinking budget or a reasoning effort, sent in {@code additionalModelRequestFields}
 * @param cacheTtl         the {@code ttl} of the cache checkpoint ({@code 5m} or {@code 1h})
 */
public record CallSettings(Optional<ServiceTier> serviceTier, boolean latencyOptimized, Optional<Reasoning> reasoning,
                           Optional<String> cacheTtl) {

    /** Bedrock's defaults: nothing sent. */
    public static final CallSettings NONE = new CallSettings(Optional.empty(), false, Optional.empty(),
            Optional.empty());

    /** The TTLs a cache checkpoint may name (API reference, {@code CachePointBlock.ttl}). */
    public static final List<String> CACHE_TTLS = List.of("5m", "1h");

    public CallSettings {
        Objects.requireNonNull(serviceTier, "serviceTier");
        Objects.requireNonNull(reasoning, "reasoning");
        Objects.requireNonNull(cacheTtl, "cacheTtl");
        cacheTtl.ifPresent(t -> {
            if (!CACHE_TTLS.contains(t)) {
                throw new IllegalArgumentException("cache TTL must be 5m or 1h, was " + t);
            }
        });
    }

    /** Whether every setting is Bedrock's default. */
    public boolean isDefault() {
        return equals(NONE);
    }

    /** These settings as Bedrock applies them: asking for the {@code default} tier is the same as asking for none. */
    public CallSettings normalized() {
        return serviceTier.filter(t -> t == ServiceTier.DEFAULT).isPresent()
                ? new CallSettings(Optional.empty(), latencyOptimized, reasoning, cacheTtl) : this;
    }

    /**
     * Whether only Converse takes these settings: a tier, latency or reasoning setting, which a batch job's
     * model-native records do not carry, so such a candidate is called on demand. A cache TTL alone does not count
     * (batch inference has no prompt caching anyway).
     */
    public boolean converseOnly() {
        return serviceTier.isPresent() || latencyOptimized || reasoning.isPresent();
    }

    /**
     * Whether the request goes without {@code maxTokens}: with the high reasoning effort Nova 2 takes none (the model
     * decides the length; reported by its makers in inspect_ai #3767, the catalog's reasoning notes).
     */
    public boolean omitsMaxTokens() {
        return reasoning.filter(r -> r instanceof Reasoning.Effort e && e.level().equals("high")).isPresent();
    }

    /** The tier a call is billed at: the one asked for, else Standard. */
    public ServiceTier tier() {
        return serviceTier.orElse(ServiceTier.DEFAULT);
    }

    public CallSettings withServiceTier(ServiceTier tier) {
        return new CallSettings(Optional.of(tier), latencyOptimized, reasoning, cacheTtl);
    }

    public CallSettings withLatencyOptimized(boolean optimized) {
        return new CallSettings(serviceTier, optimized, reasoning, cacheTtl);
    }

    public CallSettings withReasoning(Optional<Reasoning> r) {
        return new CallSettings(serviceTier, latencyOptimized, r, cacheTtl);
    }

    public CallSettings withCacheTtl(Optional<String> ttl) {
        return new CallSettings(serviceTier, latencyOptimized, reasoning, ttl);
    }

    /** "flex, latency-optimized, thinking 2048 tokens, cache 1h"; "" for the defaults. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        serviceTier.ifPresent(t -> parts.add(t.label()));
        if (latencyOptimized) {
            parts.add("latency-optimized");
        }
        reasoning.ifPresent(r -> parts.add(r.describe()));
        cacheTtl.ifPresent(t -> parts.add("cache " + t));
        return String.join(", ", parts);
    }

    /** Bedrock's service tiers ({@code ServiceTier.type}: priority | default | flex | reserved). */
    public enum ServiceTier {
        DEFAULT("default", "standard"), FLEX("flex", "flex"), PRIORITY("priority", "priority"),
        RESERVED("reserved", "reserved");

        private final String wire;
        private final String label;

        ServiceTier(String wire, String label) {
            this.wire = wire;
            this.label = label;
        }

        /** The value Converse takes and answers with. */
        public String wire() {
            return wire;
        }

        /** How people name it: Standard is {@code default} on the wire. */
        public String label() {
            return label;
        }

        /** The tier for a wire value or label ({@code default} and {@code standard} are the same). */
        public static Optional<ServiceTier> parse(String s) {
            String v = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
            for (ServiceTier t : values()) {
                if (t.wire.equals(v) || t.label.equals(v)) {
                    return Optional.of(t);
                }
            }
            return Optional.empty();
        }
    }

    /** What a reasoning model may spend on thinking before it answers. */
    public sealed interface Reasoning permits Reasoning.Budget, Reasoning.Effort {

        /** For messages and ids. */
        String describe();

        /** A short part of a generated candidate id: {@code think2048}, {@code effort-low}. */
        String idPart();

        /**
         * A thinking budget in tokens (Anthropic Claude: {@code thinking.budget_tokens}).
         *
         * @param tokens the budget
         */
        record Budget(int tokens) implements Reasoning {
            public Budget {
                if (tokens < 1) {
                    throw new IllegalArgumentException("a thinking budget must be positive");
                }
            }

            @Override
            public String describe() {
                return "thinking " + tokens + " tokens";
            }

            @Override
            public String idPart() {
                return "think" + tokens;
            }
        }

        /**
         * A reasoning effort (Amazon Nova 2: {@code reasoningConfig.maxReasoningEffort}).
         *
         * @param level {@code low}, {@code medium} or {@code high}
         */
        record Effort(String level) implements Reasoning {
            public Effort {
                Objects.requireNonNull(level, "level");
            }

            @Override
            public String describe() {
                return "reasoning effort " + level;
            }

            @Override
            public String idPart() {
                return "effort-" + level;
            }
        }
    }
}
