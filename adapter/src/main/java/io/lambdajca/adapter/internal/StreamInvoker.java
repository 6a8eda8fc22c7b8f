package io.lambdajca.adapter.internal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.lambdajca.adapter.internal.metrics.FunctionMetrics;
import io.lambdajca.adapter.internal.metrics.InvocationMetrics;
import io.lambdajca.api.ConnectionUnavailableException;
import io.lambdajca.api.EndpointUnavailableException;
import io.lambdajca.api.InvalidRequestException;
import io.lambdajca.api.InvocationRequest;
import io.lambdajca.api.InvocationStream;
import io.lambdajca.api.InvocationType;
import io.lambdajca.api.LambdaException;
import io.lambdajca.api.ThrottledException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.model.InvokeWithResponseStreamRequest;
import software.amazon.awssdk.services.lambda.model.InvokeWithResponseStreamResponse;
import software.amazon.awssdk.services.lambda.model.InvokeWithResponseStreamResponseEvent;
import software.amazon.awssdk.services.lambda.model.InvokeWithResponseStreamResponseHandler;
import software.amazon.awssdk.core.async.SdkPublisher;

/**
 * InvokeWithResponseStream: the request validated as Invoke's (plus: RequestResponse or DryRun only, and no
 * afterCommit), then sent on the adapter's async client under the retry policy until Lambda answers the stream's
 * headers. Only failures before that are resent (throttling, failures to connect; after-send failures as the policy
 * says for Invoke), since once the stream has opened the function runs and may have sent bytes. The wait for the
 * credentials and the headers is bounded by what is left of the call timeout; the stream itself by the read timeout
 * between two events.
 */
final class StreamInvoker {

    private final Supplier<LambdaAsyncClient> client;
    private final Retrier retrier;
    private final JsonMapper json;
    private final InvocationMetrics metrics;
    private final OpenStreams open;
    private final Duration readTimeout;

    StreamInvoker(Supplier<LambdaAsyncClient> client, Retrier retrier, JsonMapper json, InvocationMetrics metrics,
            OpenStreams open, Duration readTimeout) {
        this.client = client;
        this.retrier = retrier;
        this.json = json;
        this.metrics = metrics;
        this.open = open;
        this.readTimeout = readTimeout;
    }

    InvocationStream invokeStream(InvocationRequest request) {
        RequestValidator.notNull(null, "request", request);
        String name = request.functionName();
        RequestValidator.functionName(name);
        RequestValidator.qualifier(name, request.qualifier());
        RequestValidator.tenantId(name, request.tenantId());
        InvocationType type = RequestValidator.notNull(name, "invocationType", request.invocationType());
        if (type == InvocationType.EVENT) {
            throw new InvalidRequestException(name, "invocationType " + type.wireName() + " cannot stream: "
                    + "InvokeWithResponseStream takes RequestResponse or DryRun only (an Event invocation has no "
                    + "response to stream)");
        }
        if (request.afterCommit()) {
            throw new InvalidRequestException(name, "afterCommit cannot stream: afterCommit applies to Event "
                    + "invocations only, and InvokeWithResponseStream takes RequestResponse or DryRun");
        }
        if (request.durableExecutionName() != null) {
            throw new InvalidRequestException(name, "durableExecutionName '" + request.durableExecutionName()
                    + "' cannot stream: InvokeWithResponseStream has no durable execution name");
        }
        byte[] payload = RequestBodies.of(json, name, type, request);
        String clientContext = RequestValidator.clientContext(name, request.clientContext());
        InvokeWithResponseStreamRequest sdkRequest = InvokeWithResponseStreamRequest.builder()
                .functionName(name)
                .qualifier(request.qualifier())
                .invocationType(RequestBodies.wireType(type))
                .logType(RequestBodies.wireLogType(request))
                .clientContext(clientContext)
                .tenantId(request.tenantId())
                .payload(SdkBytes.fromByteArrayUnsafe(payload))
                .build();
        FunctionMetrics counted = metrics.of(name);
        long started = System.nanoTime();
        try {
            return retrier.call(Operation.INVOKE_STREAM, name, left -> open(name, sdkRequest, left, counted, started));
        } catch (Retrier.Exhausted e) {
            LambdaException mapped = ExceptionMapper.map(Operation.INVOKE_STREAM, name, e.last(), e.attempts);
            if (mapped instanceof ThrottledException) {
                counted.throttled();
            } else {
                counted.failed();
            }
            throw mapped;
        }
    }

