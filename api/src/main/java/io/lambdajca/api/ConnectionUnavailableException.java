package io.lambdajca.api;

/** The container could not provide a connection, for example because the pool stayed exhausted for its blocking timeout. */
public class ConnectionUnavailableException extends LambdaException {

    private static final long serialVersionUID = 1L;

    public ConnectionUnavailableException(String message, Throwable cause) {
        super(null, message, cause);
    }
}
