package io.lambdajca.adapter.internal;

import java.io.InputStream;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.lambdajca.api.ConnectionUnavailableException;
import io.lambdajca.api.InvocationStream;

/**
 * An open response stream: what Lambda answered in its headers, and the bytes as they come. Closing it cancels the
 * SDK's subscription and its call, which closes the HTTP connection of an unfinished stream rather than returning it
 * to the pool half read, and takes it off the adapter's {@link OpenStreams}.
 */
final class StreamedInvocation implements InvocationStream, OpenStreams.Abortable {

    private final int statusCode;
    private final String executedVersion;
    private final String contentType;
    private final EventStreamInput input;
    private final CompletableFuture<Void> call;
    private final OpenStreams open;

    StreamedInvocation(int statusCode, String executedVersion, String contentType, EventStreamInput input,
            CompletableFuture<Void> call, OpenStreams open) {
        this.statusCode = statusCode;
        this.executedVersion = executedVersion;
        this.contentType = contentType;
        this.input = input;
        this.call = call;
        this.open = open;
    }

    @Override
    public int statusCode() {
        return statusCode;
    }

    @Override
    public String executedVersion() {
        return executedVersion;
    }

    @Override
    public String contentType() {
        return contentType;
    }

    @Override
    public InputStream inputStream() {
        return input;
    }

    @Override
    public boolean isComplete() {
        return input.ended();
    }

    @Override
    public Optional<String> logTail() {
        return Optional.ofNullable(input.logTail());
    }

    @Override
    public void abort(ConnectionUnavailableException reason) {
        input.abort(reason);
        cancelCall();
    }

    @Override
    public void close() {
        input.close();
    }

    /** What closing the input stream does (see {@link EventStreamInput}). */
    void closed() {
        open.remove(this);
        if (!input.ended()) {
            input.cancel();
            cancelCall();
        }
    }

    /** Cancels the SDK's call, which closes its connection; never throws. */
    private void cancelCall() {
        try {
            call.cancel(true);
        } catch (RuntimeException alreadyClosed) {
            // the client is closed: its connections are too
        }
    }

    @Override
    public String toString() {
        return "InvocationStream[status " + statusCode + ", version " + executedVersion + ", "
                + (input.ended() ? "ended" : "open") + "]";
    }
}
