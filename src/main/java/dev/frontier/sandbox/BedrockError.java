package dev.frontier.sandbox;

/**
 * A request the simulated service refuses, with the status code and error code Bedrock would send.
 */
final class BedrockError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    BedrockError(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    static BedrockError validation(String message) {
        return new BedrockError(400, "ValidationException", message);
    }

    static BedrockError unknownOperation(String method, String path) {
        return new BedrockError(404, "UnknownOperationException", "No operation matches " + method + " " + path);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }
}
