package dev.frontier.sandbox;

/**
 * How often the sandbox fails a Converse request on purpose, per error. Each rate is a probability in [0, 1]; the
 * rates add up to at most 1, and one request gets at most one fault. Which requests fail is decided from a seed
 * (see {@link SandboxOptions#withFaults(FaultRates, long)}), so a run is repeatable.
 *
 * @param internalServer     500 {@code InternalServerException}
 * @param serviceUnavailable 503 {@code ServiceUnavailableException}
 * @param modelTimeout       408 {@code ModelTimeoutException}
 * @param modelError         424 {@code ModelErrorException} (with {@code originalStatusCode} and
 *                           {@code resourceName})
 * @param modelNotReady      429 {@code ModelNotReadyException}
 * @param throttling         429 {@code ThrottlingException}, at random and apart from any quota
 */
public record FaultRates(double internalServer, double serviceUnavailable, double modelTimeout, double modelError,
                         double modelNotReady, double throttling) {

    private static final FaultRates NONE = new FaultRates(0, 0, 0, 0, 0, 0);

    public FaultRates {
        check("internalServer", internalServer);
        check("serviceUnavailable", serviceUnavailable);
        check("modelTimeout", modelTimeout);
        check("modelError", modelError);
        check("modelNotReady", modelNotReady);
        check("throttling", throttling);
        double total = internalServer + serviceUnavailable + modelTimeout + modelError + modelNotReady + throttling;
        if (total > 1) {
            throw new IllegalArgumentException("fault rates must add up to at most 1: " + total);
        }
    }

    /** No faults: the default. */
    public static FaultRates none() {
        return NONE;
    }

    /** The chance that a request fails on purpose. */
    public double total() {
        return internalServer + serviceUnavailable + modelTimeout + modelError + modelNotReady + throttling;
    }

    public boolean isNone() {
        return total() == 0;
    }

    public FaultRates withInternalServer(double rate) {
        return new FaultRates(rate, serviceUnavailable, modelTimeout, modelError, modelNotReady, throttling);
    }

    public FaultRates withServiceUnavailable(double rate) {
        return new FaultRates(internalServer, rate, modelTimeout, modelError, modelNotReady, throttling);
    }

    public FaultRates withModelTimeout(double rate) {
        return new FaultRates(internalServer, serviceUnavailable, rate, modelError, modelNotReady, throttling);
    }

    public FaultRates withModelError(double rate) {
        return new FaultRates(internalServer, serviceUnavailable, modelTimeout, rate, modelNotReady, throttling);
    }

    public FaultRates withModelNotReady(double rate) {
        return new FaultRates(internalServer, serviceUnavailable, modelTimeout, modelError, rate, throttling);
    }

    public FaultRates withThrottling(double rate) {
        return new FaultRates(internalServer, serviceUnavailable, modelTimeout, modelError, modelNotReady, rate);
    }

    private static void check(String name, double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException(name + " rate must be between 0 and 1: " + rate);
        }
    }
}
