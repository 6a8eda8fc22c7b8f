package io.lambdajca.api;

/**
 * The request was rejected: by the adapter's validation before any network call (the message names the value and
 * the rule it breaks), or by Lambda as an invalid parameter, invalid content or too large a request.
 */
public class InvalidRequestException extends LambdaException {

    private static final long serialVersionUID = 1L;

    public InvalidRequestException(String functionName, String message) {
        super(functionName, message);
    }

    public InvalidRequestException(String functionName, String message, Throwable cause) {
        super(functionName, message, cause);
    }
}
