package io.lambdajca.adapter;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.security.auth.Subject;

import io.lambdajca.adapter.internal.ConfigException;
import io.lambdajca.adapter.internal.ConnectionConfig;
import io.lambdajca.adapter.internal.credentials.CredentialSource;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.security.PasswordCredential;

/**
 * The credentials one connection definition's connections call Lambda with: the container's sign-on, else a
 * credential profile the application names per call, else the definition's own (its credential profile, its static
 * keys, or the SDK's default chain). Profiles are looked up in JNDI, once per global name and on every call for a name
 * of the application's own namespaces (a profile validates itself once); no network call.
 */
final class CredentialResolver {

    private final ConnectionConfig config;
    private final ManagedConnectionFactory definition;
    private final Map<String, CredentialSource> profiles = new ConcurrentHashMap<>();

    CredentialResolver(ConnectionConfig config, ManagedConnectionFactory definition) {
        this.config = config;
        this.definition = definition;
    }

    /**
     * The credentials of a connection request: the container's PasswordCredential for this connection definition
     * (container-managed sign-on: user = access key id, password = secret key), else the credential profile of the
     * application's connection spec, else the definition's own.
     */
    CredentialSource forRequest(Subject subject, ConnectionRequestInfo info) throws ResourceException {
        PasswordCredential signOn = ContainerSignOn.passwordCredential(subject, definition);
        if (signOn != null) {
            return ContainerSignOn.keys(signOn);
        }
        if (info instanceof LambdaConnectionRequestInfo request && request.credentials() != null) {
            return request.credentials();
        }
        return own();
    }

    /** The connection definition's own credentials. */
    CredentialSource own() throws ResourceException {
        return config.credentialProfile() == null ? config.client().credentials() : profile(config.credentialProfile());
    }

    /**
     * The credential profile bound at that JNDI name, looked up and validated once per global name, and on every call
     * for a name of the calling application's own namespaces ({@code java:comp}, {@code java:module},
     * {@code java:app}), which names another profile in another application. Its failure's cause is the
     * {@link ConfigException}: a {@link ProfileLookup.NotBound} when a profile of the chain is not bound (yet).
     */
    CredentialSource profile(String jndiName) throws ResourceException {
        CredentialSource known = profiles.get(jndiName);
        if (known != null) {
            return known;
        }
        try {
            CredentialSource resolved = ProfileLookup.resolve(jndiName);
            if (!ofTheApplication(jndiName)) {
                profiles.putIfAbsent(jndiName, resolved);
            }
            return resolved;
        } catch (ConfigException e) {
            InvalidPropertyException failure = new InvalidPropertyException("Invalid credential profile for Lambda "
                    + "connection definition: " + e.getMessage());
            failure.initCause(e);
            throw failure;
        }
    }

    /** Whether the name is in a namespace of the application that looks it up (Jakarta EE Platform, naming). */
    private static boolean ofTheApplication(String jndiName) {
        return jndiName.startsWith("java:comp/") || jndiName.startsWith("java:module/")
                || jndiName.startsWith("java:app/");
    }
}
