package io.lambdajca.adapter;

import java.lang.reflect.Type;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import io.lambdajca.adapter.internal.LambdaOperations;
import io.lambdajca.api.ConnectionUnavailableException;
import io.lambdajca.api.FunctionInfo;
import io.lambdajca.api.FunctionManagement;
import io.lambdajca.api.InvocationRequest;
import io.lambdajca.api.InvocationResult;
import io.lambdajca.api.InvocationStream;
import io.lambdajca.api.LambdaConnection;

/**
 * The connection an application holds. Every call checks that the handle is still open and associated and that the
 * adapter runs, then goes to the Lambda operations of the credentials it was made for. {@link #close()} is idempotent
 * and returns the connection to the pool.
 */
public class LambdaConnectionHandle implements LambdaConnection {

    private volatile LambdaManagedConnection managed;
    private volatile boolean closed;
    private final LambdaOperations operations;
    private final FunctionManagement functions = new FunctionManagementView(this);

    LambdaConnectionHandle(LambdaManagedConnection managed, LambdaOperations operations) {
        this.managed = managed;
        this.operations = operations;
    }

    /** Moves the handle to another managed connection; returns the previous one. */
    LambdaManagedConnection reassociate(LambdaManagedConnection target) {
        LambdaManagedConnection previous = managed;
        managed = target;
        return previous;
    }

    /** Called by the container's cleanup: the handle becomes unusable without notifying the pool. */
    void invalidate() {
        closed = true;
        managed = null;
    }

    LambdaOperations operations() {
        LambdaManagedConnection mc = managed;
        if (closed || mc == null) {
            throw new ConnectionUnavailableException("This Lambda connection is closed; get a new one from the "
                    + "LambdaConnectionFactory", null);
        }
        if (mc.adapterStopped()) {
            throw new ConnectionUnavailableException("The Lambda resource adapter of this connection has stopped (it "
                    + "was undeployed, or the server is stopping); nothing was sent", null);
        }
        return operations;
    }

    @Override
    public List<FunctionInfo> listFunctions() {
        return operations().listFunctions("");
    }

    @Override
    public List<FunctionInfo> listFunctions(String namePrefix) {
        return operations().listFunctions(namePrefix);
    }

    @Override
    public Stream<FunctionInfo> streamFunctions() {
        // the handle is checked before each page is asked for: a stream consumed after close() fails, sending nothing
        return operations().streamFunctions(this::operations);
    }

    @Override
    public Optional<FunctionInfo> getFunction(String functionName) {
        return operations().getFunction(functionName);
    }

    @Override
    public InvocationResult invoke(InvocationRequest request) {
        return operations().invoke(request);
    }

    @Override
    public <T> T invoke(InvocationRequest request, Type resultType) {
        return operations().invoke(request, resultType);
    }

    @Override
    public <T> T invoke(InvocationRequest request, Class<T> resultType) {
        return operations().invoke(request, (Type) resultType);
    }

    @Override
    public <T> T invoke(String functionName, Object input, Class<T> resultType) {
        return invoke(InvocationRequest.builder(functionName).input(input).build(), (Type) resultType);
    }

    @Override
    public <T> T invoke(String functionName, Object input, Type resultType) {
        return invoke(InvocationRequest.builder(functionName).input(input).build(), resultType);
    }

    @Override
    public InvocationStream invokeStream(InvocationRequest request) {
        return operations().invokeStream(request);
    }

    @Override
    public boolean deleteFunction(String functionName) {
        return operations().deleteFunction(functionName, null);
    }

    @Override
    public boolean deleteFunction(String functionName, String qualifier) {
        return operations().deleteFunction(functionName, qualifier);
    }

    @Override
    public FunctionManagement functions() {
        operations(); // fails at once on a closed handle
        return functions;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        LambdaManagedConnection mc = managed;
        if (mc != null) {
            mc.handleClosed(this);
        }
    }
}
