package io.lambdajca.adapter.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.lambdajca.api.ConnectionUnavailableException;

/**
 * The streaming invocations of one adapter instance that have not ended: when the adapter stops, each is aborted
 * before the clients are closed, so that its reader gets a {@link ConnectionUnavailableException} rather than
 * whatever a closed HTTP client would raise.
 */
public final class OpenStreams {

    /** Something that can be aborted: a stream, or an invocation waiting for its stream to open. */
    interface Abortable {
        void abort(ConnectionUnavailableException reason);
    }

    private final Set<Abortable> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** Adds a stream; aborts it at once when the adapter has stopped meanwhile. */
    void add(Abortable stream) {
        open.add(stream);
        if (closed && open.remove(stream)) {
            stream.abort(stopped());
        }
    }

    void remove(Abortable stream) {
        open.remove(stream);
    }

    /** Whether the adapter has stopped: its streams were aborted, and calls waiting to retry send nothing more. */
    boolean adapterStopped() {
        return closed;
    }

    /** How many streams are open. */
    public int size() {
        return open.size();
    }

    /** Aborts every open stream, and every stream added from now on. */
    void abortAll() {
        closed = true;
        for (Abortable stream : open) {
            if (open.remove(stream)) {
                stream.abort(stopped());
            }
        }
    }

    private static ConnectionUnavailableException stopped() {
        return new ConnectionUnavailableException("The Lambda resource adapter stopped (undeployed, or the server is "
                + "shutting down or reloading): the response stream was aborted", null);
    }
}
