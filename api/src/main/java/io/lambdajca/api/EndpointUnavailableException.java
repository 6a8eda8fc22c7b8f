package io.lambdajca.api;

/** The Lambda endpoint could not be reached, or did not answer within the configured timeout. */
public class EndpointUnavailableException extends LambdaException {

    private static final long serialVersionUID = 1L;

    private final boolean timeout;

    public EndpointUnavailableException(String functionName, String message, boolean timeout, Throwable cause) {
        super(functionName, message, cause);
        this.timeout = timeout;
    }

    /**
     * True when the call timed out after the request may have reached the function. A synchronous invocation that
     * timed out may still run to completion on Lambda; the adapter does not resend it unless told to.
     */
    public boolean isTimeout() {
        return timeout;
    }
}
