package dev.frontier.cli;

/** Ends a command with an exit code and a message for the user (no stack trace). */
final class CliFailure extends RuntimeException {
    private final Exit exit;

    CliFailure(Exit exit, String message) {
        super(message, null, false, false);
        this.exit = exit;
    }

    Exit exit() {
        return exit;
    }
}
