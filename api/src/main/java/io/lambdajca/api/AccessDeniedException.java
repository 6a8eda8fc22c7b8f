package io.lambdajca.api;

/**
 * Lambda refused the caller's identity or signature (HTTP 403: UnrecognizedClientException, InvalidSignatureException,
 * ExpiredTokenException, AccessDeniedException): check the credentials configured for the connection definition.
 */
public class AccessDeniedException extends LambdaException {

    private static final long serialVersionUID = 1L;

    private final String errorCode;

    public AccessDeniedException(String functionName, String message, String errorCode, Throwable cause) {
        super(functionName, message, cause);
        this.errorCode = errorCode;
    }

    /** Lambda's error code, such as {@code UnrecognizedClientException}. */
    public String errorCode() {
        return errorCode;
    }
}
