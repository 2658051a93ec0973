package dev.frontier.catalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Where an account's listing of a Region differs from the catalog: models on one side only, how a model is called
 * (bare id on demand or only through a profile), system inference profiles on one side only, and lifecycle status.
 * Only what the catalog is about is compared: text models served on demand (by id or through a system profile);
 * Provisioned-only entries, customization variants and application profiles are left out.
 *
 * @param region      the Region compared
 * @param agreeing    models present on both sides with no difference
 * @param differences what differs, catalog order first, then the account's extra models by id
 * @param notes       expected absences that are not differences (a model past its end of life the account no
 *                    longer lists)
 */
public record AccountComparison(String region, int agreeing, List<Difference> differences, List<String> notes) {

    public AccountComparison {
        differences = List.copyOf(differences);
        notes = List.copyOf(notes);
    }

    /** The inference type of models served on demand by their own id. */
    public static final String ON_DEMAND = "ON_DEMAND";
    /** The inference type Bedrock lists for models served on demand only through a system inference profile. */
    public static final String INFERENCE_PROFILE = "INFERENCE_PROFILE";
    private static final String SYSTEM_DEFINED = "SYSTEM_DEFINED";

    /** One way the account and the catalog disagree. */
    public sealed interface Difference {
        /** The base model id it is about. */
        String modelId();

        /** One line for a person. */
        String describe();

        /** The catalog has the model in the Region; the account does not list it. */
        record MissingFromAccount(String modelId) implements Difference {
            @Override
            public String describe() {
                return modelId + ": in the catalog, not listed by the account";
            }
        }

        /**
         * The account lists a model the catalog does not have in the Region ({@code knownElsewhere}: the catalog
         * knows the model, in other Regions only).
         */
        record MissingFromCatalog(String modelId, String provider, List<String> profiles, boolean knownElsewhere)
                implements Difference {
            @Override
            public String describe() {
                return modelId + (provider.isEmpty() ? "" : " (" + provider + ")") + ": listed by the account, "
                        + (knownElsewhere ? "the catalog has no facts for it in this Region" : "not in the catalog")
                        + (profiles.isEmpty() ? "" : "; profiles " + String.join(", ", profiles));
            }
        }

        /** The catalog and the account disagree on whether the bare id is served on demand. */
        record BareIdDiffers(String modelId, boolean catalogServesBareId, List<String> accountInferenceTypes)
                implements Difference {
            @Override
            public String describe() {
                return modelId + ": the catalog says the bare id is " + (catalogServesBareId ? "" : "not ")
                        + "served on demand; the account lists inference types " + accountInferenceTypes;
            }
        }

        /** A system inference profile on one side only. */
        record ProfileDiffers(String modelId, String profileId, boolean inCatalog) implements Difference {
            @Override
            public String describe() {
                return profileId + ": " + (inCatalog ? "in the catalog, not listed by the account"
                        : "listed by the account, not in the catalog");
            }
        }

        /** Lifecycle status (ACTIVE, LEGACY) differs. */
        record LifecycleDiffers(String modelId, String catalogStatus, String accountStatus) implements Difference {
            @Override
            public String describe() {
                return modelId + ": lifecycle " + catalogStatus + " in the catalog, " + accountStatus
                        + " for the account";
            }
        }
    }

    /** Whether the account and the catalog agree on everything compared. */
    public boolean agrees() {
        return differences.isEmpty();
    }

    /**
     * Compares {@code account}'s listing of {@code region} with {@code catalog}.
     *
     * @param today the day, for models past their end of life
     */
    public static AccountComparison compare(Catalog catalog, String region, AccountModels account, LocalDate today) {
        Map<String, AccountModels.Model> listed = new LinkedHashMap<>();
        for (AccountModels.Model m : account.models()) {
            boolean onDemand = m.inferenceTypes().contains(ON_DEMAND) || m.inferenceTypes().contains(INFERENCE_PROFILE);
            // customization variants (…:300k) and Provisioned-only entries are not what the catalog lists
            if (onDemand && m.outputModalities().contains("TEXT") && ModelId.parse(m.modelId()).baseId()
                    .equals(m.modelId())) {
                listed.put(m.modelId(), m);
            }
        }
        Map<String, Set<String>> profiles = new TreeMap<>();
        for (AccountModels.Profile p : account.profiles()) {
            ModelId id = ModelId.parse(p.profileId());
            if (SYSTEM_DEFINED.equals(p.type()) && id.kind() == ModelId.Kind.PROFILE) {
                profiles.computeIfAbsent(id.baseId(), k -> new LinkedHashSet<>()).add(p.profileId());
            }
        }
        List<Difference> differences = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int agreeing = 0;
        for (ModelFacts m : catalog.models().values()) {
            ModelFacts.RegionFacts there = m.in(region).orElse(null);
            if (there == null) {
                continue;
            }
            AccountModels.Model l = listed.get(m.id());
            Set<String> accountProfiles = profiles.getOrDefault(m.id(), Set.of());
            if (l == null && accountProfiles.isEmpty()) {
                if (m.lifecycle().endedBy(today)) {
                    notes.add(m.id() + ": past its end of life (" + m.lifecycle().endOfLife().orElse("") + "), no "
                            + "longer listed by the account, as expected");
                } else {
                    differences.add(new Difference.MissingFromAccount(m.id()));
                }
                continue;
            }
            int before = differences.size();
            if (l != null && there.bareId() != l.inferenceTypes().contains(ON_DEMAND)) {
                differences.add(new Difference.BareIdDiffers(m.id(), there.bareId(), l.inferenceTypes()));
            }
            Set<String> catalogProfiles = new LinkedHashSet<>();
            there.profiles().forEach(p -> catalogProfiles.add(p + "." + m.id()));
            for (String p : catalogProfiles) {
                if (!accountProfiles.contains(p)) {
                    differences.add(new Difference.ProfileDiffers(m.id(), p, true));
                }
            }
            for (String p : accountProfiles) {
                if (!catalogProfiles.contains(p)) {
                    differences.add(new Difference.ProfileDiffers(m.id(), p, false));
                }
            }
            if (l != null && !l.status().isEmpty() && !l.status().equals(m.lifecycle().status().name())) {
                differences.add(new Difference.LifecycleDiffers(m.id(), m.lifecycle().status().name(), l.status()));
            }
            if (differences.size() == before) {
                agreeing++;
            }
        }
        Set<String> extra = new TreeSet<>(listed.keySet());
        extra.addAll(profiles.keySet());
        for (String id : extra) {
            ModelFacts known = catalog.models().get(id);
            if (known != null && known.in(region).isPresent()) {
                continue;
            }
            AccountModels.Model l = listed.get(id);
            differences.add(new Difference.MissingFromCatalog(id, l == null ? "" : l.provider(),
                    List.copyOf(profiles.getOrDefault(id, Set.of())), known != null));
        }
        return new AccountComparison(region, agreeing, differences, notes);
    }
}
