package io.lambdajca.adapter.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.lambdajca.api.ConnectionUnavailableException;

/**
 * The streaming invocations of one adapter instance that have not ended: when the adapter stops, each is aborted
 * before the clients are closed, so that its reader gets a {@link ConnectionUnavailableException} rather than
 * whatever a closed HTTP client would raise. Also the adapter's stop signal for calls waiting to retry: their wait ends
 * when it stops.
 */
public final class OpenStreams {

    /** Something that can be aborted: a stream, or an invocation waiting for its stream to open. */
    interface Abortable {
        void abort(ConnectionUnavailableException reason);
    }

    private final Set<Abortable> open = ConcurrentHashMap.newKeySet();
    private final CountDownLatch stopped = new CountDownLatch(1);

    /** Adds a stream; aborts it at once when the adapter has stopped meanwhile. */
    void add(Abortable stream) {
        open.add(stream);
        if (adapterStopped() && open.remove(stream)) {
            stream.abort(stopped());
        }
    }

    void remove(Abortable stream) {
        open.remove(stream);
    }

    /** Whether the adapter has stopped: its streams were aborted, and calls waiting to retry send nothing more. */
    boolean adapterStopped() {
        return stopped.getCount() == 0;
    }

    /** Waits up to {@code millis}, less when the adapter stops meanwhile (a call's wait before it retries). */
    void awaitStop(long millis) throws InterruptedException {
        stopped.await(millis, TimeUnit.MILLISECONDS);
    }

    /** How many streams are open. */
    public int size() {
        return open.size();
    }

    /** Aborts every open stream, and every stream added from now on. */
    void abortAll() {
        stopped.countDown();
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
