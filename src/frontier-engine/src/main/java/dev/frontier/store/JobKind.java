package dev.frontier.store;

import dev.frontier.model.Labels;

/** What a row of the {@code jobs} table follows, stored as the word in {@link #label()}. */
public enum JobKind {
    /** A batch inference job of a run's candidates. */
    BATCH_INFERENCE("batch"),
    /** A batch inference job of a run's judges. */
    JUDGE_BATCH("judge-batch"),
    /** A model distillation job. */
    DISTILLATION("distillation"),
    /** A fine-tuning job. */
    FINE_TUNING("fine-tuning"),
    /** Provisioned Throughput serving a custom model. */
    PROVISIONED_THROUGHPUT("provisioned-throughput"),
    /** An on-demand custom model deployment. */
    CUSTOM_DEPLOYMENT("custom-deployment"),
    /** A prompt router a suite created ({@code promptRouters:}); {@code frontier jobs stop} deletes it. */
    PROMPT_ROUTER("prompt-router"),
    INFERENCE_PROFILE("inference-profile");

    private final String label;

    JobKind(String label) {
        this.label = label;
    }

    /** The word in the store and in {@code frontier jobs}. */
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }

    /**
     * The kind a stored word names.
     *
     * @throws RunStore.StoreException for a word no version of frontier writes
     */
    public static JobKind of(String label) {
        try {
            return Labels.of(JobKind.class, values(), JobKind::label, label);
        } catch (IllegalArgumentException e) {
            throw new RunStore.StoreException("the run store holds " + e.getMessage());
        }
    }
}
