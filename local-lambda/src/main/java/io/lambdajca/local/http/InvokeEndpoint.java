package io.lambdajca.local.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

import io.lambdajca.local.ApiException;
import io.lambdajca.local.Jsons;
import io.lambdajca.local.runtime.FunctionNames;
import io.lambdajca.local.runtime.FunctionRegistry;
import io.lambdajca.local.runtime.FunctionVersion;
import io.lambdajca.local.runtime.Invocation;
import io.lambdajca.local.runtime.InvocationOutcome;
import io.lambdajca.local.runtime.Invoker;
import io.lambdajca.local.runtime.LambdaFunction;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import io.undertow.util.SameThreadExecutor;
import jakarta.json.JsonException;

/** The Invoke operation: RequestResponse (200), Event (202) and DryRun (204), with log tail and client context. */
public final class InvokeEndpoint {

    /** Synchronous request payloads must be smaller than 6,291,456 bytes. */
    public static final int MAX_SYNC_PAYLOAD = 6_291_456;
    /** Asynchronous (Event) request payloads must be smaller than 1 MB (1,048,576 bytes) since October 2025. */
    public static final int MAX_EVENT_PAYLOAD = 1_048_576;
    /** The base64 client context may be at most 3,583 bytes. */
    public static final int MAX_CLIENT_CONTEXT = 3583;

    private static final HttpString INVOCATION_TYPE = new HttpString("X-Amz-Invocation-Type");
    private static final HttpString LOG_TYPE = new HttpString("X-Amz-Log-Type");
    private static final HttpString CLIENT_CONTEXT = new HttpString("X-Amz-Client-Context");
    private static final HttpString EXECUTED_VERSION = new HttpString("X-Amz-Executed-Version");
    private static final HttpString FUNCTION_ERROR = new HttpString("X-Amz-Function-Error");
    private static final HttpString LOG_RESULT = new HttpString("X-Amz-Log-Result");
    private static final HttpString TENANT_ID = new HttpString("X-Amz-Tenant-Id");
    private static final HttpString DURABLE_NAME = new HttpString("X-Amz-Durable-Execution-Name");

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

    void invoke(HttpServerExchange exchange, String name, byte[] payload) {
        String qualifierParam = FunctionsEndpoint.query(exchange, "Qualifier");
        FunctionNames.Ref ref = registry.reachable(
                FunctionNames.checked(FunctionNames.forInvoke(name), qualifierParam));
        String qualifier = FunctionsEndpoint.qualifier(qualifierParam, ref);
        String type = header(exchange, INVOCATION_TYPE, "RequestResponse");
        if (!type.equals("RequestResponse") && !type.equals("Event") && !type.equals("DryRun")) {
            throw ApiException.validation(type, "invocationType",
                    "Member must satisfy enum value set: [Event, RequestResponse, DryRun]");
        }
        String logType = header(exchange, LOG_TYPE, "None");
        if (!logType.equals("None") && !logType.equals("Tail")) {
            throw ApiException.validation(logType, "logType", "Member must satisfy enum value set: [None, Tail]");
        }
        String clientContext = clientContext(exchange.getRequestHeaders().getFirst(CLIENT_CONTEXT));
        int limit = type.equals("Event") ? MAX_EVENT_PAYLOAD : MAX_SYNC_PAYLOAD;
        if (payload.length >= limit) {
            throw ApiException.tooLarge(limit);
        }
        if (payload.length > 0) {
            String problem = Jsons.jsonProblem(payload);
            if (problem != null) {
                throw ApiException.invalidContent("Could not parse request body into json: Could not parse payload "
                        + "into json: " + problem);
            }
        }
        // Invoke names the version it looked for: $LATEST when none is given
        LambdaFunction function = registry.get(ref.name, qualifier == null ? "$LATEST" : qualifier);
        FunctionVersion version = FunctionsEndpoint.version(function, qualifier);
        if (qualifier != null && !qualifier.isEmpty() && !qualifier.equals(version.version())) {
            version = AliasesEndpoint.route(function, qualifier, routing); // an alias: its weights pick the version
        }
        String tenantId = exchange.getRequestHeaders().getFirst(TENANT_ID);
        function.tenancy().checkInvoke(tenantId, function);
        String durableName = exchange.getRequestHeaders().getFirst(DURABLE_NAME);
        if (durableName != null) {
            TenancyRequests.refuseDurableName(durableName, function.latest().functionArn());
        }
        String requestId = exchange.getResponseHeaders().getFirst(Exchanges.REQUEST_ID);
        String invokedArn = qualifier == null ? version.functionArn()
                : registry.arn(ref.name) + ":" + qualifier;
        Invocation invocation;
        try {
            invocation = Invocation.of(function, version, payload, requestId, invokedArn, clientContext, tenantId);
        } catch (JsonException | ClassCastException e) {
            throw ApiException.invalidParameter("Client context must be a valid Base64-encoded JSON object.");
        }
        switch (type) {
            case "DryRun":
                Exchanges.empty(exchange, 204);
                return;
            case "Event":
                invoker.enqueue(invocation);
                Exchanges.empty(exchange, 202);
                return;
            default:
                boolean tail = logType.equals("Tail");
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

    private static String clientContext(String base64) {
        if (base64 == null) {
            return null;
        }
        if (base64.length() > MAX_CLIENT_CONTEXT) {
            throw ApiException.invalidParameter("Client context must be at most " + MAX_CLIENT_CONTEXT
                    + " bytes once base64-encoded; got " + base64.length());
        }
        try {
            return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidParameter("Client context must be a valid Base64-encoded JSON object.");
        }
    }

    private static String header(HttpServerExchange exchange, HttpString name, String fallback) {
        String value = exchange.getRequestHeaders().getFirst(name);
        return value == null ? fallback : value;
    }
}
