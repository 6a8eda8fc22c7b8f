package io.lambdajca.local.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.Semaphore;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.lambdajca.local.runtime.ResponseTooLargeException;
import io.undertow.io.IoCallback;
import io.undertow.io.Sender;
import io.undertow.server.HttpServerExchange;

/**
 * The handler's side of a streamed response: what it writes is buffered up to {@link #CHUNK} bytes and sent as one
 * {@code PayloadChunk} event when the buffer is full or the handler flushes. Events are written by the connection's
 * I/O thread, one at a time; at most {@link #WINDOW} events wait to be written, beyond which the handler blocks until
 * the client has read (backpressure: memory stays bounded whatever the response's size). Bytes are counted as they
 * are written; the {@link #MAX_STREAMED_RESPONSE} + 1st byte fails with {@link ResponseTooLargeException}. After
 * {@link #complete}, or once the client has gone, writes fail with an {@link IOException}.
 */
final class ResponseStream extends OutputStream {

    /** Largest streamed response: 200 MB (209,715,200 bytes), AWS's documented limit for response streaming. */
    static final long MAX_STREAMED_RESPONSE = 200L * 1024 * 1024;
    /** Largest PayloadChunk event's payload: a write larger than this goes out in several events. */
    static final int CHUNK = 64 * 1024;
    /** Events queued for the I/O thread before the handler blocks. */
    static final int WINDOW = 4;

    private static final Logger LOG = Logger.getLogger(ResponseStream.class.getName());

    private final HttpServerExchange exchange;
    private final long limit;
    private final Semaphore window = new Semaphore(WINDOW);
    /** Guarded by itself: frames waiting for the I/O thread; the boolean fields below are guarded by it too. */
    private final ArrayDeque<Frame> queue = new ArrayDeque<>();
    private boolean closed;
    private boolean gone;
    /** Touched by the I/O thread only. */
    private boolean sending;
    /** Touched by the handler's thread only. */
    private final byte[] buffer = new byte[CHUNK];
    private int buffered;
    private long written;
    private volatile boolean overflowed;

    ResponseStream(HttpServerExchange exchange, long limit) {
        this.exchange = exchange;
        this.limit = limit;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (len < 0 || off < 0 || off + len > b.length) {
            throw new IndexOutOfBoundsException("offset " + off + ", length " + len + " of " + b.length);
        }
        checkOpen();
        if (written + len > limit) {
            overflowed = true;
            throw new ResponseTooLargeException("Response payload size exceeded maximum allowed payload size ("
                    + limit + " bytes).");
        }
        written += len;
        while (len > 0) {
            int n = Math.min(len, CHUNK - buffered);
            System.arraycopy(b, off, buffer, buffered, n);
            buffered += n;
            off += n;
            len -= n;
            if (buffered == CHUNK) {
                flush();
            }
        }
    }

    /** Sends what is buffered as one PayloadChunk; blocks while {@link #WINDOW} events wait to be written. */
    @Override
    public void flush() throws IOException {
        if (buffered == 0) {
            return;
        }
        checkOpen();
        try {
            window.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the client read the response");
        }
        ByteBuffer frame = EventStreamFrames.payloadChunk(Arrays.copyOf(buffer, buffered));
        buffered = 0;
        synchronized (queue) {
            if (closed || gone) {
                window.release();
                throw new IOException("the response stream is closed");
            }
            queue.add(new Frame(frame, false));
        }
        exchange.getIoThread().execute(this::drain);
    }

    /** Whether the handler wrote more than the limit. */
    boolean overflowed() {
        return overflowed;
    }

    /** Bytes of response the handler wrote, counted as it wrote them. */
    long written() {
        return written;
    }

    /**
     * Ends the stream with its last event (after those already queued) and ends the exchange once it is written.
     * Called once, from any thread; the handler's later writes fail.
     */
    void complete(ByteBuffer lastEvent) {
        synchronized (queue) {
            if (closed) {
                return;
            }
            closed = true;
            if (gone) {
                return; // the client has left: nothing more to write
            }
            queue.add(new Frame(lastEvent, true));
        }
        exchange.getIoThread().execute(this::drain);
    }

    private void checkOpen() throws IOException {
        synchronized (queue) {
            if (closed || gone) {
                throw new IOException(gone ? "the client closed the connection" : "the response stream is closed");
            }
        }
    }

    /** On the I/O thread: writes the next queued event unless one is being written. */
    private void drain() {
        if (sending) {
            return;
        }
        Frame next;
        synchronized (queue) {
            next = queue.poll();
        }
        if (next == null) {
            return;
        }
        sending = true;
        exchange.getResponseSender().send(next.bytes, new IoCallback() {
            @Override
            public void onComplete(HttpServerExchange ex, Sender sender) {
                sending = false;
                if (next.last) {
                    ex.endExchange();
                    return;
                }
                window.release();
                drain();
            }

            @Override
            public void onException(HttpServerExchange ex, Sender sender, IOException e) {
                sending = false;
                synchronized (queue) {
                    gone = true;
                    queue.clear();
                }
                window.release(WINDOW + 1); // a handler waiting for room finds the stream gone
                LOG.log(Level.FINE, "the client stopped reading a streamed response", e);
                IoCallback.END_EXCHANGE.onException(ex, sender, e);
            }
        });
    }

    private static final class Frame {
        final ByteBuffer bytes;
        final boolean last;

        Frame(ByteBuffer bytes, boolean last) {
            this.bytes = bytes;
            this.last = last;
        }
    }
}
