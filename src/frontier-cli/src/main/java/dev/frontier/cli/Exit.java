package dev.frontier.cli;

/** The exit codes: part of the interface, so CI can tell a failed gate from bad input from a throttled provider. */
public enum Exit {
    /** Success, or the gate passed. */
    OK(0),
    /** A gate failed, or {@code recheck} found that the decision changed. */
    GATE_FAILED(1),
    /** Bad input: suite, dataset, labels, arguments. */
    INVALID_INPUT(2),
    /** Provider or infrastructure: Bedrock, S3, the run store, throttled beyond retries, budget exhausted. */
    PROVIDER(3),
    /** A defect in frontier. */
    INTERNAL(4);

    private final int code;

    Exit(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
