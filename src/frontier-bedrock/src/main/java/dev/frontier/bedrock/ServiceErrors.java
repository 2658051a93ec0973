package dev.frontier.bedrock;

import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** What an AWS service said when it refused a call: its error code and message, read the same way by every adapter. */
final class ServiceErrors {

    private ServiceErrors() {
    }

    /** The service's error code ({@code AccessDeniedException}, {@code NoSuchBucket} …), empty for a client-side failure. */
    static Optional<String> code(Throwable e) {
        return e instanceof AwsServiceException ase && ase.awsErrorDetails() != null
                ? Optional.ofNullable(ase.awsErrorDetails().errorCode()) : Optional.empty();
    }

    /** The service's error message, or the exception's own when the service gave none. */
    static String message(Throwable e) {
        return e instanceof AwsServiceException ase && ase.awsErrorDetails() != null
                && ase.awsErrorDetails().errorMessage() != null ? ase.awsErrorDetails().errorMessage() : e.getMessage();
    }
}
