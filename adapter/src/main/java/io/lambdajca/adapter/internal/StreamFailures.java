package io.lambdajca.adapter.internal;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import io.lambdajca.api.LambdaException;
import io.lambdajca.api.LambdaServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/** Turns what the SDK's async client failed with into what {@link Retrier} and {@link ExceptionMapper} take. */
final class StreamFailures {

    /** The SDK's event-stream codec (its {@code MessageDecoder}, {@code Prelude}, {@code Message}). */
    private static final String DECODER_PACKAGE = "software.amazon.awssdk.eventstream.";

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

    /**
     * The connector's exception for a failure of a streaming invocation. Bytes that the event-stream decoder cannot
     * read (a proxy's or a captive portal's page answered with 200, or Lambda's corrupted on its way) are an answer
     * that is not Lambda's as sent.
     */
    static LambdaException map(String functionName, Throwable t) {
        RuntimeException failure = unwrap(t);
        if (fromTheEventStreamDecoder(failure)) {
            return new LambdaServiceException(functionName, "InvokeWithResponseStream of function '" + functionName
                    + "' failed: the answer is not an event stream that can be read (" + Redaction.redact(
                    failure.getMessage()) + "): not Lambda's (a proxy's or a captive portal's page?), or corrupted "
                    + "on its way", 0, null, Redaction.safe(failure));
        }
        return ExceptionMapper.map(Operation.INVOKE_STREAM, functionName, failure, 1);
    }

    /** The decoder refuses bytes that are not event-stream messages with an IllegalArgumentException of its own. */
    private static boolean fromTheEventStreamDecoder(RuntimeException failure) {
        StackTraceElement[] at = failure.getStackTrace();
        return failure instanceof IllegalArgumentException && at.length > 0
                && at[0].getClassName().startsWith(DECODER_PACKAGE);
    }
}
