package io.lambdajca.api;

/**
 * Root of every exception the connector throws. Unchecked. Messages name the function and the cause; they never
 * contain credentials.
 */
public class LambdaException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String functionName;

    public LambdaException(String functionName, String message, Throwable cause) {
        super(message, cause);
        this.functionName = functionName;
    }

    public LambdaException(String functionName, String message) {
        this(functionName, message, null);
    }

    /** The function the call was about, or null for calls about no single function (listing). */
    public String functionName() {
        return functionName;
    }
}
