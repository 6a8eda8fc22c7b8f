package io.lambdajca.local.runtime;

import com.amazonaws.services.lambda.runtime.ClientContext;

/** One request to run a function version. */
public final class Invocation {

    final LambdaFunction function;
    final FunctionVersion version;
    final byte[] payload;
    final String requestId;
    final String invokedArn;
    final ClientContext clientContext;
    final String tenantId;

    Invocation(LambdaFunction function, FunctionVersion version, byte[] payload, String requestId, String invokedArn,
            ClientContext clientContext, String tenantId) {
        this.tenantId = tenantId;
        this.function = function;
        this.version = version;
        this.payload = payload;
        this.requestId = requestId;
        this.invokedArn = invokedArn;
        this.clientContext = clientContext;
    }

    /**
     * Builds an invocation of {@code version} (for $LATEST, of its newest prepared configuration);
     * {@code clientContextJson} is the decoded {@code X-Amz-Client-Context}, or null.
     *
     * @throws jakarta.json.JsonException when the client context is not a JSON object
     * @throws io.lambdajca.local.ApiException 409 when the version's code is not ready (Pending)
     */
    public static Invocation of(LambdaFunction function, FunctionVersion version, byte[] payload, String requestId,
            String invokedArn, String clientContextJson) {
        return of(function, version, payload, requestId, invokedArn, clientContextJson, null);
    }

    /** As {@link #of(LambdaFunction, FunctionVersion, byte[], String, String, String)}, for one tenant (or null). */
    public static Invocation of(LambdaFunction function, FunctionVersion version, byte[] payload, String requestId,
            String invokedArn, String clientContextJson, String tenantId) {
        return new Invocation(function, function.invocable(version), payload, requestId, invokedArn,
                clientContextJson == null ? null : LocalClientContext.parse(clientContextJson), tenantId);
    }

    /** The version that runs (an alias or $LATEST resolved), as {@code X-Amz-Executed-Version} names it. */
    public String executedVersion() {
        return version.version();
    }

    /** A variable of the running version's environment, or null. */
    public String environmentVariable(String key) {
        return version.environmentVariable(key);
    }
}
