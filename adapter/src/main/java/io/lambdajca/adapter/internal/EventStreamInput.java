package io.lambdajca.adapter.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import io.lambdajca.api.ConnectionUnavailableException;
import io.lambdajca.api.EndpointUnavailableException;
import io.lambdajca.api.FunctionError;
import io.lambdajca.api.FunctionErrorException;
import io.lambdajca.api.LambdaException;
import software.amazon.awssdk.services.lambda.model.InvokeResponseStreamUpdate;
import software.amazon.awssdk.services.lambda.model.InvokeWithResponseStreamCompleteEvent;
import software.amazon.awssdk.services.lambda.model.InvokeWithResponseStreamResponseEvent;

/**
 * The bytes of a response stream as an {@link InputStream}, fed by the SDK's event publisher with demand: one event is
 * requested at first, and one more each time the reader takes one, so at most the chunk being read and the next one
 * are held, whatever the stream's size. A PayloadChunk's bytes are read in order; InvokeComplete ends the stream, with
 * the function's error (thrown once every earlier byte has been read) and its log tail. The SDK's thread only queues
 * what arrives; the reader's thread does the rest.
 */
final class EventStreamInput extends InputStream implements Subscriber<InvokeWithResponseStreamResponseEvent> {

    /** The end of the stream: completed, or failed with {@link #failure}. */
    private static final Object END = new Object();
    /** Wakes a blocked reader after an abort, or a close from another thread. */
    private static final Object WAKE = new Object();

    private final String functionName;
    private final Duration readTimeout;
    private final Consumer<Outcome> ended;
    private final LinkedBlockingQueue<Object> arrived = new LinkedBlockingQueue<>();
    private final AtomicBoolean terminated = new AtomicBoolean();
    private volatile Subscription subscription;
    private volatile boolean cancelled;
    private volatile InvokeWithResponseStreamCompleteEvent complete;
    private volatile Throwable failure;
    private volatile LambdaException aborted;
    /** Nothing arrived within the read timeout, and the stream was given up. */
    private volatile boolean stalled;
    private final Runnable onClose;

    /** Reader's state: the chunk being read, and whether the end was read. */
    private ByteBuffer current;
    private boolean atEnd;
    private LambdaException thrown;
    /** Closed by the reader, or by another thread while the reader waits (it wakes up). */
    private final AtomicBoolean closed = new AtomicBoolean();

    /** How a stream ended, for the metrics. */
    enum Outcome { COMPLETED, FUNCTION_ERROR, FAILED }

    /**
     * @param readTimeout the longest wait for the next event (the HTTP client's own read timeout should end it
     *     first; this bounds the wait should it not)
     * @param ended called once, on the SDK's thread, when the stream ends
     * @param onClose called when the reader closes this stream
     */
    EventStreamInput(String functionName, Duration readTimeout, Consumer<Outcome> ended, Runnable onClose) {
        this.functionName = functionName;
        this.readTimeout = readTimeout;
        this.ended = ended;
        this.onClose = onClose;
    }

    // ---- the SDK's side

    @Override
    public void onSubscribe(Subscription s) {
        subscription = s;
        if (cancelled) {
            s.cancel();
        } else {
            s.request(1);
        }
    }

    @Override
    public void onNext(InvokeWithResponseStreamResponseEvent event) {
        if (event instanceof InvokeResponseStreamUpdate chunk) {
            ByteBuffer bytes = chunk.payload() == null ? null : chunk.payload().asByteBuffer();
            if (bytes == null || !bytes.hasRemaining()) {
                subscription.request(1); // nothing to read: ask for the next at once
            } else {
                arrived.add(bytes);
            }
        } else if (event instanceof InvokeWithResponseStreamCompleteEvent done) {
            complete = done;
            subscription.request(1); // for the end of the stream
        } else {
            subscription.request(1); // an event this SDK does not know: skipped
        }
    }

    @Override
    public void onError(Throwable t) {
        fail(t);
    }

    @Override
    public void onComplete() {
        end(null);
    }

    /** The call failed (the handler's exceptionOccurred, or the call's future). First end wins. */
    void fail(Throwable t) {
        end(t);
    }

    private void end(Throwable t) {
        if (terminated.compareAndSet(false, true)) {
            failure = t;
            arrived.add(END);
            InvokeWithResponseStreamCompleteEvent c = complete;
            // a stream its reader closed early was a successful invocation, whatever the cancellation raised
            boolean closedEarly = cancelled && aborted == null && !stalled;
            ended.accept(c != null && c.errorCode() != null ? Outcome.FUNCTION_ERROR
                    : t != null && !closedEarly ? Outcome.FAILED : Outcome.COMPLETED);
        }
    }

