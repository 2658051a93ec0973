package dev.frontier.results;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.frontier.model.Labels;

/** A recorded CI gate's kind; written to {@code results.json} as its {@link #label()}. */
public enum GateKind {
    /** A fixed bound on one run's figure. */
    THRESHOLD("threshold"),
    /** A limit on the change against a baseline run. */
    REGRESSION("regression");

    private final String label;

    GateKind(String label) {
        this.label = label;
    }

    /** The word in {@code results.json}. */
    @JsonValue
    public String label() {
        return label;
    }

    /** The kind a label stands for. */
    @JsonCreator
    public static GateKind of(String label) {
        return Labels.of(GateKind.class, values(), GateKind::label, label);
    }

    @Override
    public String toString() {
        return label;
    }
}