    /** One attempt: sends the request and waits for the stream's headers, at most {@code left} (null: no bound). */
    private StreamedInvocation open(String name, InvokeWithResponseStreamRequest request, Duration left,
            FunctionMetrics counted, long started) {
        // the attempt's time counts from here: a wait for the client another caller builds is part of it
        long deadline = System.nanoTime() + (left == null ? 0 : left.toNanos());
        LambdaAsyncClient async;
        try {
            async = client.get();
        } catch (AdapterStoppedException stopped) {
            throw new ConnectionUnavailableException("The Lambda resource adapter is stopped", stopped);
        } catch (SingleFlight.TimedOut slow) {
            throw new ConnectionUnavailableException(slow.getMessage(), slow);
        }
        AtomicReference<StreamedInvocation> opened = new AtomicReference<>();
        CompletableFuture<InvokeWithResponseStreamResponse> headers = new CompletableFuture<>();
        EventStreamInput input = new EventStreamInput(name, readTimeout, outcome -> {
            StreamedInvocation s = opened.get();
            if (s != null) {
                open.remove(s);
            }
            if (!headersArrived(headers)) {
                return; // a failure before the stream opened: counted once, when no attempt is left
            }
            // no switch: an enum switch compiles to a class of its own that the first stream to end would load, and
            // that may happen while the adapter stops (see ClosingClasses)
            if (outcome == EventStreamInput.Outcome.FAILED) {
                counted.failed();
            } else {
                counted.completed(System.nanoTime() - started, outcome == EventStreamInput.Outcome.FUNCTION_ERROR);
            }
        }, () -> {
            StreamedInvocation s = opened.get();
            if (s != null) {
                s.closed();
            }
        });
        OpenStreams.Abortable pending = reason -> {
            headers.completeExceptionally(reason);
            input.abort(reason);
        };
        open.add(pending);
        if (headers.isCompletedExceptionally()) {
            // the adapter stopped meanwhile: add aborted it, and nothing is sent
            open.remove(pending);
            throw StreamFailures.unwrap(headers.handle((r, t) -> t).join());
        }
        CompletableFuture<Void> call;
        // the SDK resolves the credentials on this thread before it returns: a fetch they wait for is bounded by the
        // call's time too, as the SDK bounds it for a synchronous call (the refreshing providers' wait is
        // interruptible)
        InterruptAtDeadline bounded = null;
        try {
            bounded = new InterruptAtDeadline(scheduler(async),
                    left == null ? null : Duration.ofNanos(deadline - System.nanoTime()));
            call = async.invokeWithResponseStream(request, new Handler(headers, input));
        } catch (RuntimeException e) {
            open.remove(pending);
            throw e;
        } finally {
            if (bounded != null) {
                bounded.close();
            }
        }
        call.whenComplete((ignored, t) -> {
            if (t != null) {
                headers.completeExceptionally(StreamFailures.unwrap(t));
                input.fail(t);
            }
        });
        InvokeWithResponseStreamResponse response;
        try {
            response = left == null ? headers.get()
                    : headers.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            call.cancel(true);
            throw StreamFailures.unwrap(e.getCause());
        } catch (TimeoutException e) {
            call.cancel(true);
            throw ApiCallTimeoutException.create(left.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            call.cancel(true);
            throw new EndpointUnavailableException(name, "InvokeWithResponseStream of function '" + name
                    + "' was interrupted while waiting for its stream to open", false, e);
        } finally {
            open.remove(pending);
        }
        StreamedInvocation stream = new StreamedInvocation(response.statusCode() == null ? 200
                : response.statusCode(), response.executedVersion(), response.responseStreamContentType(), input,
                call, open);
        opened.set(stream);
        // added before asking whether it ended: an end in between would find nothing to remove, and leave it here
        open.add(stream);
        if (input.ended()) {
            open.remove(stream);
        }
        return stream;
    }

    /** The scheduler the async client runs its timeouts on: the adapter's. */
    private static ScheduledExecutorService scheduler(LambdaAsyncClient async) {
        return async.serviceClientConfiguration().overrideConfiguration().scheduledExecutorService()
                .orElseThrow(() -> new IllegalStateException("the streaming client has no scheduler"));
    }

    private static boolean headersArrived(CompletableFuture<InvokeWithResponseStreamResponse> headers) {
        return headers.isDone() && !headers.isCompletedExceptionally();
    }

    /** The SDK's callbacks: the headers complete the wait, the events go to the input stream. */
    private static final class Handler implements InvokeWithResponseStreamResponseHandler {
        private final CompletableFuture<InvokeWithResponseStreamResponse> headers;
        private final EventStreamInput input;

        Handler(CompletableFuture<InvokeWithResponseStreamResponse> headers, EventStreamInput input) {
            this.headers = headers;
            this.input = input;
        }

        @Override
        public void responseReceived(InvokeWithResponseStreamResponse response) {
            headers.complete(response);
        }

        @Override
        public void onEventStream(SdkPublisher<InvokeWithResponseStreamResponseEvent> publisher) {
            publisher.subscribe(input);
        }

        @Override
        public void exceptionOccurred(Throwable t) {
            headers.completeExceptionally(StreamFailures.unwrap(t));
            input.fail(t);
        }

        @Override
        public void complete() {
            // the publisher's onComplete ends the input stream
        }
    }
}
