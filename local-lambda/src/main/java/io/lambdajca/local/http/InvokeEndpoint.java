package io.lambdajca.local.http;

import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

import io.lambdajca.local.ApiException;
import io.lambdajca.local.runtime.FunctionRegistry;
import io.lambdajca.local.runtime.Invocation;
import io.lambdajca.local.runtime.InvocationOutcome;
import io.lambdajca.local.runtime.Invoker;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import io.undertow.util.SameThreadExecutor;

/** The Invoke operation: RequestResponse (200), Event (202) and DryRun (204), with log tail and client context. */
public final class InvokeEndpoint {

    /** Synchronous request payloads must be smaller than 6,291,456 bytes. */
    public static final int MAX_SYNC_PAYLOAD = 6_291_456;
    /** Asynchronous (Event) request payloads may take 1 MB (1,048,576 bytes) since October 2025. */
    public static final int MAX_EVENT_PAYLOAD = 1_048_576;
    /** The base64 client context may be at most 3,583 bytes. */
    public static final int MAX_CLIENT_CONTEXT = InvokeRequest.MAX_CLIENT_CONTEXT;

    private static final List<String> TYPES = List.of("Event", "RequestResponse", "DryRun");
    static final HttpString EXECUTED_VERSION = new HttpString("X-Amz-Executed-Version");
    private static final HttpString FUNCTION_ERROR = new HttpString("X-Amz-Function-Error");
    private static final HttpString LOG_RESULT = new HttpString("X-Amz-Log-Result");

    private final FunctionRegistry registry;
    private final Invoker invoker;
    private final DoubleSupplier routing;

    public InvokeEndpoint(FunctionRegistry registry, Invoker invoker) {
        this(registry, invoker, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** With the random source (uniform in [0, 1)) that picks the version an alias with routing weights runs. */
    public InvokeEndpoint(FunctionRegistry registry, Invoker invoker, DoubleSupplier routing) {
        this.registry = registry;
        this.invoker = invoker;
        this.routing = routing;
    }

    /** InvokeWithResponseStream, with this endpoint's functions, environments and alias routing. */
    StreamingInvokeEndpoint streaming() {
        return new StreamingInvokeEndpoint(registry, invoker, routing, ResponseStream.MAX_STREAMED_RESPONSE);
    }

    void invoke(HttpServerExchange exchange, String name, byte[] payload) {
        InvokeRequest request = InvokeRequest.parse(exchange, name, payload, registry, routing, TYPES,
                MAX_SYNC_PAYLOAD);
        Invocation invocation = request.invocation;
        String type = request.type;
        switch (type) {
            case "DryRun":
                Exchanges.empty(exchange, 204);
                return;
            case "Event":
                invoker.enqueue(invocation);
                Exchanges.empty(exchange, 202);
                return;
            default:
                boolean tail = request.tail;
                exchange.dispatch(SameThreadExecutor.INSTANCE, () -> {
                    try {
                        // answered on the connection's I/O thread: written from the environment's thread, the
                        // response would end the exchange there and wake the I/O thread again to read the next
                        invoker.invoke(invocation, tail,
                                outcome -> exchange.getIoThread().execute(() -> respond(exchange, outcome)));
                    } catch (ApiException e) {
                        Exchanges.error(exchange, e);
                    }
                });
        }
    }

    private static void respond(HttpServerExchange exchange, InvocationOutcome outcome) {
        exchange.getResponseHeaders().put(EXECUTED_VERSION, outcome.executedVersion());
        if (outcome.functionError() != null) {
            exchange.getResponseHeaders().put(FUNCTION_ERROR, outcome.functionError());
        }
        if (outcome.logTail() != null) {
            exchange.getResponseHeaders().put(LOG_RESULT, Base64.getEncoder().encodeToString(outcome.logTail()));
        }
        Exchanges.send(exchange, 200, Exchanges.JSON, outcome.payload());
    }
}
