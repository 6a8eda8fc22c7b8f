package io.lambdajca.adapter;

import javax.security.auth.Subject;

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
     * Checks the credential profile now if it is bound (a misconfigured one fails the deployment), then hands the
     * rest, which waits for the profile if the container has not bound it yet and makes network calls, to the
     * adapter's activation threads.
     */
    void activate() throws ResourceException {
        String profile = config.credentialProfile();
        if (profile == null || ProfileLookup.isBound(profile)) {
            try {
                credentials.own();
            } catch (ResourceException e) {
                if (!(e.getCause() instanceof ProfileLookup.NotBound)) {
                    throw e;
                } // a SourceProfile it names is not bound yet: the activation waits for it
            }
        }
        LambdaResourceAdapter.of(adapter).activations().activate(profile, () -> operations.operations(credentials.own()));
    }

    /** The credentials of a connection request. */
    CredentialSource credentialsFor(Subject subject, ConnectionRequestInfo info) throws ResourceException {
        return credentials.forRequest(subject, info);
    }
}
