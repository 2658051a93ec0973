package dev.frontier.results;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.frontier.model.Labels;

/** How a run ended; written to {@code results.json} and the run store as its {@link #label()}. */
public enum RunStatus {
    /** Every call was made or accounted for. */
    COMPLETED("completed"),
    /** The budget refused some calls; the figures cover what was answered. */
    BUDGET_EXHAUSTED("budget-exhausted"),
    /** The run stopped on an error. */
    FAILED("failed");

    private final String label;

    RunStatus(String label) {
        this.label = label;
    }

    /** The word in {@code results.json}, the run store and the report. */
    @JsonValue
    public String label() {
        return label;
    }

    /** The status a label stands for. */
    @JsonCreator
    public static RunStatus of(String label) {
        return Labels.of(RunStatus.class, values(), RunStatus::label, label);
    }

    @Override
    public String toString() {
        return label;
    }
}
