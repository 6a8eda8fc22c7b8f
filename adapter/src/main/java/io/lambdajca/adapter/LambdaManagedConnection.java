package io.lambdajca.adapter;

import java.io.PrintWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.security.auth.Subject;
import javax.transaction.xa.XAResource;

import io.lambdajca.adapter.internal.AdapterLog;
import io.lambdajca.adapter.internal.LambdaOperations;
import io.lambdajca.adapter.internal.credentials.CredentialSource;
import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.IllegalStateException;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionMetaData;

/**
 * A pooled connection. Lambda is called over HTTP through the connection definition's shared SDK client, so a managed
 * connection is a cheap logical one: it hands out handles, tells the pool when they close, and holds no socket.
 */
public class LambdaManagedConnection implements ManagedConnection {

    private final LambdaManagedConnectionFactory factory;
    private final LambdaOperations operations;
    private final CredentialSource credentials;
    private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
    private final Set<LambdaConnectionHandle> handles = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean destroyed = new AtomicBoolean();
    private volatile PrintWriter logWriter;

    LambdaManagedConnection(LambdaManagedConnectionFactory factory, LambdaOperations operations,
            CredentialSource credentials) {
        this.factory = factory;
        this.operations = operations;
        this.credentials = credentials;
    }

    @Override
    public Object getConnection(Subject subject, ConnectionRequestInfo info) throws ResourceException {
        checkNotDestroyed();
        LambdaConnectionHandle handle = new LambdaConnectionHandle(this);
        handles.add(handle);
        return handle;
    }

    LambdaOperations operations() {
        return operations;
    }

    /** Whether this connection can serve a request for that connection definition with those credentials. */
    boolean matches(LambdaManagedConnectionFactory mcf, CredentialSource wanted) {
        return !destroyed.get() && factory.equals(mcf) && credentials.equals(wanted);
    }

    boolean isDestroyed() {
        return destroyed.get();
    }

    /** The first of the candidates that can serve that connection definition with those credentials, or null. */
    static ManagedConnection match(Set<?> candidates, LambdaManagedConnectionFactory mcf, CredentialSource wanted) {
        for (Object candidate : candidates) {
            if (candidate instanceof LambdaManagedConnection && ((LambdaManagedConnection) candidate).matches(mcf,
                    wanted)) {
                return (ManagedConnection) candidate;
            }
        }
        return null;
    }

    /** The candidates that are destroyed Lambda connections. */
    static Set<Object> destroyed(Set<?> candidates) {
        Set<Object> invalid = new HashSet<>();
        for (Object candidate : candidates) {
            if (candidate instanceof LambdaManagedConnection && ((LambdaManagedConnection) candidate).isDestroyed()) {
                invalid.add(candidate);
            }
        }
        return invalid;
    }

    /** Called by a handle's close(): the handle is done, and the pool may take the connection back. */
    void handleClosed(LambdaConnectionHandle handle) {
        if (!handles.remove(handle)) {
            return;
        }
        ConnectionEvent event = new ConnectionEvent(this, ConnectionEvent.CONNECTION_CLOSED);
        event.setConnectionHandle(handle);
        for (ConnectionEventListener l : listeners) {
            try {
                l.connectionClosed(event);
            } catch (RuntimeException e) {
                // the container's failure: the others are still told, and the application's close() does not fail
                // after its work was done (it might then do it again)
                AdapterLog.connectionReturnFailed(e);
            }
        }
    }

    @Override
    public void associateConnection(Object connection) throws ResourceException {
        checkNotDestroyed();
        if (!(connection instanceof LambdaConnectionHandle)) {
            throw new ResourceException("Cannot associate a " + (connection == null ? "null" : connection.getClass()
                    .getName()) + " with a Lambda managed connection; expected a LambdaConnectionHandle");
        }
        LambdaConnectionHandle handle = (LambdaConnectionHandle) connection;
        LambdaManagedConnection previous = handle.reassociate(this);
        if (previous != null && previous != this) {
            previous.handles.remove(handle);
        }
        handles.add(handle);
    }

    @Override
    public void cleanup() throws ResourceException {
        for (LambdaConnectionHandle handle : handles) {
            handle.invalidate();
        }
        handles.clear();
    }

    @Override
    public void destroy() throws ResourceException {
        if (destroyed.compareAndSet(false, true)) {
            cleanup();
            listeners.clear();
        }
    }

    @Override
    public void addConnectionEventListener(ConnectionEventListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void removeConnectionEventListener(ConnectionEventListener listener) {
        listeners.remove(listener);
    }

    @Override
    public XAResource getXAResource() throws ResourceException {
        throw new NotSupportedException("AWS Lambda calls are not transactional: the adapter supports NoTransaction "
                + "only, so it has no XAResource");
    }

    @Override
    public LocalTransaction getLocalTransaction() throws ResourceException {
        throw new NotSupportedException("AWS Lambda calls are not transactional: the adapter supports NoTransaction "
                + "only, so it has no local transaction");
    }

    @Override
    public ManagedConnectionMetaData getMetaData() {
        return new LambdaManagedConnectionMetaData();
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    private void checkNotDestroyed() throws IllegalStateException {
        if (destroyed.get()) {
            throw new IllegalStateException("This Lambda managed connection was destroyed");
        }
    }
}
