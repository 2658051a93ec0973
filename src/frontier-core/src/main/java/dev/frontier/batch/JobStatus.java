package dev.frontier.batch;

import java.util.Set;

/** Bedrock's model invocation job statuses, as strings (the service may add new ones). */
public final class JobStatus {

    /** Statuses after which the job changes no more. */
    public static final Set<String> TERMINAL = Set.of("Completed", "PartiallyCompleted", "Failed", "Stopped",
            "Expired");
    /** Terminal statuses whose output files hold records. */
    public static final Set<String> WITH_OUTPUT = Set.of("Completed", "PartiallyCompleted", "Stopped");

    private JobStatus() {
    }

    public static boolean isTerminal(String status) {
        return TERMINAL.contains(status);
    }
}
