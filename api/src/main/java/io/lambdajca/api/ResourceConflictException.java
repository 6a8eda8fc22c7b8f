package io.lambdajca.api;

/**
 * Lambda refused a change because it conflicts with the function's current state: ResourceConflictException, HTTP
 * 409. Among its causes: the alias already exists (create it once, or update it), an update of the function is still
 * in progress (wait until its last update status is no longer {@code InProgress}, then try again), or the version is
 * still in use (an alias routes to it). The message quotes Lambda's own. A subclass of
 * {@link LambdaServiceException}, which a 409 was reported as before this type existed, with its
 * {@link #statusCode()} and {@link #errorCode()}.
 */
public class ResourceConflictException extends LambdaServiceException {

    private static final long serialVersionUID = 1L;

    public ResourceConflictException(String functionName, String message, int statusCode, String errorCode,
            Throwable cause) {
        super(functionName, message, statusCode, errorCode, cause);
    }
}
