package io.lambdajca.adapter;

import javax.naming.Reference;

import io.lambdajca.api.ConnectionUnavailableException;
import io.lambdajca.api.InvalidRequestException;
import io.lambdajca.api.LambdaConnectionSpec;
import io.lambdajca.api.LambdaConnection;
import io.lambdajca.api.LambdaConnectionFactory;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;

/** The connection factory bound in JNDI: asks the container's connection manager (and so its pool) for connections. */
public class LambdaConnectionFactoryImpl implements LambdaConnectionFactory {

    private static final long serialVersionUID = 1L;

    private final LambdaManagedConnectionFactory factory;
    private final transient ConnectionManager connectionManager;
    private Reference reference;

    LambdaConnectionFactoryImpl(LambdaManagedConnectionFactory factory, ConnectionManager connectionManager) {
        this.factory = factory;
        this.connectionManager = connectionManager;
    }

    @Override
    public LambdaConnection getConnection() {
        try {
            return (LambdaConnection) connectionManager.allocateConnection(factory, LambdaConnectionRequestInfo.OWN);
        } catch (ResourceException e) {
            throw new ConnectionUnavailableException("No Lambda connection could be had from the pool: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public LambdaConnection getConnection(LambdaConnectionSpec spec) {
        if (spec == null) {
            throw new InvalidRequestException(null, "The connection spec must not be null; use getConnection() for "
                    + "the connection definition's own credentials");
        }
        try {
            factory.checkProfile(spec.credentialProfile());
        } catch (ResourceException e) {
            throw new InvalidRequestException(null, e.getMessage(), e);
        }
        try {
            return (LambdaConnection) connectionManager.allocateConnection(factory,
                    new LambdaConnectionRequestInfo(spec.credentialProfile()));
        } catch (ResourceException e) {
            throw new ConnectionUnavailableException("No Lambda connection with credential profile '"
                    + spec.credentialProfile() + "' could be had: " + e.getMessage(), e);
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
