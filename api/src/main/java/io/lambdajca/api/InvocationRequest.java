package io.lambdajca.api;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * What to invoke and how. Immutable (unless the array {@link #payloadUnsafe()} lends is changed); build one with
 * {@link #builder(String)}. The adapter validates it (name, qualifier, tenant id and durable execution name against
 * Lambda's patterns and lengths, payload is JSON and within the size limit of its invocation type, client context
 * size) before any network call.
 */
public final class InvocationRequest {

    private final String functionName;
    private final String qualifier;
    private final InvocationType invocationType;
    private final byte[] payload;
    private final Object input;
    private final boolean tailLog;
    private final String clientContext;
    private final String tenantId;
    private final String durableExecutionName;
    private final boolean afterCommit;
    private final Consumer<LambdaException> deferredFailureHandler;

    private InvocationRequest(Builder b) {
        this.functionName = b.functionName;
        this.qualifier = b.qualifier;
        this.invocationType = b.invocationType;
        this.payload = b.payload;
        this.input = b.input;
        this.tailLog = b.tailLog;
        this.clientContext = b.clientContext;
        this.tenantId = b.tenantId;
        this.durableExecutionName = b.durableExecutionName;
        this.afterCommit = b.afterCommit;
        this.deferredFailureHandler = b.deferredFailureHandler;
    }

    /** Starts a request for a function name, partial ARN or full ARN (optionally with {@code :qualifier}). */
    public static Builder builder(String functionName) {
        return new Builder(functionName);
    }

    public String functionName() {
        return functionName;
    }

    /** The version or alias to invoke, or null for {@code $LATEST} (or the qualifier in the name). */
    public String qualifier() {
        return qualifier;
    }

    public InvocationType invocationType() {
        return invocationType;
    }

    /** The JSON payload as bytes (a copy), or null when the request carries an {@link #input()} object instead. */
    public byte[] payload() {
        return payload == null ? null : payload.clone();
    }

    /**
     * The request's own payload array, not a copy, or null as for {@link #payload()}: for the connector, which only
     * reads it (checks it and sends it), so that a large payload is not copied once more on its way out; the
     * counterpart of {@link InvocationResult#wrap}. Whoever calls it must not change the array: the request would
     * then carry the changed bytes. Applications use {@link #payload()}.
     */
    public byte[] payloadUnsafe() {
        return payload;
    }

    /** An object to be mapped to JSON with JSON-B, or null when the request carries raw {@link #payload()}. */
    public Object input() {
        return input;
    }

    /** Whether to return the last 4 KB of the function's log. */
    public boolean tailLog() {
        return tailLog;
    }

    /** Client context as JSON text (the adapter base64-encodes it), or null. */
    public String clientContext() {
        return clientContext;
    }

    /** The tenant the invocation runs for (header {@code X-Amz-Tenant-Id}), or null for none. */
    public String tenantId() {
        return tenantId;
    }

    /** The name of the durable execution to start (header {@code X-Amz-Durable-Execution-Name}), or null. */
    public String durableExecutionName() {
        return durableExecutionName;
    }

    /** Whether an Event invocation made in a JTA transaction waits for the commit (and is dropped on rollback). */
    public boolean afterCommit() {
        return afterCommit;
    }

    /** Told when a deferred invocation fails after the commit; null when the caller did not ask. */
    public Consumer<LambdaException> deferredFailureHandler() {
        return deferredFailureHandler;
    }

    @Override
    public String toString() {
        return "InvocationRequest[function=" + functionName + ", qualifier=" + qualifier + ", type=" + invocationType
                + ", payloadBytes=" + (payload == null ? "n/a" : payload.length) + ", tailLog=" + tailLog
                + (tenantId == null ? "" : ", tenantId=" + tenantId)
                + (durableExecutionName == null ? "" : ", durableExecutionName=" + durableExecutionName)
                + ", afterCommit=" + afterCommit + "]";
    }

    /** Builder for {@link InvocationRequest}. */
    public static final class Builder {
        private final String functionName;
        private String qualifier;
        private InvocationType invocationType = InvocationType.REQUEST_RESPONSE;
        private byte[] payload;
        private Object input;
        private boolean tailLog;
        private String clientContext;
        private String tenantId;
        private String durableExecutionName;
        private boolean afterCommit;
        private Consumer<LambdaException> deferredFailureHandler;

        private Builder(String functionName) {
            this.functionName = functionName;
        }

        public Builder qualifier(String value) {
            this.qualifier = value;
            return this;
        }

        public Builder invocationType(InvocationType value) {
            this.invocationType = value;
            return this;
        }

        /** Raw JSON payload bytes; replaces any {@link #input(Object)}. */
        public Builder payload(byte[] json) {
            this.payload = json == null ? null : Arrays.copyOf(json, json.length);
            this.input = null;
            return this;
        }

        /** JSON payload text (UTF-8); replaces any {@link #input(Object)}. */
        public Builder payload(String json) {
            this.payload = json == null ? null : json.getBytes(StandardCharsets.UTF_8); // already a new array
            this.input = null;
            return this;
        }

        /** An object the adapter maps to JSON with JSON-B; replaces any raw payload. */
        public Builder input(Object value) {
            this.input = value;
            this.payload = null;
            return this;
        }

        public Builder tailLog(boolean value) {
            this.tailLog = value;
            return this;
        }

        /** Client context JSON, for example {@code {"custom":{"tenant":"a"}}}; at most 3,583 bytes once base64-encoded. */
        public Builder clientContext(String json) {
            this.clientContext = json;
            return this;
        }

        /**
         * The tenant to invoke the function for, sent as {@code X-Amz-Tenant-Id}: a function created with tenant
         * isolation ({@link FunctionInfo#tenantIsolationMode()} {@code PER_TENANT}) runs each tenant's invocations in
         * execution environments of that tenant only, and needs one. 1 to 256 characters: letters, digits, spaces (not
         * first or last: HTTP would drop them) and {@code . _ : / = + - @}; null (the default) sends none.
         */
        public Builder tenantId(String value) {
            this.tenantId = value;
            return this;
        }

        /**
         * The name of the durable execution this invocation starts, sent as {@code X-Amz-Durable-Execution-Name}
         * (for durable functions; Lambda answers its ARN, see {@link InvocationResult#durableExecutionArn()}). 1 to 64
         * characters of {@code [a-zA-Z0-9-_]}; null (the default) sends none.
         */
        public Builder durableExecutionName(String value) {
            this.durableExecutionName = value;
            return this;
        }

        /**
         * For an Event invocation inside a JTA transaction: send it only after the transaction commits, never on
         * rollback; {@link LambdaConnection#invoke(InvocationRequest)} then returns a result whose
         * {@link InvocationResult#isDeferred()} is true. Outside a transaction the invocation is sent at once. Only for
         * {@link InvocationType#EVENT}.
         */
        public Builder afterCommit(boolean value) {
            this.afterCommit = value;
            return this;
        }

        /** Called, on the thread that completes the transaction, when a deferred invocation fails after commit. */
        public Builder onDeferredFailure(Consumer<LambdaException> handler) {
            this.deferredFailureHandler = handler;
            return this;
        }

        public InvocationRequest build() {
            return new InvocationRequest(this);
        }
    }
}
