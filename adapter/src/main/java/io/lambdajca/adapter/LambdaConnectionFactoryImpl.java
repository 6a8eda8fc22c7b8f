package io.lambdajca.adapter;

import javax.naming.Reference;

import io.lambdajca.adapter.internal.credentials.CredentialSource;
import io.lambdajca.api.ConnectionUnavailableException;
import io.lambdajca.api.InvalidRequestException;
import io.lambdajca.api.LambdaConnectionSpec;
import io.lambdajca.api.LambdaConnection;
import io.lambdajca.api.LambdaConnectionFactory;
import io.lambdajca.api.LambdaException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;

/**
 * The connection factory bound in JNDI: asks the container's connection manager (and so its pool) for connections.
 * Serializable as JNDI's {@code Referenceable} contract asks, but only its {@link Reference} is written: not the
 * connection definition (whose properties hold secrets) nor the container's connection manager. A copy read back (a
 * passivated or replicated session) refuses connections, saying so: look the factory up again.
 */
public class LambdaConnectionFactoryImpl implements LambdaConnectionFactory {

    private static final long serialVersionUID = 1L;
    private static final String DESERIALIZED = "this LambdaConnectionFactory is a serialized copy (of a passivated or "
            + "replicated session), which has no container behind it: look the factory up in JNDI, or inject it, again";

    private final transient LambdaManagedConnectionFactory factory;
    private final transient ConnectionManager connectionManager;
    private Reference reference;

    LambdaConnectionFactoryImpl(LambdaManagedConnectionFactory factory, ConnectionManager connectionManager) {
        this.factory = factory;
        this.connectionManager = connectionManager;
    }

    @Override
    public LambdaConnection getConnection() {
        return allocate(LambdaConnectionRequestInfo.OWN, "No Lambda connection could be had from the pool: ");
    }

    @Override
    public LambdaConnection getConnection(LambdaConnectionSpec spec) {
        if (spec == null) {
            throw new InvalidRequestException(null, "The connection spec must not be null; use getConnection() for "
                    + "the connection definition's own credentials");
        }
        String failure = "No Lambda connection with credential profile '" + spec.credentialProfile()
                + "' could be had: ";
        if (factory == null) {
            throw new ConnectionUnavailableException(failure + DESERIALIZED, null);
        }
        CredentialSource credentials;
        try {
            credentials = factory.profile(spec.credentialProfile()); // on the application's thread, in its naming
        } catch (ResourceException e) {
            if (factory.adapterStopped()) {
                // as getConnection() says it, not as a fault of the profile, which may be gone with the adapter
                ResourceException stopped = LambdaResourceAdapter.stoppedException(e);
                throw new ConnectionUnavailableException(failure + stopped.getMessage(), stopped);
            }
            throw new InvalidRequestException(null, e.getMessage(), e);
        }
        return allocate(new LambdaConnectionRequestInfo(spec.credentialProfile(), credentials), failure);
    }

    /**
     * A connection from the container's pool. What the container throws besides {@link ResourceException} (a pool
     * being shut down, a factory whose adapter was undeployed) is a {@link ConnectionUnavailableException} too: no
     * exception of the container reaches the application raw.
     */
    private LambdaConnection allocate(LambdaConnectionRequestInfo info, String failure) {
        if (connectionManager == null) {
            throw new ConnectionUnavailableException(failure + DESERIALIZED, null);
        }
        try {
            return (LambdaConnection) connectionManager.allocateConnection(factory, info);
        } catch (ResourceException e) {
            throw new ConnectionUnavailableException(failure + e.getMessage(), e);
        } catch (LambdaException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ConnectionUnavailableException(failure + e, e);
        }
    }

    @Override
    public void setReference(Reference reference) {
        this.reference = reference;
    }

    @Override
    public Reference getReference() {
        return reference;
    }
}
