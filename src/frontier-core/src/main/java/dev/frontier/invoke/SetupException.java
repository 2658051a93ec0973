package dev.frontier.invoke;

/** The client cannot be set up: no credentials, no region. A provider problem, reported without a stack trace. */
public final class SetupException extends RuntimeException {
    public SetupException(String message) {
        super(message, null, false, false);
    }
}
