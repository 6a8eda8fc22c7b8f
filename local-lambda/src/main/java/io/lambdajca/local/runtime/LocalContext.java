package io.lambdajca.local.runtime;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

/** The {@link Context} a handler receives for one invocation. */
final class LocalContext implements Context {

    private final String requestId;
    private final FunctionVersion version;
    private final String invokedArn;
    private final ClientContext clientContext;
    private final InvocationLog log;
    private final long deadlineNanos;
    private final String tenantId;

    LocalContext(String requestId, FunctionVersion version, String invokedArn, ClientContext clientContext,
            InvocationLog log, long deadlineNanos, String tenantId) {
        this.tenantId = tenantId;
        this.requestId = requestId;
        this.version = version;
        this.invokedArn = invokedArn;
        this.clientContext = clientContext;
        this.log = log;
        this.deadlineNanos = deadlineNanos;
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + version.name();
    }

    @Override
    public String getLogStreamName() {
        return "local/[" + version.version() + "]" + version.name();
    }

    @Override
    public String getFunctionName() {
        return version.name();
    }

    @Override
    public String getFunctionVersion() {
        return version.version();
    }

    @Override
    public String getInvokedFunctionArn() {
        return invokedArn;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return clientContext;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, (deadlineNanos - System.nanoTime()) / 1_000_000L);
    }

    @Override
    public int getMemoryLimitInMB() {
        return version.memorySizeMb();
    }

    /** The invocation's {@code X-Amz-Tenant-Id}, for a function with tenant isolation; else null. */
    @Override
    public String getTenantId() {
        return tenantId;
    }

    @Override
    public LambdaLogger getLogger() {
        return log;
    }
}
