package io.lambdajca.local.runtime;

import java.io.IOException;

/**
 * Thrown to a handler writing a streamed response beyond the streaming limit; the invocation then ends with Lambda's
 * {@code Function.ResponseSizeTooLarge} error.
 */
public final class ResponseTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    public ResponseTooLargeException(String message) {
        super(message);
    }
}
