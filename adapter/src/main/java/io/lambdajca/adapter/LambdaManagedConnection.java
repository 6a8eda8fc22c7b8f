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
 * connection is a cheap logical one: it hands out handles, tells the pool when they close, and holds no socket. It is
 * bound to no credentials: each handle calls with those of the request it was made for (the container's sign-on, the
 * application's credential profile, or the definition's own), so any of the definition's connections serves any
 * request, whether the pool asks the adapter to match them or not (GlassFish and Payara do not by default; WildFly's
 * single pool destroys every connection the adapter refuses to match).
 */
public class LambdaManagedConnection implements ManagedConnection {

    /** The Lambda operations for a connection request: its credentials resolved, their SDK client built. */
    @FunctionalInterface
    interface RequestOperations {
        LambdaOperations of(Subject subject, ConnectionRequestInfo info) throws ResourceException;
    }

    private final LambdaManagedConnectionFactory factory;
    private final RequestOperations operations;
    private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
    private final Set<LambdaConnectionHandle> handles = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean destroyed = new AtomicBoolean();
    private volatile PrintWriter logWriter;

    LambdaManagedConnection(LambdaManagedConnectionFactory factory, RequestOperations operations) {
        this.factory = factory;
        this.operations = operations;
    }

    /** A handle that calls Lambda with the credentials of this request (the container's Subject, a spec's profile). */
    @Override
    public Object getConnection(Subject subject, ConnectionRequestInfo info) throws ResourceException {
        checkNotDestroyed();
        LambdaConnectionHandle handle = new LambdaConnectionHandle(this, operations.of(subject, info));
        handles.add(handle);
        return handle;
    }

    /** Whether this connection can serve a request for that connection definition (any credentials). */
    boolean matches(LambdaManagedConnectionFactory mcf) {
        return isValid() && factory.equals(mcf);
    }

    /** Not destroyed, and its resource adapter still runs. */
    boolean isValid() {
        return !destroyed.get() && !factory.adapterStopped();
    }

    /** The first of the candidates that can serve that connection definition, or null. */
    static ManagedConnection match(Set<?> candidates, LambdaManagedConnectionFactory mcf) {
        for (Object candidate : candidates) {
            if (candidate instanceof LambdaManagedConnection && ((LambdaManagedConnection) candidate).matches(mcf)) {
                return (ManagedConnection) candidate;
            }
        }
        return null;
    }

    /** The candidates that are Lambda connections destroyed or of a stopped adapter. */
    static Set<Object> invalid(Set<?> candidates) {
        Set<Object> invalid = new HashSet<>();
        for (Object candidate : candidates) {
            if (candidate instanceof LambdaManagedConnection && !((LambdaManagedConnection) candidate).isValid()) {
                invalid.add(candidate);
            }
        }
        return invalid;
    }

    /** Whether the adapter this connection's definition belongs to has stopped. */
    boolean adapterStopped() {
        return factory.adapterStopped();
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