    /** The adapter stopped: the reader gets this at its next read, and a blocked reader wakes up. */
    void abort(LambdaException reason) {
        aborted = reason;
        cancel();
        arrived.add(WAKE);
        end(reason);
    }

    /**
     * Cancels the subscription (now, or as soon as the SDK subscribes); never throws (a client closed meanwhile may
     * refuse the cancellation's task, and its connection is closed anyway).
     */
    void cancel() {
        cancelled = true;
        Subscription s = subscription;
        if (s != null) {
            try {
                s.cancel();
            } catch (RuntimeException alreadyClosed) {
                // the event loop has ended: nothing is left to cancel
            }
        }
    }

    /** Whether the stream has ended, completed or failed. */
    boolean ended() {
        return terminated.get();
    }

    /** The decoded log tail, once the stream has ended and Lambda sent one. */
    String logTail() {
        InvokeWithResponseStreamCompleteEvent c = complete;
        if (c == null || c.logResult() == null || c.logResult().isEmpty()) {
            return null;
        }
        return LogTail.decode(c.logResult());
    }

    // ---- the reader's side

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0 && !closed.get()) {
            return 0;
        }
        while (true) {
            if (closed.get()) {
                throw new IOException("The response stream of function '" + functionName + "' is closed");
            }
            if (aborted != null) {
                throw aborted;
            }
            if (current != null && current.hasRemaining()) {
                int n = Math.min(len, current.remaining());
                current.get(b, off, n);
                return n;
            }
            if (atEnd) {
                if (thrown != null) {
                    throw thrown;
                }
                return -1;
            }
            Object next = next();
            if (next instanceof ByteBuffer bytes) {
                current = bytes;
                requestNext(); // the next chunk may come while this one is read
            } else if (next == END) {
                atEnd = true;
                thrown = endFailure();
            } else if (next instanceof LambdaException timedOut) {
                atEnd = true;
                thrown = timedOut;
            }
        }
    }

    @Override
    public int available() {
        ByteBuffer c = current;
        return closed.get() || c == null ? 0 : c.remaining();
    }

    /**
     * Asks the SDK for the next event. A client closed meanwhile (the adapter stopping) may refuse it: the stream then
     * ends, after the bytes in hand, as one the adapter could not go on with, instead of a read waiting for its read
     * timeout (or the abort's reason, when the adapter stopped).
     */
    private void requestNext() {
        try {
            subscription.request(1);
        } catch (RuntimeException refused) {
            fail(new ConnectionUnavailableException(functionName, "InvokeWithResponseStream of function '"
                    + functionName + "' could not go on: its client refused to ask for the rest of the stream (it is "
                    + "closed, as when the adapter stops): " + refused, refused));
        }
    }

    private Object next() throws InterruptedIOException {
        try {
            Object next = arrived.poll(readTimeout.toMillis(), TimeUnit.MILLISECONDS);
            if (next == null) {
                stalled = true;
                cancel();
                return new EndpointUnavailableException(functionName, "InvokeWithResponseStream of function '"
                        + functionName + "' timed out waiting for the next part of the stream (ReadTimeoutMillis, "
                        + readTimeout.toMillis() + " ms)", true, null);
            }
            return next;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading the response stream of function '"
                    + functionName + "'");
        }
    }

    /** What the end of the stream throws: the function's error, the mapped failure, or null when it completed. */
    private LambdaException endFailure() {
        Throwable t = failure;
        if (t != null) {
            if (aborted != null) {
                return aborted;
            }
            return StreamFailures.map(functionName, t);
        }
        InvokeWithResponseStreamCompleteEvent c = complete;
        if (c != null && c.errorCode() != null) {
            return new FunctionErrorException(functionName, functionError(c.errorCode(), c.errorDetails()));
        }
        return null;
    }

    /** The error InvokeComplete reports: its details are the runtime's JSON error, or plain text. */
    static FunctionError functionError(String errorCode, String errorDetails) {
        if (errorDetails == null || errorDetails.isEmpty()) {
            return new FunctionError(FunctionError.Kind.UNHANDLED, errorCode, null, List.of());
        }
        FunctionError parsed = FunctionErrorParser.parse("Unhandled", errorDetails.getBytes(StandardCharsets.UTF_8));
        return new FunctionError(FunctionError.Kind.UNHANDLED,
                parsed.errorType() != null ? parsed.errorType() : errorCode, parsed.errorMessage(),
                parsed.stackTrace());
    }

    /** Closes the stream; from another thread too, which wakes a reader waiting for the next event. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            arrived.add(WAKE);
            onClose.run();
        }
    }
}
