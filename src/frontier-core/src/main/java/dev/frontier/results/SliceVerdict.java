package dev.frontier.results;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.frontier.model.Labels;

/** A cheaper candidate's outcome on one slice of the items, as recorded (decided by {@code select.Slices}). */
public enum SliceVerdict {
    /** Shown non-inferior at the margin, after Holm within the slice. */
    NON_INFERIOR("non-inferior"),
    /** Neither shown non-inferior nor shown worse. */
    NOT_SHOWN("not shown"),
    /** Shown worse than the margin, after Holm within the slice. */
    SHOWN_WORSE("shown worse"),
    /** Fewer paired items than the slice's minimum: not tested. */
    TOO_FEW_ITEMS("too few items");

    private final String label;

    SliceVerdict(String label) {
        this.label = label;
    }

    /** The words in {@code results.json} and the report. */
    @JsonValue
    public String label() {
        return label;
    }

    /** The verdict a label stands for. */
    @JsonCreator
    public static SliceVerdict of(String label) {
        return Labels.of(SliceVerdict.class, values(), SliceVerdict::label, label);
    }
}
