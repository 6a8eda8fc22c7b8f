package io.lambdajca.api;

/** Any other error Lambda answered with (for example ServiceException, HTTP 500, or ResourceConflictException). */
public class LambdaServiceException extends LambdaException {

    private static final long serialVersionUID = 1L;

    private final int statusCode;
    private final String errorCode;

    public LambdaServiceException(String functionName, String message, int statusCode, String errorCode,
            Throwable cause) {
        super(functionName, message, cause);
        this.statusCode = statusCode;
        this.errorCode = errorCode;
    }

    /** The HTTP status Lambda answered with. */
    public int statusCode() {
        return statusCode;
    }

    /** Lambda's error code, such as {@code ServiceException}. */
    public String errorCode() {
        return errorCode;
    }
}
