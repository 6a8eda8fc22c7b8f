package io.lambdajca.adapter;

import java.util.Objects;

import io.lambdajca.adapter.internal.credentials.CredentialSource;
import jakarta.resource.spi.ConnectionRequestInfo;

/**
 * What an application asked for beyond the connection definition: a credential profile, resolved on the
 * application's thread from the JNDI name it gave (a {@code java:comp/env} name is another profile in another
 * application), or {@link #OWN} for the definition's own credentials. Immutable; equal when the credentials are.
 * Every request carries one, never null: a pool that substitutes its first request's info for a null one (WildFly's
 * IronJacamar does) would otherwise give a plain {@code getConnection()} the credentials of a profile some earlier
 * caller named.
 */
final class LambdaConnectionRequestInfo implements ConnectionRequestInfo {

    /** The connection definition's own credentials (or the container's sign-on). */
    static final LambdaConnectionRequestInfo OWN = new LambdaConnectionRequestInfo();

    private final String credentialProfile;
    private final CredentialSource credentials;

    private LambdaConnectionRequestInfo() {
        this.credentialProfile = null;
        this.credentials = null;
    }

    LambdaConnectionRequestInfo(String credentialProfile, CredentialSource credentials) {
        this.credentialProfile = Objects.requireNonNull(credentialProfile, "credentialProfile");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
    }

    /** The credentials of the profile asked for; null for the definition's own credentials. */
    CredentialSource credentials() {
        return credentials;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LambdaConnectionRequestInfo
                && Objects.equals(credentials, ((LambdaConnectionRequestInfo) o).credentials);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(credentials);
    }

    @Override
    public String toString() {
        return "LambdaConnectionRequestInfo[credentialProfile="
                + (credentialProfile == null ? "(the definition's own)" : credentialProfile) + "]";
    }
}
