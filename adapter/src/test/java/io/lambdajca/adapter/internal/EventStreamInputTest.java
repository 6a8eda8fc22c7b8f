package io.lambdajca.adapter.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;

import io.lambdajca.api.ConnectionUnavailableException;
import io.lambdajca.api.EndpointUnavailableException;
import io.lambdajca.api.FunctionErrorException;
import io.lambdajca.local.testing.Poll;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.lambda.model.InvokeResponseStreamUpdate;
import software.amazon.awssdk.services.lambda.model.InvokeWithResponseStreamCompleteEvent;
import software.amazon.awssdk.services.lambda.model.InvokeWithResponseStreamResponseEvent;

/** The input stream over the SDK's event publisher, fed by hand as the SDK's thread would feed it. */
class EventStreamInputTest {

    private final AtomicLong requested = new AtomicLong();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final List<EventStreamInput.Outcome> outcomes = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final EventStreamInput input = new EventStreamInput("streamer", Duration.ofSeconds(10), outcomes::add,
            () -> closed.set(true));

    private final Subscription subscription = new Subscription() {
        @Override
        public void request(long n) {
            requested.addAndGet(n);
        }

        @Override
        public void cancel() {
            cancelled.set(true);
        }
    };

    private static InvokeWithResponseStreamResponseEvent chunk(String text) {
        return InvokeResponseStreamUpdate.builder().payload(SdkBytes.fromUtf8String(text)).build();
    }

    private static InvokeWithResponseStreamResponseEvent complete(String errorCode, String details, String log) {
        return InvokeWithResponseStreamCompleteEvent.builder().errorCode(errorCode).errorDetails(details)
                .logResult(log == null ? null : Base64.getEncoder().encodeToString(log.getBytes(
                        StandardCharsets.UTF_8))).build();
    }

