package io.lambdajca.local.http;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

import io.lambdajca.local.ApiException;
import io.lambdajca.local.Jsons;
import io.lambdajca.local.runtime.FunctionRegistry;
import io.lambdajca.local.runtime.InvocationOutcome;
import io.lambdajca.local.runtime.Invoker;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.SameThreadExecutor;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

/**
 * InvokeWithResponseStream: the checks, routing and limits of Invoke ({@link InvokeRequest}), then a 200 answer whose
 * body is an event stream of {@code PayloadChunk} events, sent as the handler writes and flushes, ending with one
 * {@code InvokeComplete} event that carries the function's error ({@code ErrorCode} its type, {@code ErrorDetails} its
 * message) and the log tail. DryRun answers 204. The stream's {@code Content-Type} is the function's environment
 * variable {@value #CONTENT_TYPE_VARIABLE}, else {@code application/octet-stream}.
 */
final class StreamingInvokeEndpoint {

    /** The function's environment variable naming its stream's content type (Java handlers have no API for it). */
    static final String CONTENT_TYPE_VARIABLE = "LOCAL_LAMBDA_STREAM_CONTENT_TYPE";
    static final String DEFAULT_CONTENT_TYPE = "application/octet-stream";

    private static final List<String> TYPES = List.of("RequestResponse", "DryRun");

    private final FunctionRegistry registry;
    private final Invoker invoker;
    private final DoubleSupplier routing;
    private final long limit;

    StreamingInvokeEndpoint(FunctionRegistry registry, Invoker invoker) {
        this(registry, invoker, () -> ThreadLocalRandom.current().nextDouble(), ResponseStream.MAX_STREAMED_RESPONSE);
    }

    StreamingInvokeEndpoint(FunctionRegistry registry, Invoker invoker, DoubleSupplier routing, long limit) {
        this.registry = registry;
        this.invoker = invoker;
        this.routing = routing;
        this.limit = limit;
    }

    void invoke(HttpServerExchange exchange, String name, byte[] payload) {
        InvokeRequest request = InvokeRequest.parse(exchange, name, payload, registry, routing, TYPES,
                InvokeEndpoint.MAX_SYNC_PAYLOAD);
        if (request.type.equals("DryRun")) {
            Exchanges.empty(exchange, 204);
            return;
        }
        String contentType = request.invocation.environmentVariable(CONTENT_TYPE_VARIABLE);
        exchange.setStatusCode(200);
        exchange.getResponseHeaders().put(Exchanges.CONTENT_TYPE,
                contentType == null || contentType.isEmpty() ? DEFAULT_CONTENT_TYPE : contentType);
        exchange.getResponseHeaders().put(InvokeEndpoint.EXECUTED_VERSION, request.invocation.executedVersion());
        ResponseStream stream = new ResponseStream(exchange, limit);
        exchange.dispatch(SameThreadExecutor.INSTANCE, () -> {
            try {
                invoker.invokeStreaming(request.invocation, request.tail, stream,
                        outcome -> stream.complete(lastEvent(outcome, stream)));
            } catch (ApiException e) {
                exchange.getResponseHeaders().remove(InvokeEndpoint.EXECUTED_VERSION); // nothing ran
                Exchanges.error(exchange, e);
            }
        });
    }

    private java.nio.ByteBuffer lastEvent(InvocationOutcome outcome, ResponseStream stream) {
        if (outcome.functionError() == null) {
            return EventStreamFrames.invokeComplete(null, null, outcome.logTail());
        }
        String code;
        String details;
        if (stream.overflowed()) {
            // whatever the handler made of the refused write, the invocation failed on the limit
            code = "Function.ResponseSizeTooLarge";
            details = "Response payload size exceeded maximum allowed payload size (" + limit + " bytes).";
        } else {
            JsonObject error = Jsons.PROVIDER.createReader(new ByteArrayInputStream(outcome.payload())).readObject();
            code = text(error, "errorType");
            details = text(error, "errorMessage");
        }
        return EventStreamFrames.invokeComplete(code, details, outcome.logTail());
    }

    private static String text(JsonObject object, String key) {
        return object.get(key) instanceof JsonString ? object.getString(key) : null;
    }
}
