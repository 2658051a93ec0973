package dev.frontier.results;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.frontier.model.Labels;

/**
 * Where a candidate's (or a judge's) answers came from; written to {@code results.json} as its {@link #label()}
 * (the {@code mode} members).
 */
public enum AnswerSource {
    /** Called one request at a time through the Converse API. */
    ON_DEMAND("on-demand"),
    /** Answered by a batch inference job, at the batch price. */
    BATCH("batch"),
    /** Read from an outputs file made elsewhere; nothing was called. */
    IMPORTED("imported");

    private final String label;

    AnswerSource(String label) {
        this.label = label;
    }

    /** The word in {@code results.json} and the report. */
    @JsonValue
    public String label() {
        return label;
    }

    /** The source a label stands for. */
    @JsonCreator
    public static AnswerSource of(String label) {
        return Labels.of(AnswerSource.class, values(), AnswerSource::label, label);
    }

    @Override
    public String toString() {
        return label;
    }
}
