package io.lambdajca.adapter.internal;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import io.lambdajca.api.LambdaException;
import software.amazon.awssdk.core.exception.SdkClientException;

/** Turns what the SDK's async client failed with into what {@link Retrier} and {@link ExceptionMapper} take. */
final class StreamFailures {

    private StreamFailures() {
    }

    /** The failure itself, out of the future's wrapping, as a runtime exception the SDK would have thrown. */
    static RuntimeException unwrap(Throwable t) {
        Throwable cause = t;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof RuntimeException r) {
            return r;
        }
        return SdkClientException.create(String.valueOf(cause.getMessage()), cause);
    }

    /** The connector's exception for a failure of a streaming invocation. */
    static LambdaException map(String functionName, Throwable t) {
        return ExceptionMapper.map(Operation.INVOKE_STREAM, functionName, unwrap(t), 1);
    }
}
