package io.lambdajca.api;

import java.io.InputStream;
import java.util.Optional;

/**
 * A function's response as it streams (Lambda's InvokeWithResponseStream), returned by
 * {@link LambdaConnection#invokeStream(InvocationRequest)} once Lambda has accepted the invocation and sent its
 * headers. The bytes are read from {@link #inputStream()} as the function writes them; nothing is buffered beyond
 * what the reader has not yet taken, so a response of any size (Lambda allows 200 MB) needs bounded memory.
 * <p>
 * The stream does not depend on the connection that opened it: it stays readable after that connection is closed,
 * so an EJB may return it to a servlet that copies it to its response. Read it from one thread, and always close it:
 * closing before the end cancels the invocation's stream and frees its HTTP connection. Another thread may close it
 * (a time limit, a client gone away); a read waiting for bytes then ends at once. When the resource adapter
 * stops, open streams are aborted and their readers get a {@link ConnectionUnavailableException}.
 */
public interface InvocationStream extends AutoCloseable {

    /** 200 for RequestResponse, 204 for DryRun (which streams nothing). */
    int statusCode();

    /** The version the qualifier resolved to, such as {@code $LATEST}; null for DryRun. */
    String executedVersion();

    /**
     * The content type the function gave its stream (the response's {@code Content-Type}, Lambda's
     * {@code ResponseStreamContentType}), such as {@code application/octet-stream}; null when Lambda sent none.
     */
    String contentType();

    /**
     * The function's response bytes, in the order it wrote them, arriving as it flushes them. Each call returns the
     * same stream. {@code read} blocks until bytes arrive and returns -1 when the function completed. It throws:
     * <ul>
     * <li>{@link FunctionErrorException} when the function failed, after every byte it wrote before failing has
     * been read (the exception carries Lambda's error code and details);</li>
     * <li>{@link EndpointUnavailableException} when the stream breaks or stalls longer than the read timeout;</li>
     * <li>{@link ConnectionUnavailableException} when the adapter stopped meanwhile.</li>
     * </ul>
     * As any {@code InputStream}, it also throws {@link java.io.IOException}: once it is closed (by this thread or
     * another), "The response stream of function '...' is closed"; and {@link java.io.InterruptedIOException} when the
     * reading thread is interrupted while it waits, the thread's interrupt flag kept set and the stream still readable.
     * Closing it closes this {@code InvocationStream}.
     */
    InputStream inputStream();

    /** True once the stream has ended, whether the function completed or failed. */
    boolean isComplete();

    /**
     * The decoded last 4 KB of the function's log, when the request asked for it ({@code tailLog}); Lambda sends it
     * when the stream ends, so it is empty until {@link #isComplete()}.
     */
    Optional<String> logTail();

    /** Cancels the stream when it has not ended, and frees its HTTP connection. Idempotent; never throws. */
    @Override
    void close();
}