    @Test
    void chunks_areReadInOrder_andOneMoreIsRequestedOnlyAsTheReaderTakesOne() throws IOException {
        input.onSubscribe(subscription);
        assertThat(requested).as("one event asked for at first").hasValue(1);
        input.onNext(chunk("ab"));
        input.onNext(chunk("cd"));
        assertThat(requested).as("nothing more asked for until the reader reads").hasValue(1);

        byte[] buffer = new byte[1];
        assertThat(input.read(buffer)).isEqualTo(1);
        assertThat((char) buffer[0]).isEqualTo('a');
        assertThat(requested).as("one more once the reader took a chunk").hasValue(2);
        assertThat((char) input.read()).isEqualTo('b');
        assertThat(requested).as("not while the taken chunk is read").hasValue(2);
        input.onNext(complete(null, null, "START\nEND\n"));
        input.onComplete();

        assertThat(new String(input.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("cd");
        assertThat(input.read()).isEqualTo(-1);
        assertThat(input.ended()).isTrue();
        assertThat(input.logTail()).isEqualTo("START\nEND\n");
        assertThat(outcomes).containsExactly(EventStreamInput.Outcome.COMPLETED);
    }

    @Test
    void functionError_isThrownAfterEveryEarlierByte() throws IOException {
        input.onSubscribe(subscription);
        input.onNext(chunk("line 1\n"));
        input.onNext(complete("Unhandled", "{\"errorType\":\"java.lang.IllegalStateException\","
                + "\"errorMessage\":\"broke after 1 line\",\"stackTrace\":[\"a.B.c(B.java:1)\"]}", null));
        input.onComplete();

        byte[] seven = new byte[7];
        assertThat(input.readNBytes(seven, 0, 7)).isEqualTo(7);
        assertThat(new String(seven, StandardCharsets.UTF_8)).isEqualTo("line 1\n");
        assertThatThrownBy(input::read).isInstanceOfSatisfying(FunctionErrorException.class, e -> {
            assertThat(e.errorType()).isEqualTo("java.lang.IllegalStateException");
            assertThat(e.errorMessage()).isEqualTo("broke after 1 line");
            assertThat(e.error().stackTrace()).containsExactly("a.B.c(B.java:1)");
        });
        assertThatThrownBy(input::read).as("again on the next read").isInstanceOf(FunctionErrorException.class);
        assertThat(outcomes).containsExactly(EventStreamInput.Outcome.FUNCTION_ERROR);
    }

    @Test
    void functionError_withPlainTextDetails_keepsLambdasErrorCodeAsItsType() {
        var error = EventStreamInput.functionError("Sandbox.Timedout", "Task timed out after 3.00 seconds");
        assertThat(error.errorType()).isEqualTo("Sandbox.Timedout");
        assertThat(error.errorMessage()).isEqualTo("Task timed out after 3.00 seconds");
    }

    @Test
    void brokenStream_isAnEndpointUnavailableException_afterTheBytesThatCame() throws IOException {
        input.onSubscribe(subscription);
        input.onNext(chunk("xy"));
        input.onError(SdkClientException.create("connection reset", new IOException("Connection reset by peer")));

        assertThat(input.read()).isEqualTo('x');
        assertThat(input.read()).isEqualTo('y');
        assertThatThrownBy(input::read).isInstanceOfSatisfying(EndpointUnavailableException.class,
                e -> assertThat(e.getMessage()).contains("InvokeWithResponseStream of function 'streamer'",
                        "lost its connection"));
        assertThat(outcomes).containsExactly(EventStreamInput.Outcome.FAILED);
    }

    @Test
    void nothingArrivingWithinTheReadTimeout_isATimeout() {
        EventStreamInput slow = new EventStreamInput("streamer", Duration.ofMillis(50), outcomes::add, () -> { });
        slow.onSubscribe(subscription);
        assertThatThrownBy(slow::read).isInstanceOfSatisfying(EndpointUnavailableException.class,
                e -> assertThat(e.isTimeout()).isTrue());
        assertThat(cancelled).as("the stream is given up").isTrue();
    }

    @Test
    void abort_wakesABlockedReader_withConnectionUnavailable() throws Exception {
        input.onSubscribe(subscription);
        CompletableFuture<Throwable> reader = blockedReader();
        input.abort(new ConnectionUnavailableException("adapter stopped", null));
        assertThat(reader.get(5, TimeUnit.SECONDS)).isInstanceOf(ConnectionUnavailableException.class);
        assertThat(cancelled).isTrue();
    }

    @Test
    void close_fromAnotherThread_wakesABlockedReader_whichIsToldTheStreamIsClosed() throws Exception {
        input.onSubscribe(subscription);
        CompletableFuture<Throwable> reader = blockedReader();
        input.close(); // the read timeout is 10 s: a reader not woken would still wait
        assertThat(reader.get(5, TimeUnit.SECONDS)).isInstanceOf(IOException.class)
                .hasMessage("The response stream of function 'streamer' is closed");
        assertThat(closed).isTrue();
    }

    @Test
    void anInterruptedRead_isAnInterruptedIOException_keepsTheFlag_andTheStreamStaysReadable() throws Exception {
        input.onSubscribe(subscription);
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(input::read).isInstanceOf(InterruptedIOException.class)
                    .hasMessage("interrupted while reading the response stream of function 'streamer'");
            assertThat(Thread.currentThread().isInterrupted()).as("the interrupt flag, kept").isTrue();
        } finally {
            Thread.interrupted();
        }
        input.onNext(chunk("x"));
        assertThat(input.read()).isEqualTo('x');
    }

    /** A reader of {@link #input} on a thread of its own, once it waits for the next event: what its read threw. */
    private CompletableFuture<Throwable> blockedReader() {
        AtomicReference<Thread> thread = new AtomicReference<>();
        CompletableFuture<Throwable> reader = CompletableFuture.supplyAsync(() -> {
            thread.set(Thread.currentThread());
            try {
                input.read();
                return null;
            } catch (Throwable t) {
                return t;
            }
        });
        Poll.until(Duration.ofSeconds(5), () -> thread.get() != null
                && thread.get().getState() == Thread.State.TIMED_WAITING, "the reader waiting for the next event");
        return reader;
    }

    @Test
    void aRequestForTheNextEventRefused_endsTheStreamWithThatFailure_afterTheChunkInHand() throws IOException {
        RejectedExecutionException refused = new RejectedExecutionException("event loop terminated");
        input.onSubscribe(new Subscription() {
            @Override
            public void request(long n) {
                if (requested.addAndGet(n) > 1) {
                    throw refused;
                }
            }

            @Override
            public void cancel() {
                cancelled.set(true);
            }
        });
        input.onNext(chunk("ab"));
        assertThat(input.read()).isEqualTo('a'); // asking for the next event is refused here
        assertThat(input.read()).isEqualTo('b');
        assertThatThrownBy(input::read).isInstanceOf(ConnectionUnavailableException.class).hasCause(refused)
                .hasMessage("InvokeWithResponseStream of function 'streamer' could not go on: its client refused to "
                        + "ask for the rest of the stream (it is closed, as when the adapter stops): " + refused);
    }

    @Test
    void close_beforeTheEnd_tellsItsOwner_andLaterReadsFail() throws IOException {
        input.onSubscribe(subscription);
        input.onNext(chunk("abc"));
        assertThat(input.read()).isEqualTo('a');
        input.close();
        input.close();
        assertThat(closed).isTrue();
        assertThatThrownBy(input::read).isInstanceOf(IOException.class).hasMessageContaining("closed");
    }

    @Test
    void closedEarly_countsAsACompletedInvocation_butAStallAsAFailure() {
        input.onSubscribe(subscription);
        input.cancel();
        input.fail(new java.util.concurrent.CancellationException());
        assertThat(outcomes).containsExactly(EventStreamInput.Outcome.COMPLETED);

        List<EventStreamInput.Outcome> stalled = new ArrayList<>();
        EventStreamInput slow = new EventStreamInput("streamer", Duration.ofMillis(20), stalled::add, () -> { });
        slow.onSubscribe(subscription);
        assertThatThrownBy(slow::read).isInstanceOf(EndpointUnavailableException.class);
        slow.fail(new java.util.concurrent.CancellationException());
        assertThat(stalled).containsExactly(EventStreamInput.Outcome.FAILED);
    }

    @Test
    void cancel_beforeTheSdkSubscribed_cancelsOnSubscribe() {
        input.cancel();
        input.onSubscribe(subscription);
        assertThat(cancelled).isTrue();
        assertThat(requested).hasValue(0);
    }
}
