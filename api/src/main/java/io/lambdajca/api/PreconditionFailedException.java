package io.lambdajca.api;

/**
 * A change was made conditional on a revision id that is no longer current: PreconditionFailedException, HTTP 412.
 * Someone changed the alias (or function) since its revision id was read; read it again, decide again, and send the
 * change with the new {@link AliasInfo#revisionId() revision id}. A subclass of {@link LambdaServiceException}, with
 * its {@link #statusCode()} and {@link #errorCode()}.
 */
public class PreconditionFailedException extends LambdaServiceException {

    private static final long serialVersionUID = 1L;

    public PreconditionFailedException(String functionName, String message, int statusCode, String errorCode,
            Throwable cause) {
        super(functionName, message, statusCode, errorCode, cause);
    }
}
