package dev.frontier.invoke;

/**
 * A control-plane or S3 request that failed; the message names the resource and what to check, and is fit to show
 * a user as it is.
 */
public final class CloudException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CloudException(String message, Throwable cause) {
        super(message, cause);
    }

    public CloudException(String message) {
        super(message);
    }
}
