package io.lambdajca.api;

/**
 * A failure that none of the other exceptions describes, because the connector did not expect it: the AWS SDK, the
 * container or the connector itself failed in a way that is neither an answer from Lambda nor a lost connection. The
 * message names what was being done and the failure (with any secret masked); the cause is kept. Whether the
 * invocation ran is not known. Worth reporting, with the server's log.
 */
public class UnexpectedFailureException extends LambdaException {

    private static final long serialVersionUID = 1L;

    public UnexpectedFailureException(String functionName, String message, Throwable cause) {
        super(functionName, message, cause);
    }
}
