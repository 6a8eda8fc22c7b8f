package io.lambdajca.api;

/**
 * No connection to use: the container could not provide one (the pool stayed exhausted for its blocking timeout, the
 * adapter is stopping), or the application used a connection after closing it or after the adapter stopped. Also what
 * a typed function interface's {@code CompletionStage} method throws when the container could not provide the managed
 * executor it runs on (none is bound, or it refused the task); nothing was sent.
 */
public class ConnectionUnavailableException extends LambdaException {

    private static final long serialVersionUID = 1L;

    public ConnectionUnavailableException(String message, Throwable cause) {
        super(null, message, cause);
    }

    /** For a call about one function: {@link #functionName()} names it. */
    public ConnectionUnavailableException(String functionName, String message, Throwable cause) {
        super(functionName, message, cause);
    }
}
