package io.lambdajca.local.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.DoubleSupplier;

import io.lambdajca.local.ApiException;
import io.lambdajca.local.Jsons;
import io.lambdajca.local.Violations;
import io.lambdajca.local.runtime.FunctionNames;
import io.lambdajca.local.runtime.FunctionRegistry;
import io.lambdajca.local.runtime.FunctionVersion;
import io.lambdajca.local.runtime.Invocation;
import io.lambdajca.local.runtime.LambdaFunction;
import io.lambdajca.local.runtime.Tenancy;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import jakarta.json.JsonException;

/**
 * What Invoke and InvokeWithResponseStream share: the request's headers checked (invocation and log type, client
 * context, tenant), the payload checked, the function, qualifier or alias resolved to the version that runs.
 */
final class InvokeRequest {

    /** The base64 client context may be at most 3,583 bytes. */
    static final int MAX_CLIENT_CONTEXT = 3583;

    private static final HttpString INVOCATION_TYPE = new HttpString("X-Amz-Invocation-Type");
    private static final HttpString LOG_TYPE = new HttpString("X-Amz-Log-Type");
    private static final HttpString CLIENT_CONTEXT = new HttpString("X-Amz-Client-Context");
    private static final HttpString TENANT_ID = new HttpString("X-Amz-Tenant-Id");
    private static final HttpString DURABLE_NAME = new HttpString("X-Amz-Durable-Execution-Name");
    /** Model enum LogType. */
    private static final List<String> LOG_TYPES = List.of("None", "Tail");

    /** RequestResponse, Event or DryRun. */
    final String type;
    /** Whether the caller asked for the log tail. */
    final boolean tail;
    final Invocation invocation;

    private InvokeRequest(String type, boolean tail, Invocation invocation) {
        this.type = type;
        this.tail = tail;
        this.invocation = invocation;
    }

    /**
     * Checks and resolves an invocation request.
     *
     * @param types the invocation types the operation takes, in the order its validation message lists them
     * @param payloadLimit the payload size of a synchronous invocation must be below (an Event's is Invoke's own)
     */
    static InvokeRequest parse(HttpServerExchange exchange, String name, byte[] payload, FunctionRegistry registry,
            DoubleSupplier routing, List<String> types, int payloadLimit) {
        String qualifierParam = FunctionsEndpoint.query(exchange, "Qualifier");
        String type = header(exchange, INVOCATION_TYPE, "RequestResponse");
        String logType = header(exchange, LOG_TYPE, "None");
        String tenantId = exchange.getRequestHeaders().getFirst(TENANT_ID);
        String durableName = exchange.getRequestHeaders().getFirst(DURABLE_NAME);
        // every constraint of the model at once, before the function is looked up: a missing function invoked with a
        // malformed tenant id is the tenant id's ValidationException, not 404
        FunctionNames.Ref ref = registry.reachable(FunctionNames.checked(FunctionNames.forInvoke(name),
                qualifierParam, headerViolations(type, types, logType, tenantId, durableName)));
        String qualifier = FunctionsEndpoint.qualifier(qualifierParam, ref);
        String clientContext = clientContext(exchange.getRequestHeaders().getFirst(CLIENT_CONTEXT));
        if (type.equals("Event") && payload.length > InvokeEndpoint.MAX_EVENT_PAYLOAD) {
            throw ApiException.eventTooLarge(payload.length, InvokeEndpoint.MAX_EVENT_PAYLOAD);
        }
        if (payload.length >= payloadLimit) {
            throw ApiException.tooLarge(payloadLimit);
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
        // what depends on the function, once it is found
        function.tenancy().checkInvoke(tenantId);
        if (durableName != null) {
            TenancyRequests.refuseDurableName(function.latest().functionArn());
        }
        String requestId = exchange.getResponseHeaders().getFirst(Exchanges.REQUEST_ID);
        String invokedArn = qualifier == null ? version.functionArn()
                : registry.arn(ref.name) + ":" + qualifier;
        try {
            return new InvokeRequest(type, logType.equals("Tail"), Invocation.of(function, version, payload,
                    requestId, invokedArn, clientContext, tenantId));
        } catch (JsonException | ClassCastException e) {
            throw ApiException.invalidParameter("Client context must be a valid Base64-encoded JSON object.");
        }
    }

    /**
     * The violations of the model's constraints on the request's headers (InvocationType and LogType enums, TenantId,
     * DurableExecutionName): none needs the function, so they are reported with the name's and qualifier's.
     */
    private static Violations headerViolations(String type, List<String> types, String logType, String tenantId,
            String durableName) {
        Violations violations = new Violations().oneOf(type, "invocationType", types)
                .oneOf(logType, "logType", LOG_TYPES);
        Tenancy.checkTenantId(tenantId, violations);
        TenancyRequests.checkDurableName(durableName, violations);
        return violations;
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

    static String header(HttpServerExchange exchange, HttpString name, String fallback) {
        String value = exchange.getRequestHeaders().getFirst(name);
        return value == null ? fallback : value;
    }
}
