package io.lambdajca.adapter;

import javax.security.auth.Subject;

import io.lambdajca.adapter.internal.AdapterLog;
import io.lambdajca.adapter.internal.ConfigException;
import io.lambdajca.adapter.internal.ConnectionConfig;
import io.lambdajca.adapter.internal.ConnectionProperties;
import io.lambdajca.adapter.internal.credentials.CredentialSource;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ResourceAdapter;

/**
 * A connection definition once its properties are validated: its configuration, the resolver of its credentials and
 * its operations per credential source, on its resource adapter. Built with no I/O.
 */
record ActiveDefinition(ConnectionConfig config, CredentialResolver credentials, OperationsRegistry operations,
        ResourceAdapter adapter) {

    /** Validates the properties; throws naming the property and the rule. */
    static ActiveDefinition of(ConnectionProperties properties, ManagedConnectionFactory definition,
            ResourceAdapter ra) throws ResourceException {
        ConnectionConfig config;
        try {
            config = properties.toConfig();
        } catch (ConfigException e) {
            throw new InvalidPropertyException("Invalid Lambda connection definition: " + e.getMessage());
        }
        return new ActiveDefinition(config, new CredentialResolver(config, definition),
                new OperationsRegistry(config, ra), ra);
    }

    /**
     * Resolves the definition's credentials and builds and warms up its SDK client now, on the container's thread and
     * holding no lock, when its credential profile (if any) is bound: a misconfigured profile fails the deployment, a
     * failed warm-up only warns. A profile the container has not bound yet (it binds administered objects after
     * connection factories) is waited for by the adapter's {@link Activations}, which then do the same.
     * <p>
     * Not every definition on the adapter's threads: measured with 50 redeploys (RedeployIT), building the clients
     * there kept about one undeployed adapter's classes alive every 20-30 cycles (classes +9 to +17%), which building
     * them on the container's thread does not (+0.2%).
     */
    void activate() throws ResourceException {
        String profile = config.credentialProfile();
        if (profile == null || ProfileLookup.isBound(profile)) {
            CredentialSource own = null;
            try {
                own = credentials.own();
            } catch (ResourceException e) {
                if (!(e.getCause() instanceof ProfileLookup.NotBound)) {
                    throw e;
                } // a SourceProfile it names is not bound yet: the activation waits for it
            }
            if (own != null) {
                build(profile, own);
                return;
            }
        }
        LambdaResourceAdapter.of(adapter).activations().activate(profile, () -> operations.operations(credentials.own()));
    }

    private void build(String profile, CredentialSource own) throws ResourceException {
        try {
            operations.operations(own);
        } catch (ResourceException | RuntimeException e) {
            if (!LambdaResourceAdapter.of(adapter).stopped()) {
                AdapterLog.deferredActivationFailed(profile, e);
            }
        }
    }

    /** The credentials of a connection request. */
    CredentialSource credentialsFor(Subject subject, ConnectionRequestInfo info) throws ResourceException {
        return credentials.forRequest(subject, info);
    }
}
